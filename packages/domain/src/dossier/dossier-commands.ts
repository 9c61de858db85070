/**
 * Commands: what someone asks the system to do with a dossier. The service fills in what needs I/O
 * (allocated code and book number, the procedure version and workflow in force, agency names) before
 * the pure decider checks the command against the dossier's state.
 */
import type { WorkflowDefinition } from '../catalog/workflow';
import type {
  Applicant,
  Channel,
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

export interface NewDossier {
  dossierId: string;
  code: string;
  receivingAgencyId: string;
  deskId: string | null;
  applicant: Applicant;
  procedure: ProcedureSnapshot;
  components: SubmittedComponent[];
  sets: number;
  summary: string;
  delivery?: ResultDelivery | undefined;
}

export type DossierCommand =
  | ({ type: 'submitOnline' } & NewDossier)
  | ({ type: 'receive'; channel: Exclude<Channel, 'online'> } & NewDossier)
  | { type: 'requestIntakeSupplement'; items: SupplementItem[]; guidance: string }
  | { type: 'receiveIntakeSupplement'; components: SubmittedComponent[] }
  | { type: 'refuseAtIntake'; reasons: string[] }
  | {
      type: 'accept';
      workflow: WorkflowDefinition;
      workflowVersion: number | null;
      book: { year: number; number: number };
    }
  | { type: 'assignHandler'; userId: string; name: string }
  | { type: 'forward'; toUserId: string | null; toName: string | null; note: string | null }
  | { type: 'sendBack'; reason: string }
  | { type: 'requestSupplement'; items: SupplementItem[]; guidance: string }
  | { type: 'receiveSupplement'; components: SubmittedComponent[] }
  | {
      type: 'startConsultation';
      consultationId: string;
      agencyId: string;
      agencyName: string;
      question: string;
      dueAt: number;
    }
  | { type: 'answerConsultation'; consultationId: string; answer: string }
  | { type: 'sendToAgencies'; mode: InterAgencyMode; participants: InterAgencyParticipant[] }
  | {
      type: 'recordAgencyResult';
      agencyId: string;
      outcome: 'done' | 'refused';
      note: string;
      documents: ResultDocument[];
    }
  | { type: 'propose'; outcome: 'grant' | 'refuse'; summary: string }
  | { type: 'approve'; note: string | null }
  | { type: 'issueResult'; documents: ResultDocument[] }
  | { type: 'refuseAfterAppraisal'; reasons: string[] }
  | { type: 'notifyEarlyReturn'; message: string }
  | { type: 'apologise'; agencyId: string; reason: string; appointmentAt: number; signedBy: string }
  | { type: 'requestPayment'; items: { name: string; amountVnd: number }[] }
  | { type: 'recordPayment'; amountVnd: number; method: PaymentMethod; reference: string | null }
  | { type: 'returnResult'; method: ReturnMethod; trackingNumber: string | null; collectedBy: string | null }
  | { type: 'withdraw'; reason: string }
  | { type: 'stop'; reason: string };

export type DossierCommandType = DossierCommand['type'];
