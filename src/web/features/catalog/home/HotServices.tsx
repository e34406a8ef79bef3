// 热门服务: the most used items, each a link to its guide.
import { Alert, Card, Empty, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHotItems } from '../api';
import { useItemLabels } from '../labels';

export function HotServices() {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const { data, isPending, isError } = useHotItems(undefined, 10);
  return (
    <Card className="tb-card tb-fill" title={<h2 className="tb-card-title">{t('home.hotHeading')}</h2>} extra={<Link to="/items?sort=popular">{t('common.more')}</Link>}>
      {isPending && <Skeleton active paragraph={{ rows: 5 }} />}
      {isError && <Alert type="warning" showIcon title={t('common.loadFailed')} />}
      {data && data.length === 0 && <Empty description={t('common.empty')} />}
      {data && data.length > 0 && (
        <ol className="tb-hot-list">
          {data.map((item, index) => (
            <li key={item.code}>
              <span className={index < 3 ? 'tb-rank tb-rank-top' : 'tb-rank'} aria-hidden>{index + 1}</span>
              <Link to={`/items/${item.code}`} className="tb-hot-name">{item.name}</Link>
              <span className="tb-hot-meta">
                {item.visits === 0 && <Tag className="tb-tag-green">{labels.visits(0)}</Tag>}
                <span className="tb-muted">{item.department.name}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
