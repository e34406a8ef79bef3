// Zero results: say so plainly, suggest themes to browse, tips, and the 12345 hotline.
import { Card, Result } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemList } from '../../../../contract/catalog';
import { useThemes } from '../api';

export function NoResults({ q, suggestions }: { q?: string; suggestions?: ItemList['suggestions'] }) {
  const { t } = useTranslation();
  const { data: allThemes } = useThemes();
  const themes = suggestions?.themes.length ? suggestions.themes : allThemes;
  const hotline = suggestions?.hotline || '12345';
  return (
    <Card className="tb-card">
      <Result
        status="info"
        title={<h2 className="tb-result-title">{q ? t('search.noResultTitle', { q }) : t('search.noResultTitleNoQuery')}</h2>}
      />
      <div className="tb-no-results">
        <section aria-labelledby="nr-tips">
          <h3 id="nr-tips">{t('search.tipsHeading')}</h3>
          <ul>
            <li>{t('search.tip1')}</li>
            <li>{t('search.tip2')}</li>
            <li>{t('search.tip3')}</li>
          </ul>
        </section>
        {!!themes?.length && (
          <section aria-labelledby="nr-themes">
            <h3 id="nr-themes">{t('search.browseThemes')}</h3>
            <ul className="tb-inline-list tb-chip-list">
              {themes.slice(0, 12).map((theme) => (
                <li key={theme.code}>
                  <Link to={`/items?theme=${encodeURIComponent(theme.code)}&audience=${theme.audience}`}>{theme.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="tb-no-results-hotline">
          <PhoneOutlined aria-hidden /> {t('search.hotlinePrefix')}<a href={`tel:${hotline.replace(/[^\d+]/g, '')}`}>{hotline}</a>{t('search.hotlineSuffix')}
        </p>
      </div>
    </Card>
  );
}
