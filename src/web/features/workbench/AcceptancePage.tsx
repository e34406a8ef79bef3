// /workbench/acceptance — 受理: submitted cases waiting for a window clerk, oldest first; each opens
// in the case page where the clerk accepts or refuses it. 帮办代办 starts from the item search.
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { busy, formatDate, formatDateTime } from '../../lib/format';
import { useAcceptanceList } from './api';
import { casePagePath } from './InboxTable';
import { WorkbenchNav } from './WorkbenchNav';

export function AcceptancePage() {
  const { t } = useTranslation();
  usePageTitle(t('workbench.acceptance.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAcceptanceList(page);
  const { data } = list;

  return (
    <div className="tb-container tb-page wb-page">
      <WorkbenchNav />
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('workbench.acceptance.title')}</Typography.Title>
        <LinkButton to="/items" icon={<TeamOutlined aria-hidden />} aria-describedby="wb-on-behalf-hint">
          {t('workbench.acceptance.onBehalf')}
        </LinkButton>
      </div>
      <Typography.Paragraph className="tb-muted">{t('workbench.acceptance.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon className="tb-gap-bottom" title={t('workbench.acceptance.onBehalf')}
        description={<span id="wb-on-behalf-hint">{t('workbench.acceptance.onBehalfHint')}</span>} />
      <Card className="tb-card">
        <div className="wb-toolbar">
          <div className="wb-toolbar-end">
            <span className="tb-muted tb-small">
              {list.dataUpdatedAt ? t('workbench.inbox.refreshed', { time: formatDateTime(new Date(list.dataUpdatedAt).toISOString()) }) : ''}
            </span>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()} loading={busy(list.isFetching)}>
              {t('workbench.inbox.refresh')}
            </Button>
          </div>
        </div>
        <ProblemAlert error={list.error} className="tb-gap-bottom" />
        <Table<CaseSummary>
          rowKey="caseNo"
          size="middle"
          loading={list.isFetching && !data}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('workbench.acceptance.empty')} /> }}
          scroll={{ x: 900 }}
          pagination={data && data.total > 0 ? {
            current: data.page, pageSize: data.pageSize, total: data.total, showSizeChanger: false,
            showTotal: (total) => t('workbench.inbox.total', { count: total }),
            onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}),
          } : false}
          columns={[
            {
              key: 'caseNo', title: t('workbench.acceptance.columns.caseNo'), width: 200,
              render: (_, row) => <Link to={casePagePath(row.caseNo)} className="wb-case-no">{row.caseNo}</Link>,
            },
            { key: 'item', title: t('workbench.acceptance.columns.item'), dataIndex: 'itemName' },
            {
              key: 'submittedAt', title: t('workbench.acceptance.columns.submittedAt'), width: 160,
              render: (_, row) => <time dateTime={row.submittedAt}>{formatDateTime(row.submittedAt)}</time>,
            },
            {
              key: 'due', title: t('workbench.acceptance.columns.due'), width: 130,
              render: (_, row) => (row.dueOn ? <time dateTime={row.dueOn}>{formatDate(row.dueOn)}</time> : t('workbench.deadline.none')),
            },
            { key: 'holders', title: t('workbench.acceptance.columns.holders'), render: (_, row) => row.holders.join('、') },
            {
              key: 'actions', title: t('workbench.acceptance.columns.actions'), width: 110, fixed: 'right',
              render: (_, row) => (
                <LinkButton size="small" type="primary" to={casePagePath(row.caseNo)}
                  aria-label={t('workbench.acceptance.openNamed', { caseNo: row.caseNo })}>
                  {t('workbench.acceptance.open')}
                </LinkButton>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
