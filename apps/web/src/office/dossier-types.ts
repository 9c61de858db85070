/**
 * The dossier as the API sends it to staff. The contract leaves `state`, `progress` and `events` as
 * records; their shapes are the domain's (a fold of the events), so the types come from there — types
 * only, nothing of the domain's code is loaded for them.
 */
import type { DossierCommandInput, DossierSummary } from '@motcua/contracts/dossier';
import type { Progress, Progress766 } from '@motcua/domain/dossier/dossier-clock';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';

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

export const queueKeys = [
  'mine',
  'unit',
  'unassigned',
  'due-soon',
  'late',
  'supplement',
  'consultation',
  'inter-agency',
  'online-inbox',
] as const;
export type QueueKey = (typeof queueKeys)[number];

export interface DossierListFilter {
  queue?: QueueKey | undefined;
  status?: string | undefined;
  liveStatus?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface ApplicantRecord {
  kind: 'citizen' | 'organisation';
  name: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface StaffChoice {
  id: string;
  fullName: string;
}

export type { StoredFile as UploadedFile } from '@motcua/contracts/document';
