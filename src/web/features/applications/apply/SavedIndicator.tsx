// 草稿已保存 HH:mm — announced politely, so a screen reader hears that the work is safe.
import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';

const timeOf = (iso: string) => new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', {
  timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false,
}).format(new Date(iso));

export function SavedIndicator({ savedAt, saving, failed }: { savedAt: string | null; saving: boolean; failed: boolean }) {
  const { t } = useTranslation();
  let content = null;
  if (saving) content = <><CloudUploadOutlined aria-hidden /> {t('applications.draft.saving')}</>;
  else if (failed) content = <><ExclamationCircleOutlined aria-hidden /> {t('applications.draft.failed')}</>;
  else if (savedAt) content = <><CheckCircleOutlined aria-hidden /> {t('applications.draft.saved', { time: timeOf(savedAt) })}</>;
  return <p className={failed && !saving ? 'tb-draft-status tb-draft-failed' : 'tb-draft-status'} role="status" aria-live="polite">{content}</p>;
}
