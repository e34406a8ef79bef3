// 404 and "no permission" pages.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/LinkButton';
import { usePageTitle } from '../components/usePageTitle';

export function NotFoundPage({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  usePageTitle(title ?? t('notFound.title'));
  return (
    <div className="tb-container tb-page">
      <Result
        status="404"
        title={<h1 className="tb-result-title">{title ?? t('notFound.title')}</h1>}
        subTitle={body ?? t('notFound.body')}
        extra={[
          <LinkButton key="home" type="primary" to="/">{t('common.backHome')}</LinkButton>,
          <LinkButton key="search" to="/items">{t('nav.search')}</LinkButton>,
        ]}
      />
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <NotFoundPage title={t('forbidden.title')} body={t('forbidden.body')} />;
}
