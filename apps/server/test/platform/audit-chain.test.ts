import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Actor,
  chainHash,
  genesisHash,
  recordAudit,
  verifyAuditChain,
} from '../../src/platform/audit-log';
import { type Database, inTransaction, openDatabase } from '../../src/platform/database';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// The chain's previous hash is read and the new hash computed by the database, in the insert: these
// tests hold it to the definition (`chainHash`, which the verifier recomputes in the application) under
// concurrent commands, with Vietnamese text, nested details and nulls, and across a rollback.

let opened: OpenedTestDatabase;
let database: Database;

beforeAll(async () => {
  opened = await openTestDatabase();
  database = await openDatabase({ databaseUrl: opened.url, dataDir: null, poolSize: 8 });
  await database.migrate();
});
afterAll(async () => {
  await database?.close();
  await opened?.drop();
});

const actor = (i: number): Actor => ({
  id: `user-${i}`,
  name: 'Nguyễn Văn Ấn',
  ip: i % 3 ? '127.0.0.1' : null,
});

function record(tx: Parameters<typeof recordAudit>[0], i: number) {
  return recordAudit(
    tx,
    actor(i),
    {
      action: 'test.concurrent',
      targetType: 'dossier',
      targetId: i % 5 ? `d-${i}` : null,
      agencyId: i % 2 ? '000.20.01.H99' : null,
      details: {
        i,
        code: `000.20.01.H99-260302-${String(i).padStart(4, '0')}`,
        note: 'Đăng ký kết hôn — “hộ tịch”, ghi chú\nnhiều dòng',
        nested: { z: [1, 'hai', null, { đ: 'Đ' }], a: true, none: null },
      },
    },
    new Date(Date.UTC(2026, 2, 2, 2, 0, 0, i)),
  );
}

async function chain() {
  const { rows } = (await database.db.execute(
    sql`select id::int as id, chain, prev_hash, hash from audit.entries order by id`,
  )) as unknown as { rows: { id: number; chain: string; prev_hash: string; hash: string }[] };
  return rows;
}

/** Each entry's previous hash is the hash of the entry before it in its own chain. */
function expectLinked(rows: Awaited<ReturnType<typeof chain>>) {
  const last = new Map<string, string>();
  for (const row of rows) {
    expect(row.prev_hash).toBe(last.get(row.chain) ?? genesisHash);
    last.set(row.chain, row.hash);
  }
}

describe('the audit chains written by concurrent commands', () => {
  it('are unbroken chains, one per agency, that verify whatever order the transactions commit in', async () => {
    const before = (await chain()).length;
    const n = 48;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        inTransaction(database.db, async (tx) => {
          // Work before the audit entry, of varying length, as a command has: the lock is taken late.
          await tx.execute(sql`select pg_sleep(${(i % 4) / 1000})`);
          await record(tx, i);
        }),
      ),
    );
    const rows = await chain();
    expect(rows.length).toBe(before + n);
    expect(new Set(rows.map((r) => r.chain))).toEqual(new Set(['000.20.01.H99', 'global']));
    expectLinked(rows);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      checked: before + n,
      firstBrokenId: null,
      reason: null,
    });
  });

  it('stores the hash chainHash gives for the stored content (same bytes, Vietnamese text included)', async () => {
    const { rows } = (await database.db.execute(
      sql`select * from audit.entries order by id desc limit 1`,
    )) as unknown as { rows: Record<string, any>[] };
    const row = rows[0]!;
    expect(row.hash).toBe(
      chainHash(row.prev_hash, {
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        ip: row.ip,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        agencyId: row.agency_id,
        details: row.details,
      }),
    );
    expect(row.details.note).toBe('Đăng ký kết hôn — “hộ tịch”, ghi chú\nnhiều dòng');
  });

  it('leaves nothing of a rolled-back command; the next entry chains to the last committed one', async () => {
    const before = (await chain()).filter((r) => r.chain === '000.20.01.H99');
    await expect(
      inTransaction(database.db, async (tx) => {
        await record(tx, 1001);
        throw new Error('refused after auditing');
      }),
    ).rejects.toThrow('refused after auditing');
    await inTransaction(database.db, (tx) => record(tx, 1003));
    const after = (await chain()).filter((r) => r.chain === '000.20.01.H99');
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.prev_hash).toBe(before.at(-1)!.hash);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe.runIf(inject('testDb') === 'postgres')('chains on PostgreSQL', () => {
  it('lets an agency audit while another agency’s command holds its chain until commit', async () => {
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => {
      firstRecorded = resolve;
    });
    const first = inTransaction(database.db, async (tx) => {
      await recordAudit(tx, actor(1), {
        action: 'test.hold',
        targetType: 'x',
        targetId: null,
        agencyId: 'A',
      });
      firstRecorded();
      await firstHolds;
    });
    await recorded;
    // Another agency's chain is free: this commits while the first transaction still holds chain A.
    await inTransaction(database.db, (tx) =>
      recordAudit(tx, actor(2), { action: 'test.other', targetType: 'x', targetId: null, agencyId: 'B' }),
    );
    // The same agency's chain waits for the first transaction's commit.
    let sameChainDone = false;
    const same = inTransaction(database.db, (tx) =>
      recordAudit(tx, actor(3), { action: 'test.same', targetType: 'x', targetId: null, agencyId: 'A' }),
    ).then(() => {
      sameChainDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sameChainDone).toBe(false);
    releaseFirst();
    await Promise.all([first, same]);
    const rows = (await chain()).filter((r) => r.chain === 'A');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe('tampering', () => {
  async function withoutTrigger(statement: ReturnType<typeof sql>) {
    await database.db.execute(sql`alter table audit.entries disable trigger entries_append_only`);
    try {
      await database.db.execute(statement);
    } finally {
      await database.db.execute(sql`alter table audit.entries enable trigger entries_append_only`);
    }
  }

  it('detects the last entries of a chain deleted (its head is not reached), and nothing once restored', async () => {
    await inTransaction(database.db, (tx) =>
      recordAudit(tx, actor(7), { action: 'test.tail', targetType: 'x', targetId: null, agencyId: 'T' }),
    );
    const tail = (await chain()).filter((r) => r.chain === 'T').at(-1)!;
    const { rows } = (await database.db.execute(
      sql`select * from audit.entries where id = ${tail.id}`,
    )) as unknown as { rows: Record<string, unknown>[] };
    await withoutTrigger(sql`delete from audit.entries where id = ${tail.id}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      reason: 'Các bản ghi cuối của chuỗi đã bị xoá',
    });
    const r = rows[0]!;
    await withoutTrigger(sql`insert into audit.entries
      (id, at, actor_id, actor_name, ip, action, target_type, target_id, agency_id, details, chain, prev_hash, hash)
      values (${r.id}, ${r.at}, ${r.actor_id}, ${r.actor_name}, ${r.ip}, ${r.action}, ${r.target_type},
        ${r.target_id}, ${r.agency_id}, ${JSON.stringify(r.details)}::jsonb, ${r.chain}, ${r.prev_hash}, ${r.hash})`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('detects an entry deleted inside a chain and names the next entry of that chain', async () => {
    const global = (await chain()).filter((r) => r.chain === 'global');
    expect(global.length).toBeGreaterThanOrEqual(3);
    await withoutTrigger(sql`delete from audit.entries where id = ${global[1]!.id}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBrokenId: global[2]!.id,
      reason: 'Liên kết với bản ghi trước bị đứt (bản ghi bị xoá hoặc chèn)',
    });
  });
});
