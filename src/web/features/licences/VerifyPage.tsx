// /verify/:id — public verification of a licence (the QR code on its PDF links here).
import { Alert, Descriptions, Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { useVerification } from './api';

export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.verify.title'));
  const { id = '' } = useParams();
  const { data, error, isPending } = useVerification(id);
  if (isPending) return <div className="tb-page"><h1>{t('licences.verify.title')}</h1><Skeleton active aria-label={t('licences.verify.checking')} /></div>;
  if (error || !data) return <div className="tb-page"><h1>{t('licences.verify.title')}</h1><ProblemAlert error={error} /></div>;
  const ok = data.verdict === 'authentic';
  return (
    <div className="tb-page">
      <h1>{t('licences.verify.title')}</h1>
      <Result status={ok ? 'success' : data.verdict === 'tampered' ? 'error' : 'warning'} title={t(`licences.verify.verdict.${data.verdict}`)} />
      {data.statusReason && <Alert type="info" showIcon message={`${t('licences.verify.reason')}：${data.statusReason}`} />}
      <Descriptions column={1} bordered size="small" items={[
        { key: 'type', label: t('licences.verify.type'), children: data.typeName },
        { key: 'no', label: t('licences.verify.number'), children: data.licenceNo },
        { key: 'holder', label: t('licences.verify.holder'), children: data.holderName },
        { key: 'issuer', label: t('licences.verify.issuer'), children: data.issuerName },
        { key: 'issued', label: t('licences.verify.issuedOn'), children: formatDate(data.issuedOn) },
        { key: 'valid', label: t('licences.verify.validity'), children: `${formatDate(data.validFrom)} – ${data.validTo ? formatDate(data.validTo) : t('licences.verify.longTerm')}` },
        { key: 'id', label: t('licences.verify.identifier'), children: <span className="tb-small">{data.identifier}</span> },
        { key: 'key', label: t('licences.verify.key'), children: data.keyId },
        { key: 'at', label: t('licences.verify.checkedAt'), children: formatDateTime(data.checkedAt) },
      ]} />
    </div>
  );
}
