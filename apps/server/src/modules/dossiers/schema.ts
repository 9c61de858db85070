import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredDossierEvent, StoredDossierState } from './snapshot-store';

/**
 * The dossier aggregate. Every table carries the receiving agency id and has it first in its primary and
 * unique keys: it is the distribution column when the database grows past one machine (ARCHITECTURE.md,
 * "Growing past one machine"), and the dossier code starts with that agency's code.
 */
export const dossiersSchema = pgSchema('dossiers');

/** The event log: the only source of truth. `seq` is the dossier's version after the event. */
export const events = dossiersSchema.table(
  'events',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    body: jsonb('body').$type<StoredDossierEvent>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.receivingAgencyId, t.dossierId, t.seq] }),
    index('events_occurred_idx').on(t.occurredAt),
  ],
);

/**
 * The procedure and workflow snapshots that events and states refer to, each stored once: the key is the
 * SHA-256 of the snapshot's JSON text, so a row never changes and every process may keep it in memory
 * (modules/dossiers/snapshot-store.ts). Reference data, not a dossier's: it has no receiving agency.
 */
export const snapshots = dossiersSchema.table('snapshots', {
  hash: text('hash').primaryKey(),
  body: jsonb('body').$type<object>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The current state of each dossier (a projection of its events, updated in the same transaction). */
export const dossiers = dossiersSchema.table(
  'dossiers',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    nationalStatus: smallint('national_status').notNull(),
    channel: text('channel').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    procedureName: text('procedure_name').notNull(),
    deskId: uuid('desk_id'),
    deskAgencyId: uuid('desk_agency_id'),
    /** Every agency involved (desk, receiving/lead, workflow units, inter-agency participants): staff scope. */
    agencyIds: uuid('agency_ids').array().notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantAccountId: uuid('applicant_account_id'),
    stepKey: text('step_key'),
    stepUnitId: uuid('step_unit_id'),
    stepRole: text('step_role'),
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    assigneeUserId: uuid('assignee_user_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    /** on-track | due-soon | late | paused | no-deadline, refreshed by commands and the deadline scanner. */
    liveStatus: text('live_status'),
    supplementRequests: smallint('supplement_requests').notNull().default(0),
    extended: boolean('extended').notNull().default(false),
    digitised: boolean('digitised').notNull().default(false),
    paidOnline: boolean('paid_online').notNull().default(false),
    /** Alerts the deadline scanner already sent (`due-soon`, `late`, `apology-due`, `consultation:<id>`): each once. */
    alerts: text('alerts').array().notNull().default(sql`'{}'::text[]`),
    state: jsonb('state').$type<StoredDossierState>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.receivingAgencyId, t.id] }),
    unique('dossiers_code_key').on(t.receivingAgencyId, t.code),
    // URLs carry the dossier id alone (a uuid, unique on its own).
    index('dossiers_id_idx').on(t.id),
    index('dossiers_agencies_idx').using('gin', t.agencyIds),
    index('dossiers_applicant_idx').on(t.applicantAccountId),
    index('dossiers_open_due_idx').on(t.appointmentAt).where(sql`${t.finishedAt} is null`),
  ],
);

/** Gap-free daily sequence per receiving agency for dossier codes: a row lock serialises concurrent intake. */
export const codeSequences = dossiersSchema.table(
  'code_sequences',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.receivingAgencyId, t.day] })],
);

/** Form 06 tracking book numbers: per desk (or agency) per year, restarting at 1 each year. */
export const bookSequences = dossiersSchema.table(
  'book_sequences',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    bookKey: text('book_key').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.receivingAgencyId, t.bookKey, t.year] })],
);

/**
 * Daily counters per receiving agency × procedure × local day × channel × metric, updated with the
 * events; dashboards read these instead of scanning events. `npx motcua dossiers rebuild` recomputes them.
 */
export const dailyRollups = dossiersSchema.table(
  'daily_rollups',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    metric: text('metric').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.receivingAgencyId, t.procedureId, t.day, t.channel, t.metric] })],
);

/** Idempotent submissions: the first answer to a key is the answer to every retry with that key. */
export const idempotencyKeys = dossiersSchema.table(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
