import type { Desk } from '@motcua/contracts/org';
import type { SessionUser } from '@motcua/contracts/session';
import { useQuery } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';
import { useCurrentAgency } from '../staff/current-agency';
import { todayInVietnam } from '../staff/date-format';

/** Active desks of the agency the user works for now (a desk officer receives at one of them). */
export function useCurrentDesks() {
  const { current } = useCurrentAgency();
  return useQuery({
    queryKey: ['org', 'desks', current?.id ?? null, 'office'],
    queryFn: () => api.get<{ desks: Desk[] }>(pathWithQuery('/api/org/desks', { agencyId: current?.id })),
    select: (data) => {
      const today = todayInVietnam();
      return data.desks.filter(
        (d) => d.agencyId === current?.id && (d.validTo === null || d.validTo > today),
      );
    },
    enabled: current !== null,
  });
}

export const isDeskOfficer = (user: SessionUser) => user.permissions.includes('dossier.receive');
