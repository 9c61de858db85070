import type { AuditEntry } from '@motcua/contracts/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';

export const auditPageSize = 50;

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
}

/** Newest first; each further page starts before the oldest entry seen so far. */
export function useAuditEntries(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<{ entries: AuditEntry[] }>(
        pathWithQuery('/api/audit', { ...filter, before: pageParam, limit: auditPageSize }),
      ),
    getNextPageParam: (lastPage) =>
      lastPage.entries.length < auditPageSize ? undefined : lastPage.entries[lastPage.entries.length - 1]?.id,
  });
}
