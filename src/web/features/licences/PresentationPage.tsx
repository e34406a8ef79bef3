// /presentations/:token — what a window clerk sees after scanning a 亮证 code: the verdict and only the
// fields the holder chose, large. The token works once; the page never asks for it twice.
import { Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePresentation } from './api';
import { Verdict } from './Verdict';
import './licences.css';

function Gone({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'PRESENTATION_GONE')) return <Result status="warning" title={<h2 className="tb-result-title">{t('licences.presentation.gone')}</h2>} subTitle={t('licences.presentation.goneHelp')} />;
  if (isApiError(error, 'PRESENTATION_NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) {
    return <Result status="error" title={<h2 className="tb-result-title">{t('licences.presentation.notFound')}</h2>} subTitle={t('licences.presentation.notFoundHelp')} />;
  }
  return <Card className="tb-card"><ProblemAlert error={error} /></Card>;
}

export function PresentationPage() {
  const { t } = useTranslation();
  usePageTitle(t('licences.presentation.title'));
  const { token = '' } = useParams();
  const { data, error, isPending } = usePresentation(token);
  return (
    <div className="tb-container tb-page tb-narrow tb-licence">
      <Typography.Title level={1} className="tb-page-title">
        {t('licences.presentation.title')}{data ? ` · ${data.typeName}` : ''}
      </Typography.Title>
      {isPending ? (
        <Card className="tb-card" aria-busy="true"><Skeleton active /></Card>
      ) : !data ? <Gone error={error} /> : (
        <>
          <Verdict verdict={data.verdict} />
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.presentation.shown')}</h2>}>
            <p className="tb-muted">{t('licences.presentation.onlyChosen')}</p>
            <Descriptions className="tb-presented" column={1} bordered items={[
              ...data.fields.map((f) => ({ key: f.name, label: f.label, children: f.value ?? '—' })),
              { key: 'type', label: t('licences.verify.type'), children: data.typeName },
              { key: 'issuer', label: t('licences.presentation.issuer'), children: data.issuerName },
              { key: 'to', label: t('licences.presentation.validTo'), children: data.validTo ? formatDate(data.validTo) : t('licences.verify.longTerm') },
            ]} />
            <p className="tb-muted tb-small tb-gap-top">{t('licences.presentation.presentedAt')}：{formatDateTime(data.presentedAt)}</p>
          </Card>
        </>
      )}
    </div>
  );
}
