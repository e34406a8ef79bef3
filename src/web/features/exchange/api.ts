// Data exchange hooks: the caller's data uses, the catalogue, grants (operators) and the log (auditors).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Catalogue, DataUsePage, ExchangeLogPage, ExchangeLogQueryValue, Grant, GrantListQueryValue, GrantPage, NewGrant } from '../../../contract/exchange';
import { api } from '../../lib/api';

const grantsKey = ['exchange', 'grants'] as const;

export function useDataUses(page: number) {
  return useQuery({
    queryKey: ['exchange', 'data-uses', page],
    queryFn: () => api.get<DataUsePage>('/api/me/data-uses', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogue() {
  return useQuery({ queryKey: ['exchange', 'catalogue'], queryFn: () => api.get<Catalogue>('/api/exchange/catalogue'), staleTime: 300_000 });
}

export function useGrants(query: GrantListQueryValue) {
  return useQuery({
    queryKey: [...grantsKey, query],
    queryFn: () => api.get<GrantPage>('/api/exchange/grants', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useExchangeLog(query: ExchangeLogQueryValue) {
  return useQuery({
    queryKey: ['exchange', 'log', query],
    queryFn: () => api.get<ExchangeLogPage>('/api/exchange/log', { ...query }),
    placeholderData: keepPreviousData,
  });
}

function useGrantMutation<V>(fn: (v: V) => Promise<Grant>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey }) });
}

export const useCreateGrant = () => useGrantMutation((g: NewGrant) => api.post<Grant>('/api/exchange/grants', g));
export const useApproveGrant = () => useGrantMutation((id: string) => api.post<Grant>(`/api/exchange/grants/${encodeURIComponent(id)}/approve`, {}));
export const useRevokeGrant = () =>
  useGrantMutation(({ id, reason }: { id: string; reason: string }) => api.post<Grant>(`/api/exchange/grants/${encodeURIComponent(id)}/revoke`, { reason }));
