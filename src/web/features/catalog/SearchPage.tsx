// /items: search and browse the catalogue with filters, sort and pagination; all state in the URL.
import { useState } from 'react';
import { Alert, Button, Card, Pagination, Skeleton, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchBox } from '../../components/SearchBox';
import { usePageTitle } from '../../components/usePageTitle';
import { useItems, useThemes } from './api';
import { NoResults } from './search/NoResults';
import { PAGE_SIZE, queryFromParams, withChanges, FILTER_KEYS } from './search/params';
import { ResultCard } from './search/ResultCard';
import { SearchFilters, type FilterChange } from './search/SearchFilters';

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const { data, isPending, isError, error, isFetching, refetch } = useItems(query);
  const { data: themes } = useThemes();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const theme = themes?.find((th) => th.code === query.theme);
  const heading = query.q ? t('search.resultsFor', { q: query.q }) : theme ? theme.name : t('search.allItems');
  usePageTitle(heading);

  const change = (changes: FilterChange) => setParams(withChanges(params, changes));
  const reset = () => setParams(withChanges(params, Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))));
  const activeFilters = FILTER_KEYS.filter((k) => params.has(k)).length;

  return (
    <div className="tb-container tb-page">
      <div className="tb-search-bar">
        <SearchBox initial={query.q ?? ''} size="large" onSearch={(q) => change({ q: q || undefined, sort: undefined })} />
      </div>
      <Card className="tb-card">
        <div className="tb-search-heading">
          <Typography.Title level={1} className="tb-page-title">{heading}</Typography.Title>
          <Button
            className="tb-mobile-only"
            icon={<FilterOutlined aria-hidden />}
            aria-expanded={filtersOpen}
            aria-controls="tb-filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {filtersOpen ? t('search.hideFilters') : t('search.showFilters')}{activeFilters ? ` (${activeFilters})` : ''}
          </Button>
        </div>
        {theme && <p className="tb-muted">{theme.description}</p>}
        <div id="tb-filters" className={filtersOpen ? 'tb-filters-wrap tb-open' : 'tb-filters-wrap'}>
          <SearchFilters query={query} onChange={change} onReset={reset} />
        </div>
      </Card>

      <section aria-labelledby="tb-results-heading" aria-busy={isFetching} className="tb-results">
        <h2 id="tb-results-heading" className="tb-visually-hidden">{t('search.resultsHeading')}</h2>
        {isPending && <Card className="tb-card"><Skeleton active paragraph={{ rows: 8 }} /></Card>}
        {isError && <ProblemAlert error={error} onRetry={refetch} />}
        {data && data.total === 0 && <NoResults q={query.q} suggestions={data.suggestions} />}
        {data && data.total > 0 && (
          <>
            <p className="tb-result-count" role="status">
              {t('search.total', { count: data.total })}
              {data.terms.length > 0 && !data.fuzzy && <span className="tb-muted">{t('search.understood', { terms: data.terms.join(' ') })}</span>}
            </p>
            {data.fuzzy && <Alert type="info" showIcon role="status" className="tb-gap-bottom" title={t('search.fuzzy')} />}
            <ul className="tb-result-list">
              {data.items.map((item) => <li key={item.code}><ResultCard item={item} /></li>)}
            </ul>
            {data.total > (data.pageSize || PAGE_SIZE) && (
              <nav aria-label={t('search.pagination')} className="tb-pagination">
                <Pagination
                  current={data.page}
                  pageSize={data.pageSize || PAGE_SIZE}
                  total={data.total}
                  showSizeChanger={false}
                  responsive
                  onChange={(page) => {
                    change({ page });
                    window.scrollTo({ top: 0 });
                  }}
                />
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
