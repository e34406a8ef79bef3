// Each page names itself in the browser tab: "<page> - 青川市政务服务网 · 通办".
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(title: string | undefined) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const site = t('app.fullName');
    document.title = title ? `${title} - ${site}` : site;
  }, [title, t, i18n.language]);
}
