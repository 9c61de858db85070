import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDossierViews, verifyDossierViews } from '../../src/modules/dossiers/rebuild-service';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { command, deskOf, receive } from './dossier-fixtures';

/** The projection and the daily counters must equal what the events alone give. */
describe('dossier views rebuilt from events', () => {
  let t: TestApp;
  let desk: TestClient;
  let specialist: TestClient;
  let ctx: Parameters<typeof verifyDossierViews>[0];

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    specialist = await t.loginStaff('congchuc.anbinh');
    const deskId = await deskOf(t, '000.20.01.H99');
    ctx = { db: t.database.db, now: () => t.clock.now, jobs: t.jobs };
    // A few dossiers in different states: accepted, forwarded, refused at intake, supplement requested.
    await receive(desk, deskId);
    const forwarded = (await receive(desk, deskId)).body.summary.id;
    await command(desk, forwarded, { type: 'forward', toUserId: null });
    await receive(desk, deskId, { decision: { type: 'refuse', reasons: ['Không thuộc thẩm quyền'] } });
    const waiting = (await receive(desk, deskId)).body.summary.id;
    await command(desk, waiting, { type: 'forward', toUserId: null });
    const asked = await command(specialist, waiting, {
      type: 'requestSupplement',
      items: [{ name: 'Giấy tờ tùy thân', reason: 'Bản chụp không rõ' }],
      guidance: 'Liên hệ bộ phận một cửa',
    });
    expect(asked.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('finds no difference between the live tables and the events', async () => {
    const report = await verifyDossierViews(ctx, { compareLiveStatus: true });
    expect(report.dossiers).toBe(4);
    expect(report.rollupRows).toBeGreaterThan(0);
    expect(report.differences).toEqual([]);
  });

  it('names a tampered projection and counter, and the rebuild restores both', async () => {
    await t.database.db.execute(
      sql`update dossiers.dossiers set status = 'returned' where code = '000.20.01.H99-260302-0001'`,
    );
    await t.database.db.execute(
      sql`update dossiers.daily_rollups set count = count + 5 where metric = 'received'`,
    );
    const broken = await verifyDossierViews(ctx);
    expect(broken.differences).toHaveLength(2);
    expect(broken.differences[0]).toContain('000.20.01.H99-260302-0001');
    expect(broken.differences[1]).toMatch(/received: 9 live, 4 from events/);

    const rebuilt = await rebuildDossierViews(ctx);
    expect(rebuilt.dossiers).toBe(4);
    expect((await verifyDossierViews(ctx, { compareLiveStatus: true })).differences).toEqual([]);
    const list = await desk.get('/api/dossiers?pageSize=100');
    const first = list.body.dossiers.find((d: any) => d.code === '000.20.01.H99-260302-0001');
    expect(first.status).toBe('accepted');
  });
});
