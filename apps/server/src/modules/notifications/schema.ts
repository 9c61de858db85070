import { sql } from 'drizzle-orm';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const notificationsSchema = pgSchema('notifications');

/**
 * In-app notifications: one row per recipient, so reading one person's inbox and marking it read never
 * touches anyone else's. Texts are stored already rendered (Vietnamese) so a later wording change
 * does not rewrite what a person was told.
 */
export const notifications = notificationsSchema.table(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id').notNull(),
    agencyId: uuid('agency_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    dossierId: uuid('dossier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_created_idx').on(t.recipientId, t.createdAt.desc(), t.id.desc()),
    // The unread badge is asked for on every page: count it from a small partial index.
    index('notifications_recipient_unread_idx').on(t.recipientId).where(sql`read_at is null`),
  ],
);
