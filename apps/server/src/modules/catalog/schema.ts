import type { ImportRecordError, ProcedureContent, WorkflowDefinition } from '@motcua/contracts/catalog';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RecordRows } from './catalogue-workbook';

export const catalogSchema = pgSchema('catalog');

/** Fields (lĩnh vực): the national code (`G15-TP01`…) or a local `L.…` code until it is known. */
export const fields = catalogSchema.table('fields', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  national: boolean('national').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A procedure of one agency's catalogue; its content lives in its versions. */
export const procedures = catalogSchema.table(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nationalCode: text('national_code').notNull(),
    ownerAgencyId: uuid('owner_agency_id').notNull(),
    localCode: text('local_code').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    abolishedAt: timestamp('abolished_at', { withTimezone: true }),
  },
  (t) => [unique('procedures_code_owner_key').on(t.nationalCode, t.ownerAgencyId)],
);

/**
 * Every version of every procedure, never deleted. `content` is the validated document; the other
 * columns are copies of what queries filter and rank on, written by the service with the document.
 * `search_text` is `catalog.fold(…)` (unaccent, đ → d, lower case) of name, field, code and results.
 */
export const versions = catalogSchema.table(
  'versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id').notNull(),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<ProcedureContent>().notNull(),
    name: text('name').notNull(),
    nationalCode: text('national_code').notNull(),
    fieldCode: text('field_code').notNull(),
    levels: text('levels').array().notNull(),
    agencyIds: uuid('agency_ids').array().notNull(),
    onlineLevel: text('online_level'),
    hasFee: boolean('has_fee').notNull(),
    legalEffectiveDate: date('legal_effective_date', { mode: 'string' }),
    searchName: text('search_name').notNull(),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    returnReason: text('return_reason'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    inForceFrom: timestamp('in_force_from', { withTimezone: true }),
    inForceTo: timestamp('in_force_to', { withTimezone: true }),
    amendsVersionId: uuid('amends_version_id'),
  },
  (t) => [
    unique('versions_procedure_number_key').on(t.procedureId, t.number),
    index('versions_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    index('versions_in_force_idx').on(t.inForceFrom, t.inForceTo),
    index('versions_national_code_idx').on(t.nationalCode),
    check(
      'versions_status_check',
      sql`${t.status} in ('draft', 'submitted', 'returned', 'approved', 'announced', 'published', 'superseded', 'abolished')`,
    ),
  ],
);

/**
 * One row whose `generation` triggers raise whenever a table the public search reads changes (versions,
 * procedures, synonyms, fields; migration 0007). Each server process keeps the search index in memory
 * and rebuilds it when the generation it was built at is no longer the current one.
 */
export const searchState = catalogSchema.table(
  'search_state',
  {
    id: boolean('id').primaryKey().default(true),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('search_state_single_row', sql`${t.id}`)],
);

/** Internal workflows per procedure and implementing agency; a replacement adds a version. */
export const workflows = catalogSchema.table(
  'workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    number: integer('number').notNull(),
    definition: jsonb('definition').$type<WorkflowDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
  },
  (t) => [unique('workflows_procedure_agency_number_key').on(t.procedureId, t.agencyId, t.number)],
);

/** Everyday words that expand a search ("sổ đỏ" → giấy chứng nhận quyền sử dụng đất). */
export const synonyms = catalogSchema.table('synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  term: text('term').notNull(),
  termFolded: text('term_folded').notNull().unique(),
  expandsTo: text('expands_to').array().notNull(),
  procedureCodes: text('procedure_codes').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * What an import job works on, kept with its row from the request until the job finishes: the records as
 * submitted (JSON, or read from the workbook) and, for a workbook, where each record came from.
 */
export interface ImportInput {
  records: unknown[];
  /** Sheet rows of each record; null for JSON. */
  rows: RecordRows[] | null;
}

/** Import jobs, polled for progress; the `catalog-import` queue's job carries only the row's id. */
export const importJobs = catalogSchema.table('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  format: text('format').notNull(),
  status: text('status').notNull(),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  total: integer('total').notNull().default(0),
  validated: integer('validated').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  created: integer('created').notNull().default(0),
  amended: integer('amended').notNull().default(0),
  errors: jsonb('errors').$type<ImportRecordError[]>().notNull().default([]),
  createdBy: text('created_by'),
  /** The officer who started the import: the job writes and audits in their name. */
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** Set while the job is unfinished, cleared (null) in the statement that finishes it. */
  input: jsonb('input').$type<ImportInput>(),
});
