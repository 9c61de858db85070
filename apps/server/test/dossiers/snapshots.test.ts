import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossierViews } from '../../src/modules/dossiers/rebuild-service';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { command, deskOf, receive } from './dossier-fixtures';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Procedure and workflow snapshots are stored once and referred to by hash from events and states. */
describe('dossier snapshots', () => {
  let t: TestApp;
  let desk: TestClient;
  let first: { id: string; body: any };
  let second: { id: string; body: any };

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    const deskId = await deskOf(t, '000.20.01.H99');
    const a = await receive(desk, deskId);
    const b = await receive(desk, deskId);
    expect([a.status, b.status]).toEqual([201, 201]);
    first = { id: a.body.summary.id, body: a.body };
    second = { id: b.body.summary.id, body: b.body };
  });
  afterAll(() => t?.close());

  it('stores one row per distinct snapshot, keyed by the SHA-256 of its JSON text', async () => {
    const stored = rows<{ hash: string; body: string }>(
      await t.database.db.execute(sql`select hash, body::text as body from dossiers.snapshots`),
    );
    // Two receptions of one procedure at one desk: one procedure snapshot and one workflow.
    expect(stored).toHaveLength(2);
    for (const s of stored) expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    // The rows hold what the dossier is judged by, as the reception answered it.
    expect(stored.map((s) => JSON.parse(s.body))).toEqual(
      expect.arrayContaining([first.body.state.procedure, first.body.state.workflow]),
    );
    const refs = rows<{ type: string; ref: string }>(
      await t.database.db.execute(sql`
        select type, coalesce(body->'procedure'->>'$snapshot', body->'workflow'->>'$snapshot') as ref
        from dossiers.events where type in ('DossierSubmitted', 'DossierAccepted') order by type`),
    );
    expect(refs).toHaveLength(4);
    expect(new Set(refs.map((r) => r.ref))).toEqual(new Set(stored.map((s) => s.hash)));
    const states = rows<{ procedure: string; workflow: string }>(
      await t.database.db.execute(sql`
        select state->'procedure'->>'$snapshot' as procedure, state->'workflow'->>'$snapshot' as workflow
        from dossiers.dossiers`),
    );
    expect(states).toHaveLength(2);
    for (const s of states)
      expect(new Set([s.procedure, s.workflow])).toEqual(new Set(stored.map((x) => x.hash)));
  });

  it('reads back what the reception answered: the procedure and the workflow in place', async () => {
    const read = await desk.get(`/api/dossiers/${first.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first.body);
    expect(read.body.state.procedure.name).toBe(first.body.state.procedure.name);
    expect(read.body.state.workflow.steps.length).toBeGreaterThan(0);
    // A later command works on the state read back and refers to the same snapshots.
    const forwarded = await command(desk, second.id, { type: 'forward', toUserId: null });
    expect(forwarded.status).toBe(200);
    const after = await desk.get(`/api/dossiers/${second.id}`);
    expect(after.body.state.version).toBe(second.body.state.version + 1);
    expect(after.body.state.workflow).toEqual(second.body.state.workflow);
    const count = rows<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from dossiers.snapshots`),
    );
    expect(count[0]!.n).toBe(2);
    expect(
      (await verifyDossierViews({ db: t.database.db, now: () => t.clock.now, jobs: t.jobs })).differences,
    ).toEqual([]);
  });

  it('reads events and states stored with their snapshots inline (written before the split) unchanged', async () => {
    // Put the snapshots back inline in the first dossier's rows, as older versions stored them.
    await t.database.db.execute(sql`
      update dossiers.events e set body = jsonb_set(e.body, '{procedure}', s.body)
      from dossiers.snapshots s
      where e.dossier_id = ${first.id} and e.body->'procedure'->>'$snapshot' = s.hash`);
    await t.database.db.execute(sql`
      update dossiers.events e set body = jsonb_set(e.body, '{workflow}', s.body)
      from dossiers.snapshots s
      where e.dossier_id = ${first.id} and e.body->'workflow'->>'$snapshot' = s.hash`);
    await t.database.db.execute(sql`
      update dossiers.dossiers d set state = jsonb_set(jsonb_set(d.state, '{procedure}', p.body), '{workflow}', w.body)
      from dossiers.snapshots p, dossiers.snapshots w
      where d.id = ${first.id} and d.state->'procedure'->>'$snapshot' = p.hash
        and d.state->'workflow'->>'$snapshot' = w.hash`);
    const inline = rows<{ n: number }>(
      await t.database.db.execute(sql`
        select count(*)::int as n from dossiers.events
        where dossier_id = ${first.id} and (body ? 'procedure' and not body->'procedure' ? '$snapshot')`),
    );
    expect(inline[0]!.n).toBe(1);
    const read = await desk.get(`/api/dossiers/${first.id}`);
    expect(read.body).toEqual(first.body);
    // Its next command stores its state with references again.
    expect((await command(desk, first.id, { type: 'forward', toUserId: null })).status).toBe(200);
    const state = rows<{ ref: string | null }>(
      await t.database.db.execute(
        sql`select state->'procedure'->>'$snapshot' as ref from dossiers.dossiers where id = ${first.id}`,
      ),
    );
    expect(state[0]!.ref).toMatch(/^[0-9a-f]{64}$/);
  });
});
