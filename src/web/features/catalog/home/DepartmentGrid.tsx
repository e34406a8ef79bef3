// 部门服务: departments as tiles with their item counts; the home page shows the busiest twelve.
import { Alert, Card, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/catalog';
import { useDepartments } from '../api';

export function DepartmentTiles({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tb-dept-grid">
      {departments.map((d) => (
        <li key={d.code}>
          <Link to={`/departments/${encodeURIComponent(d.code)}`} className="tb-dept-tile">
            <span className="tb-dept-name">{d.shortName || d.name}</span>
            <span className="tb-muted">{t('common.itemCount', { count: d.itemCount })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function DepartmentGrid() {
  const { t } = useTranslation();
  const { data, isPending, isError } = useDepartments();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('home.deptHeading')}</h2>} extra={<Link to="/departments">{t('common.viewAll')}</Link>}>
      {isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {isError && <Alert type="warning" showIcon title={t('common.loadFailed')} />}
      {data && <DepartmentTiles departments={[...data].sort((a, b) => b.itemCount - a.itemCount).slice(0, 12)} />}
    </Card>
  );
}
