// When the server reports SESSION_EXPIRED: forget the account, and on pages that need one send
// the user to login with a message; elsewhere just say so.
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SESSION_EXPIRED_EVENT } from '../lib/api';
import { meKey } from '../features/identity/api';
import { PROTECTED_PREFIXES, loginPath } from './guards';

export function SessionWatcher() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const where = useRef(location);
  where.current = location;

  useEffect(() => {
    let handled = false;
    const onExpired = () => {
      if (handled) return;
      handled = true;
      setTimeout(() => { handled = false; }, 2000);
      queryClient.setQueryData(meKey, null);
      const { pathname, search } = where.current;
      if (pathname.startsWith('/login')) return;
      if (PROTECTED_PREFIXES.some((p) => pathname.startsWith(p))) navigate(loginPath('expired', pathname + search), { replace: true });
      else void message.warning(t('auth.expired'));
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, [queryClient, navigate, message, t]);

  return null;
}
