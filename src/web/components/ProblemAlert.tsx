// Shows an API error as the server phrased it: title, detail, and field errors no field could show.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '../lib/api';

export function problemText(error: unknown, fallback: string): { title: string; detail?: string } {
  if (isApiError(error)) return { title: error.problem.title, detail: error.problem.detail };
  return { title: fallback };
}

export function ProblemAlert({ error, extra, unmatched = [], className, onRetry, retrying }: {
  error: unknown;
  extra?: string;
  unmatched?: FieldError[];
  className?: string;
  /** a failed load: offer 重试 under the message */
  onRetry?: () => unknown;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = problemText(error, t('common.unknownError'));
  const lines = [detail, extra, ...unmatched.map((e) => e.message)].filter(Boolean) as string[];
  const alert = (
    <Alert
      className={className}
      type="error"
      showIcon
      title={title}
      description={lines.length ? (lines.length === 1 ? lines[0] : <ul className="tb-plain-list">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>) : undefined}
    />
  );
  if (!onRetry) return alert;
  return (
    <>
      {alert}
      <Button className="tb-gap-top" loading={retrying} onClick={() => void onRetry()}>{t('common.retry')}</Button>
    </>
  );
}
