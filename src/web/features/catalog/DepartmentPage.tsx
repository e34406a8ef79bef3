// /departments/:code — a department's description, windows and the items it handles.
import { Breadcrumb, Card, Pagination, Skeleton, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { useDepartment, useItems } from './api';
import { Phone, WindowList } from './guide/Locations';
import { ResultCard } from './search/ResultCard';

const PAGE_SIZE = 10;

export function DepartmentPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const department = useDepartment(code);
  const items = useItems({ department: code, page, pageSize: PAGE_SIZE, sort: 'popular' }, department.isSuccess);
  usePageTitle(department.data?.name ?? t('departments.title'));

  if (department.isPending) return <PageSkeleton />;
  if (isApiError(department.error) && department.error.status === 404) {
    return <NotFoundPage title={t('departments.notFound')} />;
  }
  if (!department.data) return <div className="tb-container tb-page"><ProblemAlert error={department.error} /></div>;
  const d = department.data;

  return (
    <div className="tb-container tb-page">
      <Breadcrumb
        className="tb-breadcrumb"
        items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: <Link to="/departments">{t('departments.title')}</Link> }, { title: d.name }]}
      />
      <Card className="tb-card">
        <Typography.Title level={1} className="tb-page-title">{d.name}</Typography.Title>
        <Typography.Paragraph>{d.description}</Typography.Paragraph>
        <p><PhoneOutlined aria-hidden /> {t('departments.phone')}{t('common.colon')}<Phone number={d.phone} /></p>
      </Card>
      {d.windows.length > 0 && (
        <section aria-labelledby="dept-windows">
          <Card className="tb-card" title={<h2 id="dept-windows" className="tb-card-title">{t('departments.windows')}</h2>}>
            <WindowList windows={d.windows} headingLevel={3} />
          </Card>
        </section>
      )}
      <section aria-labelledby="dept-items">
        <Card className="tb-card" title={<h2 id="dept-items" className="tb-card-title">{t('departments.items', { count: items.data?.total ?? d.itemCount })}</h2>}>
          {items.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {items.error && <ProblemAlert error={items.error} />}
          {items.data && (
            <>
              <ul className="tb-result-list">
                {items.data.items.map((item) => <li key={item.code}><ResultCard item={item} /></li>)}
              </ul>
              {items.data.total > PAGE_SIZE && (
                <nav aria-label={t('search.pagination')} className="tb-pagination">
                  <Pagination current={page} pageSize={PAGE_SIZE} total={items.data.total} showSizeChanger={false} responsive onChange={(p) => setParams({ page: String(p) })} />
                </nav>
              )}
            </>
          )}
        </Card>
      </section>
    </div>
  );
}
