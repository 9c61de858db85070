import type {
  CalendarYear,
  CreateLocalChange,
  DueDateRequest,
  DueDateResult,
  StoredLocalChange,
} from '@motcua/contracts/calendar';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

export const calendarQueryKey = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarQueryKey, 'year', year],
    queryFn: () => api.get<CalendarYear>(`/api/calendar/${year}`),
  });
}

/** Every stored local change (all years), with ids: only for users holding `calendar.manage`. */
export function useLocalChanges(enabled: boolean) {
  return useQuery({
    queryKey: [...calendarQueryKey, 'local-changes'],
    queryFn: () => api.get<{ localChanges: StoredLocalChange[] }>('/api/calendar/local-changes'),
    select: (data) => data.localChanges,
    enabled,
  });
}

export const addLocalChange = (change: CreateLocalChange) =>
  api.post<StoredLocalChange>('/api/calendar/local-changes', change);

export const removeLocalChange = (id: number) => api.delete<void>(`/api/calendar/local-changes/${id}`);

export const computeDueDate = (request: DueDateRequest) =>
  api.post<DueDateResult>('/api/calendar/due', request);

/** A local change alters the year views and every due date computed afterwards. */
export function useRefreshCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: calendarQueryKey });
}
