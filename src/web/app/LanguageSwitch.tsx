// 中文 / English switch; each option is labelled in its own language.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

const OPTIONS: { lng: Language; label: string }[] = [
  { lng: 'zh-CN', label: '中文' },
  { lng: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('lang.label')} className="tb-lang-switch">
      {OPTIONS.map(({ lng, label }) => (
        <Button
          key={lng}
          size="small"
          type={i18n.language === lng ? 'primary' : 'text'}
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}
