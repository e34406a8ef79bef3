// /me/data-uses — 数据使用记录: every use of the person's data (and their enterprises'), newest first:
// who, when, why, from where, which fields were provided and which refused.
import { Card, Descriptions, Empty, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DataUse } from '../../../contract/exchange';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/format';
import { useDataUses } from './api';
import { OutcomeTag } from './labels';

function FieldTags({ fields, className }: { fields: string[]; className?: string }) {
  const { t } = useTranslation();
  if (!fields.length) return <span className="tb-muted">{t('exchange.uses.none')}</span>;
  return <Space size={[0, 4]} wrap>{fields.map((f) => <Tag key={f} className={className}>{f}</Tag>)}</Space>;
}

function DataUseItem({ use }: { use: DataUse }) {
  const { t } = useTranslation();
  return (
    <article className="tb-card tb-gap-top" aria-labelledby={`use-${use.id}`}>
      <Space wrap align="center">
        <h2 id={`use-${use.id}`} className="tb-card-title">{use.consumerDepartmentName}</h2>
        <OutcomeTag outcome={use.outcome} />
      </Space>
      <Descriptions size="small" column={1} className="tb-gap-top">
        <Descriptions.Item label={t('exchange.uses.when')}><time dateTime={use.at}>{formatDateTime(use.at)}</time></Descriptions.Item>
        <Descriptions.Item label={t('exchange.uses.why')}>
          {t(`exchange.purpose.${use.purpose}`)}：{use.itemName}{use.caseNo ? `（${t('exchange.uses.caseNo', { caseNo: use.caseNo })}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.uses.from')}>{use.registryName}（{use.providerDepartmentName}）</Descriptions.Item>
        <Descriptions.Item label={t('exchange.uses.granted')}><FieldTags fields={use.fieldsGranted} className="tb-tag-green" /></Descriptions.Item>
        {use.fieldsDenied.length > 0 && (
          <Descriptions.Item label={t('exchange.uses.denied')}><FieldTags fields={use.fieldsDenied} /></Descriptions.Item>
        )}
      </Descriptions>
    </article>
  );
}

export function DataUsesPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchange.uses.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, refetch } = useDataUses(page);
  return (
    <div className="tb-container tb-page tb-narrow">
      <Typography.Title level={1} className="tb-page-title">{t('exchange.uses.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('exchange.uses.intro')}</Typography.Paragraph>
      {isPending && <Card className="tb-card"><Skeleton active paragraph={{ rows: 4 }} /></Card>}
      {error && (
        <Card className="tb-card">
          <ProblemAlert error={error} onRetry={refetch} />
        </Card>
      )}
      {data && (
        <>
          <p className="tb-muted tb-small" role="status">{t('exchange.uses.summary', { count: data.total })}</p>
          {data.items.length === 0
            ? <Card className="tb-card"><Empty description={t('exchange.uses.empty')} /></Card>
            : <ul className="tb-plain-list">{data.items.map((u) => <li key={u.id}><DataUseItem use={u} /></li>)}</ul>}
          {data.total > data.pageSize && (
            <nav aria-label={t('exchange.uses.pagination')} className="tb-pagination">
              <Pagination current={data.page} pageSize={data.pageSize} total={data.total} showSizeChanger={false} responsive
                onChange={(next) => { setParams(next > 1 ? { page: String(next) } : {}); window.scrollTo({ top: 0 }); }} />
            </nav>
          )}
        </>
      )}
    </div>
  );
}
