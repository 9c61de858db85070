import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { auditEntries } from './audit-schema';
import type { Db } from './database';

/**
 * The audit trail: every mutation and every read of personal data, append-only and hash-chained.
 * `record` must be called inside the transaction of the change it describes, so an entry exists
 * exactly when the change committed. Chaining takes a transaction-scoped advisory lock, which orders
 * entries by commit; it is held only from the insert to the commit.
 */
export interface Actor {
  id: string | null;
  name: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: string; // e.g. 'org.agency.create', 'identity.user.read'
  targetType: string;
  targetId: string | null;
  agencyId?: string | null;
  details?: Record<string, unknown>;
}

const chainLockKey = 7_301_0001;
export const genesisHash = '0'.repeat(64);

export async function recordAudit(
  tx: Db,
  actor: Actor,
  entry: AuditRecord,
  now: Date = new Date(),
): Promise<void> {
  const content: ChainedContent = {
    at: now.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    agencyId: entry.agencyId ?? null,
    details: entry.details ?? {},
  };
  // The lock is a statement of its own: under READ COMMITTED a statement sees what was committed when it
  // started, so a statement that had waited for the lock would miss the entry its holder just committed.
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLockKey})`);
  // The previous hash is read and this one computed (SHA-256 of the same bytes as `chainHash`) in the
  // insert itself: every round trip between lock and commit is time during which no other command in
  // the whole system can be audited, and this saves one.
  await tx.execute(sql`
    insert into audit.entries
      (at, actor_id, actor_name, ip, action, target_type, target_id, agency_id, details, prev_hash, hash)
    select ${content.at}::timestamptz, ${content.actorId}, ${content.actorName}, ${content.ip},
      ${content.action}, ${content.targetType}, ${content.targetId}, ${content.agencyId},
      ${JSON.stringify(content.details)}::jsonb, previous.hash,
      encode(sha256(convert_to(previous.hash || ${`\n${canonicalJson(content)}`}, 'UTF8')), 'hex')
    from (select coalesce(
      (select hash from audit.entries order by id desc limit 1), ${genesisHash}) as hash) as previous`);
}

interface ChainedContent {
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  agencyId: string | null;
  details: unknown;
}

export function chainHash(prevHash: string, c: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(c)).digest('hex');
}

/** JSON with sorted keys, so the same content always hashes the same whatever the storage returns. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order, recomputing every hash. Detects edits, deletions and insertions. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = genesisHash;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.id, lastId))
      .orderBy(asc(auditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          reason: 'Liên kết với bản ghi trước bị đứt (bản ghi bị xoá hoặc chèn)',
        };
      }
      const expected = chainHash(prevHash, {
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        ip: row.ip,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        agencyId: row.agencyId,
        details: row.details,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'Nội dung bản ghi đã bị sửa' };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}

export async function listAudit(
  db: Db,
  q: {
    before?: number | undefined;
    limit: number;
    targetType?: string | undefined;
    targetId?: string | undefined;
    /** Only entries about these agencies; undefined = every entry (province-wide readers). */
    agencyIds?: readonly string[] | undefined;
  },
) {
  if (q.agencyIds !== undefined && q.agencyIds.length === 0) return [];
  const conditions = [
    q.agencyIds !== undefined ? inArray(auditEntries.agencyId, [...q.agencyIds]) : undefined,
    q.before !== undefined ? lt(auditEntries.id, q.before) : undefined,
    q.targetType !== undefined ? eq(auditEntries.targetType, q.targetType) : undefined,
    q.targetId !== undefined ? eq(auditEntries.targetId, q.targetId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(auditEntries)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.id))
    .limit(q.limit);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    ip: r.ip,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    agencyId: r.agencyId,
    details: r.details,
  }));
}
