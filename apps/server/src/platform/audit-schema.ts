import { bigint, bigserial, index, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

/**
 * Append-only, hash-chained: `hash` = SHA-256 of the previous hash in the same chain and this entry's
 * canonical content. One chain per agency the entry is about (`chain` = its agency id), `global` for the
 * rest and for every entry written before chains were split (migration 0014).
 */
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
    chain: text('chain').notNull().default('global'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId)],
);

/**
 * The last hash of each chain. Its row is locked by the insert of an entry until the transaction
 * commits, which orders each chain by commit; different chains never wait for each other.
 */
export const auditChainHeads = auditSchema.table('chain_heads', {
  chain: text('chain').primaryKey(),
  entries: bigint('entries', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
