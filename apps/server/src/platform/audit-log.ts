import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { auditChainHeads, auditEntries } from './audit-schema';
import type { Db } from './database';

/**
 * The audit trail: every mutation and every read of personal data, append-only and hash-chained.
 * `record` must be called inside the transaction of the change it describes, so an entry exists
 * exactly when the change committed. Entries form one chain per agency they are about (see
 * `recordAudit`): a chain is ordered by commit, and agencies never wait for each other.
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

/** The chain of entries about no agency (and of every entry written before chains were split). */
export const globalChain = 'global';
export const genesisHash = '0'.repeat(64);

/** The chain an entry belongs to: the agency it is about, so agencies never wait for each other. */
export function chainOf(agencyId: string | null): string {
  return agencyId ?? globalChain;
}

export async function recordAudit(
  tx: Db,
  actor: Actor,
  entry: AuditRecord,
  now: Date = new Date(),
): Promise<void> {
  await tx.execute(sql`with ${sql.join(auditCtes([{ actor, entry, at: now }]), sql`, `)} select 1`);
}

/** One audit entry to write: who, what, when. */
export interface AuditWrite {
  actor: Actor;
  entry: AuditRecord;
  at: Date;
}

/**
 * Audit entries as three common table expressions (`audit_input`, `audit_head`, `audit_entry`), for a
 * command that writes its own rows in the same statement (one round trip): append them to its WITH list.
 * Inside the caller's transaction, like `recordAudit`. The entries travel as one JSON parameter, so the
 * statement's text is the same whatever their number.
 *
 * Each chain's head row is created or updated (ON CONFLICT DO UPDATE locks it and works on its latest
 * committed version, whatever the statement's snapshot), which gives the previous hash and the new one
 * (SHA-256 of the same bytes as `chainHash`); the entries are inserted with them. The row lock is held
 * until commit, so a chain is ordered by commit, and only commands audited in the same chain (the same
 * agency) wait for each other: write the entries last, just before the commit. Heads are locked in the
 * order given. Two entries of the same chain cannot share a statement (both would read the same head).
 */
export function auditCtes(writes: readonly AuditWrite[]): SQL[] {
  if (writes.length === 0) throw new Error('auditCtes: no entries');
  const input = writes.map(({ actor, entry, at }, ord) => {
    const content: ChainedContent = {
      at: at.toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      agencyId: entry.agencyId ?? null,
      details: entry.details ?? {},
    };
    return { ...content, chain: chainOf(content.agencyId), hashed: `\n${canonicalJson(content)}`, ord };
  });
  if (new Set(input.map((i) => i.chain)).size !== input.length)
    throw new Error('auditCtes: two entries of the same chain in one statement');
  return [
    sql`audit_input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(
        "at" timestamptz, "actorId" text, "actorName" text, ip text, action text, "targetType" text,
        "targetId" text, "agencyId" text, details jsonb, chain text, hashed text, ord int))`,
    sql`audit_head as (
      insert into audit.chain_heads as h (chain, entries, prev_hash, hash)
      select i.chain, 1, ${genesisHash}, encode(sha256(convert_to(${genesisHash} || i.hashed, 'UTF8')), 'hex')
      from audit_input i order by i.ord
      on conflict (chain) do update set
        entries = h.entries + 1,
        prev_hash = h.hash,
        hash = encode(sha256(convert_to(
          h.hash || (select i.hashed from audit_input i where i.chain = excluded.chain), 'UTF8')), 'hex')
      returning chain, prev_hash, hash)`,
    sql`audit_entry as (
      insert into audit.entries
        (at, actor_id, actor_name, ip, action, target_type, target_id, agency_id, details, chain, prev_hash, hash)
      select i.at, i."actorId", i."actorName", i.ip, i.action, i."targetType", i."targetId", i."agencyId",
        i.details, i.chain, h.prev_hash, h.hash
      from audit_input i join audit_head h on h.chain = i.chain order by i.ord)`,
  ];
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

/**
 * Walks every entry in id order, each against the previous entry of its chain, recomputing every hash;
 * then checks that each chain reaches the head recorded for it. Detects edits, deletions (a tail's too)
 * and insertions. The heads are read first: entries committed while the walk runs only extend chains.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  const heads = new Map(
    (await db.select().from(auditChainHeads)).map((h) => [h.chain, { hash: h.hash, reached: false }]),
  );
  const last = new Map<string, { hash: string; id: number }>();
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.id, lastId))
      .orderBy(asc(auditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const prevHash = last.get(row.chain)?.hash ?? genesisHash;
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
      const head = heads.get(row.chain);
      if (head && head.hash === row.hash) head.reached = true;
      last.set(row.chain, { hash: row.hash, id: row.id });
      lastId = row.id;
      checked++;
    }
  }
  for (const [chain, head] of heads)
    if (!head.reached)
      return {
        ok: false,
        checked,
        firstBrokenId: last.get(chain)?.id ?? null,
        reason: 'Các bản ghi cuối của chuỗi đã bị xoá',
      };
  return { ok: true, checked, firstBrokenId: null, reason: null };
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
