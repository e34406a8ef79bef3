// /apply/:code — online applications are a later feature; say so clearly and offer what works today.
import { Card, Result } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { usePageTitle } from '../../components/usePageTitle';
import { useItem } from './api';

export function ApplyComingSoonPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data: item } = useItem(code);
  usePageTitle(t('apply.title'));
  return (
    <div className="tb-container tb-page tb-narrow">
      <Card className="tb-card">
        <Result
          status="info"
          title={<h1 className="tb-result-title">{t('apply.title')}</h1>}
          subTitle={item ? t('apply.bodyNamed', { name: item.name }) : t('apply.body')}
          extra={[
            <LinkButton key="guide" type="primary" to={`/items/${encodeURIComponent(code)}`}>{t('apply.backToGuide')}</LinkButton>,
            <LinkButton key="home" to="/">{t('common.backHome')}</LinkButton>,
          ]}
        />
        <h2 className="tb-subheading">{t('apply.meanwhile')}</h2>
        <ul className="tb-underline-links">
          <li>{t('apply.option1')}</li>
          <li>{t('apply.option2')}</li>
          <li><PhoneOutlined aria-hidden /> {t('apply.option3')}<a href="tel:12345">12345</a></li>
        </ul>
      </Card>
    </div>
  );
}
