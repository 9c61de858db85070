import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const codes = (body: { agencies: { code: string }[] }) => body.agencies.map((a) => a.code);

describe('the agency tree, read publicly', () => {
  it('lists agencies in force today, without the communes merged on 1/7/2025', async () => {
    const res = await t.anonymous().get('/api/org/agencies');
    expect(res.status).toBe(200);
    expect(codes(res.body)).toContain('000.20.05.H99');
    expect(codes(res.body)).not.toContain('000.20.03.H99');
    expect(codes(res.body)).not.toContain('000.20.04.H99');
  });

  it('answers "as of" a date before the merger with the old communes and without the new one', async () => {
    const res = await t.anonymous().get('/api/org/agencies?asOf=2025-06-30');
    expect(codes(res.body)).toEqual(expect.arrayContaining(['000.20.03.H99', '000.20.04.H99']));
    expect(codes(res.body)).not.toContain('000.20.05.H99');
  });

  it('gives each agency the name it had on the date asked', async () => {
    const before = await t.anonymous().get('/api/org/agencies?asOf=2024-12-31');
    const after = await t.anonymous().get('/api/org/agencies?asOf=2025-03-01');
    const name = (body: { agencies: { code: string; name: string }[] }) =>
      body.agencies.find((a) => a.code === '000.00.12.H99')?.name;
    expect(name(before.body)).toBe('Sở Tài nguyên và Môi trường');
    expect(name(after.body)).toBe('Sở Nông nghiệp và Môi trường');
  });

  it("shows a merged unit's successor and the successor's predecessors", async () => {
    const phuLoc = await t.agencyId('000.20.03.H99');
    const merged = await t.agencyId('000.20.05.H99');
    const old = await t.anonymous().get(`/api/org/agencies/${phuLoc}`);
    expect(old.body).toMatchObject({ validTo: '2025-07-01', successorId: merged });
    const detail = await t.anonymous().get(`/api/org/agencies/${merged}`);
    expect(
      detail.body.predecessors.map((p: { code: string; mergedOn: string }) => [p.code, p.mergedOn]),
    ).toEqual([
      ['000.20.03.H99', '2025-07-01'],
      ['000.20.04.H99', '2025-07-01'],
    ]);
  });

  it('rejects a malformed date and an unknown id', async () => {
    expect((await t.anonymous().get('/api/org/agencies?asOf=2025-02-30')).status).toBe(400);
    const res = await t.anonymous().get('/api/org/agencies/00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('AGENCY_NOT_FOUND');
  });
});

describe('administrators change the tree', () => {
  it('creates a commune under the province, audited', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const res = await admin.post('/api/org/agencies', {
      code: '000.20.40.h99',
      name: ' UBND xã Hòa Bình ',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: '000.20.40.H99',
      name: 'UBND xã Hòa Bình',
      parentId: province,
      validTo: null,
    });
    const audit = await admin.get(`/api/audit?targetType=agency&targetId=${res.body.id}`);
    expect(audit.body.entries[0]).toMatchObject({ action: 'org.agency.create', actorName: 'quantri' });
  });

  it('refuses invalid codes, duplicate codes and unknown parents with precise errors', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const bad = await admin.post('/api/org/agencies', {
      code: '00.00.00.H99',
      name: 'X',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toEqual({
      path: ['code'],
      message: 'Mã định danh phải có dạng 000.00.00.H41',
    });
    const dup = await admin.post('/api/org/agencies', {
      code: '000.20.01.H99',
      name: 'Trùng mã',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('AGENCY_CODE_TAKEN');
    const orphan = await admin.post('/api/org/agencies', {
      code: '000.20.41.H99',
      name: 'Mồ côi',
      kind: 'commune',
      parentId: '11111111-1111-1111-1111-111111111111',
      validFrom: '2026-01-01',
    });
    expect(orphan.status).toBe(404);
    const root = await admin.post('/api/org/agencies', {
      code: '000.00.00.H98',
      name: 'Tỉnh thứ hai',
      kind: 'province',
      parentId: null,
      validFrom: '2026-01-01',
    });
    expect(root.status).toBe(403);
  });

  it('refuses to put an agency under its own descendant (no cycles)', async () => {
    const admin = await t.loginStaff('quantri');
    const justice = await t.agencyId('000.00.10.H99');
    const office = await t.agencyId('000.01.10.H99');
    const res = await admin.patch(`/api/org/agencies/${justice}`, { parentId: office });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('AGENCY_CYCLE');
    const self = await admin.patch(`/api/org/agencies/${justice}`, { parentId: justice });
    expect(self.body.error.code).toBe('AGENCY_CYCLE');
    const detail = await t.anonymous().get(`/api/org/agencies/${justice}`);
    expect(detail.body.parentId).toBe(await t.agencyId('000.00.00.H99'));
  });

  it('renames with an effective date and keeps the history', async () => {
    const admin = await t.loginStaff('quantri');
    const tanPhu = await t.agencyId('000.20.02.H99');
    const res = await admin.post(`/api/org/agencies/${tanPhu}/renames`, {
      name: 'UBND xã Tân Phú Mới',
      effectiveDate: '2026-01-01',
    });
    expect(res.status).toBe(200);
    expect(res.body.names).toEqual([
      { name: 'UBND xã Tân Phú', validFrom: '2008-01-01' },
      { name: 'UBND xã Tân Phú Mới', validFrom: '2026-01-01' },
    ]);
    const again = await admin.post(`/api/org/agencies/${tanPhu}/renames`, {
      name: 'Khác',
      effectiveDate: '2026-01-01',
    });
    expect(again.status).toBe(409);
  });

  it('merges two communes into a new one, ending their desks, and the successor inherits them in scope', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const a = (
      await admin.post('/api/org/agencies', {
        code: '000.20.50.H99',
        name: 'UBND xã A',
        kind: 'commune',
        parentId: province,
        validFrom: '2020-01-01',
      })
    ).body.id;
    const b = (
      await admin.post('/api/org/agencies', {
        code: '000.20.51.H99',
        name: 'UBND xã B',
        kind: 'commune',
        parentId: province,
        validFrom: '2020-01-01',
      })
    ).body.id;
    const desk = await admin.post('/api/org/desks', {
      agencyId: a,
      name: 'Một cửa xã A',
      validFrom: '2020-01-01',
    });
    expect(desk.status).toBe(201);
    const merged = await admin.post('/api/org/mergers', {
      sourceIds: [a, b],
      target: { code: '000.20.52.H99', name: 'UBND xã A Bờ', kind: 'commune', parentId: province },
      effectiveDate: '2026-07-01',
    });
    expect(merged.status).toBe(201);
    expect(merged.body.endedDeskIds).toEqual([desk.body.id]);
    const target = merged.body.agency.id;
    expect((await t.anonymous().get(`/api/org/agencies/${a}`)).body).toMatchObject({
      validTo: '2026-07-01',
      successorId: target,
    });
    expect((await t.anonymous().get(`/api/org/desks/${desk.body.id}`)).body.validTo).toBe('2026-07-01');

    // An administrator of the new commune manages the old units' records (here: their desk).
    await admin.post('/api/identity/users', {
      username: 'quantri.abo',
      fullName: 'Quản Trị A Bờ',
      password: 'MotCua@2026',
      roles: [{ role: 'administrator', agencyId: target }],
    });
    const local = await t.loginStaff('quantri.abo');
    const patch = await local.patch(`/api/org/desks/${desk.body.id}`, { phone: '0220 111 222' });
    expect(patch.status).toBe(200);
  });

  it('refuses merging an already ended unit and a single source', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const phuLoc = await t.agencyId('000.20.03.H99');
    const anBinh = await t.agencyId('000.20.01.H99');
    const ended = await admin.post('/api/org/mergers', {
      sourceIds: [phuLoc, anBinh],
      target: { code: '000.20.60.H99', name: 'Không hợp lệ', kind: 'commune', parentId: province },
      effectiveDate: '2026-09-01',
    });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('AGENCY_ALREADY_ENDED');
    await expect(t.agencyId('000.20.60.H99')).rejects.toThrow();
    const single = await admin.post('/api/org/mergers', {
      sourceIds: [anBinh],
      target: { code: '000.20.61.H99', name: 'Một mình', kind: 'commune', parentId: province },
      effectiveDate: '2026-09-01',
    });
    expect(single.status).toBe(400);
  });

  it('refuses to dissolve an agency that still has a desk (no orphaned desks)', async () => {
    const admin = await t.loginStaff('quantri');
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await admin.post(`/api/org/agencies/${anBinh}/dissolve`, { effectiveDate: '2026-12-01' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('AGENCY_HAS_DESKS');
    expect((await t.anonymous().get(`/api/org/agencies/${anBinh}`)).body.validTo).toBeNull();
  });
});

describe('scope: staff act on their agency subtree only', () => {
  it('a commune administrator cannot create under the province, nor touch another agency', async () => {
    const local = await t.loginStaff('quantri.anbinh');
    const province = await t.agencyId('000.00.00.H99');
    const justice = await t.agencyId('000.00.10.H99');
    const create = await local.post('/api/org/agencies', {
      code: '000.20.70.H99',
      name: 'Xâm phạm',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(create.status).toBe(403);
    await expect(t.agencyId('000.20.70.H99')).rejects.toThrow();
    const rename = await local.post(`/api/org/agencies/${justice}/renames`, {
      name: 'Đổi trộm',
      effectiveDate: '2026-05-01',
    });
    expect(rename.status).toBe(404);
    expect(JSON.stringify(rename.body)).not.toContain('Sở Tư pháp');
    expect((await t.anonymous().get(`/api/org/agencies/${justice}`)).body.names).toHaveLength(1);
  });

  it('a desk officer holds no org.manage permission at all', async () => {
    const desk = await t.loginStaff('motcua.anbinh');
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await desk.post('/api/org/desks', {
      agencyId: anBinh,
      name: 'Bàn thứ hai',
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(403);
  });
});

describe('desks and office hours', () => {
  it('creates a desk with default office hours 07:30–11:30, 13:00–17:00, Monday to Friday', async () => {
    const local = await t.loginStaff('quantri.anbinh');
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await local.post('/api/org/desks', {
      agencyId: anBinh,
      name: 'Điểm tiếp nhận số 2',
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(201);
    expect(res.body.officeHours).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    });
  });

  it('rejects overlapping or inverted office hours', async () => {
    const local = await t.loginStaff('quantri.anbinh');
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await local.post('/api/org/desks', {
      agencyId: anBinh,
      name: 'Giờ sai',
      validFrom: '2026-01-01',
      officeHours: {
        weekdays: [1],
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '10:00' },
        ],
      },
    });
    expect(res.status).toBe(400);
    const messages = res.body.error.details.issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['Giờ bắt đầu phải trước giờ kết thúc', 'Các ca làm việc không được chồng lấn']),
    );
  });
});

describe('HTTP edges', () => {
  it('rejects an oversize body with 413 and changes nothing', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const res = await admin.post('/api/org/agencies', {
      code: '000.20.80.H99',
      name: 'x'.repeat(2 * 1024 * 1024),
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await expect(t.agencyId('000.20.80.H99')).rejects.toThrow();
  });
});

describe('more tree changes', () => {
  it('moves an office to another department and changes its kind', async () => {
    const admin = await t.loginStaff('quantri');
    const construction = await t.agencyId('000.00.11.H99');
    const created = await admin.post('/api/org/agencies', {
      code: '000.02.11.H99',
      name: 'Phòng Quản lý xây dựng',
      kind: 'office',
      parentId: await t.agencyId('000.00.10.H99'),
      validFrom: '2026-01-01',
    });
    const moved = await admin.patch(`/api/org/agencies/${created.body.id}`, {
      parentId: construction,
      kind: 'other',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: construction, kind: 'other' });
    expect((await admin.patch(`/api/org/agencies/${created.body.id}`, {})).status).toBe(400);
  });

  it('dissolves an agency without desks or children from a date, keeping it in history', async () => {
    const admin = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const created = await admin.post('/api/org/agencies', {
      code: '000.20.95.H99',
      name: 'UBND xã Tạm',
      kind: 'commune',
      parentId: province,
      validFrom: '2020-01-01',
    });
    const res = await admin.post(`/api/org/agencies/${created.body.id}/dissolve`, {
      effectiveDate: '2026-02-01',
    });
    expect(res.status).toBe(200);
    expect(res.body.validTo).toBe('2026-02-01');
    expect(
      (await t.anonymous().get('/api/org/agencies?asOf=2026-01-31')).body.agencies.map(
        (a: { code: string }) => a.code,
      ),
    ).toContain('000.20.95.H99');
    expect(
      (await t.anonymous().get('/api/org/agencies?asOf=2026-02-01')).body.agencies.map(
        (a: { code: string }) => a.code,
      ),
    ).not.toContain('000.20.95.H99');
    expect(
      (await admin.post(`/api/org/agencies/${created.body.id}/dissolve`, { effectiveDate: '2026-03-01' }))
        .body.error.code,
    ).toBe('AGENCY_ALREADY_ENDED');
  });

  it('lists desks by agency and by date, publicly', async () => {
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await t.anonymous().get(`/api/org/desks?agencyId=${anBinh}&activeOn=2026-03-01`);
    expect(res.status).toBe(200);
    expect(res.body.desks.map((d: { name: string }) => d.name)).toContain('Bộ phận Một cửa phường An Bình');
    expect(res.body.desks.every((d: { agencyId: string }) => d.agencyId === anBinh)).toBe(true);
    const before = await t.anonymous().get(`/api/org/desks?agencyId=${anBinh}&activeOn=2020-01-01`);
    expect(before.body.desks).toEqual([]);
  });
});
