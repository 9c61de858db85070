import type { User } from '@motcua/contracts/identity';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, pathWithQuery } from '../api/client';

export const usersQueryKey = ['identity', 'users'] as const;

export function useUsers(query: { q?: string; agencyId?: string }) {
  return useQuery({
    queryKey: [...usersQueryKey, query],
    queryFn: () => api.get<{ users: User[] }>(pathWithQuery('/api/identity/users', query)),
    select: (data) => data.users,
  });
}

export function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueryKey });
}
