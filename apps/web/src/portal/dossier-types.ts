/**
 * The parts of a dossier's detail (`GET /api/dossiers/:id`) the portal reads. The contract types
 * `state`, `progress` and `events` loosely (they are the engine's own shapes); these are the fields the
 * citizen's screens show, as the engine writes them (instants are epoch milliseconds).
 */
import type { DossierDetail, DossierSummary } from '@motcua/contracts/dossier';

export interface SupplementItem {
  name: string;
  reason: string;
}

export interface PortalDossierState {
  status: string;
  channel: 'in-person' | 'online' | 'postal';
  applicant: {
    kind: 'citizen' | 'organisation';
    accountId: string | null;
    name: string;
    idNumber: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
  } | null;
  procedure: {
    procedureId: string;
    name: string;
    nationalCode: string;
    components: { name: string; originals: number; copies: number; required: boolean }[];
  } | null;
  components: { name: string; originals: number; copies: number; fileIds: string[] }[];
  summary: string;
  submittedAt: number | null;
  acceptedAt: number | null;
  originalAppointmentAt: number | null;
  appointmentAt: number | null;
  supplements: {
    stage: 'intake' | 'processing';
    requestedAt: number;
    receivedAt: number | null;
    items: SupplementItem[];
  }[];
  result: {
    outcome: 'granted' | 'refused';
    documents: { name: string; fileId: string | null; electronic: boolean; number?: string | null }[];
    reasons: string[];
    at: number;
  } | null;
  returned: { at: number; method: 'desk' | 'postal' | 'online'; trackingNumber: string | null } | null;
  extensions: { at: number; reason: string; from: number; to: number }[];
  payment: { requestedVnd: number; paidVnd: number };
  finishedAt: number | null;
  refusedReasons: string[];
  closedReason: string | null;
}

export type PortalProgress =
  | { kind: 'open'; status: LiveStatus; dueAt: number | null; remainingWorkingMs: number | null }
  | {
      kind: 'finished';
      classification: 'early' | 'on-time' | 'late' | null;
      finishedAt: number;
      dueAt: number | null;
    }
  | { kind: 'not-accepted' };

export type LiveStatus = 'on-track' | 'due-soon' | 'late' | 'paused' | 'no-deadline';

/** An event as stored: its type, when, who, and the type's own fields. */
export interface PortalDossierEvent {
  type: string;
  at: number;
  actor: { kind: 'staff' | 'applicant' | 'system'; name: string };
  [field: string]: unknown;
}

export interface PortalDossier {
  summary: DossierSummary;
  state: PortalDossierState;
  progress: PortalProgress;
  events: PortalDossierEvent[];
  allowedCommands: string[];
}

export function portalDossierOf(detail: DossierDetail): PortalDossier {
  return {
    summary: detail.summary,
    state: detail.state as unknown as PortalDossierState,
    progress: detail.progress as unknown as PortalProgress,
    events: detail.events as unknown as PortalDossierEvent[],
    allowedCommands: detail.allowedCommands ?? [],
  };
}
