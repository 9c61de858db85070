/**
 * The dossier decider: `decide(state, command, context) → events`, pure. It checks a command against the
 * dossier's state, its workflow step and the one-stop rules (Decree 61/2018), and either returns the
 * events that record it or throws a `DossierError` naming why not (for illegal transitions: the current
 * state). Who may act (role, agency scope) is checked by the service before; this decides what is legal.
 */
import { workingTimeBetween } from '../calendar/due-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { WorkflowStep, WorkflowTask } from '../catalog/workflow';
import { appointmentFrom, forwardDeadline, stepDueAt } from './dossier-clock';
import type { DossierCommand, DossierCommandType, NewDossier } from './dossier-commands';
import { DossierError } from './dossier-error';
import type { Actor, DossierEvent, SubmittedComponent } from './dossier-events';
import type { DossierRules } from './dossier-rules';
import { activeParticipant, type DossierState, interAgencyComplete } from './dossier-state';
import { type DossierStatus, dossierStatusLabels } from './dossier-status';

export interface DecideContext {
  now: number;
  actor: Actor;
  calendar: WorkingCalendar;
  rules: DossierRules;
  /** Names of agencies a workflow's parallel branches name (for inter-agency records). */
  agencyNames?: Readonly<Record<string, string>>;
}

export const commandLabels: Record<DossierCommandType, string> = {
  submitOnline: 'nộp hồ sơ trực tuyến',
  receive: 'tiếp nhận hồ sơ',
  requestIntakeSupplement: 'yêu cầu bổ sung hồ sơ khi tiếp nhận',
  receiveIntakeSupplement: 'nhận hồ sơ bổ sung khi tiếp nhận',
  refuseAtIntake: 'từ chối tiếp nhận',
  accept: 'tiếp nhận và hẹn trả kết quả',
  assignHandler: 'phân công xử lý',
  forward: 'chuyển bước tiếp theo',
  sendBack: 'trả lại bước trước',
  requestSupplement: 'yêu cầu bổ sung hồ sơ',
  receiveSupplement: 'nhận hồ sơ bổ sung',
  startConsultation: 'xin ý kiến',
  answerConsultation: 'trả lời xin ý kiến',
  sendToAgencies: 'chuyển liên thông',
  recordAgencyResult: 'nhận kết quả liên thông',
  propose: 'trình kết quả',
  approve: 'phê duyệt',
  issueResult: 'ban hành kết quả',
  refuseAfterAppraisal: 'từ chối giải quyết',
  notifyEarlyReturn: 'thông báo trả kết quả sớm',
  apologise: 'xin lỗi và hẹn lại ngày trả kết quả',
  requestPayment: 'yêu cầu thanh toán phí, lệ phí',
  recordPayment: 'ghi nhận thanh toán',
  returnResult: 'trả kết quả',
  withdraw: 'rút hồ sơ',
  stop: 'dừng xử lý',
};

const allowedIn: Record<Exclude<DossierCommandType, 'submitOnline' | 'receive'>, readonly DossierStatus[]> = {
  requestIntakeSupplement: ['submitted'],
  receiveIntakeSupplement: ['intake-supplement'],
  refuseAtIntake: ['submitted', 'intake-supplement'],
  accept: ['submitted'],
  assignHandler: ['accepted', 'processing'],
  forward: ['accepted', 'processing'],
  sendBack: ['accepted', 'processing'],
  requestSupplement: ['accepted', 'processing'],
  receiveSupplement: ['supplement-requested'],
  startConsultation: ['accepted', 'processing'],
  answerConsultation: ['accepted', 'processing', 'supplement-requested', 'payment-requested'],
  sendToAgencies: ['accepted', 'processing'],
  recordAgencyResult: ['processing', 'supplement-requested', 'payment-requested'],
  propose: ['processing'],
  approve: ['processing'],
  issueResult: ['accepted', 'processing'],
  refuseAfterAppraisal: ['processing'],
  notifyEarlyReturn: ['done'],
  apologise: ['accepted', 'processing', 'supplement-requested', 'payment-requested'],
  requestPayment: ['accepted', 'processing', 'done'],
  recordPayment: ['payment-requested'],
  returnResult: ['done'],
  withdraw: [
    'submitted',
    'intake-supplement',
    'accepted',
    'processing',
    'supplement-requested',
    'payment-requested',
  ],
  stop: [
    'submitted',
    'intake-supplement',
    'accepted',
    'processing',
    'supplement-requested',
    'payment-requested',
  ],
};

function illegal(state: DossierState, command: DossierCommandType): DossierError {
  return new DossierError(
    'ILLEGAL_TRANSITION',
    `Không thể ${commandLabels[command]} khi hồ sơ đang ở trạng thái "${dossierStatusLabels[state.status]}"`,
    { status: state.status, command },
  );
}

function fail(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DossierError(code, message, details);
}

function nonEmpty(list: readonly string[], field: string, what: string): void {
  if (list.length === 0 || list.some((x) => x.trim() === ''))
    fail('REASONS_REQUIRED', `Cần nêu rõ ${what}`, { field });
}

function currentTask(state: DossierState): WorkflowTask | null {
  const step = state.step && state.workflow?.steps[state.step.index];
  return step && step.kind === 'task' ? step : null;
}

/** The step must allow the workflow action (catalogue `workflowActions`). */
function requireAction(state: DossierState, action: string, command: DossierCommandType): WorkflowTask {
  const task = currentTask(state);
  if (task === null || !task.actions.includes(action))
    fail(
      'ACTION_NOT_AT_STEP',
      `Bước xử lý hiện tại${task ? ` "${task.name}"` : ''} không cho phép ${commandLabels[command]}`,
      { step: state.step?.key ?? null, action },
    );
  return task;
}

function returnStepKey(state: DossierState): string | null {
  const step = state.workflow?.steps.find((s) => s.kind === 'task' && s.actions.includes('return'));
  return step?.key ?? null;
}

function checkRequiredComponents(
  procedure: NewDossier['procedure'],
  components: readonly SubmittedComponent[],
): void {
  const names = new Set(components.map((c) => c.name));
  const missing = procedure.components.filter((c) => c.required && !names.has(c.name)).map((c) => c.name);
  if (missing.length > 0)
    fail('REQUIRED_COMPONENTS_MISSING', `Hồ sơ còn thiếu thành phần bắt buộc: ${missing.join('; ')}`, {
      missing,
    });
}

function checkKnownComponents(
  procedure: NewDossier['procedure'],
  components: readonly SubmittedComponent[],
): void {
  const known = new Set(procedure.components.map((c) => c.name));
  const unknown = components.filter((c) => !known.has(c.name)).map((c) => c.name);
  if (unknown.length > 0)
    fail('UNKNOWN_COMPONENT', `Thành phần hồ sơ không thuộc thủ tục: ${unknown.join('; ')}`, { unknown });
}

/**
 * `complete`: the online portal refuses a submission without every required component. A paper or postal
 * dossier is recorded as it arrived, complete or not, because the desk answers an incomplete one with
 * Form 02 or Form 03 (Decree 61 Art. 15) on that record; completeness is enforced at acceptance.
 */
function checkNewDossier(d: NewDossier, complete: boolean): void {
  if (d.procedure.processingTime === undefined)
    fail('PROCEDURE_INVALID', 'Thủ tục không có thời hạn giải quyết');
  if (complete) checkRequiredComponents(d.procedure, d.components);
  checkKnownComponents(d.procedure, d.components);
  if (!Number.isInteger(d.sets) || d.sets < 1) fail('INVALID_SETS', 'Số bộ hồ sơ phải là số nguyên dương');
}

function checkDigitised(state: DossierState, components: readonly SubmittedComponent[]): void {
  const byName = new Map(components.map((c) => [c.name, c] as const));
  const notScanned = (state.procedure?.components ?? [])
    .filter((c) => c.mustDigitise && byName.has(c.name) && !byName.get(c.name)!.digitised)
    .map((c) => c.name);
  if (notScanned.length > 0)
    fail('COMPONENT_NOT_DIGITISED', `Thành phần phải được số hóa khi tiếp nhận: ${notScanned.join('; ')}`, {
      components: notScanned,
    });
}

function moveTo(
  state: DossierState,
  ctx: DecideContext,
  index: number,
): { key: string; dueAt: number; step: WorkflowStep } {
  const step = state.workflow!.steps[index]!;
  const hours =
    step.kind === 'task'
      ? step.allottedHours
      : step.branches.reduce(
          (m, b) =>
            Math.max(
              m,
              b.steps.reduce((sum, t) => sum + t.allottedHours, 0),
            ),
          0,
        );
  return { key: step.key, dueAt: stepDueAt(ctx.calendar, ctx.now, hours), step };
}

export function decide(state: DossierState, command: DossierCommand, ctx: DecideContext): DossierEvent[] {
  const base = { at: ctx.now, actor: ctx.actor };
  if (command.type === 'submitOnline' || command.type === 'receive') {
    if (state.exists) fail('DOSSIER_EXISTS', 'Hồ sơ đã tồn tại', { code: state.code });
    const { type: _type, ...d } = command;
    checkNewDossier(d, command.type === 'submitOnline');
    return [
      {
        type: 'DossierSubmitted',
        ...base,
        dossierId: d.dossierId,
        code: d.code,
        receivingAgencyId: d.receivingAgencyId,
        deskId: d.deskId,
        channel: command.type === 'receive' ? command.channel : 'online',
        applicant: d.applicant,
        procedure: d.procedure,
        components: d.components,
        sets: d.sets,
        summary: d.summary,
        ...(d.delivery ? { delivery: d.delivery } : {}),
      },
    ];
  }
  if (!state.exists) fail('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
  if (!allowedIn[command.type].includes(state.status)) throw illegal(state, command.type);

  switch (command.type) {
    case 'requestIntakeSupplement':
      if (command.items.length === 0) fail('ITEMS_REQUIRED', 'Cần nêu các giấy tờ phải bổ sung và lý do');
      return [
        { type: 'IntakeSupplementRequested', ...base, items: command.items, guidance: command.guidance },
      ];

    case 'receiveIntakeSupplement':
      checkKnownComponents(state.procedure!, command.components);
      return [{ type: 'IntakeSupplementReceived', ...base, components: command.components }];

    case 'refuseAtIntake':
      nonEmpty(command.reasons, 'reasons', 'lý do từ chối tiếp nhận');
      return [{ type: 'IntakeRefused', ...base, reasons: command.reasons }];

    case 'accept': {
      const procedure = state.procedure!;
      checkRequiredComponents(procedure, state.components);
      checkDigitised(state, state.components);
      if (command.workflow.steps.length === 0) fail('WORKFLOW_EMPTY', 'Thủ tục chưa có quy trình xử lý');
      return [
        {
          type: 'DossierAccepted',
          ...base,
          appointmentAt: appointmentFrom(ctx.calendar, ctx.now, procedure.processingTime),
          workflow: command.workflow,
          workflowVersion: command.workflowVersion,
          book: command.book,
          forwardBy: forwardDeadline(ctx.calendar, ctx.now, ctx.rules),
        },
      ];
    }

    case 'assignHandler':
      return [{ type: 'HandlerAssigned', ...base, userId: command.userId, name: command.name }];

    case 'forward': {
      const task = currentTask(state);
      if (task !== null && !task.actions.includes('forward') && !task.actions.includes('receive'))
        requireAction(state, 'forward', 'forward');
      if (state.interAgency !== null && !interAgencyComplete(state.interAgency))
        fail('INTER_AGENCY_OPEN', 'Đang chờ kết quả liên thông của cơ quan phối hợp');
      const index = state.step!.index + 1;
      const next = state.workflow!.steps[index];
      if (next === undefined || (next.kind === 'task' && next.actions.includes('return')))
        fail('NO_NEXT_STEP', 'Bước tiếp theo là trả kết quả: cần ban hành kết quả trước', {
          step: state.step!.key,
        });
      const target = moveTo(state, ctx, index);
      const events: DossierEvent[] = [
        {
          type: 'DossierForwarded',
          ...base,
          fromStep: state.step!.key,
          toStep: target.key,
          toStepIndex: index,
          toUserId: command.toUserId,
          toName: command.toName,
          stepDueAt: target.dueAt,
          note: command.note,
        },
      ];
      if (next.kind === 'parallel') {
        events.push({
          type: 'InterAgencySent',
          ...base,
          mode: 'parallel',
          leadAgencyId: state.workflow!.leadAgencyId,
          participants: next.branches.map((b) => ({
            agencyId: b.agencyId,
            agencyName: ctx.agencyNames?.[b.agencyId] ?? b.agencyId,
            duty: b.steps.map((t) => t.name).join('; '),
            dueAt: stepDueAt(
              ctx.calendar,
              ctx.now,
              b.steps.reduce((sum, t) => sum + t.allottedHours, 0),
            ),
          })),
        });
      }
      return events;
    }

    case 'sendBack': {
      if (state.step === null || state.step.index === 0)
        fail('NO_PREVIOUS_STEP', 'Hồ sơ đang ở bước đầu tiên, không có bước trước để trả lại');
      let index = state.step.index - 1;
      while (index > 0 && state.workflow!.steps[index]!.kind === 'parallel') index--;
      nonEmpty([command.reason], 'reason', 'lý do trả lại');
      const target = moveTo(state, ctx, index);
      return [
        {
          type: 'DossierSentBack',
          ...base,
          fromStep: state.step.key,
          toStep: target.key,
          toStepIndex: index,
          stepDueAt: target.dueAt,
          reason: command.reason,
        },
      ];
    }

    case 'requestSupplement': {
      requireAction(state, 'supplement', 'requestSupplement');
      if (command.items.length === 0) fail('ITEMS_REQUIRED', 'Cần nêu các giấy tờ phải bổ sung và lý do');
      const since = state.clockStartedAt!;
      const window = ctx.rules.supplementWindowWorkingDays * ctx.calendar.workingDayMs;
      if (workingTimeBetween(ctx.calendar, since, ctx.now) > window)
        fail(
          'SUPPLEMENT_WINDOW_PASSED',
          `Chỉ được yêu cầu bổ sung trong ${ctx.rules.supplementWindowWorkingDays} ngày làm việc kể từ ngày tiếp nhận hồ sơ`,
          { since, windowWorkingDays: ctx.rules.supplementWindowWorkingDays },
        );
      return [{ type: 'SupplementRequested', ...base, items: command.items, guidance: command.guidance }];
    }

    case 'receiveSupplement':
      checkKnownComponents(state.procedure!, command.components);
      checkDigitised(state, command.components);
      return [
        {
          type: 'SupplementReceived',
          ...base,
          components: command.components,
          appointmentAt: appointmentFrom(ctx.calendar, ctx.now, state.procedure!.processingTime),
        },
      ];

    case 'startConsultation':
      requireAction(state, 'consult', 'startConsultation');
      if (command.dueAt <= ctx.now) fail('DEADLINE_IN_PAST', 'Thời hạn trả lời phải sau thời điểm hiện tại');
      if (state.consultations.some((c) => c.consultationId === command.consultationId))
        fail('CONSULTATION_EXISTS', 'Yêu cầu xin ý kiến đã tồn tại');
      nonEmpty([command.question], 'question', 'nội dung xin ý kiến');
      return [
        {
          type: 'ConsultationStarted',
          ...base,
          consultationId: command.consultationId,
          agencyId: command.agencyId,
          agencyName: command.agencyName,
          question: command.question,
          dueAt: command.dueAt,
        },
      ];

    case 'answerConsultation': {
      const c = state.consultations.find((x) => x.consultationId === command.consultationId);
      if (!c) fail('CONSULTATION_NOT_FOUND', 'Không tìm thấy yêu cầu xin ý kiến');
      if (c.answeredAt !== null) fail('CONSULTATION_ANSWERED', 'Yêu cầu xin ý kiến này đã được trả lời');
      nonEmpty([command.answer], 'answer', 'nội dung trả lời');
      return [
        { type: 'ConsultationAnswered', ...base, consultationId: c.consultationId, answer: command.answer },
      ];
    }

    case 'sendToAgencies': {
      requireAction(state, 'process', 'sendToAgencies');
      if (state.interAgency !== null && !interAgencyComplete(state.interAgency))
        fail('INTER_AGENCY_OPEN', 'Hồ sơ đang được xử lý liên thông');
      if (command.participants.length === 0)
        fail('PARTICIPANTS_REQUIRED', 'Cần ít nhất một cơ quan phối hợp');
      const lead = state.workflow!.leadAgencyId;
      const ids = command.participants.map((p) => p.agencyId);
      if (ids.includes(lead)) fail('LEAD_AS_PARTICIPANT', 'Cơ quan chủ trì không thể là cơ quan phối hợp');
      if (new Set(ids).size !== ids.length) fail('DUPLICATE_PARTICIPANT', 'Một cơ quan được nêu hai lần');
      if (command.participants.some((p) => p.dueAt <= ctx.now))
        fail('DEADLINE_IN_PAST', 'Thời hạn của từng cơ quan phải sau thời điểm hiện tại');
      nonEmpty(
        command.participants.map((p) => p.duty),
        'duty',
        'nhiệm vụ của từng cơ quan phối hợp',
      );
      return [
        {
          type: 'InterAgencySent',
          ...base,
          mode: command.mode,
          leadAgencyId: lead,
          participants: command.participants,
        },
      ];
    }

    case 'recordAgencyResult': {
      const round = state.interAgency;
      if (round === null) fail('NO_INTER_AGENCY', 'Hồ sơ không có xử lý liên thông đang mở');
      const p = round.participants.find((x) => x.agencyId === command.agencyId);
      if (!p) fail('NOT_A_PARTICIPANT', 'Cơ quan này không tham gia xử lý liên thông hồ sơ');
      if (p.receivedAt !== null) fail('AGENCY_RESULT_RECORDED', 'Đã nhận kết quả của cơ quan này');
      if (round.mode === 'sequential' && activeParticipant(round)?.agencyId !== p.agencyId)
        fail('NOT_AGENCY_TURN', 'Liên thông tuần tự: chưa đến lượt cơ quan này', {
          expected: activeParticipant(round)?.agencyId ?? null,
        });
      return [
        {
          type: 'AgencyResultReceived',
          ...base,
          agencyId: command.agencyId,
          outcome: command.outcome,
          note: command.note,
          documents: command.documents,
        },
      ];
    }

    case 'propose':
      requireAction(state, 'process', 'propose');
      if (state.interAgency !== null && !interAgencyComplete(state.interAgency))
        fail('INTER_AGENCY_OPEN', 'Đang chờ kết quả liên thông của cơ quan phối hợp');
      nonEmpty([command.summary], 'summary', 'nội dung trình');
      return [{ type: 'DecisionProposed', ...base, outcome: command.outcome, summary: command.summary }];

    case 'approve':
      requireAction(state, 'approve', 'approve');
      if (state.proposal === null) fail('PROPOSAL_MISSING', 'Chưa có nội dung trình để phê duyệt');
      if (state.proposal.approvedAt !== null) fail('PROPOSAL_APPROVED', 'Nội dung trình đã được phê duyệt');
      return [{ type: 'ProposalApproved', ...base, note: command.note }];

    case 'issueResult': {
      const immediate = state.procedure!.resultImmediately;
      if (!immediate || state.status !== 'accepted') {
        if (state.status === 'accepted') throw illegal(state, 'issueResult');
        requireAction(state, 'sign', 'issueResult');
        if (
          state.proposal === null ||
          state.proposal.approvedAt === null ||
          state.proposal.outcome !== 'grant'
        )
          fail('PROPOSAL_NOT_APPROVED', 'Kết quả giải quyết chưa được trình và phê duyệt');
      }
      if (command.documents.length === 0) fail('DOCUMENTS_REQUIRED', 'Cần ít nhất một giấy tờ kết quả');
      return [
        { type: 'ResultIssued', ...base, documents: command.documents, returnStep: returnStepKey(state) },
      ];
    }

    case 'refuseAfterAppraisal': {
      const task = currentTask(state);
      if (task === null || !(task.actions.includes('sign') || task.actions.includes('refuse')))
        requireAction(state, 'sign', 'refuseAfterAppraisal');
      if (
        state.proposal === null ||
        state.proposal.approvedAt === null ||
        state.proposal.outcome !== 'refuse'
      )
        fail('PROPOSAL_NOT_APPROVED', 'Việc từ chối giải quyết chưa được trình và phê duyệt');
      nonEmpty(command.reasons, 'reasons', 'lý do từ chối giải quyết');
      return [
        {
          type: 'RefusedAfterAppraisal',
          ...base,
          reasons: command.reasons,
          returnStep: returnStepKey(state),
        },
      ];
    }

    case 'notifyEarlyReturn':
      if (state.earlyReturnNotifiedAt !== null) fail('ALREADY_NOTIFIED', 'Đã thông báo trả kết quả sớm');
      if (state.appointmentAt === null || ctx.now >= state.appointmentAt)
        fail('NOT_EARLY', 'Chỉ thông báo trả kết quả sớm khi còn trước ngày hẹn trả');
      return [{ type: 'EarlyReturnNotified', ...base, message: command.message }];

    case 'apologise': {
      const due = state.appointmentAt;
      if (due === null) fail('NO_APPOINTMENT', 'Hồ sơ không có ngày hẹn trả để điều chỉnh');
      if (state.extensions.length >= ctx.rules.maxExtensions)
        fail('DEADLINE_ALREADY_EXTENDED', 'Ngày hẹn trả kết quả chỉ được điều chỉnh một lần', {
          extendedAt: state.extensions[0]?.at ?? null,
        });
      const lead = ctx.rules.apologyLeadWorkingDays * ctx.calendar.workingDayMs;
      if (ctx.now > due || workingTimeBetween(ctx.calendar, ctx.now, due) < lead)
        fail(
          'APOLOGY_TOO_LATE',
          `Phiếu xin lỗi phải gửi chậm nhất ${ctx.rules.apologyLeadWorkingDays} ngày làm việc trước ngày hẹn trả`,
          { dueAt: due },
        );
      if (command.appointmentAt <= due)
        fail('APPOINTMENT_NOT_LATER', 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại', { dueAt: due });
      nonEmpty([command.reason, command.signedBy], 'reason', 'lý do chậm trễ và người ký');
      return [
        {
          type: 'DeadlineExtended',
          ...base,
          agencyId: command.agencyId,
          reason: command.reason,
          previousAppointmentAt: due,
          appointmentAt: command.appointmentAt,
          signedBy: command.signedBy,
        },
      ];
    }

    case 'requestPayment': {
      if (
        command.items.length === 0 ||
        command.items.some((i) => !Number.isInteger(i.amountVnd) || i.amountVnd <= 0)
      )
        fail('INVALID_AMOUNT', 'Các khoản phí, lệ phí phải có số tiền là số nguyên dương');
      const amount = command.items.reduce((sum, i) => sum + i.amountVnd, 0);
      return [{ type: 'PaymentRequested', ...base, amountVnd: amount, items: command.items }];
    }

    case 'recordPayment':
      if (!Number.isInteger(command.amountVnd) || command.amountVnd <= 0)
        fail('INVALID_AMOUNT', 'Số tiền thanh toán phải là số nguyên dương');
      return [
        {
          type: 'PaymentReceived',
          ...base,
          amountVnd: command.amountVnd,
          method: command.method,
          reference: command.reference,
        },
      ];

    case 'returnResult':
      if (command.method === 'postal' && (command.trackingNumber ?? '').trim() === '')
        fail('TRACKING_NUMBER_REQUIRED', 'Trả kết quả qua bưu chính cần số hiệu bưu gửi');
      if (state.payment.paidVnd < state.payment.requestedVnd)
        fail('PAYMENT_OUTSTANDING', 'Hồ sơ chưa thanh toán đủ phí, lệ phí', {
          requestedVnd: state.payment.requestedVnd,
          paidVnd: state.payment.paidVnd,
        });
      // A refusal is returned as its reasons, which the system holds electronically; a granted result
      // needs an electronic document to be returned online.
      if (
        command.method === 'online' &&
        state.result?.outcome === 'granted' &&
        state.result.documents.every((d) => !d.electronic)
      )
        fail('NO_ELECTRONIC_RESULT', 'Hồ sơ không có kết quả điện tử để trả trực tuyến');
      return [
        {
          type: 'ResultReturned',
          ...base,
          method: command.method,
          trackingNumber: command.trackingNumber,
          collectedBy: command.collectedBy,
        },
      ];

    case 'withdraw':
      nonEmpty([command.reason], 'reason', 'lý do rút hồ sơ');
      return [{ type: 'DossierWithdrawn', ...base, reason: command.reason }];

    case 'stop':
      nonEmpty([command.reason], 'reason', 'lý do dừng xử lý');
      return [{ type: 'ProcessingStopped', ...base, reason: command.reason }];
  }
}

const stepActionOf: Partial<Record<DossierCommandType, readonly string[]>> = {
  requestSupplement: ['supplement'],
  startConsultation: ['consult'],
  sendToAgencies: ['process'],
  propose: ['process'],
  approve: ['approve'],
  issueResult: ['sign'],
  refuseAfterAppraisal: ['sign', 'refuse'],
  forward: ['forward', 'receive'],
};

/**
 * The commands the dossier's status and current workflow step allow now (who may run them is the
 * service's question). A screen shows these; the decider still checks each command in full.
 */
export function commandsAllowedNow(state: DossierState): DossierCommandType[] {
  if (!state.exists) return [];
  const task = currentTask(state);
  const open = (round: DossierState['interAgency']) => round !== null && !interAgencyComplete(round);
  return (Object.keys(allowedIn) as (keyof typeof allowedIn)[]).filter((type) => {
    if (!allowedIn[type].includes(state.status)) return false;
    const actions = stepActionOf[type];
    const immediate =
      type === 'issueResult' && state.status === 'accepted' && state.procedure?.resultImmediately;
    // A parallel (inter-agency) step has no task of its own: the lead moves the dossier on once every
    // agency has answered (as `decide` allows).
    const parallelForward = type === 'forward' && task === null && state.step !== null;
    if (actions && !immediate && !parallelForward && !(task && actions.some((a) => task.actions.includes(a))))
      return false;
    switch (type) {
      case 'forward': {
        const next = state.workflow?.steps[(state.step?.index ?? -1) + 1];
        return (
          next !== undefined &&
          !(next.kind === 'task' && next.actions.includes('return')) &&
          !open(state.interAgency)
        );
      }
      case 'sendBack':
        return (state.step?.index ?? 0) > 0;
      case 'propose':
        return !open(state.interAgency);
      case 'sendToAgencies':
        return !open(state.interAgency);
      case 'approve':
        return state.proposal !== null && state.proposal.approvedAt === null;
      case 'issueResult':
        return (
          immediate === true || (state.proposal?.approvedAt != null && state.proposal.outcome === 'grant')
        );
      case 'refuseAfterAppraisal':
        return state.proposal?.approvedAt != null && state.proposal.outcome === 'refuse';
      case 'answerConsultation':
        return state.consultations.some((c) => c.answeredAt === null);
      case 'recordAgencyResult':
        return open(state.interAgency);
      case 'apologise':
        return state.appointmentAt !== null && state.extensions.length === 0;
      case 'notifyEarlyReturn':
        return state.earlyReturnNotifiedAt === null;
      case 'returnResult':
        return state.payment.paidVnd >= state.payment.requestedVnd;
      default:
        return true;
    }
  });
}
