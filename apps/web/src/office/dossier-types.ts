/**
 * The dossier as the API sends it to staff. The contract leaves `state`, `progress` and `events` as
 * records; their shapes are the domain's (a fold of the events), so the types come from there — types
 * only, nothing of the domain's code is loaded for them.
 */
import type {
  applicantLookupSchema,
  assigneeListSchema,
  DossierCommandInput,
  DossierQueue,
  DossierSummary,
} from '@motcua/contracts/dossier';
import type { Progress, Progress766 } from '@motcua/domain/dossier/dossier-clock';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';
import type { z } from 'zod';

export type { DossierEvent, DossierState, DossierSummary, Progress };

export type CommandType = DossierCommandInput['type'];
export type CommandInput = DossierCommandInput;

export interface DossierView {
  summary: DossierSummary;
  state: DossierState;
  progress: Progress;
  progress766: Progress766 | null;
  events: DossierEvent[];
  /** The commands this user may run now (the server checks again). Absent from older servers. */
  allowedCommands?: CommandType[];
}

/** The back office's work queues: the contract's list, under the names the screens use. */
export { dossierQueues as queueKeys } from '@motcua/contracts/dossier';
export type QueueKey = DossierQueue;

export interface DossierListFilter {
  queue?: QueueKey | undefined;
  status?: string | undefined;
  liveStatus?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** A returning applicant found by ID number or phone (GET /api/dossiers/applicants). */
export type ApplicantRecord = z.infer<typeof applicantLookupSchema>['applicants'][number];

/** Someone the dossier can be assigned to (GET /api/dossiers/:id/assignees). */
export type StaffChoice = z.infer<typeof assigneeListSchema>['staff'][number];

export type { StoredFile as UploadedFile } from '@motcua/contracts/document';
