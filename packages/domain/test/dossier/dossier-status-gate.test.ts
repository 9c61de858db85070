// Which commands a dossier accepts in each status (Decree 61/2018 Art. 15–20, Circular 01/2018; DOMAIN.md
// §1.2–1.4). The table below is written from the law, independently of the decider's own table: a
// command "passes the gate" when it is not refused as an illegal transition (it may still be refused
// for another reason, e.g. a missing proposal).
import { describe, expect, it } from 'vitest';
import type { DossierCommand, DossierCommandType } from '../../src/dossier/dossier-commands';
import { decide } from '../../src/dossier/dossier-decider';
import { DossierError } from '../../src/dossier/dossier-error';
import { type DossierStatus, dossierStatuses, dossierStatusLabels } from '../../src/dossier/dossier-status';
import {
  acceptedDossier,
  at,
  cmd,
  context,
  desk,
  doneDossier,
  ID_COPY,
  inAppraisal,
  POLICE,
  TestDossier,
} from './dossier-fixtures';

const sample: Record<DossierCommandType, DossierCommand> = {
  submitOnline: cmd.submitOnline(),
  receive: cmd.receive(),
  requestIntakeSupplement: {
    type: 'requestIntakeSupplement',
    items: [{ name: ID_COPY, reason: 'Thiếu' }],
    guidance: 'Bổ sung tại Bộ phận Một cửa',
  },
  receiveIntakeSupplement: { type: 'receiveIntakeSupplement', components: [] },
  refuseAtIntake: { type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền'] },
  accept: cmd.accept(),
  assignHandler: { type: 'assignHandler', userId: 'u-spec', name: 'Trần Văn Bình' },
  forward: cmd.forward(),
  sendBack: { type: 'sendBack', reason: 'Cần xem lại' },
  requestSupplement: cmd.requestSupplement(),
  receiveSupplement: cmd.receiveSupplement(),
  startConsultation: {
    type: 'startConsultation',
    consultationId: 'c-1',
    agencyId: POLICE,
    agencyName: 'Công an tỉnh',
    question: 'Xin ý kiến',
    dueAt: at('2026-03-20T17:00'),
  },
  answerConsultation: { type: 'answerConsultation', consultationId: 'c-1', answer: 'Đồng ý' },
  sendToAgencies: {
    type: 'sendToAgencies',
    mode: 'sequential',
    participants: [
      { agencyId: POLICE, agencyName: 'Công an tỉnh', duty: 'Xác minh', dueAt: at('2026-03-20T17:00') },
    ],
  },
  recordAgencyResult: {
    type: 'recordAgencyResult',
    agencyId: POLICE,
    outcome: 'done',
    note: '',
    documents: [],
  },
  propose: cmd.propose(),
  approve: cmd.approve(),
  issueResult: cmd.issueResult(),
  refuseAfterAppraisal: { type: 'refuseAfterAppraisal', reasons: ['Không đủ điều kiện'] },
  notifyEarlyReturn: { type: 'notifyEarlyReturn', message: 'Mời nhận kết quả sớm' },
  apologise: cmd.apologise(at('2026-03-30T17:00')),
  requestPayment: { type: 'requestPayment', items: [{ name: 'Phí', amountVnd: 200_000 }] },
  recordPayment: { type: 'recordPayment', amountVnd: 200_000, method: 'desk', reference: null },
  returnResult: cmd.returnResult(),
  withdraw: { type: 'withdraw', reason: 'Không còn nhu cầu' },
  stop: { type: 'stop', reason: 'Theo yêu cầu của cơ quan có thẩm quyền' },
};

const whileOpen: DossierCommandType[] = ['withdraw', 'stop'];
const handling: DossierCommandType[] = [
  'assignHandler',
  'forward',
  'sendBack',
  'requestSupplement',
  'startConsultation',
  'answerConsultation',
  'sendToAgencies',
  'apologise',
  'requestPayment',
  ...whileOpen,
];

/** What the law lets happen in each status (the `issueResult` in `accepted` is for "immediate" procedures only). */
const allowed: Record<DossierStatus, DossierCommandType[]> = {
  // Decree 61 Art. 15: the desk checks, then asks for a supplement (Form 02), refuses (Form 03) or accepts (Form 01).
  submitted: ['requestIntakeSupplement', 'refuseAtIntake', 'accept', ...whileOpen],
  'intake-supplement': ['receiveIntakeSupplement', 'refuseAtIntake', ...whileOpen],
  'refused-at-intake': [],
  accepted: handling,
  processing: [
    ...handling,
    'recordAgencyResult',
    'propose',
    'approve',
    'issueResult',
    'refuseAfterAppraisal',
  ],
  // While the applicant supplements or pays, other agencies may still answer and the agency may apologise.
  'supplement-requested': [
    'receiveSupplement',
    'answerConsultation',
    'recordAgencyResult',
    'apologise',
    ...whileOpen,
  ],
  'payment-requested': [
    'recordPayment',
    'answerConsultation',
    'recordAgencyResult',
    'apologise',
    ...whileOpen,
  ],
  withdrawn: [],
  stopped: [],
  done: ['notifyEarlyReturn', 'requestPayment', 'returnResult'],
  returned: [],
};

function inStatus(status: DossierStatus): TestDossier {
  const d = new TestDossier();
  switch (status) {
    case 'submitted':
      d.do(cmd.receive(), '2026-03-02T09:00');
      return d;
    case 'intake-supplement':
      d.do(cmd.receive(), '2026-03-02T09:00');
      d.do(sample.requestIntakeSupplement, '2026-03-02T09:05');
      return d;
    case 'refused-at-intake':
      d.do(cmd.receive(), '2026-03-02T09:00');
      d.do(sample.refuseAtIntake, '2026-03-02T09:05');
      return d;
    case 'accepted':
      return acceptedDossier();
    case 'processing':
      return inAppraisal();
    case 'supplement-requested': {
      const s = inAppraisal();
      s.do(cmd.requestSupplement(), '2026-03-03T09:00', desk);
      return s;
    }
    case 'payment-requested': {
      const s = inAppraisal();
      s.do(sample.requestPayment, '2026-03-03T09:00');
      return s;
    }
    case 'withdrawn': {
      const s = acceptedDossier();
      s.do(sample.withdraw, '2026-03-03T09:00');
      return s;
    }
    case 'stopped': {
      const s = acceptedDossier();
      s.do(sample.stop, '2026-03-03T09:00');
      return s;
    }
    case 'done':
      return doneDossier();
    case 'returned': {
      const s = doneDossier();
      s.do(cmd.returnResult(), '2026-03-04T09:30');
      return s;
    }
  }
}

function attempt(d: TestDossier, command: DossierCommand): DossierError | null {
  try {
    decide(d.state, command, context(at('2026-03-04T10:00'), desk));
    return null;
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    return e;
  }
}

const commandTypes = Object.keys(sample) as DossierCommandType[];

describe('status gate: exactly the commands the law allows in each status', () => {
  it.each(dossierStatuses.map((s) => [s]))('%s', (status) => {
    const d = inStatus(status);
    expect(d.state.status).toBe(status);
    const passing: DossierCommandType[] = [];
    for (const type of commandTypes) {
      const error = attempt(d, sample[type]);
      if (type === 'submitOnline' || type === 'receive') {
        // A dossier exists once: a second submission is refused whatever the status.
        expect(error?.code).toBe('DOSSIER_EXISTS');
        continue;
      }
      if (error?.code === 'ILLEGAL_TRANSITION') {
        expect(error.details).toEqual({ status, command: type });
        expect(error.message).toContain(`"${dossierStatusLabels[status]}"`);
      } else passing.push(type);
    }
    expect(passing.sort()).toEqual([...allowed[status]].sort());
  });

  it('a command on a dossier that does not exist is DOSSIER_NOT_FOUND', () => {
    const d = new TestDossier();
    expect(d.reject(cmd.accept(), '2026-03-02T09:00').code).toBe('DOSSIER_NOT_FOUND');
  });

  it('the Vietnamese message names the command and the current status', () => {
    const d = inStatus('returned');
    const error = d.reject({ type: 'withdraw', reason: 'Không còn nhu cầu' }, '2026-03-05T09:00');
    expect(error.message).toBe('Không thể rút hồ sơ khi hồ sơ đang ở trạng thái "Đã trả kết quả"');
  });
});
