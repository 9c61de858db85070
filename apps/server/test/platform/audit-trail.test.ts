import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit-log';
import { openDatabase } from '../../src/platform/database';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startTestApp, type TestApp } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function someActivity() {
  const admin = await t.loginStaff('quantri');
  const province = await t.agencyId('000.00.00.H99');
  await admin.post('/api/org/agencies', {
    code: '000.20.90.H99',
    name: 'UBND xã Nhật Ký',
    kind: 'commune',
    parentId: province,
    validFrom: '2026-01-01',
  });
  return admin;
}

describe('the audit trail', () => {
  it('is a valid hash chain after ordinary activity', async () => {
    const admin = await someActivity();
    const res = await admin.get('/api/audit/verify');
    expect(res.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(res.body.checked).toBeGreaterThan(3);
  });

  it('cannot be updated or deleted by the application (append-only trigger)', async () => {
    await expect(
      t.database.db.execute(sql`update audit.entries set action = 'x' where id = 1`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit.entries where id = 1`)).rejects.toThrow();
  });

  it('detects an edited entry (by someone able to disable the trigger) and names it', async () => {
    const admin = await someActivity();
    const entries = (await admin.get('/api/audit?limit=5')).body.entries;
    const victim = entries[2].id as number;
    await t.database.db.execute(sql`alter table audit.entries disable trigger entries_append_only`);
    await t.database.db.execute(
      sql`update audit.entries set details = '{"code":"000.99.99.H99"}' where id = ${victim}`,
    );
    await t.database.db.execute(sql`alter table audit.entries enable trigger entries_append_only`);
    const res = await admin.get('/api/audit/verify');
    expect(res.body).toMatchObject({
      ok: false,
      firstBrokenId: victim,
      reason: 'Nội dung bản ghi đã bị sửa',
    });
  });

  it('detects deleted entries and names the first entry after the gap in its chain', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false); // still broken from the previous test
    const admin = await t.loginStaff('quantri');
    const entries = (await admin.get('/api/audit?limit=3')).body.entries;
    const cut = entries[2].id as number;
    // Entries form one chain per agency: the first break is the first kept entry of a chain that lost some.
    const { rows } = (await t.database.db.execute(sql`
      select min(id)::int as id from audit.entries
      where id >= ${cut} and chain in (select chain from audit.entries where id < ${cut})`)) as unknown as {
      rows: { id: number }[];
    };
    expect(rows[0]!.id).toBeGreaterThanOrEqual(cut);
    await t.database.db.execute(sql`alter table audit.entries disable trigger entries_append_only`);
    await t.database.db.execute(sql`delete from audit.entries where id < ${cut}`);
    await t.database.db.execute(sql`alter table audit.entries enable trigger entries_append_only`);
    const after = await verifyAuditChain(t.database.db);
    expect(after).toMatchObject({
      ok: false,
      firstBrokenId: rows[0]!.id,
      reason: expect.stringContaining('bị xoá'),
    });
  });

  it('is readable only with audit.read', async () => {
    const desk = await t.loginStaff('motcua.tinh');
    expect((await desk.get('/api/audit')).status).toBe(403);
    expect((await desk.get('/api/audit/verify')).status).toBe(403);
  });
});

describe('npx motcua verify-audit', () => {
  it('exits 0 on an intact trail and 1, naming the entry, after tampering', async () => {
    const opened = await openTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
    // PGlite is single-process: the CLI opens a data directory after this process closes it.
    const env = { ...process.env, DATA_DIR: dataDir, ...(opened.url ? { DATABASE_URL: opened.url } : {}) };
    if (!opened.url) delete env.DATABASE_URL;
    const open = () => openDatabase({ databaseUrl: opened.url, dataDir: opened.url ? null : dataDir });
    try {
      let database = await open();
      await database.migrate();
      await seedDemoIfEmpty(database.db);
      await database.close();

      const cli = () =>
        spawnSync(process.execPath, ['apps/server/bin/motcua.mjs', 'verify-audit'], {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
      const intact = cli();
      expect(intact.stdout).toMatch(/audit trail intact: \d+ bản ghi/);
      expect(intact.status).toBe(0);

      database = await open();
      await database.db.execute(sql`alter table audit.entries disable trigger entries_append_only`);
      await database.db.execute(sql`update audit.entries set actor_name = 'ke-gian' where id = 1`);
      await database.close();
      const tampered = cli();
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toContain('TAMPERED at entry 1');
    } finally {
      await opened.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('audit scope', () => {
  it('an administrator of one ward reads only entries about agencies of that ward', async () => {
    const admin = await t.loginStaff('quantri');
    const anBinh = await t.agencyId('000.20.01.H99');
    await admin.post('/api/org/desks', {
      agencyId: anBinh,
      name: 'Điểm tiếp nhận nhật ký',
      validFrom: '2026-01-01',
    });
    const local = await t.loginStaff('quantri.anbinh');
    const res = await local.get('/api/audit?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    expect(new Set(res.body.entries.map((e: { agencyId: string }) => e.agencyId))).toEqual(new Set([anBinh]));
    expect((await local.get('/api/audit/verify')).status).toBe(403);
  });
});
