import type { SessionUser } from '@motcua/contracts/session';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export interface StaffAgency {
  id: string;
  code: string;
  name: string;
}

interface CurrentAgency {
  /** The agencies where the user holds at least one role, in the order the server lists them. */
  agencies: StaffAgency[];
  current: StaffAgency | null;
  select: (agencyId: string) => void;
}

const storageKey = 'motcua.currentAgencyId';
const CurrentAgencyContext = createContext<CurrentAgency>({ agencies: [], current: null, select: () => {} });

function agenciesOf(user: SessionUser): StaffAgency[] {
  const byId = new Map<string, StaffAgency>();
  for (const role of user.roles) {
    if (!byId.has(role.agencyId))
      byId.set(role.agencyId, { id: role.agencyId, code: role.agencyCode, name: role.agencyName });
  }
  return [...byId.values()];
}

function readStoredAgencyId(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

/**
 * The agency a staff member works for right now, when they hold roles at several. Kept in localStorage
 * so that it survives reloads on a shared office machine only as a preference, never as a permission:
 * the server checks every request against all the user's roles.
 */
export function CurrentAgencyProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const agencies = useMemo(() => agenciesOf(user), [user]);
  const [selectedId, setSelectedId] = useState<string | null>(readStoredAgencyId);
  const current = agencies.find((a) => a.id === selectedId) ?? agencies[0] ?? null;

  const value = useMemo<CurrentAgency>(
    () => ({
      agencies,
      current,
      select: (agencyId) => {
        setSelectedId(agencyId);
        try {
          localStorage.setItem(storageKey, agencyId);
        } catch {
          // not persisted; the choice still holds for this page
        }
      },
    }),
    [agencies, current],
  );
  return <CurrentAgencyContext.Provider value={value}>{children}</CurrentAgencyContext.Provider>;
}

export function useCurrentAgency(): CurrentAgency {
  return useContext(CurrentAgencyContext);
}
