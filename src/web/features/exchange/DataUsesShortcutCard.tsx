// On 个人中心: the way to 数据使用记录, with how many uses there are.
import { Card } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useDataUses } from './api';

export function DataUsesShortcutCard() {
  const { t } = useTranslation();
  const { data } = useDataUses(1);
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('exchange.uses.title')}</h2>}>
      <p className="tb-muted">{t('exchange.uses.shortcut')}{data ? ` ${t('exchange.uses.summary', { count: data.total })}` : ''}</p>
      <LinkButton to="/me/data-uses" icon={<SafetyCertificateOutlined aria-hidden />}>{t('exchange.uses.open')}</LinkButton>
    </Card>
  );
}
