// 个人办事 / 法人办事 tabs, each a grid of life-event themes linking to the filtered item list.
import { Alert, Card, Skeleton, Tabs } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Audience, Theme } from '../../../../contract/catalog';
import { ThemeIcon } from '../../../lib/icons';
import { useThemes } from '../api';

/** two rows on wide screens, three on phones; the rest are one click away on /themes */
const HOME_THEME_COUNT = 12;

export function ThemeGrid({ themes, compact = false }: { themes: Theme[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={compact ? 'tb-theme-grid tb-theme-grid-compact' : 'tb-theme-grid'}>
      {themes.map((theme) => (
        <li key={theme.code}>
          <Link to={`/items?theme=${encodeURIComponent(theme.code)}&audience=${theme.audience}`} className="tb-theme-card">
            <span className={`tb-theme-icon tb-theme-icon-${theme.audience}`}><ThemeIcon name={theme.icon} /></span>
            <span className="tb-theme-name">{theme.name}</span>
            <span className="tb-theme-count">{t('common.itemCount', { count: theme.itemCount })}</span>
            {!compact && <span className="tb-theme-desc">{theme.description}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ThemePanel({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const { data, isPending, isError } = useThemes(audience);
  if (isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (isError) return <Alert type="warning" showIcon title={t('common.loadFailed')} />;
  return <ThemeGrid themes={data.slice(0, HOME_THEME_COUNT)} compact />;
}

export function ThemeTabs() {
  const { t } = useTranslation();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('home.themesHeading')}</h2>} extra={<Link to="/themes">{t('common.viewAll')}</Link>}>
      <Tabs
        size="large"
        items={[
          { key: 'person', label: t('home.personTab'), children: <ThemePanel audience="person" /> },
          { key: 'enterprise', label: t('home.enterpriseTab'), children: <ThemePanel audience="enterprise" /> },
        ]}
      />
    </Card>
  );
}
