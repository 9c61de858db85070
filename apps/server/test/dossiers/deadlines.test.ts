import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  command,
  commandAt,
  deskOf,
  detail,
  MARITAL_STATUS,
  ok,
  People,
  processToResult,
  receive,
  requiredComponents,
  vnTime,
} from './dossier-fixtures';

/**
 * Legal due dates through the API: Decree 61/2018 Art. 19 (supplement within 3 working days, the time
 * restarts when it arrives) and the apology with a new date (Form 04, at least 1 working day before the
 * due date, once), on the 2026 civil-service calendar (Tết: 16–20/2/2026, official schedule).
 * The marital-status certificate (1.004873) has a limit of 3 working days (Decree 123/2015 Art. 22).
 * Desk hours 07:30–11:30 and 13:00–17:00: a working day is 8 hours.
 */
let t: TestApp;
let people: People;
let deskId: string;

beforeAll(async () => {
  t = await startTestApp({ start: vnTime('2026-02-12T09:00') });
  people = new People(t);
  deskId = await deskOf(t, '000.20.01.H99');
});
afterAll(() => t?.close());

describe('a due date across Tết', () => {
  it('skips the five Tết days and the weekends around them', async () => {
    const desk = await people.staff('motcua.anbinh');
    // Thursday 12/2 09:00: Thu (6.5 h) + Fri 13/2 (8 h) + Mon 23/2 (8 h) + Tue 24/2 07:30–09:00 (1.5 h).
    const thursday = await receive(desk, deskId);
    expect(thursday.status).toBe(201);
    expect(thursday.body.summary.code).toBe('000.20.01.H99-260212-0001');
    expect(thursday.body.summary.appointmentAt).toBe(vnTime('2026-02-24T09:00').toISOString());

    // Friday 13/2 16:00: Fri (1 h) + Mon 23/2 + Tue 24/2 (16 h) + Wed 25/2 07:30–16:00 (7 h).
    people.travel('2026-02-13T16:00');
    const friday = await receive(await people.staff('motcua.anbinh'), deskId);
    expect(friday.body.summary.code).toBe('000.20.01.H99-260213-0001');
    expect(friday.body.summary.appointmentAt).toBe(vnTime('2026-02-25T16:00').toISOString());

    // The public tracking page shows the same date.
    const pub = await t.anonymous().get(`/api/public/dossiers/${thursday.body.summary.code}`);
    expect(pub.body.appointmentAt).toBe(vnTime('2026-02-24T09:00').toISOString());
  });

  it('counts nothing during Tết: a dossier open over the holiday is still on track after it', async () => {
    people.travel('2026-02-23T08:00');
    const desk = await people.staff('motcua.anbinh');
    const list = await desk.get('/api/dossiers?q=260212');
    const id = list.body.dossiers[0].id;
    const d = await detail(desk, id);
    // Left: Mon 23/2 07:30–08:00 was 0.5 h used of the last 9.5 h → 9 h remain (more than the 8 h threshold).
    expect(d.progress).toMatchObject({ kind: 'open', status: 'on-track' });
    expect(d.progress.remainingWorkingMs).toBe(9 * 3600_000);
  });

  it('counts the supplement window in working days too: 12 calendar days later it is still open', async () => {
    people.travel('2026-02-24T08:30');
    const desk = await people.staff('motcua.anbinh');
    const id = (await desk.get('/api/dossiers?q=260212-0001')).body.dossiers[0].id;
    await ok(command(desk, id, { type: 'forward', toUserId: null }));
    // Thu 12/2 6.5 h + Fri 13/2 8 h + Mon 23/2 8 h + Tue 24/2 1 h = 23.5 h < 3 working days.
    const asked = await command(await people.staff('congchuc.anbinh'), id, {
      type: 'requestSupplement',
      items: [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Thiếu thông tin nơi cư trú' }],
      guidance: 'Bổ sung tờ khai',
    });
    expect(asked.status).toBe(200);
    expect((await detail(desk, id)).summary.status).toBe('supplement-requested');
  });
});

describe('a supplement during appraisal (Decree 61 Art. 19)', () => {
  let restarted: string;

  it('is requested within 3 working days, pauses the clock, and restarts the full limit on receipt', async () => {
    people.travel('2026-03-02T09:00');
    const desk = await people.staff('motcua.anbinh');
    const created = await receive(desk, deskId);
    restarted = created.body.summary.id;
    expect(created.body.summary.appointmentAt).toBe(vnTime('2026-03-05T09:00').toISOString());
    await ok(command(desk, restarted, { type: 'forward', toUserId: null }));

    people.travel('2026-03-04T09:00'); // 2 working days after receipt
    const asked = await command(await people.staff('congchuc.anbinh'), restarted, {
      type: 'requestSupplement',
      items: [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Thiếu chữ ký người yêu cầu' }],
      guidance: 'Bổ sung tờ khai có chữ ký tại bộ phận một cửa',
    });
    expect(asked.status).toBe(200);
    let d = await detail(await people.staff('motcua.anbinh'), restarted);
    expect(d.summary).toMatchObject({ status: 'supplement-requested', nationalStatus: 5 });
    expect(d.progress.status).toBe('paused');

    // The applicant brings it on Monday 9/3 10:00: the 3 working days run again from that instant.
    people.travel('2026-03-09T10:00');
    const deskAgain = await people.staff('motcua.anbinh');
    const received = await command(deskAgain, restarted, {
      type: 'receiveSupplement',
      components: requiredComponents(MARITAL_STATUS),
    });
    expect(received.status).toBe(200);
    d = await detail(deskAgain, restarted);
    expect(d.summary).toMatchObject({ status: 'processing', nationalStatus: 4 });
    expect(d.summary.appointmentAt).toBe(vnTime('2026-03-12T10:00').toISOString());
    expect(d.state.originalAppointmentAt).toBe(vnTime('2026-03-05T09:00').getTime());
    // The 766 view keeps the receipt's date and subtracts the wait instead.
    expect(d.progress766).toMatchObject({ supplementRequests: 1 });
    expect(d.progress766!.waitingWorkingMs).toBeGreaterThan(0);
    const pub = await t.anonymous().get(`/api/public/dossiers/${d.summary.code}`);
    expect(pub.body.appointmentAt).toBe(vnTime('2026-03-12T10:00').toISOString());
  });

  it('is refused once 3 working days have passed since receipt, and nothing changes', async () => {
    // Still Monday 9/3 10:00: two dossiers received now; the window closes Thursday 12/3 10:00.
    const desk = await people.staff('motcua.anbinh');
    const onTheDay = (await receive(desk, deskId)).body.summary.id;
    const tooLate = (await receive(desk, deskId)).body.summary.id;
    await ok(command(desk, onTheDay, { type: 'forward', toUserId: null }));
    await ok(command(desk, tooLate, { type: 'forward', toUserId: null }));
    const ask = {
      type: 'requestSupplement',
      items: [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Bản chụp không rõ' }],
      guidance: 'Nộp lại bản rõ nét',
    };

    people.travel('2026-03-12T10:00'); // exactly 3 working days: still allowed
    expect((await command(await people.staff('congchuc.anbinh'), onTheDay, ask)).status).toBe(200);

    people.travel('2026-03-12T10:30');
    const specialist = await people.staff('congchuc.anbinh');
    const before = await detail(specialist, tooLate);
    const refused = await commandAt(specialist, tooLate, before.summary.version, ask);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SUPPLEMENT_WINDOW_PASSED');
    const after = await detail(specialist, tooLate);
    expect(after.summary.version).toBe(before.summary.version);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.summary.status).toBe('processing');
  });
});

describe('a late dossier: apology and a new date (Form 04)', () => {
  let apologised: string;
  let late: string;
  let anBinh: string;
  const apology = (appointmentAt: string) => ({
    type: 'apologise',
    agencyId: anBinh,
    reason: 'Cần xác minh thông tin hộ tịch tại nơi cư trú trước đây',
    appointmentAt: vnTime(appointmentAt).toISOString(),
  });

  it('moves the date once when sent at least a working day before it', async () => {
    anBinh = await t.agencyId('000.20.01.H99');
    people.travel('2026-03-16T09:00');
    const desk = await people.staff('motcua.anbinh');
    apologised = (await receive(desk, deskId)).body.summary.id;
    late = (await receive(desk, deskId)).body.summary.id;

    people.travel('2026-03-17T09:00'); // due Thursday 19/3 09:00: two working days ahead
    const head = await people.staff('chutich.anbinh');
    const res = await command(head, apologised, apology('2026-03-23T09:00'));
    expect(res.status).toBe(200);
    const d = await detail(head, apologised);
    expect(d.summary.appointmentAt).toBe(vnTime('2026-03-23T09:00').toISOString());
    expect(d.state.originalAppointmentAt).toBe(vnTime('2026-03-19T09:00').getTime());
    expect(d.state.extensions).toHaveLength(1);
    expect(d.state.extensions[0]).toMatchObject({ agencyId: anBinh, signedBy: 'Đặng Quốc Bảo' });

    const absurd = await commandAt(
      head,
      late,
      (await detail(head, late)).summary.version,
      apology('2300-01-02T09:00'),
    );
    expect(absurd.status).toBe(422); // a date the working calendar cannot count to
    expect(absurd.body.error.code).toBe('OUTSIDE_CALENDAR_RANGE');
    expect((await detail(head, late)).state.extensions).toEqual([]);

    const again = await commandAt(head, apologised, d.summary.version, apology('2026-03-25T09:00'));
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('DEADLINE_ALREADY_EXTENDED');
    const unchanged = await detail(head, apologised);
    expect(unchanged.summary.version).toBe(d.summary.version);
    expect(unchanged.summary.appointmentAt).toBe(vnTime('2026-03-23T09:00').toISOString());
  });

  it('is too late less than a working day before the due date, and after it', async () => {
    people.travel('2026-03-18T10:00'); // 7 working hours before Thursday 09:00
    let head = await people.staff('chutich.anbinh');
    const before = await detail(head, late);
    const close = await commandAt(head, late, before.summary.version, apology('2026-03-25T09:00'));
    expect(close.status).toBe(422);
    expect(close.body.error.code).toBe('APOLOGY_TOO_LATE');

    people.travel('2026-03-19T10:00'); // an hour past the due date: late
    head = await people.staff('chutich.anbinh');
    const overdue = await commandAt(head, late, before.summary.version, apology('2026-03-25T09:00'));
    expect(overdue.status).toBe(422);
    expect(overdue.body.error.code).toBe('APOLOGY_TOO_LATE');
    const after = await detail(head, late);
    expect(after.summary.version).toBe(before.summary.version);
    expect(after.summary.appointmentAt).toBe(vnTime('2026-03-19T09:00').toISOString());
    expect(after.state.extensions).toEqual([]);
    expect(after.progress).toMatchObject({ kind: 'open', status: 'late' });
  });

  it('finishes after the receipt date but before the new one: on time by Decree 61, late for the 766 view', async () => {
    people.travel('2026-03-20T09:00');
    await processToResult(people, apologised);
    const d = await detail(await people.staff('motcua.anbinh'), apologised);
    expect(d.summary.status).toBe('done');
    expect(d.progress).toMatchObject({ kind: 'finished', classification: 'early' });
    expect(d.progress766).toMatchObject({ onTime: false, finished: true });
  });
});
