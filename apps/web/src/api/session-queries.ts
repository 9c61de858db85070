import type { CitizenLogin, CitizenRegistration, SessionInfo, StaffLogin } from '@motcua/contracts/session';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchSession, forgetCsrfToken, isApiRequestError } from './client';

export const sessionQueryKey = ['session'] as const;

/** Who is logged in (or `user: null`), over GET /api/session. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** A new session began or ended: drop everything the previous one loaded, then learn who we are now. */
async function startOver(queryClient: QueryClient): Promise<SessionInfo> {
  forgetCsrfToken();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  return queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
}

export function useStaffLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: StaffLogin) => {
      await api.post('/api/auth/staff/login', input);
      return startOver(queryClient);
    },
  });
}

export function useCitizenLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CitizenLogin) => {
      await api.post('/api/auth/citizen/login', input);
      return startOver(queryClient);
    },
  });
}

/** Registers and answers the session afterwards: logged in if the server signs the citizen in at once. */
export function useCitizenRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CitizenRegistration) => {
      await api.post('/api/auth/citizen/register', input);
      return startOver(queryClient);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post('/api/auth/logout');
      } catch (error) {
        // Already logged out (session expired): the outcome the user asked for.
        if (!(isApiRequestError(error) && error.status === 401)) throw error;
      }
      return startOver(queryClient);
    },
  });
}
