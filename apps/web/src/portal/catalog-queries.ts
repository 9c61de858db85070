import type { PublicProcedure, SearchResult } from '@motcua/contracts/catalog';
import type { Agency, Desk } from '@motcua/contracts/org';
import { useQuery } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';

/** The public search's filters, as they stand in the page's address (`/portal/procedures?q=…`). */
export interface SearchFilters {
  q: string;
  field?: string;
  level?: string;
  agencyId?: string;
  onlineLevel?: string;
  fee?: string;
  page: number;
}

export const filterKeys = ['field', 'level', 'agencyId', 'onlineLevel', 'fee'] as const;
export type FilterKey = (typeof filterKeys)[number];

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const filters: SearchFilters = {
    q: params.get('q')?.trim() ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export const PAGE_SIZE = 20;

/** GET /api/catalog/search: the server folds diacritics, forgives typos and expands synonyms. */
export function useProcedureSearch(filters: SearchFilters) {
  return useQuery({
    queryKey: ['catalog', 'search', filters],
    queryFn: () =>
      api.get<SearchResult>(pathWithQuery('/api/catalog/search', { ...filters, pageSize: PAGE_SIZE })),
    // Keep the previous results on screen while the next ones load (not `keepPreviousData`: any
    // library code only the portal uses would land in the staff areas' chunk, see vite.config.ts).
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

/** GET /api/catalog/procedures/:id — the published version in force. */
export function usePublicProcedure(id: string) {
  return useQuery({
    queryKey: ['catalog', 'procedure', id],
    queryFn: () => api.get<PublicProcedure>(`/api/catalog/procedures/${encodeURIComponent(id)}`),
    staleTime: 60_000,
  });
}

/** Agency names for the agency filter (the public agency list of the org module). */
export function usePublicAgencies(enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'public-agencies'],
    queryFn: () => api.get<{ agencies: Agency[] }>('/api/org/agencies'),
    select: (data) => new Map(data.agencies.map((a) => [a.id, a.name])),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** A desk's public record, for its office hours. */
export function useDesk(id: string) {
  return useQuery({
    queryKey: ['org', 'public-desk', id],
    queryFn: () => api.get<Desk>(`/api/org/desks/${encodeURIComponent(id)}`),
    staleTime: 10 * 60_000,
  });
}
