// Workbench API hooks: the department inbox, claim/release, decisions, post-checks, acceptance and
// the staff case view. Inbox and case refresh every 30 s and when the window regains focus.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseList, DecisionBody, Inbox, StaffCaseView } from '../../../contract/applications';
import type { ItemList, ItemView } from '../../../contract/catalog';
import { api } from '../../lib/api';

export type InboxView = 'open' | 'mine' | 'due_soon' | 'overdue' | 'done';
export const INBOX_VIEWS: InboxView[] = ['open', 'mine', 'due_soon', 'overdue', 'done'];
export interface InboxParams { department?: string; view: InboxView; item?: string; page: number }

export const PAGE_SIZE = 20;
const REFRESH_MS = 30_000;
const base = '/api/workbench';
const taskPath = (id: string) => `${base}/tasks/${encodeURIComponent(id)}`;
const casePath = (caseNo: string) => `${base}/cases/${encodeURIComponent(caseNo)}`;
export const fileUrl = (caseNo: string, fileId: string) => `${casePath(caseNo)}/files/${encodeURIComponent(fileId)}`;

const keys = {
  all: ['workbench'] as const,
  inbox: (p: InboxParams) => ['workbench', 'inbox', p] as const,
  case: (caseNo: string) => ['workbench', 'case', caseNo] as const,
  acceptance: (page: number) => ['workbench', 'acceptance', page] as const,
};

export function useInbox(params: InboxParams, enabled = true) {
  return useQuery({
    queryKey: keys.inbox(params),
    queryFn: () => api.get<Inbox>(`${base}/tasks`, { ...params, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
    enabled,
  });
}

export function useAcceptanceList(page: number) {
  return useQuery({
    queryKey: keys.acceptance(page),
    queryFn: () => api.get<CaseList>(`${base}/acceptance`, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function useStaffCase(caseNo: string) {
  return useQuery({
    queryKey: keys.case(caseNo),
    queryFn: () => api.get<StaffCaseView>(casePath(caseNo)),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** The pinned item version, for the form's labels and sections (falls back to plain keys without it). */
export function useItemVersion(code: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['catalog', 'item', code, version],
    queryFn: () => api.get<ItemView>(`/api/catalog/items/${encodeURIComponent(code ?? '')}`, { version }),
    enabled: !!code,
    staleTime: Infinity,
    retry: false,
  });
}

/** Items for the inbox filter: the department's own catalogue (tasks of other items are added from the inbox). */
export function useDepartmentItems(department: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'items', 'department', department],
    queryFn: () => api.get<ItemList>('/api/catalog/items', { department, pageSize: 100, sort: 'name' }),
    enabled: !!department,
    staleTime: 5 * 60_000,
  });
}

/** Every write changes both the inbox and the case: refresh whatever the workbench shows. */
function useWorkbenchMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useClaim = () => useWorkbenchMutation((id: string) => api.post<unknown>(`${taskPath(id)}/claim`));
export const useRelease = () => useWorkbenchMutation((id: string) => api.post<unknown>(`${taskPath(id)}/release`));
export const useDecide = () => useWorkbenchMutation(
  ({ id, body }: { id: string; body: DecisionBody }) => api.post<unknown>(`${taskPath(id)}/decision`, body),
);
export const usePostCheck = () => useWorkbenchMutation(
  ({ id, body }: { id: string; body: { outcome: 'confirmed' | 'false_commitment'; comment: string } }) =>
    api.post<unknown>(`${taskPath(id)}/post-check`, body),
);
export const useAccept = () => useWorkbenchMutation((caseNo: string) => api.post<unknown>(`${casePath(caseNo)}/accept`));
export const useNotAccept = () => useWorkbenchMutation(
  ({ caseNo, reason }: { caseNo: string; reason: string }) => api.post<unknown>(`${casePath(caseNo)}/not-accept`, { reason }),
);
