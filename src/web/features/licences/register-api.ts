// Hooks of the issuing department's licence register (证照管理): search, one licence, revoke,
// replace, the department's keys and their rotation. Writes carry an Idempotency-Key.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartmentKeys, RegisterEntry, RegisterPage, RegisterStatus } from '../../../contract/licence-register';
import type { LicenceView } from '../../../contract/licences';
import { api } from '../../lib/api';

export const REGISTER_STATUSES: RegisterStatus[] = ['valid', 'expired', 'revoked', 'replaced'];
export const REGISTER_PAGE_SIZE = 20;
export interface RegisterParams { department?: string; q?: string; type?: string; status?: RegisterStatus; page: number }

const keys = {
  all: ['licence-register'] as const,
  page: (p: RegisterParams) => ['licence-register', 'page', p] as const,
  entry: (id: string) => ['licence-register', 'entry', id] as const,
  keys: (department: string) => ['licence-register', 'keys', department] as const,
};

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets get random bytes). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const useRegister = (params: RegisterParams, enabled = true) => useQuery({
  queryKey: keys.page(params),
  queryFn: () => api.get<RegisterPage>('/api/workbench/licences', { ...params, pageSize: REGISTER_PAGE_SIZE }),
  placeholderData: keepPreviousData,
  enabled,
});

export const useRegisterEntry = (id: string) => useQuery({
  queryKey: keys.entry(id),
  queryFn: () => api.get<RegisterEntry>(`/api/workbench/licences/${encodeURIComponent(id)}`),
  retry: false,
});

export const useDepartmentKeys = (department: string | undefined) => useQuery({
  queryKey: keys.keys(department ?? ''),
  queryFn: () => api.get<DepartmentKeys>(`/api/licence-keys/${encodeURIComponent(department ?? '')}`),
  enabled: !!department,
});

function useRegisterWrite<B, R>(post: (body: B & { idempotencyKey: string }) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: post, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useRevoke = (id: string) => useRegisterWrite<{ reason: string }, LicenceView>(({ idempotencyKey, ...body }) =>
  api.postWith(`/api/licences/${encodeURIComponent(id)}/revoke`, body, { 'Idempotency-Key': idempotencyKey }));

export const useReplace = (id: string) => useRegisterWrite<{ reason: string; fields: Record<string, string> }, LicenceView>(({ idempotencyKey, ...body }) =>
  api.postWith(`/api/licences/${encodeURIComponent(id)}/replace`, body, { 'Idempotency-Key': idempotencyKey }));

export const useRotate = (department: string) => useRegisterWrite<object, { keyId: string }>(({ idempotencyKey }) =>
  api.postWith(`/api/licence-keys/${encodeURIComponent(department)}/rotate`, {}, { 'Idempotency-Key': idempotencyKey }));
