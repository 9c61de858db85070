import type { DossierDetail, DossierSummary, PublicDossier } from '@motcua/contracts/dossier';
import type { NotificationList } from '@motcua/contracts/notification';
import type { ApplicantProfile, Draft, RatingAnswer } from '@motcua/contracts/portal';
import { useQuery } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';
import { portalDossierOf } from './dossier-types';

export const portalKeys = {
  profile: ['portal', 'profile'] as const,
  drafts: (procedureId?: string) => ['portal', 'drafts', procedureId ?? 'all'] as const,
  myDossiers: (page: number) => ['portal', 'dossiers', page] as const,
  dossier: (id: string) => ['portal', 'dossier', id] as const,
  rating: (id: string) => ['portal', 'rating', id] as const,
  notifications: ['portal', 'notifications'] as const,
  unread: ['portal', 'notifications', 'unread'] as const,
  publicDossier: (code: string) => ['portal', 'public-dossier', code] as const,
};

export const MY_DOSSIERS_PAGE_SIZE = 20;

export function useApplicantProfile(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.profile,
    queryFn: () => api.get<ApplicantProfile>('/api/portal/profile'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The citizen's drafts, of one procedure or all, newest first. */
export function useDrafts(enabled: boolean, procedureId?: string) {
  return useQuery({
    queryKey: portalKeys.drafts(procedureId),
    queryFn: () =>
      api
        .get<{ drafts: Draft[] }>(pathWithQuery('/api/portal/drafts', { procedureId }))
        .then((r) => r.drafts),
    enabled,
    // A draft saved on another device a minute ago must show when the wizard opens.
    staleTime: 0,
  });
}

export function useMyDossiers(page: number, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.myDossiers(page),
    queryFn: () =>
      api.get<{ dossiers: DossierSummary[]; total: number }>(
        pathWithQuery('/api/dossiers', { page, pageSize: MY_DOSSIERS_PAGE_SIZE }),
      ),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useDossier(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.dossier(id),
    queryFn: () => api.get<DossierDetail>(`/api/dossiers/${encodeURIComponent(id)}`).then(portalDossierOf),
    enabled,
  });
}

export function useRating(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.rating(id),
    queryFn: () => api.get<RatingAnswer>(`/api/portal/dossiers/${encodeURIComponent(id)}/rating`),
    enabled,
  });
}

export function usePublicDossier(code: string | null) {
  return useQuery({
    queryKey: portalKeys.publicDossier(code ?? ''),
    queryFn: () => api.get<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
  });
}

/** Unread count for the header: the first page's count covers all of the citizen's notifications. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.unread,
    queryFn: () => api.get<NotificationList>('/api/notifications?limit=1').then((r) => r.unreadCount),
    enabled,
    staleTime: 60_000,
    refetchInterval: enabled ? 120_000 : false,
  });
}
