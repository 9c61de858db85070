import { sql } from 'drizzle-orm';
import { bigserial, check, date, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarSchema = pgSchema('calendar');

/**
 * Province-wide local changes applied on top of the official or provisional holiday schedule. Rows are
 * never updated, only added and deleted, and ids are never reused: (count, max id) therefore changes
 * with every change and serves as the cache key of the built working calendars.
 */
export const localChanges = calendarSchema.table(
  'local_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    date: date('date', { mode: 'string' }).notNull().unique(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('local_changes_kind_check', sql`${t.kind} in ('day-off', 'working-day')`),
    check('local_changes_reason_check', sql`length(btrim(${t.reason})) > 0`),
  ],
);
