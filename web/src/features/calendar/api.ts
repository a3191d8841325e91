import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import type { HolidayKind } from './model';

export interface Holiday {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export type HolidayInput = Pick<Holiday, 'date' | 'name' | 'kind' | 'source'>;

export const calendarKeys = {
  holidays: ['calendar', 'holidays'] as const,
  holidayYear: (year: number) => [...calendarKeys.holidays, year] as const,
};

export function useHolidays(year: number) {
  return useQuery({
    queryKey: calendarKeys.holidayYear(year),
    queryFn: ({ signal }) => api<{ items: Holiday[] }>('/holidays', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useHolidayMutation<V>(mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.holidays }),
  });
}

export const useCreateHoliday = () =>
  useHolidayMutation((input: Partial<HolidayInput>) =>
    api<Holiday>('/holidays', { method: 'POST', body: input }),
  );

export const useUpdateHoliday = () =>
  useHolidayMutation(({ id, input }: { id: string; input: Partial<HolidayInput> }) =>
    api<Holiday>(`/holidays/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
  );

export const useDeleteHoliday = () =>
  useHolidayMutation((id: string) =>
    api<void>(`/holidays/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
