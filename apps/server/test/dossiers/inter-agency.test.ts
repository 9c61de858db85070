import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  applicant,
  command,
  commandAt,
  createStaff,
  deskOf,
  detail,
  MARITAL_STATUS,
  ok,
  People,
  receive,
  requiredComponents,
  storeWorkflow,
  vnTime,
} from './dossier-fixtures';

/**
 * Inter-agency handling (liên thông, Decree 61 Art. 21) and consultations through the API: a stored
 * workflow with a parallel step whose branches are other agencies (each records its own result; the
 * lead cannot move on before all have answered), a sequential round sent by the handler, and
 * consultations answered by the consulted agency. The ward An Bình leads; Sở Tư pháp and Sở Xây dựng take part.
 */
let t: TestApp;
let people: People;
let deskId: string;
let anBinh: string;
let justice: string;
let justiceCivil: string;
let construction: string;

const wardDesk = () => people.staff('motcua.anbinh');
const wardSpecialist = () => people.staff('congchuc.anbinh');
const wardHead = () => people.staff('chutich.anbinh');
const justiceSpecialist = () => people.staff('chuyenvien.tuphap');
const justiceHead = () => people.staff('giamdoc.tuphap');
const constructionSpecialist = () => people.staff('chuyenvien.xaydung');

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  deskId = await deskOf(t, '000.20.01.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  justice = await t.agencyId('000.00.10.H99');
  justiceCivil = await t.agencyId('000.01.10.H99');
  construction = await t.agencyId('000.00.11.H99');
  await createStaff(t, 'chuyenvien.xaydung', 'Trần Văn Xây', 'specialist', '000.00.11.H99');
});
afterAll(() => t?.close());

const birthRegistration = { procedure: '1.001193', components: requiredComponents('1.001193') };

const task = (key: string, unitId: string, role: string, hours: number, actions: string[]) => ({
  kind: 'task',
  key,
  name: key,
  unitId,
  role,
  allottedHours: hours,
  actions,
});

describe('a parallel inter-agency step in the workflow', () => {
  let id: string;

  it('sends the dossier to every branch agency at once when it is forwarded into the step', async () => {
    // 3 working days = 24 h: 1 + max(8, 8) + 8 + 6 + 1.
    await storeWorkflow(t, MARITAL_STATUS, anBinh, {
      leadAgencyId: anBinh,
      steps: [
        task('tiep-nhan', anBinh, 'desk-officer', 1, ['receive', 'supplement', 'refuse', 'forward']),
        {
          kind: 'parallel',
          key: 'lien-thong',
          name: 'Xác minh liên thông',
          branches: [
            {
              agencyId: justice,
              steps: [task('xac-minh-tu-phap', justiceCivil, 'specialist', 8, ['process'])],
            },
            {
              agencyId: construction,
              steps: [task('xac-minh-xay-dung', construction, 'specialist', 8, ['process'])],
            },
          ],
        },
        task('tham-dinh', anBinh, 'specialist', 8, ['process', 'consult', 'supplement', 'forward']),
        task('ky-duyet', anBinh, 'agency-head', 6, ['approve', 'sign', 'forward']),
        task('tra-ket-qua', anBinh, 'desk-officer', 1, ['return']),
      ],
    });
    const created = await receive(await wardDesk(), deskId);
    expect(created.status).toBe(201);
    id = created.body.summary.id;
    expect(created.body.state.workflowVersion).toBe(1);
    await ok(command(await wardDesk(), id, { type: 'forward', toUserId: null }));
    const d = await detail(await wardDesk(), id);
    expect(d.summary).toMatchObject({ status: 'processing', stepKey: 'lien-thong' });
    expect(d.state.interAgency.mode).toBe('parallel');
    expect(d.state.interAgency.participants.map((p: any) => [p.agencyId, p.agencyName])).toEqual([
      [justice, 'Sở Tư pháp'],
      [construction, 'Sở Xây dựng'],
    ]);
    // Each branch's due date: 8 working hours from Monday 09:00 → Tuesday 09:00.
    for (const p of d.state.interAgency.participants)
      expect(p.dueAt).toBe(vnTime('2026-03-03T09:00').getTime());
  });

  it('cannot move on or propose before every agency has answered', async () => {
    const specialist = await wardSpecialist();
    const before = await detail(specialist, id);
    const forward = await commandAt(specialist, id, before.summary.version, {
      type: 'forward',
      toUserId: null,
    });
    expect(forward.status).toBe(422);
    expect(forward.body.error.code).toBe('INTER_AGENCY_OPEN');
    const propose = await commandAt(specialist, id, before.summary.version, {
      type: 'propose',
      outcome: 'grant',
      summary: 'Đủ điều kiện',
    });
    expect(propose.status).toBe(422);
    expect(propose.body.error.code).toBe('ACTION_NOT_AT_STEP');
    expect((await detail(specialist, id)).summary.version).toBe(before.summary.version);
  });

  it("lets each participant's staff record its own result, and only its own", async () => {
    const tuphap = await justiceSpecialist();
    const seen = await detail(tuphap, id); // a branch unit sees the dossier it works on
    const other = await commandAt(tuphap, id, seen.summary.version, {
      type: 'recordAgencyResult',
      agencyId: construction,
      outcome: 'done',
    });
    expect(other.status).toBe(403);
    const own = await commandAt(tuphap, id, seen.summary.version, {
      type: 'recordAgencyResult',
      agencyId: justice,
      outcome: 'done',
      note: 'Không có đăng ký kết hôn trong sổ hộ tịch của tỉnh',
    });
    expect(own.status).toBe(200);
    const again = await command(tuphap, id, {
      type: 'recordAgencyResult',
      agencyId: justice,
      outcome: 'done',
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('AGENCY_RESULT_RECORDED');

    const stillOpen = await command(await wardSpecialist(), id, { type: 'forward', toUserId: null });
    expect(stillOpen.body.error?.code).toBe('INTER_AGENCY_OPEN');

    const xaydung = await constructionSpecialist();
    expect(
      (await command(xaydung, id, { type: 'recordAgencyResult', agencyId: construction, outcome: 'done' }))
        .status,
    ).toBe(200);
  });

  it('then goes on through the workflow to the returned result', async () => {
    await ok(command(await wardSpecialist(), id, { type: 'forward', toUserId: null }));
    let d = await detail(await wardSpecialist(), id);
    expect(d.summary.stepKey).toBe('tham-dinh');
    expect(d.state.interAgency).toBeNull();
    await ok(
      command(await wardSpecialist(), id, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' }),
    );
    await ok(command(await wardSpecialist(), id, { type: 'forward', toUserId: null }));
    await ok(command(await wardHead(), id, { type: 'approve' }));
    await ok(
      command(await wardHead(), id, {
        type: 'issueResult',
        documents: [{ name: 'Giấy xác nhận tình trạng hôn nhân', electronic: true }],
      }),
    );
    await ok(
      command(await wardDesk(), id, { type: 'returnResult', method: 'desk', collectedBy: applicant.name }),
    );
    d = await detail(await wardDesk(), id);
    expect(d.summary.status).toBe('returned');
    const received = d.events.filter((e) => e.type === 'AgencyResultReceived');
    expect(received.map((e) => [e.agencyId, e.actor.userId !== null])).toEqual([
      [justice, true],
      [construction, true],
    ]);
  });
});

describe('a sequential round sent by the handler (sendToAgencies)', () => {
  let id: string;

  it('goes agency by agency, in the order given, and blocks the proposal until the last answers', async () => {
    people.travel('2026-03-09T09:00');
    // The parallel workflow above is the marital-status one; birth registration keeps the default.
    const created = await receive(await wardDesk(), deskId, birthRegistration);
    id = created.body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'forward', toUserId: null }));
    expect((await detail(await wardDesk(), id)).summary.stepKey).toBe('tham-dinh');
    const sent = await command(await wardSpecialist(), id, {
      type: 'sendToAgencies',
      mode: 'sequential',
      participants: [
        { agencyId: justice, duty: 'Xác minh sổ hộ tịch', dueAt: vnTime('2026-03-10T09:00').toISOString() },
        {
          agencyId: construction,
          duty: 'Xác nhận nơi cư trú theo hồ sơ xây dựng',
          dueAt: vnTime('2026-03-11T09:00').toISOString(),
        },
      ],
    });
    expect(sent.status).toBe(200);

    const xaydung = await constructionSpecialist();
    const early = await command(xaydung, id, {
      type: 'recordAgencyResult',
      agencyId: construction,
      outcome: 'done',
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('NOT_AGENCY_TURN');
    const propose = await command(await wardSpecialist(), id, {
      type: 'propose',
      outcome: 'grant',
      summary: 'Đủ điều kiện',
    });
    expect(propose.status).toBe(422);
    expect(propose.body.error.code).toBe('INTER_AGENCY_OPEN');

    // Sở Tư pháp answers through its head (the department itself is the participant).
    await ok(
      command(await justiceHead(), id, { type: 'recordAgencyResult', agencyId: justice, outcome: 'done' }),
    );
    await ok(command(xaydung, id, { type: 'recordAgencyResult', agencyId: construction, outcome: 'done' }));
    await ok(
      command(await wardSpecialist(), id, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' }),
    );
    const d = await detail(await wardSpecialist(), id);
    expect(d.state.interAgency.participants.map((p: any) => p.outcome)).toEqual(['done', 'done']);
    expect(d.state.proposal).toMatchObject({ outcome: 'grant' });
  });
});

describe('consultations', () => {
  it('are asked with a deadline and answered by the consulted agency only, once', async () => {
    people.travel('2026-03-16T09:00');
    const created = await receive(await wardDesk(), deskId, birthRegistration);
    const id = created.body.summary.id;
    await ok(command(await wardDesk(), id, { type: 'forward', toUserId: null }));
    const specialist = await wardSpecialist();
    const past = await command(specialist, id, {
      type: 'startConsultation',
      agencyId: construction,
      question: 'Địa chỉ này có thuộc dự án giải tỏa không?',
      dueAt: vnTime('2026-03-16T08:00').toISOString(),
    });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('DEADLINE_IN_PAST');
    await ok(
      command(specialist, id, {
        type: 'startConsultation',
        agencyId: construction,
        question: 'Địa chỉ này có thuộc dự án giải tỏa không?',
        dueAt: vnTime('2026-03-18T17:00').toISOString(),
      }),
    );
    await ok(
      command(specialist, id, {
        type: 'startConsultation',
        agencyId: justice,
        question: 'Người yêu cầu đã đăng ký kết hôn tại tỉnh chưa?',
        dueAt: vnTime('2026-03-18T17:00').toISOString(),
      }),
    );
    let d = await detail(specialist, id);
    const [toConstruction, toJustice] = d.state.consultations;
    expect(toConstruction).toMatchObject({ agencyId: construction, answeredAt: null });
    expect(toJustice).toMatchObject({ agencyId: justice, answeredAt: null });

    // The lead's own specialist cannot answer for Sở Xây dựng.
    const byLead = await command(specialist, id, {
      type: 'answerConsultation',
      consultationId: toConstruction.consultationId,
      answer: 'Không',
    });
    expect(byLead.status).toBe(403);
    // Sở Xây dựng cannot answer Sở Tư pháp's question.
    const xaydung = await constructionSpecialist();
    const crossed = await command(xaydung, id, {
      type: 'answerConsultation',
      consultationId: toJustice.consultationId,
      answer: 'Chưa',
    });
    expect(crossed.status).toBe(403);

    await ok(
      command(xaydung, id, {
        type: 'answerConsultation',
        consultationId: toConstruction.consultationId,
        answer: 'Không thuộc dự án giải tỏa',
      }),
    );
    await ok(
      command(await justiceHead(), id, {
        type: 'answerConsultation',
        consultationId: toJustice.consultationId,
        answer: 'Chưa đăng ký kết hôn',
      }),
    );
    const twice = await command(xaydung, id, {
      type: 'answerConsultation',
      consultationId: toConstruction.consultationId,
      answer: 'Sửa lại',
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('CONSULTATION_ANSWERED');
    d = await detail(specialist, id);
    expect(d.state.consultations.map((c: any) => c.answer)).toEqual([
      'Không thuộc dự án giải tỏa',
      'Chưa đăng ký kết hôn',
    ]);
  });
});
