// The calendar API through the real app, on PGlite or PostgreSQL (MOTCUA_TEST_DB). Holiday facts are
// from the official 2026 schedule (Thông báo 9441/TB-BNV, DOMAIN.md §8); counting rules from DOMAIN.md
// §8 (a working day = the desk's office hours; a limit in working time runs from the receipt).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calendarBuildCount, calendarVersionCheckCount } from '../../src/modules/calendar/calendar-service';
import { eventually } from '../support/eventually';
import { cutListener } from '../support/listener';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginStaff('quantri');
});
afterAll(async () => {
  await t?.close();
});

const due = (body: Record<string, unknown>) => t.anonymous().post('/api/calendar/due', body);
const canonical = { start: '2026-02-13T10:00:00+07:00', limit: 3, unit: 'working-days' };

const official2026DaysOff = [
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-08-31',
  '2026-09-01',
  '2026-09-02',
  '2026-11-24',
];

async function storedChanges(): Promise<{ date: string }[]> {
  const res = await admin.get('/api/calendar/local-changes');
  expect(res.status).toBe(200);
  return res.body.localChanges;
}

describe('GET /api/calendar/:year (public)', () => {
  it('gives the official 2026 schedule: days off, make-up Saturdays and named holidays', async () => {
    const res = await t.anonymous().get('/api/calendar/2026');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, source: 'official', localChanges: [] });
    expect(res.body.daysOff).toEqual(official2026DaysOff);
    expect(res.body.workingSaturdays).toEqual(['2026-01-10', '2026-08-22']);
    expect(res.body.sources.join(' ')).toContain('9441/TB-BNV');
    const names = new Map(res.body.holidays.map((h: { date: string; name: string }) => [h.date, h.name]));
    expect(names.get('2026-02-17')).toMatch(/Tết Nguyên đán/);
    expect(names.get('2026-11-24')).toMatch(/Văn hóa Việt Nam/);
  });

  it('marks a year without an official notice as provisional', async () => {
    const res = await t.anonymous().get('/api/calendar/2030');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('provisional');
    expect(res.body.daysOff).toContain('2030-01-01');
  });

  it('refuses a malformed year (400) and a year the engine does not support (422)', async () => {
    const bad = await t.anonymous().get('/api/calendar/20x6');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const outside = await t.anonymous().get('/api/calendar/1500');
    expect(outside.status).toBe(422);
    expect(outside.body.error).toMatchObject({ code: 'INVALID_YEAR' });
    expect(outside.body.error.message).toMatch(/Năm 1500 nằm ngoài phạm vi/);
  });
});

describe('POST /api/calendar/due (public, read-only)', () => {
  it('counts 3 working days from Friday 13/02/2026 10:00 over the Tết week: 10:00 on 25/02/2026', async () => {
    const res = await due(canonical);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      due: '2026-02-25T10:00:00+07:00',
      dueEpochMs: Date.parse('2026-02-25T03:00:00Z'),
      calendarYearSource: 'official',
    });
  });

  it('says "provisional" when the count runs into a year without an official schedule', async () => {
    const res = await due({ start: '2026-12-28T08:00:00+07:00', limit: 10, unit: 'working-days' });
    expect(res.status).toBe(200);
    expect(res.body.due.startsWith('2027-01-')).toBe(true);
    expect(res.body.calendarYearSource).toBe('provisional');
  });

  it('lands a calendar-day limit on the closing time of the next working day', async () => {
    // 13/02 + 5 days = 18/02, inside Tết: due at the close of Monday 23/02.
    const res = await due({ start: '2026-02-13T10:00:00+07:00', limit: 5, unit: 'days' });
    expect(res.body.due).toBe('2026-02-23T17:00:00+07:00');
  });

  it("uses the desk's own office hours", async () => {
    const desks = await t.anonymous().get('/api/org/desks');
    const desk = desks.body.desks[0];
    const twoHours = { start: '2026-02-13T10:00:00+07:00', limit: 2, unit: 'working-hours' };
    const before = await due({ ...twoHours, deskId: desk.id });
    // Default hours 07:30–11:30, 13:00–17:00: 1.5 h in the morning, then 0.5 h after 13:00.
    expect(before.body.due).toBe('2026-02-13T13:30:00+07:00');

    const patched = await admin.patch(`/api/org/desks/${desk.id}`, {
      officeHours: {
        weekdays: [1, 2, 3, 4, 5],
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      },
    });
    expect(patched.status).toBe(200);
    const after = await due({ ...twoHours, deskId: desk.id });
    expect(after.status).toBe(200);
    expect(after.body.due).toBe('2026-02-13T14:00:00+07:00');
    // Without a desk: the default hours.
    expect((await due(twoHours)).body.due).toBe('2026-02-13T13:30:00+07:00');
  });

  it('refuses a desk that opens on other weekdays than Monday–Friday, saying why', async () => {
    const desks = await t.anonymous().get('/api/org/desks');
    const desk = desks.body.desks[1];
    await admin.patch(`/api/org/desks/${desk.id}`, {
      officeHours: { weekdays: [1, 2, 3, 4, 5, 6], sessions: [{ start: '07:30', end: '11:30' }] },
    });
    const res = await due({ ...canonical, deskId: desk.id });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DESK_WEEKDAYS_UNSUPPORTED');
    expect(res.body.error.message).toMatch(/thứ Hai – thứ Sáu/);
  });

  it('answers an unknown desk with 404', async () => {
    const res = await due({ ...canonical, deskId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DESK_NOT_FOUND');
  });

  it.each([
    [{ ...canonical, unit: 'weeks' }, 'UNKNOWN_TIME_UNIT', /Đơn vị thời hạn không hợp lệ/],
    [{ ...canonical, limit: 0.3 }, 'INVALID_LIMIT', /bội số của 0,5/],
    [{ ...canonical, limit: -1 }, 'INVALID_LIMIT', /không âm/],
    [{ ...canonical, unit: 'days', limit: 1.5 }, 'INVALID_LIMIT', /số nguyên/],
    [{ ...canonical, start: '13/02/2026 10:00' }, 'INVALID_INSTANT', /Thời điểm không hợp lệ/],
    [{ ...canonical, start: '2026-02-30T10:00:00+07:00' }, 'INVALID_INSTANT', /Thời điểm không hợp lệ/],
    [{ ...canonical, start: '2040-01-02T10:00:00+07:00' }, 'OUTSIDE_CALENDAR_RANGE', /Ngoài phạm vi/],
  ])('answers %j with 422 %s and the engine’s Vietnamese message', async (body, code, message) => {
    const res = await due(body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    expect(typeof res.body.error.details.messageEn).toBe('string');
  });

  it.each([
    [{ limit: 3, unit: 'working-days' }],
    [{ ...canonical, limit: '3' }],
    [{ ...canonical, deskId: 'not-a-uuid' }],
  ])('answers a malformed body %j with 400', async (body) => {
    const res = await due(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('reuses the built calendar from one request to the next', async () => {
    await due(canonical);
    const builds = calendarBuildCount();
    for (let i = 0; i < 5; i++) expect((await due(canonical)).status).toBe(200);
    await t.anonymous().get('/api/calendar/2026');
    expect(calendarBuildCount()).toBe(builds);
  });
});

describe('local changes (calendar.manage)', () => {
  it('refuses anonymous callers (401) and a desk officer (403), storing nothing', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/calendar/local-changes')).status).toBe(401);
    const change = { date: '2026-03-06', kind: 'day-off', reason: 'Thử' };
    expect((await anonymous.post('/api/calendar/local-changes', change)).status).toBe(401);
    expect((await anonymous.delete('/api/calendar/local-changes/1')).status).toBe(401);

    const officer = await t.loginStaff('motcua.tinh');
    const read = await officer.get('/api/calendar/local-changes');
    expect(read.status).toBe(403);
    const write = await officer.post('/api/calendar/local-changes', change);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    expect((await officer.delete('/api/calendar/local-changes/1')).status).toBe(403);
    expect(await storedChanges()).toEqual([]);
  });

  it.each([
    [{ date: '2026-03-07', kind: 'day-off', reason: 'Thứ Bảy' }, 422, 'LOCAL_CHANGE_NOT_WORKING_DAY'],
    [{ date: '2026-02-17', kind: 'day-off', reason: 'Đã nghỉ Tết' }, 422, 'LOCAL_CHANGE_NOT_WORKING_DAY'],
    [{ date: '2026-03-11', kind: 'working-day', reason: 'Thứ Tư' }, 422, 'LOCAL_CHANGE_NOT_SATURDAY_OFF'],
    [{ date: '2026-01-10', kind: 'working-day', reason: 'Đã làm bù' }, 422, 'LOCAL_CHANGE_NOT_SATURDAY_OFF'],
    [{ date: '2026-03-08', kind: 'working-day', reason: 'Chủ nhật' }, 422, 'LOCAL_CHANGE_NOT_SATURDAY_OFF'],
    [{ date: '2040-03-06', kind: 'day-off', reason: 'Xa quá' }, 422, 'OUTSIDE_CALENDAR_RANGE'],
    [{ date: '2026-02-30', kind: 'day-off', reason: 'Không có ngày này' }, 400, 'VALIDATION_FAILED'],
    [{ date: '2026-03-06', kind: 'holiday', reason: 'Loại lạ' }, 400, 'VALIDATION_FAILED'],
    [{ date: '2026-03-06', kind: 'day-off', reason: '   ' }, 400, 'VALIDATION_FAILED'],
    [{ date: '2026-03-06', kind: 'day-off' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %j with %i %s and stores nothing', async (body, status, code) => {
    const res = await admin.post('/api/calendar/local-changes', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await storedChanges()).toEqual([]);
  });

  it('applies an extra day off to the year and to due dates, audits it, and undoes it on delete', async () => {
    const oneDay = { start: '2026-03-05T10:00:00+07:00', limit: 1, unit: 'working-days' };
    expect((await due(oneDay)).body.due).toBe('2026-03-06T10:00:00+07:00');

    const reason = 'Kỷ niệm 50 năm Ngày giải phóng tỉnh';
    const created = await admin.post('/api/calendar/local-changes', {
      date: '2026-03-06',
      kind: 'day-off',
      reason: reason.normalize('NFD'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-03-06', kind: 'day-off', reason });
    expect(created.body.createdBy).toEqual(expect.any(String));

    const year = await t.anonymous().get('/api/calendar/2026');
    expect(year.body.daysOff).toContain('2026-03-06');
    expect(year.body.localChanges).toEqual([{ date: '2026-03-06', kind: 'day-off', reason }]);
    expect(year.body.holidays).toContainEqual({ date: '2026-03-06', name: reason, kind: 'local' });
    expect((await due(oneDay)).body.due).toBe('2026-03-09T10:00:00+07:00');

    const duplicate = await admin.post('/api/calendar/local-changes', {
      date: '2026-03-06',
      kind: 'day-off',
      reason: 'Lần hai',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('LOCAL_CHANGE_DATE_TAKEN');

    const removed = await admin.delete(`/api/calendar/local-changes/${created.body.id}`);
    expect(removed.status).toBe(204);
    expect((await t.anonymous().get('/api/calendar/2026')).body.daysOff).not.toContain('2026-03-06');
    expect((await due(oneDay)).body.due).toBe('2026-03-06T10:00:00+07:00');
    expect((await admin.delete(`/api/calendar/local-changes/${created.body.id}`)).status).toBe(404);
    expect((await admin.delete('/api/calendar/local-changes/abc')).status).toBe(400);

    const audit = await admin.get('/api/audit?targetType=calendar-local-change');
    expect(audit.status).toBe(200);
    expect(
      audit.body.entries.map((e: { action: string; actorName: string; targetId: string }) => [
        e.action,
        e.actorName,
        e.targetId,
      ]),
    ).toEqual([
      ['calendar.local-change.delete', 'quantri', String(created.body.id)],
      ['calendar.local-change.create', 'quantri', String(created.body.id)],
    ]);
  });

  it('makes a Saturday a working day for the year and for due dates', async () => {
    const oneDay = { start: '2026-03-13T10:00:00+07:00', limit: 1, unit: 'working-days' };
    expect((await due(oneDay)).body.due).toBe('2026-03-16T10:00:00+07:00');
    const created = await admin.post('/api/calendar/local-changes', {
      date: '2026-03-14',
      kind: 'working-day',
      reason: 'Làm bù cho ngày nghỉ kỷ niệm thành lập tỉnh',
    });
    expect(created.status).toBe(201);
    expect((await t.anonymous().get('/api/calendar/2026')).body.workingSaturdays).toEqual([
      '2026-01-10',
      '2026-03-14',
      '2026-08-22',
    ]);
    expect((await due(oneDay)).body.due).toBe('2026-03-14T10:00:00+07:00');
    const list = await storedChanges();
    expect(list.map((c) => c.date)).toEqual(['2026-03-14']);
  });

  it('sees a change made elsewhere (another process, a fix in SQL) once the database announces it, and checks nothing in between', async () => {
    const oneDay = { start: '2026-06-10T10:00:00+07:00', limit: 1, unit: 'working-days' };
    expect((await due(oneDay)).body.due).toBe('2026-06-11T10:00:00+07:00');
    // The announcement of the previous test's change may still be on its way (it arrives after the
    // commit, on the listener's own connection), and costs one check when it lands. So look for a
    // window of three uses with no announcement in it: there the listener vouches for the cache.
    let unchecked = -1;
    for (let attempt = 0; attempt < 50 && unchecked !== 0; attempt++) {
      const checks = calendarVersionCheckCount();
      for (let i = 0; i < 3; i++) await due(oneDay);
      unchecked = calendarVersionCheckCount() - checks;
      if (unchecked !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(unchecked).toBe(0); // the listener vouches for the cache
    await t.database.raw.query(
      `insert into calendar.local_changes (date, kind, reason, created_by) values ('2026-06-11', 'day-off', 'Sửa trực tiếp', null)`,
    );
    const seen = await eventually(
      async () => (await due(oneDay)).body.due,
      (d) => d === '2026-06-12T10:00:00+07:00',
    );
    expect(seen).toBe('2026-06-12T10:00:00+07:00');
    await t.database.raw.query(`delete from calendar.local_changes where date = '2026-06-11'`);
  });
});

describe.runIf(inject('testDb') === 'postgres')('the calendar listener on PostgreSQL', () => {
  it('checks the version on every use while its connection is lost, and stops once it is back', async () => {
    const body = { start: '2026-06-10T10:00:00+07:00', limit: 1, unit: 'working-days' };
    expect(await cutListener(t.database.raw, 'motcua_calendar_changed')).toEqual([true]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the loss reaches the app
    let checks = calendarVersionCheckCount();
    await due(body);
    await due(body);
    expect(calendarVersionCheckCount()).toBe(checks + 2);
    // Reconnected about a second later: the first use checks once more, then none.
    const until = Date.now() + 10_000;
    for (;;) {
      checks = calendarVersionCheckCount();
      await due(body);
      await due(body);
      if (calendarVersionCheckCount() - checks <= 1 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    checks = calendarVersionCheckCount();
    await due(body);
    await due(body);
    expect(calendarVersionCheckCount()).toBe(checks);
  });
});
