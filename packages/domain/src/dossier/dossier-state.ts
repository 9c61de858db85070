/**
 * The dossier's current state: a left fold of its events (`evolve`). Pure and total over well-formed
 * histories; the decider guarantees histories are well-formed.
 */
import type { WorkflowDefinition } from '../catalog/workflow';
import type {
  Applicant,
  Channel,
  DossierEvent,
  InterAgencyMode,
  InterAgencyParticipant,
  PaymentMethod,
  ProcedureSnapshot,
  ResultDelivery,
  ResultDocument,
  ReturnMethod,
  SubmittedComponent,
  SupplementItem,
} from './dossier-events';
import type { DossierStatus } from './dossier-status';

export interface SupplementRound {
  stage: 'intake' | 'processing';
  requestedAt: number;
  receivedAt: number | null;
  items: SupplementItem[];
}

export interface Consultation {
  consultationId: string;
  agencyId: string;
  agencyName: string;
  question: string;
  startedAt: number;
  dueAt: number;
  answeredAt: number | null;
  answer: string | null;
}

export interface InterAgencyState {
  mode: InterAgencyMode;
  leadAgencyId: string;
  sentAt: number;
  participants: (InterAgencyParticipant & {
    receivedAt: number | null;
    outcome: 'done' | 'refused' | null;
    note: string | null;
    documents: ResultDocument[];
  })[];
}

export interface CurrentStep {
  index: number;
  key: string;
  enteredAt: number;
  dueAt: number;
}

export interface DossierState {
  exists: boolean;
  /** Number of events applied: the optimistic-concurrency version. */
  version: number;
  dossierId: string;
  code: string;
  receivingAgencyId: string;
  deskId: string | null;
  channel: Channel;
  status: DossierStatus;
  applicant: Applicant | null;
  procedure: ProcedureSnapshot | null;
  components: SubmittedComponent[];
  sets: number;
  summary: string;
  delivery: ResultDelivery | null;
  submittedAt: number | null;
  acceptedAt: number | null;
  /** The appointment on the receipt (Form 01). */
  originalAppointmentAt: number | null;
  /** The legal due instant now (restarted after a supplement, moved by an apology). */
  appointmentAt: number | null;
  /** Start of the current legal clock: acceptance, or the last supplement received (Decree 61). */
  clockStartedAt: number | null;
  forwardBy: number | null;
  book: { year: number; number: number } | null;
  workflow: WorkflowDefinition | null;
  workflowVersion: number | null;
  step: CurrentStep | null;
  assignee: { userId: string; name: string } | null;
  supplements: SupplementRound[];
  consultations: Consultation[];
  interAgency: InterAgencyState | null;
  proposal: { outcome: 'grant' | 'refuse'; summary: string; at: number; approvedAt: number | null } | null;
  extensions: { at: number; agencyId: string; reason: string; from: number; to: number; signedBy: string }[];
  result: {
    outcome: 'granted' | 'refused';
    documents: ResultDocument[];
    reasons: string[];
    at: number;
  } | null;
  earlyReturnNotifiedAt: number | null;
  payment: {
    requestedVnd: number;
    paidVnd: number;
    paidOnline: boolean;
    methods: PaymentMethod[];
    /** The status to go back to once paid. */
    resumeStatus: DossierStatus | null;
  };
  returned: {
    at: number;
    method: ReturnMethod;
    trackingNumber: string | null;
    collectedBy: string | null;
  } | null;
  /** When handling ended: result issued, refused (at intake or after appraisal), withdrawn or stopped. */
  finishedAt: number | null;
  refusedReasons: string[];
  closedReason: string | null;
  updatedAt: number | null;
}

export function initialDossierState(): DossierState {
  return {
    exists: false,
    version: 0,
    dossierId: '',
    code: '',
    receivingAgencyId: '',
    deskId: null,
    channel: 'in-person',
    status: 'submitted',
    applicant: null,
    procedure: null,
    components: [],
    sets: 1,
    summary: '',
    delivery: null,
    submittedAt: null,
    acceptedAt: null,
    originalAppointmentAt: null,
    appointmentAt: null,
    clockStartedAt: null,
    forwardBy: null,
    book: null,
    workflow: null,
    workflowVersion: null,
    step: null,
    assignee: null,
    supplements: [],
    consultations: [],
    interAgency: null,
    proposal: null,
    extensions: [],
    result: null,
    earlyReturnNotifiedAt: null,
    payment: { requestedVnd: 0, paidVnd: 0, paidOnline: false, methods: [], resumeStatus: null },
    returned: null,
    finishedAt: null,
    refusedReasons: [],
    closedReason: null,
    updatedAt: null,
  };
}

function mergeComponents(current: SubmittedComponent[], added: SubmittedComponent[]): SubmittedComponent[] {
  const byName = new Map(current.map((c) => [c.name, c] as const));
  for (const c of added) byName.set(c.name, c);
  return [...byName.values()];
}

function closeLastSupplement(rounds: SupplementRound[], at: number): SupplementRound[] {
  const i = rounds.length - 1;
  if (i < 0) return rounds;
  return rounds.map((r, k) => (k === i ? { ...r, receivedAt: at } : r));
}

export function evolve(state: DossierState, event: DossierEvent): DossierState {
  const s: DossierState = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'DossierSubmitted':
      return {
        ...s,
        exists: true,
        dossierId: event.dossierId,
        code: event.code,
        receivingAgencyId: event.receivingAgencyId,
        deskId: event.deskId,
        channel: event.channel,
        status: 'submitted',
        applicant: event.applicant,
        procedure: event.procedure,
        components: event.components,
        sets: event.sets,
        summary: event.summary,
        delivery: event.delivery ?? null,
        submittedAt: event.at,
      };
    case 'IntakeSupplementRequested':
      return {
        ...s,
        status: 'intake-supplement',
        supplements: [
          ...s.supplements,
          { stage: 'intake', requestedAt: event.at, receivedAt: null, items: event.items },
        ],
      };
    case 'IntakeSupplementReceived':
      return {
        ...s,
        status: 'submitted',
        components: mergeComponents(s.components, event.components),
        supplements: closeLastSupplement(s.supplements, event.at),
      };
    case 'IntakeRefused':
      return { ...s, status: 'refused-at-intake', refusedReasons: event.reasons, finishedAt: event.at };
    case 'DossierAccepted': {
      const first = event.workflow.steps[0];
      return {
        ...s,
        status: 'accepted',
        acceptedAt: event.at,
        originalAppointmentAt: event.appointmentAt,
        appointmentAt: event.appointmentAt,
        clockStartedAt: event.at,
        forwardBy: event.forwardBy,
        book: event.book,
        workflow: event.workflow,
        workflowVersion: event.workflowVersion,
        step: first ? { index: 0, key: first.key, enteredAt: event.at, dueAt: event.forwardBy } : null,
      };
    }
    case 'HandlerAssigned':
      return {
        ...s,
        status: s.status === 'accepted' ? 'processing' : s.status,
        assignee: { userId: event.userId, name: event.name },
      };
    case 'DossierForwarded':
      return {
        ...s,
        status: s.status === 'accepted' ? 'processing' : s.status,
        step: { index: event.toStepIndex, key: event.toStep, enteredAt: event.at, dueAt: event.stepDueAt },
        assignee: event.toUserId !== null ? { userId: event.toUserId, name: event.toName ?? '' } : null,
        // Moving on past a finished inter-agency round closes it.
        interAgency: s.interAgency && interAgencyComplete(s.interAgency) ? null : s.interAgency,
      };
    case 'DossierSentBack':
      return {
        ...s,
        step: { index: event.toStepIndex, key: event.toStep, enteredAt: event.at, dueAt: event.stepDueAt },
        assignee: null,
        proposal: null,
      };
    case 'SupplementRequested':
      return {
        ...s,
        status: 'supplement-requested',
        supplements: [
          ...s.supplements,
          { stage: 'processing', requestedAt: event.at, receivedAt: null, items: event.items },
        ],
      };
    case 'SupplementReceived':
      return {
        ...s,
        status: 'processing',
        components: mergeComponents(s.components, event.components),
        supplements: closeLastSupplement(s.supplements, event.at),
        appointmentAt: event.appointmentAt,
        clockStartedAt: event.at,
      };
    case 'ConsultationStarted':
      return {
        ...s,
        consultations: [
          ...s.consultations,
          {
            consultationId: event.consultationId,
            agencyId: event.agencyId,
            agencyName: event.agencyName,
            question: event.question,
            startedAt: event.at,
            dueAt: event.dueAt,
            answeredAt: null,
            answer: null,
          },
        ],
      };
    case 'ConsultationAnswered':
      return {
        ...s,
        consultations: s.consultations.map((c) =>
          c.consultationId === event.consultationId
            ? { ...c, answeredAt: event.at, answer: event.answer }
            : c,
        ),
      };
    case 'InterAgencySent':
      return {
        ...s,
        status: s.status === 'accepted' ? 'processing' : s.status,
        interAgency: {
          mode: event.mode,
          leadAgencyId: event.leadAgencyId,
          sentAt: event.at,
          participants: event.participants.map((p) => ({
            ...p,
            receivedAt: null,
            outcome: null,
            note: null,
            documents: [],
          })),
        },
      };
    case 'AgencyResultReceived':
      return {
        ...s,
        interAgency: s.interAgency && {
          ...s.interAgency,
          participants: s.interAgency.participants.map((p) =>
            p.agencyId === event.agencyId
              ? {
                  ...p,
                  receivedAt: event.at,
                  outcome: event.outcome,
                  note: event.note,
                  documents: event.documents,
                }
              : p,
          ),
        },
      };
    case 'DecisionProposed':
      return {
        ...s,
        proposal: { outcome: event.outcome, summary: event.summary, at: event.at, approvedAt: null },
      };
    case 'ProposalApproved':
      return { ...s, proposal: s.proposal && { ...s.proposal, approvedAt: event.at } };
    case 'ResultIssued':
    case 'RefusedAfterAppraisal': {
      const returnIndex =
        event.returnStep === null
          ? -1
          : (s.workflow?.steps.findIndex((x) => x.key === event.returnStep) ?? -1);
      return {
        ...s,
        status: 'done',
        finishedAt: event.at,
        result:
          event.type === 'ResultIssued'
            ? { outcome: 'granted', documents: event.documents, reasons: [], at: event.at }
            : { outcome: 'refused', documents: [], reasons: event.reasons, at: event.at },
        refusedReasons: event.type === 'RefusedAfterAppraisal' ? event.reasons : s.refusedReasons,
        step:
          returnIndex >= 0 && event.returnStep !== null
            ? {
                index: returnIndex,
                key: event.returnStep,
                enteredAt: event.at,
                dueAt: s.appointmentAt ?? event.at,
              }
            : s.step,
        assignee: null,
      };
    }
    case 'EarlyReturnNotified':
      return { ...s, earlyReturnNotifiedAt: event.at };
    case 'DeadlineExtended':
      return {
        ...s,
        appointmentAt: event.appointmentAt,
        extensions: [
          ...s.extensions,
          {
            at: event.at,
            agencyId: event.agencyId,
            reason: event.reason,
            from: event.previousAppointmentAt,
            to: event.appointmentAt,
            signedBy: event.signedBy,
          },
        ],
      };
    case 'PaymentRequested':
      return {
        ...s,
        status: 'payment-requested',
        payment: {
          ...s.payment,
          requestedVnd: s.payment.requestedVnd + event.amountVnd,
          resumeStatus: s.status,
        },
      };
    case 'PaymentReceived': {
      const paidVnd = s.payment.paidVnd + event.amountVnd;
      const settled = paidVnd >= s.payment.requestedVnd;
      return {
        ...s,
        status:
          settled && s.status === 'payment-requested' ? (s.payment.resumeStatus ?? 'processing') : s.status,
        payment: {
          ...s.payment,
          paidVnd,
          paidOnline: s.payment.paidOnline || event.method === 'online',
          methods: s.payment.methods.includes(event.method)
            ? s.payment.methods
            : [...s.payment.methods, event.method],
          resumeStatus: settled ? null : s.payment.resumeStatus,
        },
      };
    }
    case 'ResultReturned':
      return {
        ...s,
        status: 'returned',
        returned: {
          at: event.at,
          method: event.method,
          trackingNumber: event.trackingNumber,
          collectedBy: event.collectedBy,
        },
      };
    case 'DossierWithdrawn':
      return { ...s, status: 'withdrawn', finishedAt: s.finishedAt ?? event.at, closedReason: event.reason };
    case 'ProcessingStopped':
      return { ...s, status: 'stopped', finishedAt: s.finishedAt ?? event.at, closedReason: event.reason };
  }
}

export function foldDossier(
  events: readonly DossierEvent[],
  from: DossierState = initialDossierState(),
): DossierState {
  let state = from;
  for (const e of events) state = evolve(state, e);
  return state;
}

/** Every participant has answered (sequential rounds end with the last one). */
export function interAgencyComplete(round: InterAgencyState): boolean {
  return round.participants.every((p) => p.receivedAt !== null);
}

/** The participant whose turn it is in a sequential round (the first without a result). */
export function activeParticipant(round: InterAgencyState): InterAgencyState['participants'][number] | null {
  return round.participants.find((p) => p.receivedAt === null) ?? null;
}
