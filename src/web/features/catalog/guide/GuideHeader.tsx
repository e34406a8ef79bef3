// Guide header: name, tags, department, the 在线办理 link and the version selector.
import { Select, Tag, Typography } from 'antd';
import { ApartmentOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '../../../../contract/catalog';
import { LinkButton } from '../../../components/LinkButton';
import { formatDate } from '../../../lib/format';
import { useItemLabels } from '../labels';

export function GuideHeader({ item, onVersion }: { item: ItemView; onVersion: (version: number) => void }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const versions = [...item.versions].sort((a, b) => b.version - a.version);
  return (
    <div className="tb-guide-header">
      <div className="tb-guide-heading">
        <Typography.Title level={1} className="tb-page-title">{item.name}</Typography.Title>
        <div className="tb-result-tags">
          <Tag color="blue">{item.typeName || labels.type(item.type)}</Tag>
          {item.audience.map((a) => <Tag key={a}>{labels.audience(a)}</Tag>)}
          {item.visits === 0 && <Tag className="tb-tag-green">{labels.visits(0)}</Tag>}
          {item.onlineDepth === 4 && <Tag color="geekblue">{labels.depthShort(4)}</Tag>}
          {item.projectType === 'immediate' && <Tag color="purple">{labels.projectType('immediate')}</Tag>}
        </div>
        <p className="tb-result-dept">
          <ApartmentOutlined aria-hidden /> {t('guide.fields.department')}{t('common.colon')}
          <Link to={`/departments/${encodeURIComponent(item.department.code)}`}>{item.department.name}</Link>
        </p>
        {item.aliases.length > 0 && <p className="tb-muted">{t('guide.aliases')}{t('common.colon')}{item.aliases.join('、')}</p>}
        {item.summary && <Typography.Paragraph className="tb-guide-summary">{item.summary}</Typography.Paragraph>}
      </div>
      <div className="tb-guide-actions">
        <LinkButton to={`/apply/${item.code}`} type="primary" size="large" icon={<SendOutlined aria-hidden />}>
          {t('guide.applyOnline')}
        </LinkButton>
        {versions.length > 0 && (
          <div className="tb-version-select">
            <label htmlFor="tb-version" className="tb-filter-label">{t('guide.version')}</label>
            <Select
              id="tb-version"
              value={item.version}
              onChange={onVersion}
              popupMatchSelectWidth={false}
              options={versions.map((v) => ({
                value: v.version,
                label: t(v.version === item.latestVersion ? 'guide.versionCurrent' : 'guide.versionOption', { version: v.version, date: formatDate(v.publishedAt) }),
              }))}
            />
          </div>
        )}
      </div>
    </div>
  );
}
