// /departments — every department (实施主体) with its number of items.
import { Alert, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';
import { useDepartments } from './api';
import { DepartmentTiles } from './home/DepartmentGrid';

export function DepartmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('departments.title'));
  const { data, isPending, isError } = useDepartments();
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">{t('departments.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('departments.intro')}</Typography.Paragraph>
      <Card className="tb-card">
        {isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {isError && <Alert type="warning" showIcon title={t('common.loadFailed')} />}
        {data && <DepartmentTiles departments={data} />}
      </Card>
    </div>
  );
}
