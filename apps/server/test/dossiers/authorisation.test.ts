import { dossierCommandSchema } from '@motcua/contracts/dossier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  command,
  commandAt,
  detail,
  MARITAL_STATUS,
  ok,
  People,
  registerCitizen,
  requiredComponents,
  submitOnline,
  vnTime,
} from './dossier-fixtures';

/**
 * One authorisation check per command (CONVENTIONS.md: "every action has an authorisation test"). Each
 * dossier is submitted online by the demo citizen and taken to where the command is legal; then the
 * command is tried by callers who must not — anonymous (401), another citizen (404), staff of another
 * ward (404), the applicant for a staff action and staff of the right ward in the wrong role (403) — and
 * each refusal leaves the dossier as it was; finally the right caller succeeds.
 */
let t: TestApp;
let people: People;
let anBinh: string;
let justice: string;
let keys = 0;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  anBinh = await t.agencyId('000.20.01.H99');
  justice = await t.agencyId('000.00.10.H99');
  await registerCitizen(t, 'Đinh Thị Lạ', 'la@example.vn');
});
afterAll(() => t?.close());

const desk = () => people.staff('motcua.anbinh');
const specialist = () => people.staff('congchuc.anbinh');
const head = () => people.staff('chutich.anbinh');
const applicantClient = () => people.citizen('congdan@minhhoa.demo');
const later = vnTime('2026-03-10T09:00').toISOString();
const supplementItems = [{ name: requiredComponents(MARITAL_STATUS)[0].name, reason: 'Thiếu chữ ký' }];

// ── where each command is legal ─────────────────────────────────────────

async function submitted(): Promise<string> {
  keys += 1;
  const res = await submitOnline(await applicantClient(), anBinh, `authz-${String(keys).padStart(4, '0')}`);
  expect(res.status).toBe(201);
  return res.body.summary.id;
}
async function intakeSupplement() {
  const id = await submitted();
  await ok(
    command(await desk(), id, {
      type: 'requestIntakeSupplement',
      items: supplementItems,
      guidance: 'Bổ sung',
    }),
  );
  return id;
}
async function accepted() {
  const id = await submitted();
  await ok(command(await desk(), id, { type: 'accept' }));
  return id;
}
async function atSpecialist() {
  const id = await accepted();
  await ok(command(await desk(), id, { type: 'forward', toUserId: null }));
  return id;
}
async function supplementRequested() {
  const id = await atSpecialist();
  await ok(
    command(await specialist(), id, {
      type: 'requestSupplement',
      items: supplementItems,
      guidance: 'Bổ sung',
    }),
  );
  return id;
}
async function consulting() {
  const id = await atSpecialist();
  await ok(
    command(await specialist(), id, {
      type: 'startConsultation',
      agencyId: justice,
      question: 'Ý kiến?',
      dueAt: later,
    }),
  );
  return id;
}
async function interAgency() {
  const id = await atSpecialist();
  await ok(
    command(await specialist(), id, {
      type: 'sendToAgencies',
      mode: 'sequential',
      participants: [{ agencyId: justice, duty: 'Xác minh sổ hộ tịch', dueAt: later }],
    }),
  );
  return id;
}
async function atLeader() {
  const id = await atSpecialist();
  await ok(command(await specialist(), id, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' }));
  await ok(command(await specialist(), id, { type: 'forward', toUserId: null }));
  return id;
}
async function atHead(outcome: 'grant' | 'refuse') {
  const id = await atSpecialist();
  await ok(command(await specialist(), id, { type: 'propose', outcome, summary: 'Kết quả thẩm định' }));
  await ok(command(await specialist(), id, { type: 'forward', toUserId: null }));
  await ok(command(await head(), id, { type: 'approve' }));
  await ok(command(await head(), id, { type: 'forward', toUserId: null }));
  return id;
}
async function done() {
  const id = await atHead('grant');
  await ok(
    command(await head(), id, {
      type: 'issueResult',
      documents: [{ name: 'Giấy xác nhận', electronic: true }],
    }),
  );
  return id;
}
async function paymentRequested() {
  const id = await done();
  await ok(
    command(await desk(), id, { type: 'requestPayment', items: [{ name: 'Lệ phí', amountVnd: 15000 }] }),
  );
  return id;
}

// ── the table ───────────────────────────────────────────────────────────

type CommandType = ReturnType<typeof dossierCommandSchema.parse>['type'];
type Caller = () => Promise<TestClient>;

interface Row {
  setup: () => Promise<string>;
  body: (state: Record<string, any>) => Record<string, unknown>;
  /** Staff of the dossier's own agency whose role does not allow the command. */
  wrongRole: Caller;
  right: Caller;
  /** The applicant may do this on their own online dossier (withdraw, supplement). */
  applicantMay?: boolean;
}

const components = () => requiredComponents(MARITAL_STATUS);

const table: Record<CommandType, Row> = {
  requestIntakeSupplement: {
    setup: submitted,
    body: () => ({ type: 'requestIntakeSupplement', items: supplementItems, guidance: 'Bổ sung' }),
    wrongRole: specialist,
    right: desk,
  },
  receiveIntakeSupplement: {
    setup: intakeSupplement,
    body: () => ({ type: 'receiveIntakeSupplement', components: components() }),
    wrongRole: specialist,
    right: applicantClient,
    applicantMay: true,
  },
  refuseAtIntake: {
    setup: submitted,
    body: () => ({ type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền'] }),
    wrongRole: head,
    right: desk,
  },
  accept: { setup: submitted, body: () => ({ type: 'accept' }), wrongRole: specialist, right: desk },
  assignHandler: {
    setup: atSpecialist,
    body: () => ({ type: 'assignHandler', userId: congchucId }),
    wrongRole: specialist,
    right: head,
  },
  forward: {
    setup: accepted,
    body: () => ({ type: 'forward', toUserId: null }),
    wrongRole: specialist,
    right: desk,
  },
  sendBack: {
    setup: atSpecialist,
    body: () => ({ type: 'sendBack', reason: 'Hồ sơ cần kiểm tra lại tại bộ phận một cửa' }),
    wrongRole: desk,
    right: specialist,
  },
  requestSupplement: {
    setup: atSpecialist,
    body: () => ({ type: 'requestSupplement', items: supplementItems, guidance: 'Bổ sung' }),
    wrongRole: desk,
    right: specialist,
  },
  receiveSupplement: {
    setup: supplementRequested,
    body: () => ({ type: 'receiveSupplement', components: components() }),
    wrongRole: specialist,
    right: desk,
    applicantMay: true,
  },
  startConsultation: {
    setup: atSpecialist,
    body: () => ({ type: 'startConsultation', agencyId: justice, question: 'Ý kiến?', dueAt: later }),
    wrongRole: desk,
    right: specialist,
  },
  answerConsultation: {
    setup: consulting,
    body: (s) => ({
      type: 'answerConsultation',
      consultationId: s.consultations[0].consultationId,
      answer: 'Đồng ý',
    }),
    // The lead's own specialist is not the consulted agency.
    wrongRole: specialist,
    right: () => people.staff('giamdoc.tuphap'),
  },
  sendToAgencies: {
    setup: atSpecialist,
    body: () => ({
      type: 'sendToAgencies',
      mode: 'parallel',
      participants: [{ agencyId: justice, duty: 'Xác minh', dueAt: later }],
    }),
    wrongRole: desk,
    right: specialist,
  },
  recordAgencyResult: {
    setup: interAgency,
    body: () => ({ type: 'recordAgencyResult', agencyId: justice, outcome: 'done' }),
    wrongRole: specialist,
    right: () => people.staff('giamdoc.tuphap'),
  },
  propose: {
    setup: atSpecialist,
    body: () => ({ type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' }),
    wrongRole: desk,
    right: specialist,
  },
  approve: { setup: atLeader, body: () => ({ type: 'approve' }), wrongRole: specialist, right: head },
  issueResult: {
    setup: () => atHead('grant'),
    body: () => ({ type: 'issueResult', documents: [{ name: 'Giấy xác nhận', electronic: true }] }),
    wrongRole: specialist,
    right: head,
  },
  refuseAfterAppraisal: {
    setup: () => atHead('refuse'),
    body: () => ({ type: 'refuseAfterAppraisal', reasons: ['Đang có đăng ký kết hôn'] }),
    wrongRole: desk,
    right: head,
  },
  notifyEarlyReturn: {
    setup: done,
    body: () => ({ type: 'notifyEarlyReturn', message: 'Mời ông/bà đến nhận kết quả sớm' }),
    wrongRole: specialist,
    right: desk,
  },
  apologise: {
    setup: atSpecialist,
    body: () => ({ type: 'apologise', agencyId: anBinh, reason: 'Cần xác minh thêm', appointmentAt: later }),
    wrongRole: desk,
    right: head,
  },
  requestPayment: {
    setup: done,
    body: () => ({ type: 'requestPayment', items: [{ name: 'Lệ phí', amountVnd: 15000 }] }),
    wrongRole: specialist,
    right: desk,
  },
  recordPayment: {
    setup: paymentRequested,
    body: () => ({ type: 'recordPayment', amountVnd: 15000, method: 'desk' }),
    wrongRole: specialist,
    right: desk,
  },
  returnResult: {
    setup: done,
    body: () => ({ type: 'returnResult', method: 'desk', collectedBy: 'Nguyễn Thị Bình' }),
    wrongRole: specialist,
    right: desk,
  },
  withdraw: {
    setup: atSpecialist,
    body: () => ({ type: 'withdraw', reason: 'Không còn nhu cầu' }),
    wrongRole: specialist,
    right: applicantClient,
    applicantMay: true,
  },
  stop: {
    setup: atSpecialist,
    body: () => ({ type: 'stop', reason: 'Có tranh chấp' }),
    wrongRole: desk,
    right: head,
  },
};

let congchucId: string;

describe('authorisation of every dossier command', () => {
  beforeAll(async () => {
    const me = await (await specialist()).get('/api/session');
    congchucId = me.body.user.id;
  });

  it('covers every command type of the contract', () => {
    const types = dossierCommandSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(table).sort()).toEqual(types);
  });

  for (const [type, row] of Object.entries(table) as [CommandType, Row][]) {
    it(`${type}: refused to those who may not, done by the right caller`, async () => {
      const id = await row.setup();
      const reader = await desk();
      const before = await detail(reader, id);
      const body = row.body(before.state);
      const version = before.summary.version;

      const refusals: [string, TestClient, number][] = [
        ['anonymous', t.anonymous(), 401],
        ['another citizen', await people.citizen('la@example.vn'), 404],
        ['staff of another ward', await people.staff('motcua.phulocthinh'), 404],
        ['the right ward, wrong role', await row.wrongRole(), 403],
      ];
      if (!row.applicantMay) refusals.push(['the applicant (a staff action)', await applicantClient(), 403]);
      for (const [who, client, status] of refusals) {
        const res = await commandAt(client, id, version, body);
        expect(res.status, `${type} by ${who}: ${JSON.stringify(res.body)}`).toBe(status);
        const after = await detail(reader, id);
        expect(after.summary.version, `${type} by ${who} changed the dossier`).toBe(version);
        expect(after.events).toHaveLength(before.events.length);
      }

      const res = await commandAt(await row.right(), id, version, body);
      expect(res.status, `${type} by the right caller: ${JSON.stringify(res.body)}`).toBe(200);
      const after = await detail(reader, id);
      expect(after.summary.version).toBeGreaterThan(version);
    });
  }
});
