/**
 * Dossier events: past-tense facts, the only source of truth for a dossier. Everything else (state,
 * clocks, the control sheet, national sync payloads, statistics) is a fold over them. Instants are epoch
 * milliseconds; money is integer VND.
 */
import type { ProcessingTime } from '../calendar/due-date';
import type { WorkflowDefinition } from '../catalog/workflow';

export type Channel = 'in-person' | 'online' | 'postal';

/** Who did it. `agencyId`: the unit the staff member acted for (null for applicants and the system). */
export interface Actor {
  kind: 'staff' | 'applicant' | 'system';
  userId: string | null;
  name: string;
  agencyId: string | null;
  /** Job title shown on forms and in the national progress payload (ChucDanh). */
  title?: string | null;
}

export interface Applicant {
  kind: 'citizen' | 'organisation';
  /** Citizen account id when the applicant submitted online (their own dossiers). */
  accountId: string | null;
  name: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** The procedure version the dossier is judged by (the one in force when it was received). */
export interface ProcedureSnapshot {
  procedureId: string;
  versionId: string;
  nationalCode: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  /** The legal limit for the dossier's channel; null when the law states none. */
  processingTime: ProcessingTime | null;
  resultImmediately: boolean;
  fees: { name: string; amountVnd: number | null }[];
  /** The components the catalogue asks for, to check a submission and print the receipt. */
  components: ProcedureComponent[];
}

export interface ProcedureComponent {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  mustDigitise: boolean;
}

export interface SubmittedComponent {
  name: string;
  originals: number;
  copies: number;
  /** A scanned or electronic copy is attached (digitised at intake or uploaded online). */
  digitised: boolean;
  /** Taken from the applicant's personal data store instead of uploaded. */
  fromDataStore: boolean;
  fileIds: string[];
}

export interface SupplementItem {
  name: string;
  reason: string;
}

export interface ResultDocument {
  name: string;
  fileId: string | null;
  electronic: boolean;
  number?: string | null;
}

export type ReturnMethod = 'desk' | 'postal' | 'online';

/** How the applicant asked to receive the result (Form 01 prints it). */
export type ResultDelivery =
  | { method: 'desk' }
  | { method: 'postal'; address: string }
  | { method: 'online' };
export type InterAgencyMode = 'parallel' | 'sequential';

export interface InterAgencyParticipant {
  agencyId: string;
  agencyName: string;
  duty: string;
  dueAt: number;
}

export type PaymentMethod = 'online' | 'desk' | 'transfer' | 'postal';

interface EventBase {
  at: number;
  actor: Actor;
}

export interface DossierSubmitted extends EventBase {
  type: 'DossierSubmitted';
  dossierId: string;
  code: string;
  receivingAgencyId: string;
  deskId: string | null;
  channel: Channel;
  applicant: Applicant;
  procedure: ProcedureSnapshot;
  components: SubmittedComponent[];
  sets: number;
  summary: string;
  /** Absent in events recorded before the choice was kept. */
  delivery?: ResultDelivery | undefined;
}

export interface IntakeSupplementRequested extends EventBase {
  type: 'IntakeSupplementRequested';
  items: SupplementItem[];
  guidance: string;
}

export interface IntakeSupplementReceived extends EventBase {
  type: 'IntakeSupplementReceived';
  components: SubmittedComponent[];
}

export interface IntakeRefused extends EventBase {
  type: 'IntakeRefused';
  reasons: string[];
}

export interface DossierAccepted extends EventBase {
  type: 'DossierAccepted';
  /** The appointment printed on the receipt (Form 01); null when the law states no limit. */
  appointmentAt: number | null;
  workflow: WorkflowDefinition;
  workflowVersion: number | null;
  /** Form 06 tracking book: the book (year) and the dossier's number in it. */
  book: { year: number; number: number };
  /** Instant the paper dossier must reach the competent agency (same day, or next morning after 15:00). */
  forwardBy: number;
}

export interface HandlerAssigned extends EventBase {
  type: 'HandlerAssigned';
  userId: string;
  name: string;
}

export interface DossierForwarded extends EventBase {
  type: 'DossierForwarded';
  fromStep: string;
  toStep: string;
  toStepIndex: number;
  toUserId: string | null;
  toName: string | null;
  /** The step's due instant from its allotted working hours. */
  stepDueAt: number;
  note: string | null;
}

export interface DossierSentBack extends EventBase {
  type: 'DossierSentBack';
  fromStep: string;
  toStep: string;
  toStepIndex: number;
  stepDueAt: number;
  reason: string;
}

export interface SupplementRequested extends EventBase {
  type: 'SupplementRequested';
  items: SupplementItem[];
  guidance: string;
}

export interface SupplementReceived extends EventBase {
  type: 'SupplementReceived';
  components: SubmittedComponent[];
  /** Decree 61 Art. 19: the full processing time restarts from the complete dossier. */
  appointmentAt: number | null;
}

export interface ConsultationStarted extends EventBase {
  type: 'ConsultationStarted';
  consultationId: string;
  agencyId: string;
  agencyName: string;
  question: string;
  dueAt: number;
}

export interface ConsultationAnswered extends EventBase {
  type: 'ConsultationAnswered';
  consultationId: string;
  answer: string;
}

export interface InterAgencySent extends EventBase {
  type: 'InterAgencySent';
  mode: InterAgencyMode;
  leadAgencyId: string;
  participants: InterAgencyParticipant[];
}

export interface AgencyResultReceived extends EventBase {
  type: 'AgencyResultReceived';
  agencyId: string;
  outcome: 'done' | 'refused';
  note: string;
  documents: ResultDocument[];
}

export interface DecisionProposed extends EventBase {
  type: 'DecisionProposed';
  outcome: 'grant' | 'refuse';
  summary: string;
}

export interface ProposalApproved extends EventBase {
  type: 'ProposalApproved';
  note: string | null;
}

export interface ResultIssued extends EventBase {
  type: 'ResultIssued';
  documents: ResultDocument[];
  returnStep: string | null;
}

export interface RefusedAfterAppraisal extends EventBase {
  type: 'RefusedAfterAppraisal';
  reasons: string[];
  returnStep: string | null;
}

export interface EarlyReturnNotified extends EventBase {
  type: 'EarlyReturnNotified';
  message: string;
}

export interface DeadlineExtended extends EventBase {
  type: 'DeadlineExtended';
  /** The agency responsible for the delay; its head signs the apology (Form 04). */
  agencyId: string;
  reason: string;
  previousAppointmentAt: number;
  appointmentAt: number;
  signedBy: string;
}

export interface PaymentRequested extends EventBase {
  type: 'PaymentRequested';
  amountVnd: number;
  items: { name: string; amountVnd: number }[];
}

export interface PaymentReceived extends EventBase {
  type: 'PaymentReceived';
  amountVnd: number;
  method: PaymentMethod;
  reference: string | null;
}

export interface ResultReturned extends EventBase {
  type: 'ResultReturned';
  method: ReturnMethod;
  trackingNumber: string | null;
  collectedBy: string | null;
}

export interface DossierWithdrawn extends EventBase {
  type: 'DossierWithdrawn';
  reason: string;
}

export interface ProcessingStopped extends EventBase {
  type: 'ProcessingStopped';
  reason: string;
}

export type DossierEvent =
  | DossierSubmitted
  | IntakeSupplementRequested
  | IntakeSupplementReceived
  | IntakeRefused
  | DossierAccepted
  | HandlerAssigned
  | DossierForwarded
  | DossierSentBack
  | SupplementRequested
  | SupplementReceived
  | ConsultationStarted
  | ConsultationAnswered
  | InterAgencySent
  | AgencyResultReceived
  | DecisionProposed
  | ProposalApproved
  | ResultIssued
  | RefusedAfterAppraisal
  | EarlyReturnNotified
  | DeadlineExtended
  | PaymentRequested
  | PaymentReceived
  | ResultReturned
  | DossierWithdrawn
  | ProcessingStopped;

export type DossierEventType = DossierEvent['type'];
