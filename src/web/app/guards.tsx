// Route guards: pages that need a signed-in account, or a role, send everyone else to login.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../contract/identity';
import { PageSkeleton } from '../components/PageSkeleton';
import { sessionJustExpired } from '../lib/api';
import { hasRole, signOutDestination, useMe } from '../features/identity/api';
import { ForbiddenPage } from './NotFoundPage';

/** Paths whose pages need a session; a timeout there sends the user to login. */
export const PROTECTED_PREFIXES = ['/me', '/messages', '/admin', '/register/enterprise', '/workbench'];

export function loginPath(reason: 'required' | 'expired', from: string) {
  return `/login?reason=${reason}&redirect=${encodeURIComponent(from)}`;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <PageSkeleton />;
  if (!me) return <Navigate replace to={signOutDestination() ?? loginPath(sessionJustExpired() ? 'expired' : 'required', location.pathname + location.search)} />;
  return <>{children}</>;
}

export function RequireRole({ role, children }: { role: Me['roles'][number] | Me['roles'][number][]; children: ReactNode }) {
  const { data: me } = useMe();
  return (
    <RequireAuth>
      {[role].flat().some((r) => hasRole(me, r)) ? children : <ForbiddenPage />}
    </RequireAuth>
  );
}
