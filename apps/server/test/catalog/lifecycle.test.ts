import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { catalogueTestPlaces, procedureContent } from './procedure-content';

let t: TestApp;
let officer: TestClient;
let reviewer: TestClient;
let office: string;
let anBinh: string;
let fieldCode: string;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.loginStaff('kiemsoat.tthc');
  reviewer = await t.loginStaff('kiemsoat.tuphap');
  ({ office, anBinh, fieldCode } = await catalogueTestPlaces(t));
});
afterAll(async () => {
  await t?.close();
});

function content(overrides: Record<string, unknown> = {}) {
  return procedureContent({ fieldCode, agencyId: anBinh }, overrides);
}

async function create(client: TestClient, overrides: Record<string, unknown> = {}) {
  return client.post('/api/catalog/admin/procedures', { ownerAgencyId: office, content: content(overrides) });
}

describe('the publication lifecycle', () => {
  let procedureId: string;
  let v1: string;

  it('drafts a procedure; it is not public yet', async () => {
    const res = await create(officer, { nationalCode: '9.000001' });
    expect(res.status).toBe(201);
    expect(res.body.latest).toMatchObject({
      number: 1,
      status: 'draft',
      localCode: '9.000001.000.00.01.H99',
    });
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit']));
    procedureId = res.body.procedure.id;
    v1 = res.body.latest.id;
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).status).toBe(404);
    expect((await t.anonymous().get('/api/catalog/search?q=9.000001')).body.total).toBe(0);
  });

  it('refuses a second procedure with the same code in the same catalogue', async () => {
    const res = await create(officer, { nationalCode: '9.000001' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PROCEDURE_EXISTS');
  });

  it('edits the draft; a bad document is refused with its path', async () => {
    const ok = await officer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({ nationalCode: '9.000001', name: 'Thủ tục đăng ký khai tử (sửa)' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Thủ tục đăng ký khai tử (sửa)');
    const bad = await officer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({
        nationalCode: '9.000001',
        channels: [{ channel: 'in-person', processingTime: { value: 3, unit: 'weeks' }, fees: [] }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual([
      'content',
      'channels',
      '0',
      'processingTime',
      'unit',
    ]);
    const unknownField = await officer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({ nationalCode: '9.000001', fieldCode: 'G99-XX01' }),
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.code).toBe('FIELD_NOT_FOUND');
  });

  it('keeps the reviewer separate: an officer cannot approve, a reviewer cannot edit, announce or publish', async () => {
    expect((await officer.post(`/api/catalog/admin/versions/${v1}/submit`)).body.status).toBe('submitted');
    const officerApprove = await officer.post(`/api/catalog/admin/versions/${v1}/approve`);
    expect(officerApprove.status).toBe(403);
    const reviewerEdit = await reviewer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({ nationalCode: '9.000001' }),
    });
    expect(reviewerEdit.status).toBe(403);
    const locked = await officer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({ nationalCode: '9.000001' }),
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('VERSION_LOCKED');
  });

  it('the reviewer returns with a reason; the officer fixes and resubmits; the reviewer approves', async () => {
    const returned = await reviewer.post(`/api/catalog/admin/versions/${v1}/return`, {
      reason: 'Thiếu căn cứ pháp lý',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu căn cứ pháp lý',
      reviewedBy: 'kiemsoat.tuphap',
    });
    expect(
      (
        await officer.put(`/api/catalog/admin/versions/${v1}`, {
          content: content({ nationalCode: '9.000001' }),
        })
      ).body.status,
    ).toBe('draft');
    await officer.post(`/api/catalog/admin/versions/${v1}/submit`);
    const approved = await reviewer.post(`/api/catalog/admin/versions/${v1}/approve`);
    expect(approved.body.status).toBe('approved');
    const reviewerAnnounce = await reviewer.post(`/api/catalog/admin/versions/${v1}/announce`, {
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-03-02',
    });
    expect(reviewerAnnounce.status).toBe(403);
  });

  it('announces (decision), publishes (instant): now public, searchable and in force', async () => {
    const announced = await officer.post(`/api/catalog/admin/versions/${v1}/announce`, {
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-03-02',
    });
    expect(announced.body).toMatchObject({ status: 'announced', decisionNumber: '12/QĐ-UBND' });
    const reviewerPublish = await reviewer.post(`/api/catalog/admin/versions/${v1}/publish`, {});
    expect(reviewerPublish.status).toBe(403);
    const published = await officer.post(`/api/catalog/admin/versions/${v1}/publish`, {});
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toBe(t.clock.now.toISOString());
    const page = await t.anonymous().get(`/api/catalog/procedures/${procedureId}`);
    expect(page.status).toBe(200);
    expect(page.body.versionId).toBe(v1);
    expect((await t.anonymous().get('/api/catalog/search?q=9.000001')).body.total).toBe(1);
  });

  it('refuses to edit the published version: amend instead', async () => {
    const res = await officer.put(`/api/catalog/admin/versions/${v1}`, {
      content: content({ nationalCode: '9.000001' }),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_PUBLISHED');
  });

  let v2: string;
  it('amends: a new draft; the published version stays in force until the amendment is published', async () => {
    const amended = await officer.post(`/api/catalog/admin/procedures/${procedureId}/amend`);
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ number: 2, status: 'draft', amendsVersionId: v1 });
    v2 = amended.body.id;
    expect((await officer.post(`/api/catalog/admin/procedures/${procedureId}/amend`)).body.error.code).toBe(
      'AMENDMENT_EXISTS',
    );
    await officer.put(`/api/catalog/admin/versions/${v2}`, {
      content: content({ nationalCode: '9.000001', name: 'Thủ tục đăng ký khai tử (sửa đổi 2026)' }),
    });
    await officer.post(`/api/catalog/admin/versions/${v2}/submit`);
    await reviewer.post(`/api/catalog/admin/versions/${v2}/approve`);
    await officer.post(`/api/catalog/admin/versions/${v2}/announce`, {
      decisionNumber: '30/QĐ-UBND',
      decisionDate: '2026-03-03',
    });
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).body.versionId).toBe(v1);
    t.clock.advance(24 * 3600_000);
    officer = await t.loginStaff('kiemsoat.tthc'); // sessions expire while the clock jumps
    const published = await officer.post(`/api/catalog/admin/versions/${v2}/publish`, {
      effectiveFrom: '2026-03-10',
    });
    expect(published.body.inForceFrom).toBe('2026-03-09T17:00:00.000Z');
    // until 10/3 the first version is still the one in force (superseded from the effective date)
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).body.versionId).toBe(v1);
    const detail = await officer.get(`/api/catalog/admin/procedures/${procedureId}`);
    expect(detail.body.versions.map((v: { status: string }) => v.status)).toEqual([
      'superseded',
      'published',
    ]);
    expect(detail.body.versions[0].inForceTo).toBe('2026-03-09T17:00:00.000Z');
    t.clock.advance(7 * 24 * 3600_000); // 2026-03-10
    officer = await t.loginStaff('kiemsoat.tthc');
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).body.versionId).toBe(v2);
  });

  it('abolishes: no longer public after the effective date, every version kept', async () => {
    const res = await officer.post(`/api/catalog/admin/procedures/${procedureId}/abolish`, {
      effectiveDate: '2026-03-20',
      decisionNumber: '45/QĐ-UBND',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('abolished');
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).status).toBe(200);
    t.clock.advance(10 * 24 * 3600_000);
    expect((await t.anonymous().get(`/api/catalog/procedures/${procedureId}`)).status).toBe(404);
    officer = await t.loginStaff('kiemsoat.tthc');
    reviewer = await t.loginStaff('kiemsoat.tuphap');
    const detail = await officer.get(`/api/catalog/admin/procedures/${procedureId}`);
    expect(detail.body.versions).toHaveLength(2);
    expect(detail.body.allowedActions).toEqual([]);
  });

  it('records every step in the audit trail', async () => {
    const admin = await t.loginStaff('quantri');
    const audit = await admin.get('/api/audit?limit=100');
    const actions = audit.body.entries
      .filter((e: { action: string }) => e.action.startsWith('catalog.'))
      .map((e: { action: string }) => e.action);
    for (const a of [
      'catalog.procedure.create',
      'catalog.version.update',
      'catalog.version.submit',
      'catalog.version.return',
      'catalog.version.approve',
      'catalog.version.announce',
      'catalog.version.publish',
      'catalog.procedure.amend',
      'catalog.procedure.abolish',
    ])
      expect(actions).toContain(a);
  });

  it('hides procedures from staff without a catalogue role and from the public admin API', async () => {
    const desk = await t.loginStaff('motcua.tinh');
    expect((await desk.get('/api/catalog/admin/procedures')).status).toBe(403);
    expect((await desk.get(`/api/catalog/admin/procedures/${procedureId}`)).status).toBe(404);
    expect((await t.anonymous().get('/api/catalog/admin/procedures')).status).toBe(401);
    const list = await reviewer.get('/api/catalog/admin/procedures?q=9.000001');
    expect(list.body.total).toBe(1);
  });
});

describe('versionInForce, for the dossier engine', () => {
  it('answers the version in force at an instant', async () => {
    const { versionInForce } = await import('../../src/modules/catalog/catalog-service');
    const ctx = { db: t.database.db, now: () => t.clock.now, jobs: t.jobs };
    const list = await officer.get('/api/catalog/admin/procedures?q=9.000001');
    const id = list.body.procedures[0].id;
    const detail = await officer.get(`/api/catalog/admin/procedures/${id}`);
    const [first, second] = detail.body.versions;
    expect((await versionInForce(ctx, id, new Date('2026-03-05T00:00:00Z')))?.id).toBe(first.id);
    expect((await versionInForce(ctx, id, new Date('2026-03-15T00:00:00Z')))?.id).toBe(second.id);
    expect(await versionInForce(ctx, id, new Date('2026-03-25T00:00:00Z'))).toBeNull();
    expect(await versionInForce(ctx, id, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});
