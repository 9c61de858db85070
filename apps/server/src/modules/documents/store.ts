import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { fileLinks, files } from './schema';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;
export type FileLinkRow = typeof fileLinks.$inferSelect;

// An arbitrary namespace for the per-content advisory locks (two-key form: apart from the audit chain's).
const contentLockNamespace = 7_301_2019;

/**
 * Serialises everything that makes bytes appear or disappear under one hash (an upload keeping them,
 * the clean-up deleting them), until the caller's transaction ends.
 */
export async function lockContent(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${contentLockNamespace}, hashtext(${sha256}))`);
}

export async function insertFile(tx: Db, row: NewFileRow): Promise<FileRow> {
  const [inserted] = await tx.insert(files).values(row).returning();
  return inserted!;
}

export async function fileById(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/**
 * The files among `ids`, locked until the transaction ends: the clean-up cannot delete them under a
 * dossier that is attaching them, and waits to see them attached.
 */
export async function lockFiles(
  tx: Db,
  ids: readonly string[],
): Promise<Pick<FileRow, 'id' | 'uploadedBy' | 'attachedAt'>[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: files.id, uploadedBy: files.uploadedBy, attachedAt: files.attachedAt })
    .from(files)
    .where(inArray(files.id, [...ids]))
    .for('no key update');
}

export async function markAttached(tx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(files)
    .set({ attachedAt: sql`now()` })
    .where(and(inArray(files.id, [...ids]), isNull(files.attachedAt)));
}

export async function linkedFileIds(
  db: Db,
  receivingAgencyId: string,
  dossierId: string,
  fileIds: readonly string[],
): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await db
    .select({ fileId: fileLinks.fileId })
    .from(fileLinks)
    .where(
      and(
        eq(fileLinks.receivingAgencyId, receivingAgencyId),
        eq(fileLinks.dossierId, dossierId),
        inArray(fileLinks.fileId, [...fileIds]),
      ),
    );
  return rows.map((r) => r.fileId);
}

export async function insertLinks(tx: Db, rows: (typeof fileLinks.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(fileLinks).values(rows).onConflictDoNothing();
}

/** Every link of the dossier gets its current readers. */
export async function updateLinkReaders(
  tx: Db,
  receivingAgencyId: string,
  dossierId: string,
  readers: { agencyIds: string[]; applicantAccountId: string | null },
): Promise<void> {
  await tx
    .update(fileLinks)
    .set(readers)
    .where(and(eq(fileLinks.receivingAgencyId, receivingAgencyId), eq(fileLinks.dossierId, dossierId)));
}

export async function linksOfFile(db: Db, fileId: string): Promise<FileLinkRow[]> {
  return db.select().from(fileLinks).where(eq(fileLinks.fileId, fileId));
}

/** Unattached uploads created before `before`, oldest first. */
export async function unattachedBefore(
  db: Db,
  before: Date,
  limit: number,
): Promise<Pick<FileRow, 'id' | 'sha256'>[]> {
  return db
    .select({ id: files.id, sha256: files.sha256 })
    .from(files)
    .where(and(isNull(files.attachedAt), lt(files.createdAt, before)))
    .orderBy(asc(files.createdAt), asc(files.id))
    .limit(limit);
}

/**
 * Deletes the upload if it is still unattached and old, waiting for a transaction attaching it (whose
 * commit makes it attached, so it is kept). Returns the deleted row.
 */
export async function deleteUnattached(tx: Db, id: string, before: Date): Promise<FileRow | undefined> {
  const [locked] = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.id, id), isNull(files.attachedAt), lt(files.createdAt, before)))
    .for('update');
  if (!locked) return undefined;
  const [deleted] = await tx.delete(files).where(eq(files.id, id)).returning();
  return deleted;
}

export async function contentInUse(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db.select({ id: files.id }).from(files).where(eq(files.sha256, sha256)).limit(1);
  return row !== undefined;
}
