// Working-day calendar API: the years with their warnings, a month's days, the due-date
// calculation, and operators replacing or deleting a year.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarOverview, CalendarYear, CalendarYearInput, DueDate, MonthDays } from '../../../contract/calendar';
import { api } from '../../lib/api';

const yearPath = (year: number) => `/api/calendar/years/${year}`;

export function useCalendarOverview() {
  return useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api.get<CalendarOverview>('/api/calendar/years') });
}

export function useMonthDays(month: string) {
  return useQuery({
    queryKey: ['calendar', 'days', month],
    queryFn: () => api.get<MonthDays>('/api/calendar/days', { month }),
    placeholderData: keepPreviousData,
  });
}

export function useDueDate() {
  return useMutation({ mutationFn: (q: { from: string; days: number }) => api.get<DueDate>('/api/calendar/working-days', q) });
}

/** After a change every calendar answer may differ: drop them all. */
function useCalendarChange<T, V>(mutationFn: (v: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['calendar'] }) });
}

export const useSaveYear = () =>
  useCalendarChange(({ year, body }: { year: number; body: CalendarYearInput }) => api.put<CalendarYear>(yearPath(year), body));

export const useDeleteYear = () => useCalendarChange((year: number) => api.delete<void>(yearPath(year)));
