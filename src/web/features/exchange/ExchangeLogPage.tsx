// /admin/exchange/log — 数据交换日志 for auditors: every exchange call, filtered by registry,
// consumer, outcome and days; subjects as keyed hashes, answers as SHA-256 digests.
import { useRef, useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExchangeLogEntry, ExchangeLogQueryValue, ExchangeOutcome } from '../../../contract/exchange';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/format';
import { useDepartments } from '../catalog/api';
import { useCatalogue, useExchangeLog } from './api';
import { OutcomeTag } from './labels';
import { useScrollRegions } from './scrollRegion';
import './exchange.css';

interface Filters { registry?: string; consumer?: string; outcome?: ExchangeOutcome; days?: [Dayjs, Dayjs] | null }
const OUTCOMES: ExchangeOutcome[] = ['granted', 'partial', 'denied', 'not_found', 'error'];

export function ExchangeLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchange.log.title'));
  const [query, setQuery] = useState<ExchangeLogQueryValue>({ page: 1, pageSize: 20 });
  const { data, error, isFetching } = useExchangeLog(query);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const tableRef = useRef<HTMLDivElement>(null);
  useScrollRegions(tableRef, t('exchange.log.title'));
  const apply = (f: Filters) => setQuery({
    page: 1, pageSize: 20, registry: f.registry, consumer: f.consumer, outcome: f.outcome,
    from: f.days?.[0]?.format('YYYY-MM-DD'), to: f.days?.[1]?.format('YYYY-MM-DD'),
  });
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">{t('exchange.log.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('exchange.log.intro')}</Typography.Paragraph>
      <Card className="tb-card">
        <Form<Filters> layout="inline" onFinish={apply} className="tb-gap-bottom tb-exchange-filters">
          <Form.Item name="registry" label={t('exchange.log.registry')}>
            <Select allowClear className="tb-select-wide" placeholder={t('exchange.log.all')}
              options={(catalogue.data?.registries ?? []).map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
          <Form.Item name="consumer" label={t('exchange.log.consumer')}>
            <Select allowClear showSearch optionFilterProp="label" className="tb-select-wide" placeholder={t('exchange.log.all')}
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
          <Form.Item name="outcome" label={t('exchange.log.outcome')}>
            <Select allowClear placeholder={t('exchange.log.all')} options={OUTCOMES.map((o) => ({ value: o, label: t(`exchange.outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="days" label={t('exchange.log.days')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('exchange.log.search')}</Button>
        </Form>
        <ProblemAlert error={error} className="tb-gap-bottom" />
        <div ref={tableRef}>
        <Table<ExchangeLogEntry>
          rowKey="id" size="small" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 1400 }}
          locale={{ emptyText: <span className="tb-muted">{t('exchange.log.empty')}</span> }}
          pagination={{
            current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false,
            showTotal: (count) => t('exchange.log.total', { count }), onChange: (page) => setQuery((q) => ({ ...q, page })),
          }}
          columns={[
            { key: 'at', title: t('exchange.log.columns.at'), render: (_, e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
            { key: 'consumer', title: t('exchange.log.columns.consumer'), dataIndex: 'consumerDepartmentName' },
            { key: 'actor', title: t('exchange.log.columns.actor'), dataIndex: 'actorName' },
            {
              key: 'why', title: t('exchange.log.columns.why'),
              render: (_, e) => <>{t(`exchange.purpose.${e.purpose}`)}：{e.itemName}{e.caseNo && <><br /><code className="tb-small">{e.caseNo}</code></>}</>,
            },
            { key: 'registry', title: t('exchange.log.columns.registry'), dataIndex: 'registryName' },
            {
              key: 'fields', title: t('exchange.log.columns.fields'),
              render: (_, e) => (
                <Space direction="vertical" size={0} className="tb-small">
                  <span>{t('exchange.log.asked', { fields: e.fieldsAsked.join('、') })}</span>
                  <span>{t('exchange.log.granted', { fields: e.fieldsGranted.join('、') || '—' })}</span>
                </Space>
              ),
            },
            { key: 'outcome', title: t('exchange.log.columns.outcome'), render: (_, e) => <OutcomeTag outcome={e.outcome} /> },
            { key: 'legalBasis', title: t('exchange.log.columns.legalBasis'), render: (_, e) => e.legalBasis ?? '—' },
            { key: 'subject', title: t('exchange.log.columns.subject'), render: (_, e) => <code className="tb-small" title={e.subjectHash}>{e.subjectHash.slice(0, 12)}…</code> },
            { key: 'digest', title: t('exchange.log.columns.digest'), render: (_, e) => <code className="tb-small" title={e.digest}>{e.digest.slice(0, 12)}…</code> },
          ]}
        />
        </div>
      </Card>
    </div>
  );
}
