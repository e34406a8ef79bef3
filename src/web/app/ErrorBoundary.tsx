// Catches render errors (and failed chunk loads) so one broken page never blanks the whole site.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/LinkButton';

function ErrorFallback({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="tb-container tb-page">
      <Result
        status="error"
        title={<h1 className="tb-result-title">{t('errorPage.title')}</h1>}
        subTitle={t('errorPage.body')}
        extra={[
          <Button key="reload" type="primary" onClick={onRetry ?? (() => window.location.reload())}>{t('errorPage.reload')}</Button>,
          <LinkButton key="home" to="/">{t('common.backHome')}</LinkButton>,
        ]}
      />
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo) {
    // the page shows its own message; nothing is sent anywhere from the browser
  }

  override render() {
    if (this.state.failed) return <ErrorFallback onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}

/** errorElement for the router: errors thrown outside a page, e.g. while matching routes. */
export function RouteError() {
  return <ErrorFallback />;
}
