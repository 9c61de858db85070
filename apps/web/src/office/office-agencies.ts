import type { Agency } from '@motcua/contracts/org';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** Every agency in force (public), for names of units and for choosing agencies to consult or involve. */
export function useAgencies() {
  return useQuery({
    queryKey: ['org', 'agencies', 'office'],
    queryFn: () => api.get<{ agencies: Agency[] }>('/api/org/agencies'),
    select: (data) => data.agencies,
    staleTime: 10 * 60_000,
  });
}

export function useAgencyName(): (id: string | null | undefined) => string {
  const agencies = useAgencies();
  return (id) => (id ? (agencies.data?.find((a) => a.id === id)?.name ?? '') : '');
}
