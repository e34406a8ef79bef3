// Identity API hooks: the signed-in account (Me), login/logout, registration, password, enterprises,
// and the operator's account list and unlock.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminAccountPage, Agent, CitizenRegistration, EnterpriseRegistration, EnterpriseSummary, Me,
} from '../../../contract/identity';
import { useNavigate } from 'react-router';
import { api, hasSessionCookie, isApiError } from '../../lib/api';

export const meKey = ['me'] as const;

/** The signed-in account, or null when logged out (401) or the identity API is not there (404). */
export async function fetchMe(): Promise<Me | null> {
  // without a session cookie the answer is known; asking would only log a 401 in the console
  if (!hasSessionCookie()) return null;
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.status === 404)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export const hasRole = (me: Me | null | undefined, role: Me['roles'][number]) => !!me?.roles.includes(role);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => api.post<Me>('/api/auth/login', body),
    onSuccess: (me) => {
      signedOut = null;
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Where a sign-out of the last few seconds went: a guard that finds the account gone sends its user there, not to 请先登录. */
let signedOut: { to: string; at: number } | null = null;
export const signOutDestination = () => (signedOut && Date.now() - signedOut.at < 10_000 ? signedOut.to : null);

export interface SignOutTarget { to: string; replace?: boolean; onSignedOut?: () => void }

/**
 * Sign out, go to `to`, then forget the signed-in account. The navigation runs in a transition
 * that a page needing a login may outrun once the account is forgotten; its guard then sends the
 * user to `to` as well (signOutDestination), never to 请先登录.
 */
function useSignOut(path: string, { to, replace, onSignedOut }: SignOutTarget) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>(path),
    onSuccess: () => {
      signedOut = { to, at: Date.now() };
      onSignedOut?.();
      void navigate(to, { replace });
    },
    onSettled: () => {
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'catalog' });
    },
  });
}

export const useLogout = (target: SignOutTarget) => useSignOut('/api/auth/logout', target);
export const useLogoutAll = (target: SignOutTarget) => useSignOut('/api/auth/logout-all', target);

export function useRegisterCitizen() {
  return useMutation({
    mutationFn: (body: CitizenRegistration) => api.post<{ id: string; username: string }>('/api/auth/register/citizen', body),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.put<void>('/api/me/password', body),
  });
}

export function useRegisterEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseRegistration) => api.post<EnterpriseSummary>('/api/enterprises', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

const agentsKey = (enterpriseId: string) => ['enterprise-agents', enterpriseId] as const;

export function useAgents(enterpriseId: string | null) {
  return useQuery({
    queryKey: agentsKey(enterpriseId ?? ''),
    queryFn: () => api.get<Agent[]>(`/api/enterprises/${encodeURIComponent(enterpriseId ?? '')}/agents`),
    enabled: !!enterpriseId,
  });
}

export function useAddAgent(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (login: string) => api.post<Agent>(`/api/enterprises/${encodeURIComponent(enterpriseId)}/agents`, { login }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsKey(enterpriseId) }),
  });
}

export function useRemoveAgent(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.delete<void>(`/api/enterprises/${encodeURIComponent(enterpriseId)}/agents/${encodeURIComponent(accountId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsKey(enterpriseId) }),
  });
}

/** Operator: accounts matching part of a username or name, or a whole mobile number (masked). */
export function useAdminAccounts(q: string, page: number) {
  return useQuery({
    queryKey: ['admin', 'accounts', q, page],
    queryFn: () => api.get<AdminAccountPage>('/api/admin/accounts', { q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

/** Operator: lift a login lockout. */
export function useUnlockAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => api.post<void>(`/api/admin/accounts/${encodeURIComponent(username)}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] }),
  });
}
