import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { notifications } from './schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;

export async function insertNotifications(db: Db, rows: NewNotificationRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(notifications).values(rows).returning({ id: notifications.id });
  return inserted.map((r) => r.id);
}

export async function notificationOf(
  db: Db,
  recipientId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)));
  return row;
}

/**
 * Newest first; `before` is a notification of the same recipient, compared in SQL so that
 * microseconds the JavaScript Date would drop still order the page boundary.
 */
export async function notificationsOf(
  db: Db,
  recipientId: string,
  options: { limit: number; before?: string; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.recipientId, recipientId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.before !== undefined) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (select b.created_at, b.id from ${notifications} b where b.id = ${options.before})`,
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function unreadCountOf(db: Db, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Keeps the first reading time when read again. */
export async function markRead(
  db: Db,
  recipientId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)))
    .returning();
  return row;
}

export async function markAllRead(db: Db, recipientId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
