import { bigserial, index, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

/** Append-only, hash-chained: `hash` = SHA-256 of the previous hash and this entry's canonical content. */
export const auditEntries = auditSchema.table(
  'entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    agencyId: text('agency_id'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId)],
);
