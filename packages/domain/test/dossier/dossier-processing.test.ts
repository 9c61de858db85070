// Processing inside the competent agency (Decree 61/2018 Art. 17–18, DOMAIN.md §1.3): the head assigns
// a handler, the dossier moves along the workflow's steps with their allotted times, the handler may
// consult another agency with a deadline, proposes, the leaders approve and sign; a refusal after
// appraisal is itself the result and needs an approved refusal proposal.
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../src/catalog/workflow';
import {
  acceptedDossier,
  at,
  cmd,
  desk,
  head,
  inAppraisal,
  LEAD,
  leader,
  local,
  POLICE,
  parallelWorkflow,
  procedure,
  specialist,
  TestDossier,
} from './dossier-fixtures';

describe('assignment and hand-overs along the workflow', () => {
  it('assigning a handler starts processing', () => {
    const d = acceptedDossier();
    d.do(
      { type: 'assignHandler', userId: specialist.userId!, name: specialist.name },
      '2026-03-02T10:00',
      head,
    );
    expect(d.state.status).toBe('processing');
    expect(d.state.assignee).toEqual({ userId: 'u-spec', name: 'Trần Văn Bình' });
  });

  it('forwarding moves to the next step, due after its allotted working hours (24 h = 3 working days)', () => {
    const d = acceptedDossier();
    const [forwarded] = d.do(cmd.forward(specialist.userId, specialist.name), '2026-03-02T09:30');
    expect(forwarded).toMatchObject({
      type: 'DossierForwarded',
      fromStep: 'tiep-nhan',
      toStep: 'tham-dinh',
      toStepIndex: 1,
    });
    expect(d.state.status).toBe('processing');
    expect(d.state.step?.key).toBe('tham-dinh');
    expect(local(d.state.step?.dueAt ?? null)).toBe('2026-03-05T09:30');
    expect(d.state.assignee).toEqual({ userId: 'u-spec', name: 'Trần Văn Bình' });
  });

  it('a step whose actions do not include forwarding cannot forward (ACTION_NOT_AT_STEP)', () => {
    const wf: WorkflowDefinition = {
      leadAgencyId: LEAD,
      steps: [
        {
          kind: 'task',
          key: 'a',
          name: 'Tiếp nhận',
          unitId: LEAD,
          role: 'desk-officer',
          allottedHours: 2,
          actions: ['receive'],
        },
        {
          kind: 'task',
          key: 'b',
          name: 'Thẩm định',
          unitId: LEAD,
          role: 'specialist',
          allottedHours: 8,
          actions: ['process'],
        },
        {
          kind: 'task',
          key: 'c',
          name: 'Ký',
          unitId: LEAD,
          role: 'agency-head',
          allottedHours: 8,
          actions: ['sign'],
        },
        {
          kind: 'task',
          key: 'd',
          name: 'Trả kết quả',
          unitId: LEAD,
          role: 'desk-officer',
          allottedHours: 2,
          actions: ['return'],
        },
      ],
    };
    const d = acceptedDossier(wf);
    d.do(cmd.forward(), '2026-03-02T09:30');
    const error = d.reject(cmd.forward(), '2026-03-02T10:00', specialist);
    expect(error.code).toBe('ACTION_NOT_AT_STEP');
    expect(error.details).toEqual({ step: 'b', action: 'forward' });
    expect(error.message).toContain('"Thẩm định"');
  });

  it('the step before the return step hands over by issuing the result, not by forwarding (NO_NEXT_STEP)', () => {
    const d = inAppraisal();
    d.do(cmd.forward(), '2026-03-02T10:00', specialist);
    d.do(cmd.forward(), '2026-03-02T11:00', leader);
    expect(d.state.step?.key).toBe('lanh-dao-co-quan');
    expect(d.reject(cmd.forward(), '2026-03-02T12:00', head).code).toBe('NO_NEXT_STEP');
  });

  it('sending back returns to the previous step, drops the proposal and the assignee, and restarts its time', () => {
    const d = inAppraisal();
    d.do(cmd.propose(), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(leader.userId, leader.name), '2026-03-03T11:00', specialist);
    const [sent] = d.do({ type: 'sendBack', reason: 'Thiếu kết quả xác minh' }, '2026-03-03T14:00', leader);
    expect(sent).toMatchObject({
      type: 'DossierSentBack',
      fromStep: 'lanh-dao-phong',
      toStep: 'tham-dinh',
      toStepIndex: 1,
    });
    expect(d.state.step?.key).toBe('tham-dinh');
    // 24 working hours from Tuesday 3/3 14:00.
    expect(local(d.state.step?.dueAt ?? null)).toBe('2026-03-06T14:00');
    expect(d.state.proposal).toBeNull();
    expect(d.state.assignee).toBeNull();
  });

  it('sending back skips an inter-agency parallel step to the lead agency’s previous task', () => {
    const d = inAppraisal(parallelWorkflow);
    d.do(cmd.forward(), '2026-03-02T10:00', specialist);
    d.do(
      { type: 'recordAgencyResult', agencyId: POLICE, outcome: 'done', note: '', documents: [] },
      '2026-03-03T09:00',
    );
    d.do(
      { type: 'recordAgencyResult', agencyId: 'cuc-thue', outcome: 'done', note: '', documents: [] },
      '2026-03-03T10:00',
    );
    d.do(cmd.forward(), '2026-03-03T11:00', desk);
    expect(d.state.step?.key).toBe('tong-hop');
    d.do({ type: 'sendBack', reason: 'Xem lại' }, '2026-03-03T14:00', specialist);
    expect(d.state.step?.key).toBe('tham-dinh');
  });

  it('the first step has nothing before it (NO_PREVIOUS_STEP); a send-back needs a reason (REASONS_REQUIRED)', () => {
    const d = acceptedDossier();
    expect(d.reject({ type: 'sendBack', reason: 'x' }, '2026-03-02T09:10').code).toBe('NO_PREVIOUS_STEP');
    const e = inAppraisal();
    expect(e.reject({ type: 'sendBack', reason: ' ' }, '2026-03-02T10:00', specialist).code).toBe(
      'REASONS_REQUIRED',
    );
  });
});

describe('consultations (xin ý kiến, Decree 61 Art. 18)', () => {
  const start = (dueAt = at('2026-03-04T17:00'), consultationId = 'c-1') => ({
    type: 'startConsultation' as const,
    consultationId,
    agencyId: POLICE,
    agencyName: 'Công an tỉnh',
    question: 'Đề nghị cho ý kiến về nhân thân người yêu cầu',
    dueAt,
  });

  it('a consultation is logged with its deadline and answered once', () => {
    const d = inAppraisal();
    d.do(start(), '2026-03-02T10:00', specialist);
    expect(d.state.consultations).toEqual([
      {
        consultationId: 'c-1',
        agencyId: POLICE,
        agencyName: 'Công an tỉnh',
        question: 'Đề nghị cho ý kiến về nhân thân người yêu cầu',
        startedAt: at('2026-03-02T10:00'),
        dueAt: at('2026-03-04T17:00'),
        answeredAt: null,
        answer: null,
      },
    ]);
    d.do(
      { type: 'answerConsultation', consultationId: 'c-1', answer: 'Không có tiền án' },
      '2026-03-04T09:00',
    );
    expect(d.state.consultations[0]).toMatchObject({
      answeredAt: at('2026-03-04T09:00'),
      answer: 'Không có tiền án',
    });
    expect(
      d.reject({ type: 'answerConsultation', consultationId: 'c-1', answer: 'Lần hai' }, '2026-03-04T10:00')
        .code,
    ).toBe('CONSULTATION_ANSWERED');
  });

  it('rejections: deadline not in the future, duplicate id, unknown id, empty answer, wrong step', () => {
    const d = inAppraisal();
    expect(d.reject(start(at('2026-03-02T10:00')), '2026-03-02T10:00', specialist).code).toBe(
      'DEADLINE_IN_PAST',
    );
    d.do(start(), '2026-03-02T10:00', specialist);
    expect(d.reject(start(), '2026-03-02T10:05', specialist).code).toBe('CONSULTATION_EXISTS');
    expect(
      d.reject({ type: 'answerConsultation', consultationId: 'c-9', answer: 'x' }, '2026-03-03T09:00').code,
    ).toBe('CONSULTATION_NOT_FOUND');
    expect(
      d.reject({ type: 'answerConsultation', consultationId: 'c-1', answer: '' }, '2026-03-03T09:00').code,
    ).toBe('REASONS_REQUIRED');
    // The desk's receiving step does not consult.
    expect(acceptedDossier().reject(start(), '2026-03-02T09:10').code).toBe('ACTION_NOT_AT_STEP');
  });

  it('a late answer is still recorded (late replies are reported, not refused)', () => {
    const d = inAppraisal();
    d.do(start(), '2026-03-02T10:00', specialist);
    d.do({ type: 'answerConsultation', consultationId: 'c-1', answer: 'Trả lời muộn' }, '2026-03-06T09:00');
    const c = d.state.consultations[0]!;
    expect(c.answeredAt! > c.dueAt).toBe(true);
  });
});

describe('proposal, approval and result', () => {
  it('propose → approve → sign issues the result and moves the dossier to the return step', () => {
    const d = inAppraisal();
    d.do(cmd.propose(), '2026-03-03T10:00', specialist);
    expect(d.state.proposal).toMatchObject({ outcome: 'grant', approvedAt: null });
    d.do(cmd.forward(leader.userId, leader.name), '2026-03-03T11:00', specialist);
    d.do(cmd.approve(), '2026-03-03T14:00', leader);
    expect(d.state.proposal?.approvedAt).toBe(at('2026-03-03T14:00'));
    d.do(cmd.forward(head.userId, head.name), '2026-03-03T15:00', leader);
    const [issued] = d.do(cmd.issueResult(), '2026-03-04T09:00', head);
    expect(issued).toMatchObject({ type: 'ResultIssued', returnStep: 'tra-ket-qua' });
    expect(d.state).toMatchObject({
      status: 'done',
      finishedAt: at('2026-03-04T09:00'),
      assignee: null,
      result: { outcome: 'granted', reasons: [], at: at('2026-03-04T09:00') },
    });
    expect(d.state.step).toEqual({
      index: 4,
      key: 'tra-ket-qua',
      enteredAt: at('2026-03-04T09:00'),
      dueAt: d.state.appointmentAt,
    });
  });

  it('rejections: proposing off a processing step, approving nothing, approving twice, signing unapproved or without documents', () => {
    const d = acceptedDossier();
    d.do({ type: 'assignHandler', userId: 'u-desk', name: desk.name }, '2026-03-02T09:05', head);
    const atDesk = d.reject(cmd.propose(), '2026-03-02T09:10');
    expect(atDesk.code).toBe('ACTION_NOT_AT_STEP');
    expect(atDesk.details).toEqual({ step: 'tiep-nhan', action: 'process' });

    const e = inAppraisal();
    expect(
      e.reject({ type: 'propose', outcome: 'grant', summary: ' ' }, '2026-03-03T10:00', specialist).code,
    ).toBe('REASONS_REQUIRED');
    e.do(cmd.forward(), '2026-03-03T10:00', specialist);
    expect(e.reject(cmd.approve(), '2026-03-03T11:00', leader).code).toBe('PROPOSAL_MISSING');
    // Sent back, proposed, forwarded: now approve twice.
    e.do({ type: 'sendBack', reason: 'Chưa có nội dung trình' }, '2026-03-03T11:00', leader);
    e.do(cmd.propose(), '2026-03-03T13:00', specialist);
    e.do(cmd.forward(), '2026-03-03T13:30', specialist);
    expect(e.reject(cmd.issueResult(), '2026-03-03T14:00', leader).code).toBe('ACTION_NOT_AT_STEP');
    e.do(cmd.forward(), '2026-03-03T14:00', leader);
    expect(e.reject(cmd.issueResult(), '2026-03-03T15:00', head).code).toBe('PROPOSAL_NOT_APPROVED');
    e.do(cmd.approve(), '2026-03-03T15:00', head);
    expect(e.reject(cmd.approve(), '2026-03-03T15:10', head).code).toBe('PROPOSAL_APPROVED');
    expect(e.reject({ type: 'issueResult', documents: [] }, '2026-03-03T15:20', head).code).toBe(
      'DOCUMENTS_REQUIRED',
    );
  });

  it('an approved refusal proposal cannot be signed as a grant', () => {
    const d = inAppraisal();
    d.do(cmd.propose('refuse'), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T11:00', specialist);
    d.do(cmd.approve(), '2026-03-03T14:00', leader);
    d.do(cmd.forward(), '2026-03-03T15:00', leader);
    expect(d.reject(cmd.issueResult(), '2026-03-04T09:00', head).code).toBe('PROPOSAL_NOT_APPROVED');
  });
});

describe('refusal after appraisal (Decree 61 Art. 18(5): a refusal letter within the time, recorded as the result)', () => {
  const refuse = {
    type: 'refuseAfterAppraisal' as const,
    reasons: ['Người yêu cầu không thuộc diện được cấp'],
  };

  it('needs an approved refusal proposal', () => {
    const d = inAppraisal();
    d.do(cmd.propose('grant'), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T11:00', specialist);
    d.do(cmd.approve(), '2026-03-03T14:00', leader);
    d.do(cmd.forward(), '2026-03-03T15:00', leader);
    expect(d.reject(refuse, '2026-03-04T09:00', head).code).toBe('PROPOSAL_NOT_APPROVED');
  });

  it('with an approved refusal proposal it ends processing with a refused result', () => {
    const d = inAppraisal();
    d.do(cmd.propose('refuse'), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T11:00', specialist);
    expect(d.reject(refuse, '2026-03-03T11:30', leader).code).toBe('ACTION_NOT_AT_STEP');
    d.do(cmd.forward(), '2026-03-03T13:00', leader);
    expect(d.reject(refuse, '2026-03-03T14:00', head).code).toBe('PROPOSAL_NOT_APPROVED');
    d.do(cmd.approve(), '2026-03-03T14:00', head);
    expect(d.reject({ type: 'refuseAfterAppraisal', reasons: [] }, '2026-03-03T15:00', head).code).toBe(
      'REASONS_REQUIRED',
    );
    d.do(refuse, '2026-03-03T15:00', head);
    expect(d.state).toMatchObject({
      status: 'done',
      finishedAt: at('2026-03-03T15:00'),
      refusedReasons: refuse.reasons,
      result: { outcome: 'refused', documents: [], reasons: refuse.reasons },
    });
    expect(d.state.step?.key).toBe('tra-ket-qua');
  });
});

describe('result immediately (Decree 61 Art. 15(4): no appointment needed, but the dossier is recorded)', () => {
  it('an immediate procedure issues its result right after acceptance', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ procedure: { ...procedure, resultImmediately: true } }), '2026-03-02T09:00');
    d.do(cmd.accept(), '2026-03-02T09:00');
    d.do(cmd.issueResult(false), '2026-03-02T09:20');
    expect(d.state.status).toBe('done');
    expect(d.state.result?.outcome).toBe('granted');
  });

  it('an ordinary procedure cannot skip processing (ILLEGAL_TRANSITION in "accepted")', () => {
    const error = acceptedDossier().reject(cmd.issueResult(), '2026-03-02T09:20');
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details.status).toBe('accepted');
  });
});
