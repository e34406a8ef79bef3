// One search result: highlighted name, type, department, promised limit, visits and online depth.
import { Tag } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../../../../contract/catalog';
import { HighlightedName } from '../../../components/HighlightedName';
import { useItemLabels } from '../labels';

export function ResultCard({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const headingId = `result-${item.code}`;
  return (
    <article className="tb-result" data-testid="result-item" aria-labelledby={headingId}>
      <div className="tb-result-head">
        <h3 id={headingId} className="tb-result-name">
          <Link to={`/items/${item.code}`}><HighlightedName text={item.name} ranges={item.highlights} /></Link>
        </h3>
        <span className="tb-result-tags">
          <Tag color="blue">{item.typeName || labels.type(item.type)}</Tag>
          {item.audience.map((a) => <Tag key={a}>{labels.audience(a)}</Tag>)}
          {item.visits === 0 && <Tag className="tb-tag-green">{labels.visits(0)}</Tag>}
        </span>
      </div>
      <p className="tb-result-dept">
        <ApartmentOutlined aria-hidden /> <span className="tb-visually-hidden">{t('guide.fields.department')}{t('common.colon')}</span>
        <Link to={`/departments/${encodeURIComponent(item.department.code)}`}>{item.department.name}</Link>
      </p>
      {item.matchedAlias && (
        <p className="tb-result-alias">
          {t('search.matchedAlias')}<HighlightedName text={item.matchedAlias.text} ranges={item.matchedAlias.highlights} />
        </p>
      )}
      {item.summary && <p className="tb-result-summary"><HighlightedName text={item.summary} ranges={item.summaryHighlights} /></p>}
      <dl className="tb-result-facts">
        <div>
          <dt>{t('search.promised')}</dt>
          <dd>{labels.limit(item.promisedLimitDays)}</dd>
        </div>
        <div>
          <dt>{t('search.visits')}</dt>
          <dd>{t('item.visitsCount', { count: item.visits })}</dd>
        </div>
        <div>
          <dt>{t('search.depth')}</dt>
          <dd>{labels.depth(item.onlineDepth)}</dd>
        </div>
      </dl>
    </article>
  );
}
