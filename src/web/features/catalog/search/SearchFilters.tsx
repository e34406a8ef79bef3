// Filters for the item list: audience, department, theme, type, online depth, zero visits, sort.
import { Button, Col, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemQuery } from '../../../../contract/catalog';
import { useDepartments, useThemes } from '../api';
import { ITEM_TYPE_CODES, ONLINE_DEPTH_LEVELS, useItemLabels } from '../labels';
import { SORTS, type Sort } from './params';

export type FilterChange = Record<string, string | number | boolean | undefined>;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="tb-filter-field">
      <label htmlFor={id} className="tb-filter-label">{label}</label>
      {children}
    </div>
  );
}

export function SearchFilters({ query, onChange, onReset }: {
  query: ItemQuery;
  onChange: (changes: FilterChange) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const departments = useDepartments();
  const themes = useThemes(query.audience);
  const sortLabel: Record<Sort, string> = {
    relevance: t('search.sortRelevance'), popular: t('search.sortPopular'), name: t('search.sortName'), updated: t('search.sortUpdated'),
  };
  const select = { allowClear: true, placeholder: t('search.any'), className: 'tb-full-width', popupMatchSelectWidth: false } as const;

  return (
    <div className="tb-filters">
      <Row gutter={[16, 12]} align="bottom">
        <Col xs={24} md={12} xl={8}>
          <div className="tb-filter-field">
            <span id="f-audience-label" className="tb-filter-label">{t('search.audience')}</span>
            <Radio.Group
              aria-labelledby="f-audience-label"
              optionType="button"
              value={query.audience ?? ''}
              onChange={(e) => onChange({ audience: e.target.value || undefined, theme: undefined })}
              options={[
                { value: '', label: t('audience.all') },
                { value: 'person', label: t('audience.person') },
                { value: 'enterprise', label: t('audience.enterprise') },
              ]}
            />
          </div>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="f-department" label={t('search.department')}>
            <Select
              {...select}
              id="f-department"
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              value={query.department}
              onChange={(v) => onChange({ department: v })}
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="f-theme" label={t('search.theme')}>
            <Select
              {...select}
              id="f-theme"
              showSearch={{ optionFilterProp: 'label' }}
              loading={themes.isPending}
              value={query.theme}
              onChange={(v) => onChange({ theme: v })}
              options={(themes.data ?? []).map((th) => ({ value: th.code, label: th.name }))}
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="f-type" label={t('search.type')}>
            <Select
              {...select}
              id="f-type"
              value={query.type}
              onChange={(v) => onChange({ type: v })}
              options={ITEM_TYPE_CODES.map((c) => ({ value: c, label: labels.type(c) }))}
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="f-depth" label={t('search.depth')}>
            <Select
              {...select}
              id="f-depth"
              value={query.onlineDepth}
              onChange={(v) => onChange({ onlineDepth: v })}
              options={ONLINE_DEPTH_LEVELS.map((d) => ({ value: d, label: labels.depth(d) }))}
            />
          </Field>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Field id="f-zero" label={t('search.zeroVisits')}>
            <div><Switch id="f-zero" checked={!!query.zeroVisits} onChange={(v) => onChange({ zeroVisits: v || undefined })} /></div>
          </Field>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Button onClick={onReset}>{t('search.clearFilters')}</Button>
        </Col>
      </Row>
      <div className="tb-sort-row">
        <label htmlFor="f-sort" className="tb-filter-label">{t('search.sort')}</label>
        <Select
          id="f-sort"
          className="tb-sort-select"
          value={query.sort ?? (query.q ? 'relevance' : 'popular')}
          onChange={(v) => onChange({ sort: v })}
          options={SORTS.map((s) => ({ value: s, label: sortLabel[s] }))}
        />
      </div>
    </div>
  );
}
