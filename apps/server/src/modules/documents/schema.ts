import { sql } from 'drizzle-orm';
import { bigint, check, index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const documentsSchema = pgSchema('documents');

/**
 * One row per upload. The bytes live in file storage under `sha256` (several rows may share them);
 * `attached_at` is set when a dossier first names the file: until then the upload is its uploader's
 * alone, and after 24 hours without it the clean-up job deletes it.
 */
export const files = documentsSchema.table(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    // The clean-up reads only the (few) unattached uploads, never the whole archive.
    index('files_unattached_idx').on(t.createdAt).where(sql`attached_at is null`),
    check('files_media_type_check', sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('files_size_check', sql`size > 0`),
    check('files_sha256_check', sql`sha256 ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Which dossier a file belongs to, and who may therefore read it: staff whose `dossier.read` scope meets
 * `agency_ids`, and the applicant's account. A copy of the dossier's own visibility (this module does
 * not read the dossiers module's tables), refreshed by the dossier engine whenever it changes. Part of
 * the dossier aggregate, so keyed by the receiving agency first (the distribution column).
 */
export const fileLinks = documentsSchema.table(
  'file_links',
  {
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    fileId: uuid('file_id').notNull(),
    agencyIds: uuid('agency_ids').array().notNull(),
    applicantAccountId: uuid('applicant_account_id'),
    attachedBy: uuid('attached_by').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.receivingAgencyId, t.dossierId, t.fileId] }),
    index('file_links_file_idx').on(t.fileId),
  ],
);
