import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  applicant,
  command,
  deskOf,
  receive,
  requiredComponents,
  storeWorkflow,
  submitOnline,
} from './dossier-fixtures';

// The demo clock starts on Monday 2026-03-02 09:00 (UTC+7).
describe('a dossier from the desk to the returned result (Decree 61/2018)', () => {
  let t: TestApp;
  let desk: TestClient;
  let specialist: TestClient;
  let head: TestClient;
  let deskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    specialist = await t.loginStaff('congchuc.anbinh');
    head = await t.loginStaff('chutich.anbinh');
    deskId = await deskOf(t, '000.20.01.H99');
  });
  afterAll(() => t?.close());

  it('receives at the desk: code per agency and day, receipt appointment 3 working days later', async () => {
    const res = await receive(desk, deskId);
    expect(res.status).toBe(201);
    const s = res.body.summary;
    expect(s.code).toBe('000.20.01.H99-260302-0001');
    expect(s.status).toBe('accepted');
    expect(s.nationalStatus).toBe(2);
    // 3 working days from Monday 09:00 → Thursday 09:00 (desk hours 07:30–11:30, 13:00–17:00).
    expect(s.appointmentAt).toBe('2026-03-05T02:00:00.000Z');
    const second = await receive(desk, deskId);
    expect(second.body.summary.code).toBe('000.20.01.H99-260302-0002');
  });

  it('answers a reception with exactly what a later read of the dossier shows (built from what it committed)', async () => {
    for (const decision of [{ type: 'accept' }, { type: 'refuse', reasons: ['Thiếu tờ khai'] }, undefined]) {
      const res = await receive(desk, deskId, decision ? { decision } : {});
      expect(res.status).toBe(201);
      const read = await desk.get(`/api/dossiers/${res.body.summary.id}`);
      expect(read.status).toBe(200);
      expect(res.body).toEqual(read.body);
    }
    const online = await t.loginCitizen('congdan@minhhoa.demo');
    const submitted = await submitOnline(online, await t.agencyId('000.20.01.H99'), 'answer-equals-read-1');
    expect(submitted.status).toBe(201);
    expect(submitted.body).toEqual((await online.get(`/api/dossiers/${submitted.body.summary.id}`)).body);
  });

  it('takes the dossier through every step to the returned result', async () => {
    const created = await receive(desk, deskId);
    const id = created.body.summary.id;
    expect((await command(desk, id, { type: 'forward', toUserId: null })).status).toBe(200);
    expect(
      (await command(specialist, id, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' })).status,
    ).toBe(200);
    expect((await command(specialist, id, { type: 'forward', toUserId: null })).status).toBe(200);
    expect((await command(head, id, { type: 'approve' })).status).toBe(200);
    expect((await command(head, id, { type: 'forward', toUserId: null })).status).toBe(200);
    const issued = await command(head, id, {
      type: 'issueResult',
      documents: [{ name: 'Giấy xác nhận tình trạng hôn nhân', electronic: true }],
    });
    expect(issued.status).toBe(200);
    const returned = await command(desk, id, {
      type: 'returnResult',
      method: 'desk',
      collectedBy: applicant.name,
    });
    expect(returned.status).toBe(200);
    const detail = await desk.get(`/api/dossiers/${id}`);
    expect(detail.body.summary.status).toBe('returned');
    expect(detail.body.summary.nationalStatus).toBe(10);
    expect(detail.body.events.map((e: any) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierAccepted',
      'DossierForwarded',
      'DecisionProposed',
      'DossierForwarded',
      'ProposalApproved',
      'DossierForwarded',
      'ResultIssued',
      'ResultReturned',
    ]);
    // Every change left a national-portal sync job with the payloads rendered (DOMAIN.md §10).
    const jobs = await t.database.db.execute(
      sql`select data from pgboss.job where name = 'dossier-national-sync' and data->>'dossierId' = ${id} order by (data->>'version')::int`,
    );
    const payloads = (jobs as unknown as { rows: { data: any }[] }).rows.map((r) => r.data);
    expect(payloads.map((p) => p.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const last = payloads[payloads.length - 1];
    expect(last.dossier.MaHoSo).toBe(detail.body.summary.code);
    expect(last.dossier.TrangThaiHoSo).toBe('10');
    expect(last.dossier.KenhThucHien).toBe('1');
    expect(last.progress[0].MaHoSo).toBe(detail.body.summary.code);
    expect(last.progress[0].NoiDungXuLy).toBeTruthy();
    const pub = await t.anonymous().get(`/api/public/dossiers/${detail.body.summary.code}`);
    expect(pub.status).toBe(200);
    expect(Object.keys(pub.body).sort()).toEqual(
      [
        'appointmentAt',
        'code',
        'finishedAt',
        'nationalStatus',
        'procedureName',
        'receivedAt',
        'returnedAt',
        'status',
        'statusLabel',
      ].sort(),
    );
    expect(JSON.stringify(pub.body)).not.toContain(applicant.name);
  });

  it("files a department's dossier received at the provincial centre under the department, with the centre's desk receiving it", async () => {
    const centreDesk = await t.loginStaff('motcua.tinh');
    const res = await receive(centreDesk, await deskOf(t, '000.00.02.H99'), {
      procedure: '1.002861', // Sở Xây dựng, 2 working days, default workflow
      components: requiredComponents('1.002861'),
    });
    expect(res.status).toBe(201);
    expect(res.body.summary.code).toMatch(/^000\.00\.11\.H99-260302-0001$/);
    const centre = await t.agencyId('000.00.02.H99');
    const steps = res.body.state.workflow.steps;
    expect(steps[0].unitId).toBe(centre);
    expect(steps[steps.length - 1].unitId).toBe(centre);
    expect(steps[1].unitId).toBe(await t.agencyId('000.00.11.H99'));
    expect((await command(centreDesk, res.body.summary.id, { type: 'forward', toUserId: null })).status).toBe(
      200,
    );
  });

  it('receives by the workflow in force: a workflow stored after one reception applies to the next', async () => {
    const before = await receive(desk, deskId);
    expect(before.status).toBe(201);
    expect(before.body.state.workflowVersion).toBeNull(); // the default workflow
    const anBinh = await t.agencyId('000.20.01.H99');
    const step = (key: string, role: string, allottedHours: number, actions: string[]) => ({
      kind: 'task',
      key,
      name: key,
      unitId: anBinh,
      role,
      allottedHours,
      actions,
    });
    await storeWorkflow(t, '1.004873', anBinh, {
      leadAgencyId: anBinh,
      steps: [
        step('tiep-nhan', 'desk-officer', 1, ['receive', 'supplement', 'refuse', 'forward']),
        step('tham-dinh', 'specialist', 14, ['process', 'consult', 'supplement', 'forward']),
        step('ky-duyet', 'agency-head', 8, ['approve', 'sign', 'forward']),
        step('tra-ket-qua', 'desk-officer', 1, ['return']),
      ],
    });
    const after = await receive(desk, deskId);
    expect(after.status).toBe(201);
    expect(after.body.state.workflowVersion).toBe(1);
    expect(after.body.state.workflow.steps.map((s: { key: string }) => s.key)).toEqual([
      'tiep-nhan',
      'tham-dinh',
      'ky-duyet',
      'tra-ket-qua',
    ]);
  });

  it('stores states and event bodies lz4-compressed on PostgreSQL (PGlite is built without lz4: pglz)', async () => {
    const { rows } = (await t.database.db.execute(sql`
      select attname::text as column, attcompression::text as method from pg_attribute
      where (attrelid = 'dossiers.dossiers'::regclass and attname = 'state')
         or (attrelid = 'dossiers.events'::regclass and attname = 'body')
      order by attname`)) as unknown as { rows: { column: string; method: string }[] };
    const expected = t.database.kind === 'postgres' ? 'l' : '';
    expect(rows).toEqual([
      { column: 'body', method: expected },
      { column: 'state', method: expected },
    ]);
  });
});
