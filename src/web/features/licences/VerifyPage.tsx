// /verify/:id — public verification of a licence (the QR code on its PDF links here): the verdict in
// colour, icon and words, then the licence's elements with the holder masked.
import { Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useVerification } from './api';
import { Verdict } from './Verdict';
import './licences.css';

export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.verify.title'));
  const { id = '' } = useParams();
  const { data, error, isPending, refetch, isFetching } = useVerification(id);
  return (
    <div className="tb-container tb-page tb-narrow tb-licence">
      <Typography.Title level={1} className="tb-page-title">{t('licences.verify.title')}</Typography.Title>
      {isPending ? (
        <Card className="tb-card" aria-busy="true"><p role="status">{t('licences.verify.checking')}</p><Skeleton active /></Card>
      ) : !data ? (
        isApiError(error, 'LICENCE_NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED') ? (
          <Result status="warning" title={<h2 className="tb-result-title">{t('licences.verify.notFound')}</h2>} subTitle={t('licences.verify.notFoundHelp')} />
        ) : (
          <Card className="tb-card">
            <ProblemAlert error={error} onRetry={refetch} retrying={isFetching} />
          </Card>
        )
      ) : (
        <>
          <Verdict verdict={data.verdict} reason={data.statusReason} />
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.verify.details')}</h2>}>
            <Descriptions column={1} size="small" items={[
              { key: 'type', label: t('licences.verify.type'), children: data.typeName },
              { key: 'no', label: t('licences.verify.number'), children: data.licenceNo },
              { key: 'holder', label: t('licences.verify.holder'), children: data.holderName },
              { key: 'issuer', label: t('licences.verify.issuer'), children: data.issuerName },
              { key: 'issued', label: t('licences.verify.issuedOn'), children: formatDate(data.issuedOn) },
              { key: 'valid', label: t('licences.verify.validity'), children: `${formatDate(data.validFrom)} – ${data.validTo ? formatDate(data.validTo) : t('licences.verify.longTerm')}` },
              { key: 'id', label: t('licences.verify.identifier'), children: <span className="tb-licence-id">{data.identifier}</span> },
              { key: 'key', label: t('licences.verify.key'), children: <span className="tb-licence-id">{data.keyId}</span> },
              { key: 'at', label: t('licences.verify.checkedAt'), children: formatDateTime(data.checkedAt) },
            ]} />
          </Card>
        </>
      )}
    </div>
  );
}
