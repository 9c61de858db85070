import type { ReceiveDossierInput } from '@motcua/contracts/dossier';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';
import type {
  ApplicantRecord,
  CommandInput,
  DossierListFilter,
  DossierSummary,
  DossierView,
  QueueKey,
  StaffChoice,
  UploadedFile,
} from './dossier-types';
import { postIdempotent, uploadFile } from './office-fetch';

export const dossierQueryKey = ['dossiers'] as const;

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: [...dossierQueryKey, 'detail', id],
    queryFn: () => api.get<DossierView>(`/api/dossiers/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
  });
}

export function useDossierList(filter: DossierListFilter) {
  return useQuery({
    queryKey: [...dossierQueryKey, 'list', filter],
    queryFn: () =>
      api.get<{ dossiers: DossierSummary[]; total: number }>(pathWithQuery('/api/dossiers', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

/** How many dossiers each queue holds; null while the server does not count queues. */
export function useQueueCounts() {
  return useQuery({
    queryKey: [...dossierQueryKey, 'queues'],
    queryFn: () => api.get<{ queues: Partial<Record<QueueKey, number>> }>('/api/dossiers/queues'),
    select: (data) => data.queues,
    retry: false,
    refetchInterval: 60_000,
  });
}

/** Staff who can take the dossier's current step. */
export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...dossierQueryKey, 'assignees', id],
    queryFn: () => api.get<{ staff: StaffChoice[] }>(`/api/dossiers/${encodeURIComponent(id)}/assignees`),
    select: (data) => data.staff,
    enabled,
  });
}

/** Returning applicants of the caller's scope, by ID number or phone (at least 4 characters). */
export function useApplicantLookup(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...dossierQueryKey, 'applicants', term],
    queryFn: () =>
      api.get<{ applicants: ApplicantRecord[] }>(pathWithQuery('/api/dossiers/applicants', { q: term })),
    select: (data) => data.applicants,
    enabled: term.length >= 4,
    retry: false,
    staleTime: 30_000,
  });
}

export const receiveDossier = (body: ReceiveDossierInput, idempotencyKey: string) =>
  postIdempotent<DossierView>('/api/dossiers', body, idempotencyKey);

export const runCommand = (id: string, version: number, command: CommandInput) =>
  api.post<{ dossierId: string; version?: number }>(`/api/dossiers/${encodeURIComponent(id)}/commands`, {
    version,
    command,
  });

export const uploadComponentFile = (file: File) => uploadFile<UploadedFile>('/api/files', file, file.name);

export const formNames = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet'] as const;
export type FormName = (typeof formNames)[number];

export const formHref = (id: string, form: FormName) =>
  `/api/dossiers/${encodeURIComponent(id)}/forms/${form}`;

export const fileHref = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

export const trackingBookHref = (deskId: string, from: string, to: string, format: 'pdf' | 'xlsx') =>
  pathWithQuery('/api/dossiers/tracking-book', { deskId, from, to, format });

/** After a change: the dossier, every list and the counts. */
export function useRefreshDossiers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dossierQueryKey });
}
