import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  applicant,
  command,
  deskOf,
  detail,
  ok,
  People,
  receive,
  registerCitizen,
  submitOnline,
  vnTime,
} from './dossier-fixtures';

/**
 * Who sees which dossier (issue point 7): staff the dossiers involving their agency's subtree, the
 * applicant their own, anyone with the code only the code, procedure, status and dates; reading a
 * dossier's personal data is audited.
 */
let t: TestApp;
let people: People;
let anBinhPaper: string;
let anBinhOnline: string;
let consulted: string;
let phuLocThinhPaper: string;
let phuLocThinhOnline: string;

const ids = (res: { body: { dossiers: { id: string }[] } }) => res.body.dossiers.map((d) => d.id).sort();
const list = async (client: TestClient, query = '') => {
  const res = await client.get(`/api/dossiers?pageSize=100${query}`);
  expect(res.status).toBe(200);
  return res;
};

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  await registerCitizen(t, 'Hồ Thị Khác', 'khac@example.vn');
  const anBinh = await t.agencyId('000.20.01.H99');
  const phuLocThinh = await t.agencyId('000.20.05.H99');
  const justice = await t.agencyId('000.00.10.H99');
  const desk = await people.staff('motcua.anbinh');
  anBinhPaper = (await receive(desk, await deskOf(t, '000.20.01.H99'))).body.summary.id;
  anBinhOnline = (await submitOnline(await people.citizen(), anBinh, 'visible-0001')).body.summary.id;
  consulted = (await receive(desk, await deskOf(t, '000.20.01.H99'))).body.summary.id;
  await ok(command(desk, consulted, { type: 'forward', toUserId: null }));
  await ok(
    command(await people.staff('congchuc.anbinh'), consulted, {
      type: 'startConsultation',
      agencyId: justice,
      question: 'Người yêu cầu đã đăng ký kết hôn tại tỉnh chưa?',
      dueAt: vnTime('2026-03-04T17:00').toISOString(),
    }),
  );
  phuLocThinhPaper = (
    await receive(await people.staff('motcua.phulocthinh'), await deskOf(t, '000.20.05.H99'), {
      applicant: { ...applicant, name: 'Trương Văn Lộc' },
    })
  ).body.summary.id;
  phuLocThinhOnline = (
    await submitOnline(await people.citizen('khac@example.vn'), phuLocThinh, 'visible-0002')
  ).body.summary.id;
});
afterAll(() => t?.close());

describe('staff', () => {
  it('list only the dossiers involving their agency subtree', async () => {
    expect(ids(await list(await people.staff('motcua.anbinh')))).toEqual(
      [anBinhPaper, anBinhOnline, consulted].sort(),
    );
    expect(ids(await list(await people.staff('congchuc.anbinh')))).toEqual(
      [anBinhPaper, anBinhOnline, consulted].sort(),
    );
    expect(ids(await list(await people.staff('motcua.phulocthinh')))).toEqual(
      [phuLocThinhPaper, phuLocThinhOnline].sort(),
    );
    // Sở Tư pháp was consulted on one dossier: its head (the department's subtree) sees that one only.
    expect(ids(await list(await people.staff('giamdoc.tuphap')))).toEqual([consulted]);
    // The provincial centre's desk receives for the departments, not for the wards.
    expect(ids(await list(await people.staff('motcua.tinh')))).toEqual([]);
    // Without a dossier role (catalogue officer, administrator): nothing.
    expect((await list(await people.staff('kiemsoat.tthc'))).body.total).toBe(0);
    expect((await list(await people.staff('quantri'))).body.total).toBe(0);
  });

  it('read only those: 404 for the others, as if they did not exist', async () => {
    const other = await people.staff('motcua.phulocthinh');
    expect((await other.get(`/api/dossiers/${anBinhPaper}`)).status).toBe(404);
    expect((await other.get(`/api/dossiers/${phuLocThinhPaper}`)).status).toBe(200);
    expect((await (await people.staff('giamdoc.tuphap')).get(`/api/dossiers/${consulted}`)).status).toBe(200);
    expect((await (await people.staff('giamdoc.tuphap')).get(`/api/dossiers/${anBinhPaper}`)).status).toBe(
      404,
    );
    expect((await (await people.staff('quantri')).get(`/api/dossiers/${anBinhPaper}`)).status).toBe(404);
  });

  it('filter their list by status, code and assignee', async () => {
    const desk = await people.staff('motcua.anbinh');
    expect(ids(await list(desk, '&status=submitted'))).toEqual([anBinhOnline]);
    const code = (await detail(desk, anBinhPaper)).summary.code;
    expect(ids(await list(desk, `&q=${code}`))).toEqual([anBinhPaper]);
    expect((await list(desk, '&mine=true')).body.total).toBe(0);
    const paged = await desk.get('/api/dossiers?pageSize=2&page=2');
    expect(paged.body).toMatchObject({ total: 3 });
    expect(paged.body.dossiers).toHaveLength(1);
  });
});

describe('applicants', () => {
  it('see their own dossiers and nobody else’s', async () => {
    const citizen = await people.citizen();
    expect(ids(await list(citizen))).toEqual([anBinhOnline]);
    expect((await citizen.get(`/api/dossiers/${anBinhOnline}`)).status).toBe(200);
    expect((await citizen.get(`/api/dossiers/${phuLocThinhOnline}`)).status).toBe(404);
    // A paper dossier belongs to no account, even with the same name on it.
    expect((await citizen.get(`/api/dossiers/${anBinhPaper}`)).status).toBe(404);
    const other = await people.citizen('khac@example.vn');
    expect(ids(await list(other))).toEqual([phuLocThinhOnline]);
    expect((await other.get(`/api/dossiers/${anBinhOnline}`)).status).toBe(404);
  });

  it('must log in to list or read', async () => {
    expect((await t.anonymous().get('/api/dossiers')).status).toBe(401);
    expect((await t.anonymous().get(`/api/dossiers/${anBinhOnline}`)).status).toBe(401);
  });
});

describe('the public lookup by code', () => {
  it('shows only code, procedure, status and dates, to anyone', async () => {
    const d = await detail(await people.staff('motcua.anbinh'), anBinhPaper);
    const res = await t.anonymous().get(`/api/public/dossiers/${d.summary.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: d.summary.code,
      procedureName: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
      status: 'accepted',
      statusLabel: 'Đã tiếp nhận',
      nationalStatus: 2,
      receivedAt: vnTime('2026-03-02T09:00').toISOString(),
      appointmentAt: vnTime('2026-03-05T09:00').toISOString(),
      finishedAt: null,
      returnedAt: null,
    });
    const text = JSON.stringify(res.body);
    for (const secret of [
      applicant.name,
      applicant.idNumber,
      applicant.phone,
      applicant.email,
      applicant.address,
    ])
      expect(text).not.toContain(secret);
  });

  it('answers 404 for a code that does not exist or is not a code', async () => {
    for (const code of ['000.20.01.H99-260302-0999', '999.99.99.H99-260302-0001', 'not-a-dossier-code'])
      expect((await t.anonymous().get(`/api/public/dossiers/${code}`)).status).toBe(404);
  });
});

describe('auditing reads', () => {
  it('records who read a dossier (staff and applicant), not the public lookup', async () => {
    const admin = await people.staff('quantri');
    const entriesFor = async (id: string) =>
      (await admin.get(`/api/audit?targetType=dossier&targetId=${id}&limit=200`)).body.entries as {
        action: string;
        actorName: string | null;
      }[];
    const before = (await entriesFor(phuLocThinhOnline)).filter((e) => e.action === 'dossier.read').length;
    await (await people.staff('motcua.phulocthinh')).get(`/api/dossiers/${phuLocThinhOnline}`);
    await (await people.citizen('khac@example.vn')).get(`/api/dossiers/${phuLocThinhOnline}`);
    const code = (await detail(await people.staff('motcua.phulocthinh'), phuLocThinhOnline)).summary.code;
    await t.anonymous().get(`/api/public/dossiers/${code}`);
    const reads = (await entriesFor(phuLocThinhOnline)).filter((e) => e.action === 'dossier.read');
    expect(reads).toHaveLength(before + 3);
    // Staff are named by their account, citizens by their name (the audit trail's convention).
    expect(reads.map((e) => e.actorName)).toEqual(
      expect.arrayContaining(['motcua.phulocthinh', 'Hồ Thị Khác']),
    );
    // A refused read (outside one's scope) is not a read of personal data.
    await (await people.staff('motcua.anbinh')).get(`/api/dossiers/${phuLocThinhOnline}`);
    expect((await entriesFor(phuLocThinhOnline)).filter((e) => e.action === 'dossier.read')).toHaveLength(
      before + 3,
    );
  });
});
