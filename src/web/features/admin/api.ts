// Operator catalogue API: item list, drafts, create, save, validate, publish.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminItemList, ItemCreate, ItemDraft, ItemDraftView, ItemView } from '../../../contract/catalog';
import { api } from '../../lib/api';

const base = '/api/admin/catalog/items';
const itemPath = (code: string) => `${base}/${encodeURIComponent(code)}`;
export const draftKey = (code: string) => ['admin', 'draft', code] as const;

export function useAdminItems(q: string, page: number) {
  return useQuery({
    queryKey: ['admin', 'items', q, page],
    queryFn: () => api.get<AdminItemList>(base, { q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useDraft(code: string, enabled: boolean) {
  return useQuery({ queryKey: draftKey(code), queryFn: () => api.get<ItemDraftView>(`${itemPath(code)}/draft`), enabled, staleTime: Infinity });
}

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: ItemCreate) => api.post<ItemDraftView>(base, item),
    onSuccess: (view) => {
      queryClient.setQueryData(draftKey(view.code), view);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] });
    },
  });
}

export function useSaveDraft(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { baseVersion: number; draft: ItemDraft }) => api.put<ItemDraftView>(`${itemPath(code)}/draft`, body),
    onSuccess: (view) => {
      queryClient.setQueryData(draftKey(code), view);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] });
    },
  });
}

export function usePublish(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.post<ItemView>(`${itemPath(code)}/publish`, { note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: draftKey(code) });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] });
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}

export function useValidateDraft() {
  return useMutation({ mutationFn: (draft: ItemDraft) => api.post<{ ok: true }>('/api/admin/catalog/validate', draft) });
}
