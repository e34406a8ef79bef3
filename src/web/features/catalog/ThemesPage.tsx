// /themes — every life-event theme, for persons and for enterprises.
import { Alert, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../contract/catalog';
import { usePageTitle } from '../../components/usePageTitle';
import { useThemes } from './api';
import { ThemeGrid } from './home/ThemeTabs';

function AudienceThemes({ audience, title }: { audience: Audience; title: string }) {
  const { t } = useTranslation();
  const { data, isPending, isError } = useThemes(audience);
  return (
    <section aria-labelledby={`themes-${audience}`}>
      <Card className="tb-card" title={<h2 id={`themes-${audience}`} className="tb-card-title">{title}</h2>}>
        {isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {isError && <Alert type="warning" showIcon title={t('common.loadFailed')} />}
        {data && <ThemeGrid themes={data} />}
      </Card>
    </section>
  );
}

export function ThemesPage() {
  const { t } = useTranslation();
  usePageTitle(t('themes.title'));
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">{t('themes.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('themes.intro')}</Typography.Paragraph>
      <AudienceThemes audience="person" title={t('home.personTab')} />
      <AudienceThemes audience="enterprise" title={t('home.enterpriseTab')} />
    </div>
  );
}
