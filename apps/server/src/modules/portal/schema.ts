import type { SubmissionDraftContent } from '@motcua/contracts/portal';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const portalSchema = pgSchema('portal');

/**
 * Online submissions in the making: one per citizen × procedure × implementing agency, saved as the
 * citizen types. `version` rises with every save, so a device saving over a newer copy is told (409).
 */
export const drafts = portalSchema.table(
  'drafts',
  {
    citizenId: uuid('citizen_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    content: jsonb('content').$type<SubmissionDraftContent>().notNull(),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.citizenId, t.procedureId, t.agencyId] }),
    index('drafts_citizen_updated_idx').on(t.citizenId, t.updatedAt.desc()),
  ],
);

/**
 * The applicant's rating of a finished dossier, once (Circular 01/2018 Art. 13–15, DOMAIN.md §1.5): the
 * indices that depend on the applicant's experience, each 2 / 1 / 0, kept for the evaluation reports.
 * Keyed like the dossier tables, receiving agency first.
 */
export const ratings = portalSchema.table(
  'ratings',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureId: uuid('procedure_id'),
    applicantAccountId: uuid('applicant_account_id').notNull(),
    /** Index 1: total time against the appointment. */
    timeScore: smallint('time_score').notNull(),
    /** Index 3: contacts with the desk needed to complete the dossier. */
    contactsScore: smallint('contacts_score').notNull(),
    /** Index 4: agencies the applicant had to contact. */
    agenciesScore: smallint('agencies_score').notNull(),
    /** Index 7: the officers' attitude. */
    attitudeScore: smallint('attitude_score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.receivingAgencyId, t.dossierId] }),
    index('ratings_created_idx').on(t.receivingAgencyId, t.createdAt),
    check(
      'ratings_scores_check',
      sql`${t.timeScore} between 0 and 2 and ${t.contactsScore} between 0 and 2 and ${t.agenciesScore} between 0 and 2 and ${t.attitudeScore} between 0 and 2`,
    ),
  ],
);
