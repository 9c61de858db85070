import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  applicant,
  command,
  commandAt,
  deskOf,
  detail,
  MARITAL_STATUS,
  ok,
  People,
  processToResult,
  receive,
  registerCitizen,
  requiredComponents,
  storeWorkflow,
  submitOnline,
  vnTime,
} from './dossier-fixtures';

/**
 * Every way in and out of the one-stop desk (Decree 61 Art. 15–20, DOMAIN.md §1.2–1.4), through the API:
 * postal return with a tracking number, an online submission accepted by the desk and returned online,
 * the desk's Form 02 (supplement) and Form 03 (refusal) at intake, the applicant's withdrawal, stopping,
 * fees requested and paid before the result is handed over. National status codes per DOMAIN.md §10.
 */
let t: TestApp;
let people: People;
let deskId: string;
let anBinh: string;

const wardDesk = () => people.staff('motcua.anbinh');
const wardHead = () => people.staff('chutich.anbinh');
const citizen = () => people.citizen('congdan@minhhoa.demo');
const otherCitizen = () => people.citizen('khach@example.vn');

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  deskId = await deskOf(t, '000.20.01.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  await registerCitizen(t, 'Lê Văn Khách', 'khach@example.vn');
});
afterAll(() => t?.close());

describe('a postal dossier returned by post', () => {
  it('needs the tracking number to return by post, and records it', async () => {
    const created = await receive(await wardDesk(), deskId, { channel: 'postal' });
    expect(created.status).toBe(201);
    expect(created.body.summary.channel).toBe('postal');
    const id = created.body.summary.id;
    await processToResult(people, id);

    const desk = await wardDesk();
    const before = await detail(desk, id);
    const missing = await commandAt(desk, id, before.summary.version, {
      type: 'returnResult',
      method: 'postal',
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('TRACKING_NUMBER_REQUIRED');
    const blank = await commandAt(desk, id, before.summary.version, {
      type: 'returnResult',
      method: 'postal',
      trackingNumber: '   ',
    });
    expect(blank.status).toBe(422);
    expect(blank.body.error.code).toBe('TRACKING_NUMBER_REQUIRED');
    const unchanged = await detail(desk, id);
    expect(unchanged.summary).toMatchObject({ status: 'done', version: before.summary.version });

    await ok(
      commandAt(desk, id, before.summary.version, {
        type: 'returnResult',
        method: 'postal',
        trackingNumber: 'EL123456789VN',
      }),
    );
    const d = await detail(desk, id);
    expect(d.summary).toMatchObject({ status: 'returned', nationalStatus: 10 });
    expect(d.state.returned).toMatchObject({ method: 'postal', trackingNumber: 'EL123456789VN' });
    expect(d.summary.returnedAt).toBe(t.clock.now.toISOString());
  });
});

describe('online: submitted by the citizen, accepted by the desk, returned online', () => {
  let id: string;

  it('records the submission as registered (1) until the desk accepts it', async () => {
    const res = await submitOnline(await citizen(), anBinh, 'online-return-0001');
    expect(res.status).toBe(201);
    id = res.body.summary.id;
    expect(res.body.summary).toMatchObject({ channel: 'online', status: 'submitted', nationalStatus: 1 });
    expect(res.body.summary.code).toMatch(/^000\.20\.01\.H99-260302-\d{4}$/);
    expect(res.body.summary.appointmentAt).toBeNull();
    expect(res.body.state.applicant).toMatchObject({
      name: 'Nguyễn Thị Bình',
      email: 'congdan@minhhoa.demo',
    });
  });

  it('is accepted by the desk with the appointment counted from acceptance', async () => {
    people.travel('2026-03-02T14:00');
    await ok(command(await wardDesk(), id, { type: 'accept' }));
    const d = await detail(await citizen(), id);
    expect(d.summary).toMatchObject({ status: 'accepted', nationalStatus: 2 });
    // Monday 14:00 + 3 working days → Thursday 14:00.
    expect(d.summary.appointmentAt).toBe(vnTime('2026-03-05T14:00').toISOString());
    expect(d.state.book).toMatchObject({ year: 2026 });
  });

  it('is returned online once its electronic result is issued; the citizen sees it', async () => {
    await processToResult(people, id);
    await ok(command(await wardDesk(), id, { type: 'returnResult', method: 'online' }));
    const d = await detail(await citizen(), id);
    expect(d.summary).toMatchObject({ status: 'returned', nationalStatus: 10 });
    expect(d.state.returned.method).toBe('online');
    expect(d.state.result.documents[0]).toMatchObject({ electronic: true });
  });

  it('cannot be returned online without an electronic result', async () => {
    const created = await receive(await wardDesk(), deskId);
    const paperOnly = created.body.summary.id;
    await processToResult(people, paperOnly, [
      { name: 'Giấy xác nhận tình trạng hôn nhân', electronic: false },
    ]);
    const desk = await wardDesk();
    const before = await detail(desk, paperOnly);
    const res = await commandAt(desk, paperOnly, before.summary.version, {
      type: 'returnResult',
      method: 'online',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NO_ELECTRONIC_RESULT');
    expect((await detail(desk, paperOnly)).summary).toMatchObject({
      status: 'done',
      version: before.summary.version,
    });
  });
});

describe('decisions at intake', () => {
  it('Form 02: asks for the missing papers once, then accepts when they come', async () => {
    people.travel('2026-03-03T09:00');
    const desk = await wardDesk();
    const created = await receive(desk, deskId, {
      components: [],
      decision: {
        type: 'supplement',
        items: [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Chưa có tờ khai' }],
        guidance: 'Điền tờ khai theo mẫu và nộp lại tại bộ phận một cửa',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.summary.id;
    expect(created.body.summary).toMatchObject({ status: 'intake-supplement', nationalStatus: 5 });
    expect(created.body.summary.appointmentAt).toBeNull();

    // Accepting before the papers arrive is refused by the state, not by permission.
    const early = await command(desk, id, { type: 'accept' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ILLEGAL_TRANSITION');

    people.travel('2026-03-04T10:00');
    const deskLater = await wardDesk();
    await ok(
      command(deskLater, id, {
        type: 'receiveIntakeSupplement',
        components: requiredComponents(MARITAL_STATUS),
      }),
    );
    await ok(command(deskLater, id, { type: 'accept' }));
    const d = await detail(deskLater, id);
    expect(d.summary).toMatchObject({ status: 'accepted', nationalStatus: 2 });
    expect(d.summary.appointmentAt).toBe(vnTime('2026-03-09T10:00').toISOString());
    expect(d.events.map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'IntakeSupplementRequested',
      'IntakeSupplementReceived',
      'DossierAccepted',
    ]);
  });

  it('Form 02 online: the citizen supplements their own online dossier', async () => {
    const submitted = await submitOnline(await citizen(), anBinh, 'intake-supplement-0001');
    const id = submitted.body.summary.id;
    await ok(
      command(await wardDesk(), id, {
        type: 'requestIntakeSupplement',
        items: [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Bản chụp mờ' }],
        guidance: 'Tải lên bản chụp rõ nét',
      }),
    );
    const other = await command(await otherCitizen(), id, {
      type: 'receiveIntakeSupplement',
      components: requiredComponents(MARITAL_STATUS),
    });
    expect(other.status).toBe(404);
    await ok(
      command(await citizen(), id, {
        type: 'receiveIntakeSupplement',
        components: requiredComponents(MARITAL_STATUS),
      }),
    );
    const d = await detail(await citizen(), id);
    expect(d.summary.status).toBe('submitted');
    expect(d.events.at(-1)).toMatchObject({ type: 'IntakeSupplementReceived', actor: { kind: 'applicant' } });
  });

  it('Form 03: a refusal at intake ends the dossier (3) and nothing more can be done with it', async () => {
    const desk = await wardDesk();
    const created = await receive(desk, deskId, {
      decision: { type: 'refuse', reasons: ['Người yêu cầu không cư trú tại phường An Bình'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.summary.id;
    expect(created.body.summary).toMatchObject({ status: 'refused-at-intake', nationalStatus: 3 });
    expect(created.body.state.refusedReasons).toEqual(['Người yêu cầu không cư trú tại phường An Bình']);
    expect(created.body.summary.finishedAt).toBe(t.clock.now.toISOString());
    const after = await command(desk, id, { type: 'accept' });
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'refused-at-intake' },
    });

    const online = (await submitOnline(await citizen(), anBinh, 'intake-refusal-0001')).body.summary.id;
    await ok(command(desk, online, { type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền'] }));
    expect((await detail(await citizen(), online)).summary).toMatchObject({ status: 'refused-at-intake' });
  });
});

describe('the applicant withdraws; the agency stops', () => {
  it('lets the applicant withdraw their own dossier (7), and no one else’s', async () => {
    const id = (await submitOnline(await citizen(), anBinh, 'withdraw-0001')).body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'accept' }));
    const stranger = await command(await otherCitizen(), id, { type: 'withdraw', reason: 'Không cần nữa' });
    expect(stranger.status).toBe(404);
    expect((await detail(await citizen(), id)).summary.status).toBe('accepted');
    // A dossier received at the desk belongs to no account: the citizen does not even see it.
    const paper = (await receive(await wardDesk(), deskId)).body.summary.id;
    expect((await command(await citizen(), paper, { type: 'withdraw', reason: 'Nhầm' })).status).toBe(404);

    await ok(command(await citizen(), id, { type: 'withdraw', reason: 'Đã có giấy xác nhận ở nơi khác' }));
    const d = await detail(await citizen(), id);
    expect(d.summary).toMatchObject({ status: 'withdrawn', nationalStatus: 7 });
    expect(d.state.closedReason).toBe('Đã có giấy xác nhận ở nơi khác');
  });

  it('lets the desk record a withdrawal brought in person', async () => {
    const id = (await receive(await wardDesk(), deskId)).body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'withdraw', reason: 'Người yêu cầu nộp đơn rút hồ sơ' }));
    expect((await detail(await wardDesk(), id)).summary.status).toBe('withdrawn');
  });

  it('stops processing on the agency head’s decision (8)', async () => {
    const id = (await receive(await wardDesk(), deskId)).body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'forward', toUserId: null }));
    await ok(
      command(await wardHead(), id, { type: 'stop', reason: 'Có tranh chấp đang được Tòa án giải quyết' }),
    );
    const d = await detail(await wardDesk(), id);
    expect(d.summary).toMatchObject({ status: 'stopped', nationalStatus: 8 });
    const later = await command(await people.staff('congchuc.anbinh'), id, {
      type: 'propose',
      outcome: 'grant',
      summary: 'x',
    });
    expect(later.status).toBe(409);
  });
});

describe('fees', () => {
  it('holds the result until the fee is paid in full, then returns it', async () => {
    const id = (await receive(await wardDesk(), deskId)).body.summary.id;
    await processToResult(people, id);
    const desk = await wardDesk();
    await ok(
      command(desk, id, {
        type: 'requestPayment',
        items: [{ name: 'Lệ phí cấp giấy xác nhận', amountVnd: 15000 }],
      }),
    );
    let d = await detail(desk, id);
    expect(d.summary).toMatchObject({ status: 'payment-requested', nationalStatus: 6 });
    const early = await command(desk, id, {
      type: 'returnResult',
      method: 'desk',
      collectedBy: applicant.name,
    });
    expect(early.status).toBe(409);

    await ok(command(desk, id, { type: 'recordPayment', amountVnd: 5000, method: 'desk' }));
    expect((await detail(desk, id)).summary.status).toBe('payment-requested');
    await ok(
      command(desk, id, { type: 'recordPayment', amountVnd: 10000, method: 'online', reference: 'VNPAY-88' }),
    );
    d = await detail(desk, id);
    expect(d.summary.status).toBe('done');
    expect(d.state.payment).toMatchObject({ requestedVnd: 15000, paidVnd: 15000, paidOnline: true });
    await ok(command(desk, id, { type: 'returnResult', method: 'desk', collectedBy: applicant.name }));
    expect((await detail(desk, id)).summary.status).toBe('returned');
  });

  it('refuses a payment nobody asked for', async () => {
    const id = (await receive(await wardDesk(), deskId)).body.summary.id;
    const res = await command(await wardDesk(), id, {
      type: 'recordPayment',
      amountVnd: 5000,
      method: 'desk',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('a refusal after appraisal', () => {
  it('is proposed, approved and signed, and can be returned online', async () => {
    const id = (await submitOnline(await citizen(), anBinh, 'refusal-after-0001')).body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'accept' }));
    await ok(command(await wardDesk(), id, { type: 'forward', toUserId: null }));
    const specialist = await people.staff('congchuc.anbinh');
    await ok(
      command(specialist, id, { type: 'propose', outcome: 'refuse', summary: 'Đang có đăng ký kết hôn' }),
    );
    await ok(command(specialist, id, { type: 'forward', toUserId: null }));
    await ok(command(await wardHead(), id, { type: 'approve' }));
    await ok(command(await wardHead(), id, { type: 'forward', toUserId: null }));
    const wrong = await command(await wardHead(), id, {
      type: 'issueResult',
      documents: [{ name: 'Giấy xác nhận', electronic: true }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('PROPOSAL_NOT_APPROVED');
    await ok(
      command(await wardHead(), id, { type: 'refuseAfterAppraisal', reasons: ['Đang có đăng ký kết hôn'] }),
    );
    await ok(command(await wardDesk(), id, { type: 'returnResult', method: 'online' }));
    const d = await detail(await citizen(), id);
    expect(d.summary.status).toBe('returned');
    expect(d.state.result).toMatchObject({ outcome: 'refused', reasons: ['Đang có đăng ký kết hôn'] });
  });
});

describe('a department’s dossier received at the provincial centre', () => {
  it('is the department’s (its code and handlers), received and returned by the centre’s desk', async () => {
    people.travel('2026-03-05T09:00');
    const centre = await t.agencyId('000.00.02.H99');
    const justice = await t.agencyId('000.00.10.H99');
    const justiceCivil = await t.agencyId('000.01.10.H99');
    const step = (key: string, unitId: string, role: string, actions: string[]) => ({
      kind: 'task',
      key,
      name: key,
      unitId,
      role,
      allottedHours: 4,
      actions,
    });
    // Copies of civil-status extracts (2.000635) at Sở Tư pháp: the centre's desk receives and returns.
    await storeWorkflow(t, '2.000635', justice, {
      leadAgencyId: justice,
      steps: [
        step('tiep-nhan', centre, 'desk-officer', ['receive', 'forward']),
        step('tham-dinh', justiceCivil, 'specialist', ['process', 'forward']),
        step('lanh-dao-phong', justiceCivil, 'unit-leader', ['approve', 'forward']),
        step('lanh-dao-so', justice, 'agency-head', ['sign', 'forward']),
        step('tra-ket-qua', centre, 'desk-officer', ['return']),
      ],
    });
    const desk = await people.staff('motcua.tinh');
    const created = await receive(desk, await deskOf(t, '000.00.02.H99'), {
      procedure: '2.000635',
      components: requiredComponents('2.000635'),
    });
    expect(created.status).toBe(201);
    const id = created.body.summary.id;
    expect(created.body.summary.code).toBe('000.00.10.H99-260305-0001');
    expect(created.body.summary.receivingAgencyId).toBe(justice);
    expect(created.body.state.workflowVersion).toBe(1);

    await ok(command(desk, id, { type: 'forward', toUserId: null }));
    const specialist = await people.staff('chuyenvien.tuphap');
    await ok(command(specialist, id, { type: 'propose', outcome: 'grant', summary: 'Có trong sổ hộ tịch' }));
    await ok(command(specialist, id, { type: 'forward', toUserId: null }));
    const leader = await people.staff('truongphong.tuphap');
    await ok(command(leader, id, { type: 'approve' }));
    await ok(command(leader, id, { type: 'forward', toUserId: null }));
    await ok(
      command(await people.staff('giamdoc.tuphap'), id, {
        type: 'issueResult',
        documents: [{ name: 'Bản sao Trích lục hộ tịch', electronic: true }],
      }),
    );
    await ok(command(desk, id, { type: 'returnResult', method: 'desk', collectedBy: applicant.name }));
    const d = await detail(desk, id);
    expect(d.summary.status).toBe('returned');
    const pub = await t.anonymous().get(`/api/public/dossiers/${d.summary.code}`);
    expect(pub.body.status).toBe('returned');
  });
});

describe('a procedure with an immediate result', () => {
  it('is certified and handed back by the desk on the spot, without an appointment', async () => {
    // Certifying a copy from the original (2.000815, Decree 23/2015 Art. 7): done while the applicant waits.
    const desk = await wardDesk();
    const created = await receive(desk, deskId, {
      procedure: '2.000815',
      components: requiredComponents('2.000815'),
    });
    expect(created.status).toBe(201);
    const id = created.body.summary.id;
    expect(created.body.summary.appointmentAt).toBeNull();
    await ok(
      command(desk, id, { type: 'requestPayment', items: [{ name: 'Lệ phí chứng thực', amountVnd: 2000 }] }),
    );
    await ok(command(desk, id, { type: 'recordPayment', amountVnd: 2000, method: 'desk' }));
    await ok(
      command(desk, id, {
        type: 'issueResult',
        documents: [{ name: 'Bản sao có chứng thực', electronic: false }],
      }),
    );
    await ok(command(desk, id, { type: 'returnResult', method: 'desk', collectedBy: applicant.name }));
    const d = await detail(desk, id);
    expect(d.summary).toMatchObject({ status: 'returned', appointmentAt: null });
    expect(d.events.map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierAccepted',
      'PaymentRequested',
      'PaymentReceived',
      'ResultIssued',
      'ResultReturned',
    ]);
  });
});
