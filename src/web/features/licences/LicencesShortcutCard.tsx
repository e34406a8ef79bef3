// On 个人中心: the way to 我的证照, with how many licences there are.
import { Card } from 'antd';
import { IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useWallet } from './api';

export function LicencesShortcutCard() {
  const { t } = useTranslation();
  const { data } = useWallet();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('licences.wallet.title')}</h2>}>
      <p className="tb-muted">{data ? t('licences.wallet.summary', { count: data.items.length }) : '\u00a0'}</p>
      <LinkButton to="/me/licences" icon={<IdcardOutlined aria-hidden />}>{t('licences.wallet.open')}</LinkButton>
    </Card>
  );
}
