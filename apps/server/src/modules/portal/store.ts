import type { SubmissionDraftContent } from '@motcua/contracts/portal';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { drafts, ratings } from './schema';

export type DraftRow = typeof drafts.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
export type NewRatingRow = typeof ratings.$inferInsert;

export interface DraftKey {
  citizenId: string;
  procedureId: string;
  agencyId: string;
}

const keyOf = (k: DraftKey) =>
  and(
    eq(drafts.citizenId, k.citizenId),
    eq(drafts.procedureId, k.procedureId),
    eq(drafts.agencyId, k.agencyId),
  );

export async function draftsOf(db: Db, citizenId: string, procedureId?: string): Promise<DraftRow[]> {
  const conditions: SQL[] = [eq(drafts.citizenId, citizenId)];
  if (procedureId !== undefined) conditions.push(eq(drafts.procedureId, procedureId));
  return db
    .select()
    .from(drafts)
    .where(and(...conditions))
    .orderBy(desc(drafts.updatedAt))
    .limit(100);
}

export async function draftOf(db: Db, key: DraftKey): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(drafts).where(keyOf(key));
  return row;
}

/** A new draft at version 1; undefined when one already exists under the key. */
export async function insertDraft(
  db: Db,
  key: DraftKey,
  content: SubmissionDraftContent,
  at: Date,
): Promise<DraftRow | undefined> {
  const [row] = await db
    .insert(drafts)
    .values({ ...key, content, version: 1, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Saves over `version` only: undefined when the stored draft is at another version (or gone). */
export async function updateDraft(
  db: Db,
  key: DraftKey,
  version: number,
  content: SubmissionDraftContent,
  at: Date,
): Promise<DraftRow | undefined> {
  const [row] = await db
    .update(drafts)
    .set({ content, version: version + 1, updatedAt: at })
    .where(and(keyOf(key), eq(drafts.version, version)))
    .returning();
  return row;
}

export async function deleteDraft(db: Db, key: DraftKey): Promise<boolean> {
  const rows = await db.delete(drafts).where(keyOf(key)).returning({ version: drafts.version });
  return rows.length > 0;
}

export async function ratingOf(
  db: Db,
  receivingAgencyId: string,
  dossierId: string,
): Promise<RatingRow | undefined> {
  const [row] = await db
    .select()
    .from(ratings)
    .where(and(eq(ratings.receivingAgencyId, receivingAgencyId), eq(ratings.dossierId, dossierId)));
  return row;
}

/** Undefined when the dossier already has its rating. */
export async function insertRating(db: Db, row: NewRatingRow): Promise<RatingRow | undefined> {
  const [inserted] = await db.insert(ratings).values(row).onConflictDoNothing().returning();
  return inserted;
}
