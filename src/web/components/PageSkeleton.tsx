// Placeholder while a route's code or first data loads.
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="tb-container tb-page" role="status" aria-live="polite" aria-busy="true">
      <span className="tb-visually-hidden">{t('common.loading')}</span>
      <Skeleton active title paragraph={{ rows }} />
    </div>
  );
}
