import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { localChanges } from './schema';

export type LocalChangeRow = typeof localChanges.$inferSelect;

export async function allLocalChanges(db: Db): Promise<LocalChangeRow[]> {
  return db.select().from(localChanges).orderBy(asc(localChanges.date));
}

/** Changes with every insert and delete (ids are never reused, rows never updated). */
export async function localChangesVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      maxId: sql<string>`coalesce(max(${localChanges.id}), 0)::text`,
    })
    .from(localChanges);
  return `${row?.count ?? 0}:${row?.maxId ?? '0'}`;
}

export async function localChangeByDate(db: Db, date: string): Promise<LocalChangeRow | undefined> {
  const [row] = await db.select().from(localChanges).where(eq(localChanges.date, date));
  return row;
}

export async function insertLocalChange(
  db: Db,
  change: { date: string; kind: string; reason: string; createdBy: string | null },
): Promise<LocalChangeRow> {
  const [row] = await db.insert(localChanges).values(change).returning();
  return row!;
}

export async function deleteLocalChange(db: Db, id: number): Promise<LocalChangeRow | undefined> {
  const [row] = await db.delete(localChanges).where(eq(localChanges.id, id)).returning();
  return row;
}
