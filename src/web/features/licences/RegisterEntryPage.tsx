// /workbench/licences/:id — one licence of the department: its elements (holder masked), status with
// the reason, 注销 and 换发 when the server offers them, every version of its serial, and the status
// history (issued, replaced, revoked) with reasons.
import { Alert, Card, Col, Descriptions, List, Result, Row, Skeleton, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { WorkbenchNav } from '../workbench/WorkbenchNav';
import { LicenceActions } from './LicenceActions';
import { LicenceStatusTag } from './LicenceStatusTag';
import { useRegisterEntry } from './register-api';
import './licences.css';

const entryPath = (id: string) => `/workbench/licences/${id}`;

export function RegisterEntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending, refetch, isFetching } = useRegisterEntry(id);
  usePageTitle(data ? `${data.licence.typeName} ${data.licence.licenceNo}` : t('licences.register.entry.title'));
  const back = <Link to="/workbench/licences" className="lr-back">{t('licences.register.entry.back')}</Link>;

  if (isPending) {
    return (
      <div className="tb-container tb-page wb-page tb-licence">
        <WorkbenchNav />{back}
        <Typography.Title level={1} className="tb-page-title">{t('licences.register.entry.title')}</Typography.Title>
        <Card className="tb-card" aria-busy="true"><Skeleton active /></Card>
      </div>
    );
  }
  if (!data) {
    const missing = isApiError(error, 'LICENCE_NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED');
    return (
      <div className="tb-container tb-page wb-page tb-licence">
        <WorkbenchNav />{back}
        <Typography.Title level={1} className="tb-page-title">{t('licences.register.entry.title')}</Typography.Title>
        <Card className="tb-card">
          {missing
            ? <Result status="warning" title={<h2 className="tb-result-title">{t('licences.register.entry.notFound')}</h2>} />
            : <ProblemAlert error={error} onRetry={refetch} retrying={isFetching} />}
        </Card>
      </div>
    );
  }

  const l = data.licence;
  const newest = data.versions[data.versions.length - 1];
  return (
    <div className="tb-container tb-page wb-page tb-licence">
      <WorkbenchNav />{back}
      <div className="tb-page-head lr-title-row">
        <Typography.Title level={1} className="tb-page-title">{l.typeName}</Typography.Title>
        <LicenceStatusTag status={l.status} expired={l.expired} />
      </div>
      {l.status !== 'valid' && (
        <Alert type={l.status === 'revoked' ? 'error' : 'warning'} showIcon className="tb-gap-bottom"
          title={t(l.status === 'revoked' ? 'licences.register.entry.revokedNote' : 'licences.register.entry.replacedNote')}
          description={(
            <>
              {l.statusReason && <p className="lr-note">{t('licences.register.entry.reason', { reason: l.statusReason })}</p>}
              {l.status === 'replaced' && newest.id !== l.id && <Link to={entryPath(newest.id)}>{t('licences.register.entry.toNewest')}</Link>}
            </>
          )} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.entry.details')}</h2>}>
            <Descriptions column={1} size="small" items={[
              { key: 'no', label: t('licences.wallet.number'), children: l.licenceNo },
              { key: 'holder', label: t('licences.wallet.holder'), children: l.holderName },
              { key: 'code', label: t('licences.register.entry.holderCode'), children: l.holderCode },
              ...l.fields.filter((f) => f.value).map((f) => ({ key: `f-${f.name}`, label: f.label, children: f.value })),
              { key: 'issuer', label: t('licences.wallet.issuer'), children: l.issuer.name },
              { key: 'issued', label: t('licences.wallet.issuedOn'), children: formatDate(l.issuedOn) },
              { key: 'valid', label: t('licences.register.entry.validity'), children: `${formatDate(l.validFrom)} – ${l.validTo ? formatDate(l.validTo) : t('licences.wallet.longTerm')}` },
              { key: 'v', label: t('licences.wallet.versionLabel'), children: t('licences.wallet.version', { version: l.version }) },
              { key: 'item', label: t('licences.register.entry.item'), children: l.item.name },
              { key: 'case', label: t('licences.register.entry.caseNo'), children: <span className="tb-licence-id">{l.caseNo}</span> },
              { key: 'id', label: t('licences.verify.identifier'), children: <span className="tb-licence-id">{l.identifier}</span> },
              { key: 'sig', label: t('licences.register.entry.signature'), children: <span className="tb-licence-id">{l.signature.algorithm} · {l.signature.keyId}</span> },
            ]} />
            <div className="lr-actions tb-gap-top">
              <LicenceActions entry={data} />
              <LinkButton type="link" to={`/verify/${l.id}`}>{t('licences.register.entry.verifyPage')}</LinkButton>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.entry.versions')}</h2>}>
            <List dataSource={data.versions} renderItem={(v) => (
              <List.Item>
                <div className="wb-cell-stack">
                  {v.id === l.id
                    ? <span aria-current="page">{t('licences.wallet.version', { version: v.version })}（{t('licences.register.entry.current')}）</span>
                    : <Link to={entryPath(v.id)}>{t('licences.wallet.version', { version: v.version })}</Link>}
                  <span className="tb-licence-id tb-muted">{v.identifier}</span>
                </div>
                <LicenceStatusTag status={v.status} expired={false} />
              </List.Item>
            )} />
          </Card>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.register.entry.history')}</h2>}>
            {data.history.length === 0 ? <p className="tb-muted">{t('licences.register.entry.historyEmpty')}</p> : (
              <Timeline items={data.history.map((e, i) => ({
                key: i,
                color: e.kind === 'revoked' ? 'red' : e.kind === 'replaced' ? 'orange' : 'green',
                content: (
                  <div>
                    <div>{t(`licences.register.entry.event.${e.kind}`, { version: e.version })}</div>
                    <time className="tb-muted tb-small" dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {e.reason && <p className="lr-note">{t('licences.register.entry.reason', { reason: e.reason })}</p>}
                  </div>
                ),
              }))} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
