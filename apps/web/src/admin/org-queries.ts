import type { Agency, AgencyDetail, Desk } from '@motcua/contracts/org';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';

export const orgQueryKey = ['org'] as const;

export function useAgencies(query: { asOf?: string; includeEnded?: boolean }) {
  return useQuery({
    queryKey: [...orgQueryKey, 'agencies', query],
    queryFn: () =>
      api.get<{ agencies: Agency[] }>(
        pathWithQuery('/api/org/agencies', { asOf: query.asOf, includeEnded: query.includeEnded }),
      ),
    select: (data) => data.agencies,
  });
}

export function useAgencyDetail(id: string | null) {
  return useQuery({
    queryKey: [...orgQueryKey, 'agency', id],
    queryFn: () => api.get<AgencyDetail>(`/api/org/agencies/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useDesks(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...orgQueryKey, 'desks', agencyId ?? null],
    queryFn: () => api.get<{ desks: Desk[] }>(pathWithQuery('/api/org/desks', { agencyId })),
    select: (data) => data.desks,
  });
}

/** Any change to agencies or desks can change every org view (tree, names in desk lists, pickers). */
export function useRefreshOrg() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgQueryKey });
}
