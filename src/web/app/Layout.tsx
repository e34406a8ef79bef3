// Page frame: skip link, header, main landmark (with the error boundary and the loading
// skeleton around each page), footer.
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../components/PageSkeleton';
import { ErrorBoundary } from './ErrorBoundary';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { SessionWatcher } from './SessionWatcher';

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // after client-side navigation, move focus to the new page so screen readers announce it
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) main.current?.focus({ preventScroll: true });
  }, [location.pathname, location.hash]);

  return (
    <div className="tb-app">
      <a className="tb-skip-link" href="#main">{t('app.skipToContent')}</a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="tb-main">
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <SiteFooter />
      <SessionWatcher />
      <ScrollRestoration />
    </div>
  );
}
