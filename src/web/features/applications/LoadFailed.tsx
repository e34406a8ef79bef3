// A page whose record could not be loaded: "not found" (404) with a way back, or an error with a retry.
import type { ReactNode } from 'react';
import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';

interface Props {
  error: unknown;
  /** heading when it was not found, and when loading failed */
  notFoundTitle: string; failedTitle: string; notFoundBody: string;
  retry: () => void;
  /** the way back (a primary link button) */
  back: ReactNode;
}

export function LoadFailed({ error, notFoundTitle, failedTitle, notFoundBody, retry, back }: Props) {
  const { t } = useTranslation();
  const missing = isApiError(error) && error.status === 404;
  return (
    <div className="tb-container tb-page tb-narrow">
      <Card className="tb-card">
        <Result
          status={missing ? '404' : 'error'}
          title={<h1 className="tb-result-title">{missing ? notFoundTitle : failedTitle}</h1>}
          subTitle={missing ? notFoundBody : undefined}
          extra={[!missing && <Button key="retry" onClick={retry}>{t('common.retry')}</Button>, <span key="back">{back}</span>]}
        />
        {!missing && <ProblemAlert error={error} />}
      </Card>
    </div>
  );
}
