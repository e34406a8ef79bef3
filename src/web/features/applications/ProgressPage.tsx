// /progress — 办件进度查询 (public): case number plus the last six characters of the applicant's ID
// number or credit code; shows where the case is, with personal data masked. Rate-limited.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Descriptions, Input, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressPickup, ProgressView } from '../../../contract/applications';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { busy, formatDate, formatDateTime } from '../../lib/format';
import { useProgress } from './api';
import { FieldError } from './FieldError';
import { StatusTag } from './labels';
import './applications.css';

const CASE_NO = /^\d{20}$/;
const ID_TAIL = /^[0-9A-Z]{6}$/;

/** 窗口领取: 待领取 with what to bring, or 已领取 with the time and the window (never who collected it). */
function PickupStatus({ pickup }: { pickup: ProgressPickup }) {
  const { t } = useTranslation();
  if (pickup.status === 'waiting') {
    return (
      <div className="tb-pickup-status">
        <p><Tag className="tb-tag-orange">{t('applications.result.pickup.awaiting')}</Tag>{t('applications.result.how.window')}</p>
        <p className="tb-small tb-muted">{t('applications.result.pickup.agentHint')}</p>
      </div>
    );
  }
  return (
    <div className="tb-pickup-status">
      <p><Tag className="tb-tag-green">{t('applications.result.pickup.collected')}</Tag>
        {pickup.collectedAt && <time dateTime={pickup.collectedAt}>{t('applications.result.pickup.collectedAt', { time: formatDateTime(pickup.collectedAt) })}</time>}
      </p>
      {pickup.window && <p className="tb-small">{t('applications.lookup.pickupWindow', { window: pickup.window })}</p>}
    </div>
  );
}

function ProgressResult({ view }: { view: ProgressView }) {
  const { t } = useTranslation();
  const steps = view.steps.map((s, i) => ({ s, i })).sort((a, b) => b.s.at.localeCompare(a.s.at) || b.i - a.i).map(({ s }) => s);
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{view.itemName}</h2>} extra={<StatusTag status={view.status} result={view.result} />}>
      <Descriptions className="tb-keep-labels" size="small" bordered column={1} items={[
        { key: 'caseNo', label: t('applications.case.caseNo'), children: <span className="tb-case-no">{view.caseNo}</span> },
        { key: 'applicant', label: t('applications.case.applicant'), children: view.applicantName },
        { key: 'submittedAt', label: t('applications.case.submittedAt'), children: formatDateTime(view.submittedAt) },
        { key: 'dueOn', label: t('applications.case.dueOn'), children: view.dueOn ? formatDate(view.dueOn) : t('applications.noDueDate') },
        ...(view.holders.length ? [{ key: 'holders', label: t('applications.case.holders'), children: view.holders.join('、') }] : []),
        ...(view.pickup ? [{ key: 'pickup', label: t('applications.lookup.pickup'), children: <PickupStatus pickup={view.pickup} /> }] : []),
      ]} />
      <h3 className="tb-subheading">{t('applications.case.timeline')}</h3>
      <Timeline items={steps.map((s, i) => ({
        key: `${s.at}-${i}`,
        content: (
          <div>
            <time dateTime={s.at} className="tb-small tb-muted">{formatDateTime(s.at)}</time>
            <p className="tb-timeline-text">{s.text}</p>
          </div>
        ),
      }))} />
    </Card>
  );
}

export function ProgressPage() {
  const { t } = useTranslation();
  usePageTitle(t('applications.lookup.title'));
  const lookup = useProgress();
  const [caseNo, setCaseNo] = useState('');
  const [idTail, setIdTail] = useState('');
  const [errors, setErrors] = useState<{ caseNo?: string[]; idTail?: string[] }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const no = caseNo.replace(/\s/g, '');
    const tail = idTail.trim().toUpperCase();
    if (!CASE_NO.test(no)) next.caseNo = [t(no ? 'applications.lookup.caseNoFormat' : 'applications.lookup.caseNoRequired')];
    if (!ID_TAIL.test(tail)) next.idTail = [t(tail ? 'applications.lookup.idTailFormat' : 'applications.lookup.idTailRequired')];
    setErrors(next);
    if (next.caseNo || next.idTail) return;
    lookup.mutate({ caseNo: no, idTail: tail });
  };

  const error = lookup.error;
  const notFound = isApiError(error) && error.status === 404;
  const limited = isApiError(error) && error.status === 429;

  return (
    <div className="tb-container tb-page tb-narrow">
      <Typography.Title level={1} className="tb-page-title">{t('applications.lookup.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('applications.lookup.intro')}</Typography.Paragraph>
      <Card className="tb-card">
        <form className="tb-lookup-form" onSubmit={submit} noValidate aria-label={t('applications.lookup.formLabel')}>
          <div className="tb-field">
            <label htmlFor="lookup-case-no" className="tb-field-label tb-required">{t('applications.case.caseNo')}</label>
            <Input id="lookup-case-no" value={caseNo} maxLength={24} inputMode="numeric" autoComplete="off"
              placeholder={t('applications.lookup.caseNoPlaceholder')}
              status={errors.caseNo ? 'error' : undefined} aria-invalid={!!errors.caseNo} aria-required
              aria-describedby={errors.caseNo ? 'lookup-case-no-error' : undefined}
              onChange={(e) => setCaseNo(e.target.value)} />
            <FieldError id="lookup-case-no-error" messages={errors.caseNo} />
          </div>
          <div className="tb-field">
            <label htmlFor="lookup-id-tail" className="tb-field-label tb-required">{t('applications.lookup.idTail')}</label>
            <Input id="lookup-id-tail" value={idTail} maxLength={6} autoComplete="off"
              status={errors.idTail ? 'error' : undefined} aria-invalid={!!errors.idTail} aria-required
              aria-describedby={errors.idTail ? 'lookup-id-tail-error' : 'lookup-id-tail-help'}
              onChange={(e) => setIdTail(e.target.value.toUpperCase())} />
            <div id="lookup-id-tail-help" className="tb-muted tb-small">{t('applications.lookup.idTailHelp')}</div>
            <FieldError id="lookup-id-tail-error" messages={errors.idTail} />
          </div>
          <Button type="primary" htmlType="submit" size="large" loading={busy(lookup.isPending)}>{t('applications.lookup.submit')}</Button>
        </form>
      </Card>
      <div aria-live="polite">
        {notFound && <Alert type="warning" showIcon className="tb-gap-bottom" title={t('applications.lookup.notFound')} description={t('applications.lookup.notFoundBody')} />}
        {limited && (
          <Alert type="warning" showIcon className="tb-gap-bottom" title={t('applications.lookup.limited')}
            description={error.retryAfterSeconds ? t('applications.lookup.limitedRetry', { count: error.retryAfterSeconds }) : undefined} />
        )}
        {error && !notFound && !limited && <ProblemAlert error={error} className="tb-gap-bottom" />}
        {lookup.data && !error && <ProgressResult view={lookup.data} />}
      </div>
    </div>
  );
}
