// /me/cases — 我的办件: the account's cases, newest first, with their status and the working days
// left; filter by status and, for an enterprise's agent, by applicant (their own or an enterprise's);
// and the drafts waiting to be finished.
import { Card, Empty, Pagination, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useCases } from './api';
import { CASE_STATUSES, CaseFilters } from './cases/CaseFilters';
import { CaseListRow } from './cases/CaseListRow';
import { DraftsCard } from './cases/DraftsCard';
import './applications.css';

const PAGE_SIZE = 10;
const SCOPE = /^(all|person|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function MyCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('applications.cases.title'));
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') as CaseStatus | null;
  const status = statusParam && CASE_STATUSES.includes(statusParam) ? statusParam : undefined;
  const scopeParam = params.get('scope');
  const scope = scopeParam && SCOPE.test(scopeParam) ? scopeParam : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, isFetching, refetch } = useCases({ status, ...(scope === 'all' ? {} : { scope }), page, pageSize: PAGE_SIZE });

  const show = (next: { status?: CaseStatus | null; scope?: string; page?: number }) => {
    const search = new URLSearchParams();
    const s = next.status === undefined ? status : next.status;
    const sc = next.scope ?? scope;
    if (s) search.set('status', s);
    if (sc !== 'all') search.set('scope', sc);
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
        <CaseFilters status={status} scope={scope} enterprises={data?.enterprises ?? []} onChange={(next) => show({ ...next, page: 1 })} />
        {isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {error && <ProblemAlert error={error} onRetry={refetch} />}
        {data && (
          <div aria-busy={isFetching}>
            <p className="tb-muted tb-small" role="status">{t('applications.cases.summary', { count: data.total })}</p>
            {data.items.length === 0 ? (
              <Empty description={scope !== 'all' ? t('applications.cases.emptyScope') : status ? t('applications.cases.emptyFiltered') : t('applications.cases.empty')} />
            ) : (
              <ul className="tb-plain-list tb-case-list">
                {data.items.map((item) => <li key={item.caseNo}><CaseListRow item={item} /></li>)}
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
