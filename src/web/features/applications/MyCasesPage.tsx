// /me/cases — 我的办件: the account's cases, newest first, with their status and the working days
// left; filter by status; and the drafts waiting to be finished.
import { Card, Empty, Pagination, Select, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseSummary } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/format';
import { useCases } from './api';
import { DraftsCard } from './cases/DraftsCard';
import { DaysLeft, DueDate, StatusTag } from './labels';
import './applications.css';

const STATUSES: CaseStatus[] = ['submitted', 'in_review', 'supplement', 'concluded', 'not_accepted', 'withdrawn'];
const PAGE_SIZE = 10;
const OPEN: CaseStatus[] = ['submitted', 'in_review', 'supplement'];

function CaseRow({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const titleId = `case-${item.caseNo}`;
  return (
    <article className="tb-case-row" aria-labelledby={titleId}>
      <div className="tb-case-row-head">
        <h3 id={titleId} className="tb-case-row-title">
          <Link to={`/me/cases/${encodeURIComponent(item.caseNo)}`}>{item.itemName}</Link>
        </h3>
        <StatusTag status={item.status} result={item.result} />
      </div>
      <dl className="tb-case-facts">
        <div><dt>{t('applications.case.caseNo')}</dt><dd className="tb-case-no">{item.caseNo}</dd></div>
        <div><dt>{t('applications.case.submittedAt')}</dt><dd>{formatDateTime(item.submittedAt)}</dd></div>
        {OPEN.includes(item.status) && (
          <>
            <div><dt>{t('applications.case.dueOn')}</dt><dd><DueDate dueOn={item.dueOn} /> <DaysLeft days={item.workingDaysLeft} deadline={item.deadline} /></dd></div>
            {item.holders.length > 0 && <div><dt>{t('applications.case.holders')}</dt><dd>{item.holders.join('、')}</dd></div>}
          </>
        )}
      </dl>
    </article>
  );
}

export function MyCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('applications.cases.title'));
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') as CaseStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, isFetching, refetch } = useCases({ status, page, pageSize: PAGE_SIZE });

  const show = (next: { status?: CaseStatus | null; page?: number }) => {
    const search = new URLSearchParams();
    const s = next.status === undefined ? status : next.status;
    if (s) search.set('status', s);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  return (
    <div className="tb-container tb-page tb-narrow">
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('applications.cases.title')}</Typography.Title>
        <LinkButton to="/items">{t('applications.cases.findService')}</LinkButton>
      </div>
      <DraftsCard />
      <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.cases.listTitle')}</h2>}>
        <div className="tb-case-filter">
          <label htmlFor="cases-status" className="tb-filter-label">{t('applications.cases.filter')}</label>
          <Select
            id="cases-status"
            className="tb-case-filter-select"
            value={status ?? 'all'}
            onChange={(value: string) => show({ status: value === 'all' ? null : (value as CaseStatus), page: 1 })}
            options={[{ value: 'all', label: t('applications.cases.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))]}
          />
        </div>
        {isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {error && <ProblemAlert error={error} onRetry={refetch} />}
        {data && (
          <div aria-busy={isFetching}>
            <p className="tb-muted tb-small" role="status">{t('applications.cases.summary', { count: data.total })}</p>
            {data.items.length === 0 ? (
              <Empty description={status ? t('applications.cases.emptyFiltered') : t('applications.cases.empty')} />
            ) : (
              <ul className="tb-plain-list tb-case-list">
                {data.items.map((item) => <li key={item.caseNo}><CaseRow item={item} /></li>)}
              </ul>
            )}
            {data.total > data.pageSize && (
              <nav aria-label={t('applications.cases.pagination')} className="tb-pagination">
                <Pagination current={data.page} pageSize={data.pageSize} total={data.total} showSizeChanger={false} responsive
                  onChange={(next) => { show({ page: next }); window.scrollTo({ top: 0 }); }} />
              </nav>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
