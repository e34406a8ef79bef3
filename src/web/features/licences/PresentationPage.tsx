// /presentations/:token — what a window clerk sees after scanning a 亮证 code: the verdict and the
// chosen fields, large. The token works once; the page never asks for it twice.
import { Descriptions, Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePresentation } from './api';

export function PresentationPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.presentation.title'));
  const { token = '' } = useParams();
  const { data, error, isPending } = usePresentation(token);
  if (isPending) return <div className="tb-page"><h1>{t('licences.presentation.title')}</h1><Skeleton active /></div>;
  if (error || !data) {
    const text = isApiError(error, 'PRESENTATION_GONE') ? t('licences.presentation.gone') : t('licences.presentation.notFound');
    return <div className="tb-page"><h1>{t('licences.presentation.title')}</h1><Result status="warning" title={text} /></div>;
  }
  const ok = data.verdict === 'authentic';
  return (
    <div className="tb-page" style={{ fontSize: 20 }}>
      <h1>{t('licences.presentation.title')} · {data.typeName}</h1>
      <Result status={ok ? 'success' : 'error'} title={<span style={{ fontSize: 28 }}>{t(`licences.verify.verdict.${data.verdict}`)}</span>} />
      <Descriptions column={1} bordered labelStyle={{ fontSize: 18 }} contentStyle={{ fontSize: 22, fontWeight: 600 }} items={[
        ...data.fields.map((f) => ({ key: f.name, label: f.label, children: f.value ?? '—' })),
        { key: 'issuer', label: t('licences.presentation.issuer'), children: data.issuerName },
        { key: 'to', label: t('licences.presentation.validTo'), children: data.validTo ? formatDate(data.validTo) : t('licences.verify.longTerm') },
        { key: 'at', label: t('licences.presentation.presentedAt'), children: formatDateTime(data.presentedAt) },
      ]} />
    </div>
  );
}
