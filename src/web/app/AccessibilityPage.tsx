// 无障碍声明: what the site does for accessibility and how to report a barrier.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/usePageTitle';

export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessibility.title'));
  const points = [t('accessibility.point1'), t('accessibility.point2'), t('accessibility.point3'), t('accessibility.point4'), t('accessibility.point5')];
  return (
    <div className="tb-container tb-page tb-narrow">
      <Card>
        <Typography.Title level={1} className="tb-page-title">{t('accessibility.title')}</Typography.Title>
        <Typography.Paragraph>{t('accessibility.intro')}</Typography.Paragraph>
        <ul>{points.map((p) => <li key={p}>{p}</li>)}</ul>
        <Typography.Paragraph>{t('accessibility.feedback')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
