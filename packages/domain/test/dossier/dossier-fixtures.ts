/**
 * Shared fixtures for the dossier tests: the 2025–2027 working calendar with the official holidays
 * (DOMAIN.md §8), a procedure from the national catalogue, the default and an inter-agency workflow, the
 * people who act, and `TestDossier`, which runs commands through `decide` + `evolve` the way the service
 * does and checks that a rejected command changed nothing.
 */
import { expect } from 'vitest';
import { formatVietnamInstant, parseInstant } from '../../src/calendar/vietnam-time';
import { createWorkingCalendar } from '../../src/calendar/working-calendar';
import { defaultWorkflow, type WorkflowDefinition, type WorkflowTask } from '../../src/catalog/workflow';
import type { DossierCommand, NewDossier } from '../../src/dossier/dossier-commands';
import { type DecideContext, decide } from '../../src/dossier/dossier-decider';
import { DossierError } from '../../src/dossier/dossier-error';
import type {
  Actor,
  Applicant,
  DossierEvent,
  ProcedureSnapshot,
  SubmittedComponent,
} from '../../src/dossier/dossier-events';
import { DECREE_61_RULES, type DossierRules } from '../../src/dossier/dossier-rules';
import { type DossierState, evolve, initialDossierState } from '../../src/dossier/dossier-state';

export const calendar = createWorkingCalendar({ fromYear: 2025, toYear: 2027 });
export const rules = DECREE_61_RULES;

/** A Vietnam local time `YYYY-MM-DDTHH:mm` as an instant. */
export const at = (local: string): number => parseInstant(`${local}:00+07:00`);
/** An instant shown as Vietnam local time `YYYY-MM-DDTHH:mm`. */
export const local = (instant: number | null): string | null =>
  instant === null ? null : formatVietnamInstant(instant).slice(0, 16);

export const LEAD = 'so-tu-phap';
export const POLICE = 'cong-an-tinh';
export const TAX = 'cuc-thue';
export const agencyNames: Record<string, string> = {
  [LEAD]: 'Sở Tư pháp',
  [POLICE]: 'Công an tỉnh',
  [TAX]: 'Cục Thuế tỉnh',
};

const staff = (userId: string, name: string, title: string, agencyId = LEAD): Actor => ({
  kind: 'staff',
  userId,
  name,
  agencyId,
  title,
});
export const desk = staff('u-desk', 'Nguyễn Thị Mai', 'Cán bộ một cửa');
export const specialist = staff('u-spec', 'Trần Văn Bình', 'Chuyên viên');
export const leader = staff('u-lead', 'Lê Thị Cúc', 'Trưởng phòng');
export const head = staff('u-head', 'Phạm Văn Dũng', 'Giám đốc');
export const policeOfficer = staff('u-police', 'Hoàng Văn Em', 'Cán bộ', POLICE);
export const citizen: Actor = { kind: 'applicant', userId: 'acc-1', name: 'Đỗ Thị Hoa', agencyId: null };

export const FORM = 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp';
export const ID_COPY = 'Bản chụp giấy tờ tùy thân';
export const PROXY = 'Văn bản ủy quyền';

/** Procedure 1.001193 (Phiếu lý lịch tư pháp): 5 working days; the form must be digitised at intake. */
export const procedure: ProcedureSnapshot = {
  procedureId: 'proc-1',
  versionId: 'proc-1-v3',
  nationalCode: '1.001193',
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
  fieldCode: 'G13-TP01',
  fieldName: 'Lý lịch tư pháp',
  processingTime: { unit: 'working-days', value: 5 },
  resultImmediately: false,
  fees: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amountVnd: 200_000 }],
  components: [
    { name: FORM, originals: 1, copies: 0, required: true, mustDigitise: true },
    { name: ID_COPY, originals: 0, copies: 1, required: true, mustDigitise: false },
    { name: PROXY, originals: 1, copies: 0, required: false, mustDigitise: false },
  ],
};

export const component = (name: string, over: Partial<SubmittedComponent> = {}): SubmittedComponent => ({
  name,
  originals: 1,
  copies: 0,
  digitised: true,
  fromDataStore: false,
  fileIds: [`file-${name.length}`],
  ...over,
});

export const completeComponents: SubmittedComponent[] = [
  component(FORM),
  component(ID_COPY, { digitised: false, fileIds: [] }),
];

export const applicant: Applicant = {
  kind: 'citizen',
  accountId: 'acc-1',
  name: 'Đỗ Thị Hoa',
  idNumber: '001190012345',
  address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
  phone: '0912345678',
  email: 'hoa@example.vn',
};

export const newDossier = (over: Partial<NewDossier> = {}): NewDossier => ({
  dossierId: 'd-1',
  code: '000.00.12.H99-260302-0001',
  receivingAgencyId: LEAD,
  deskId: 'desk-1',
  applicant,
  procedure,
  components: completeComponents,
  sets: 1,
  summary: 'Cấp Phiếu lý lịch tư pháp số 1',
  ...over,
});

/** receive → 2 h, process → 24 h, unit leader → 6 h, agency head → 6 h, return → 2 h (40 h = 5 working days). */
export const workflow = defaultWorkflow(LEAD, 40);

const task = (key: string, name: string, hours: number, actions: string[], unitId = LEAD): WorkflowTask => ({
  kind: 'task',
  key,
  name,
  unitId,
  role: 'specialist',
  allottedHours: hours,
  actions,
});

/** Electronic inter-agency (liên thông) through a parallel step: police 8 h, tax 16 h. */
export const parallelWorkflow: WorkflowDefinition = {
  leadAgencyId: LEAD,
  steps: [
    task('tiep-nhan', 'Tiếp nhận hồ sơ', 2, ['receive', 'supplement', 'refuse', 'forward']),
    task('tham-dinh', 'Thẩm định hồ sơ', 8, ['process', 'consult', 'supplement', 'forward']),
    {
      kind: 'parallel',
      key: 'lien-thong',
      name: 'Xử lý liên thông',
      branches: [
        { agencyId: POLICE, steps: [task('ca-xac-minh', 'Xác minh lý lịch', 8, ['process'], POLICE)] },
        {
          agencyId: TAX,
          steps: [
            task('thue-kiem-tra', 'Kiểm tra nghĩa vụ thuế', 8, ['process'], TAX),
            task('thue-xac-nhan', 'Xác nhận', 8, ['approve'], TAX),
          ],
        },
      ],
    },
    task('tong-hop', 'Tổng hợp, trình ký', 4, ['process', 'forward']),
    task('ky-duyet', 'Lãnh đạo ký duyệt', 4, ['approve', 'sign', 'forward']),
    task('tra-ket-qua', 'Trả kết quả', 2, ['return']),
  ],
};

export const cmd = {
  receive: (
    over: Partial<NewDossier> = {},
    channel: 'in-person' | 'postal' = 'in-person',
  ): DossierCommand => ({
    type: 'receive',
    channel,
    ...newDossier(over),
  }),
  submitOnline: (over: Partial<NewDossier> = {}): DossierCommand => ({
    type: 'submitOnline',
    ...newDossier(over),
  }),
  accept: (wf: WorkflowDefinition = workflow): DossierCommand => ({
    type: 'accept',
    workflow: wf,
    workflowVersion: 2,
    book: { year: 2026, number: 15 },
  }),
  forward: (toUserId: string | null = null, toName: string | null = null): DossierCommand => ({
    type: 'forward',
    toUserId,
    toName,
    note: null,
  }),
  propose: (outcome: 'grant' | 'refuse' = 'grant'): DossierCommand => ({
    type: 'propose',
    outcome,
    summary: outcome === 'grant' ? 'Đủ điều kiện cấp Phiếu' : 'Không đủ điều kiện',
  }),
  approve: (): DossierCommand => ({ type: 'approve', note: null }),
  issueResult: (electronic = true): DossierCommand => ({
    type: 'issueResult',
    documents: [
      { name: 'Phiếu lý lịch tư pháp số 1', fileId: 'file-result', electronic, number: '123/PLLTP' },
    ],
  }),
  requestSupplement: (): DossierCommand => ({
    type: 'requestSupplement',
    items: [{ name: ID_COPY, reason: 'Bản chụp không rõ số định danh' }],
    guidance: 'Nộp lại bản chụp rõ nét tại Bộ phận Một cửa',
  }),
  receiveSupplement: (): DossierCommand => ({ type: 'receiveSupplement', components: [component(ID_COPY)] }),
  apologise: (appointmentAt: number): DossierCommand => ({
    type: 'apologise',
    agencyId: LEAD,
    reason: 'Chờ kết quả xác minh của cơ quan công an',
    appointmentAt,
    signedBy: 'Phạm Văn Dũng',
  }),
  returnResult: (
    method: 'desk' | 'postal' | 'online' = 'desk',
    trackingNumber: string | null = null,
  ): DossierCommand => ({ type: 'returnResult', method, trackingNumber, collectedBy: null }),
};

export interface ContextOptions {
  rules?: DossierRules;
  agencyNames?: Record<string, string>;
}

export const context = (now: number, actor: Actor, options: ContextOptions = {}): DecideContext => ({
  now,
  actor,
  calendar,
  rules: options.rules ?? rules,
  agencyNames: options.agencyNames ?? agencyNames,
});

/** Deep copy that keeps functions out; enough for states and events, which are plain data. */
const snapshot = <T>(value: T): T => structuredClone(value);

/** A dossier driven by commands the way the service does: decide, then fold the events in. */
export class TestDossier {
  state: DossierState = initialDossierState();
  events: DossierEvent[] = [];

  /** Runs a command that must succeed; returns its events. */
  do(command: DossierCommand, when: string | number, actor: Actor = desk, options?: ContextOptions) {
    const now = typeof when === 'string' ? at(when) : when;
    const events = decide(this.state, command, context(now, actor, options));
    for (const e of events) this.state = evolve(this.state, e);
    this.events.push(...events);
    return events;
  }

  /** Runs a command that must be rejected; returns the error after checking nothing changed. */
  reject(command: DossierCommand, when: string | number, actor: Actor = desk, options?: ContextOptions) {
    const now = typeof when === 'string' ? at(when) : when;
    const before = snapshot(this.state);
    let error: unknown = null;
    try {
      decide(this.state, command, context(now, actor, options));
    } catch (e) {
      error = e;
    }
    expect(error, `${command.type} should have been rejected`).toBeInstanceOf(DossierError);
    expect(this.state).toEqual(before);
    return error as DossierError;
  }

  /** Copy with the same history, to branch a scenario. */
  fork(): TestDossier {
    const copy = new TestDossier();
    copy.state = snapshot(this.state);
    copy.events = snapshot(this.events);
    return copy;
  }
}

/** Received and accepted on Monday 2/3/2026 09:00 (5 working days: due Monday 9/3/2026 09:00). */
export function acceptedDossier(wf: WorkflowDefinition = workflow, when = '2026-03-02T09:00'): TestDossier {
  const d = new TestDossier();
  d.do(cmd.receive(), when);
  d.do(cmd.accept(wf), when);
  return d;
}

/** Accepted, then forwarded to the appraisal step (tham-dinh) at 09:30 the same day. */
export function inAppraisal(wf: WorkflowDefinition = workflow): TestDossier {
  const d = acceptedDossier(wf);
  d.do(cmd.forward(specialist.userId, specialist.name), '2026-03-02T09:30');
  return d;
}

/** Default workflow taken to a signed result on Wednesday 4/3/2026 09:00. */
export function doneDossier(): TestDossier {
  const d = inAppraisal();
  d.do(cmd.propose(), '2026-03-03T10:00', specialist);
  d.do(cmd.forward(leader.userId, leader.name), '2026-03-03T11:00', specialist);
  d.do(cmd.approve(), '2026-03-03T14:00', leader);
  d.do(cmd.forward(head.userId, head.name), '2026-03-03T15:00', leader);
  d.do(cmd.issueResult(), '2026-03-04T09:00', head);
  return d;
}
