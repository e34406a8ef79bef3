// On 个人中心: the way to 我的办件, with how many cases are still open.
import { Card } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/LinkButton';
import { useCases } from '../api';

export function CasesShortcutCard() {
  const { t } = useTranslation();
  const { data } = useCases({ page: 1, pageSize: 1 });
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.cases.title')}</h2>}>
      <p className="tb-muted">{data ? t('applications.cases.summary', { count: data.total }) : '\u00a0'}</p>
      <LinkButton to="/me/cases" type="primary" icon={<FileTextOutlined aria-hidden />}>{t('applications.cases.open')}</LinkButton>
    </Card>
  );
}
