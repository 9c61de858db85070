import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    sql`select id, prev_hash, hash from audit.entries order by id`,
  )) as unknown as { rows: { id: number; prev_hash: string; hash: string }[] };
  return rows;
}

describe('the audit chain written by concurrent commands', () => {
  it('is one unbroken chain that verifies, whatever order the transactions commit in', async () => {
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
    rows.forEach((row, k) => {
      expect(row.prev_hash).toBe(k === 0 ? genesisHash : rows[k - 1]!.hash);
    });
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
    const before = await chain();
    await expect(
      inTransaction(database.db, async (tx) => {
        await record(tx, 1000);
        throw new Error('refused after auditing');
      }),
    ).rejects.toThrow('refused after auditing');
    await inTransaction(database.db, (tx) => record(tx, 1001));
    const after = await chain();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.prev_hash).toBe(before.at(-1)!.hash);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
