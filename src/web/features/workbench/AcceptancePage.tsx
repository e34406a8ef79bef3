// /workbench/acceptance — 受理: submitted cases waiting for a window clerk, oldest first; each opens
// in the case page where the clerk accepts or refuses it. 帮办代办 starts from the item search.
import { Alert, Card } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { formatDate, formatDateTime } from '../../lib/format';
import { useAcceptanceList } from './api';
import { CaseNoLink, casePagePath, pageOf, WorkbenchPage, WorkbenchTable, WorkbenchToolbar } from './WorkbenchTable';

export function AcceptancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const list = useAcceptanceList(pageOf(params));

  return (
    <WorkbenchPage
      title={t('workbench.acceptance.title')}
      intro={t('workbench.acceptance.intro')}
      actions={(
        <LinkButton to="/items" icon={<TeamOutlined aria-hidden />} aria-describedby="wb-on-behalf-hint">
          {t('workbench.acceptance.onBehalf')}
        </LinkButton>
      )}
    >
      <Alert type="info" showIcon className="tb-gap-bottom" title={t('workbench.acceptance.onBehalf')}
        description={<span id="wb-on-behalf-hint">{t('workbench.acceptance.onBehalfHint')}</span>} />
      <Card className="tb-card">
        <WorkbenchToolbar list={list} />
        <WorkbenchTable<CaseSummary>
          list={list}
          rowKey="caseNo"
          empty={t('workbench.acceptance.empty')}
          scrollX={900}
          onPage={(p) => setParams(p > 1 ? { page: String(p) } : {})}
          columns={[
            { key: 'caseNo', title: t('workbench.acceptance.columns.caseNo'), width: 200, render: (_, row) => <CaseNoLink caseNo={row.caseNo} /> },
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
    </WorkbenchPage>
  );
}
