// Applications API hooks: the apply form and drafts, submission with an Idempotency-Key, the
// applicant's cases (list, case page, withdraw, supplement) and the public progress lookup.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemView } from '../../../contract/catalog';
import type {
  ApplicationBody, ApplyFormView, CaseList, CaseStatus, CaseView, DraftBody, DraftView, ProgressView, RegistryPrefillBody,
  RegistryPrefillResult, SupplementBody,
} from '../../../contract/applications';
import { api } from '../../lib/api';

export const applicationsKey = ['applications'] as const;
const casesKey = [...applicationsKey, 'cases'] as const;
const draftsKey = [...applicationsKey, 'drafts'] as const;
const caseKey = (caseNo: string) => [...applicationsKey, 'case', caseNo] as const;

const enc = encodeURIComponent;

/** The pinned form, checklist, prefill and any saved draft. */
export const fetchApplyForm = (code: string, enterprise?: string) =>
  api.get<ApplyFormView>(`/api/applications/forms/${enc(code)}`, { enterprise });

export function useApplyForm(code: string) {
  return useQuery({
    queryKey: [...applicationsKey, 'form', code],
    queryFn: () => fetchApplyForm(code),
    // a draft saved on another device should show up when the page is opened again
    staleTime: 0,
    gcTime: 0,
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 404,
  });
}

export function useSaveDraft(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftBody) => api.put<DraftView>(`/api/drafts/${enc(code)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftsKey, refetchType: 'none' }),
  });
}

/** Drafts of the signed-in citizen, newest first. */
export function useDrafts(enabled = true) {
  return useQuery({
    queryKey: draftsKey,
    enabled,
    queryFn: async () => {
      const { items } = await api.get<{ items: DraftView[] }>('/api/drafts');
      return [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.delete<void>(`/api/drafts/${enc(code)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftsKey }),
  });
}

/** 数据授权: the applicant consents and the offered registries fill the form. */
export function useRegistryPrefill(code: string) {
  return useMutation({
    mutationFn: (body: RegistryPrefillBody) => api.post<RegistryPrefillResult>(`/api/applications/forms/${enc(code)}/registry-prefill`, body),
  });
}

export function useSubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ApplicationBody; key: string }) =>
      api.postWith<CaseView>('/api/applications', body, { 'Idempotency-Key': key }),
    onSuccess: (view) => {
      queryClient.setQueryData(caseKey(view.caseNo), view);
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: draftsKey });
    },
  });
}

/** 我的办件; scope: all (default), person, or the id of an enterprise the caller acts for. */
export function useCases(params: { status?: CaseStatus; scope?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...casesKey, params],
    queryFn: () => api.get<CaseList>('/api/applications', params),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

const FINAL: CaseStatus[] = ['concluded', 'not_accepted', 'withdrawn'];
/** How often an open case page asks again while it is visible, so decisions appear without a reload. */
export const CASE_POLL_MS = 30_000;

export function useCase(caseNo: string) {
  return useQuery({
    queryKey: caseKey(caseNo),
    queryFn: () => api.get<CaseView>(`/api/applications/${enc(caseNo)}`),
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (query.state.data && FINAL.includes(query.state.data.status) ? false : CASE_POLL_MS),
    refetchIntervalInBackground: false,
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 404,
  });
}

/** The item version the case was filed under: its form labels and material list. */
export function useCaseItem(code: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['catalog', 'item', code ?? '', version ?? 'current'],
    queryFn: () => api.get<ItemView>(`/api/catalog/items/${enc(code ?? '')}`, { version }),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

function useCaseCommand<B>(caseNo: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<CaseView>(`/api/applications/${enc(caseNo)}/${path}`, body),
    onSuccess: (view) => {
      if (view && typeof view === 'object' && 'caseNo' in view) queryClient.setQueryData(caseKey(caseNo), view);
      void queryClient.invalidateQueries({ queryKey: caseKey(caseNo) });
      void queryClient.invalidateQueries({ queryKey: casesKey });
    },
  });
}

export const useWithdraw = (caseNo: string) => useCaseCommand<{ reason: string }>(caseNo, 'withdraw');
export const useSupplement = (caseNo: string) => useCaseCommand<SupplementBody>(caseNo, 'supplements');

export const caseFileHref = (caseNo: string, fileId: string) => `/api/applications/${enc(caseNo)}/files/${enc(fileId)}`;

/** The public lookup: asked only when the person submits the form. */
export function useProgress() {
  return useMutation({
    mutationFn: (query: { caseNo: string; idTail: string }) => api.get<ProgressView>('/api/progress', query),
  });
}
