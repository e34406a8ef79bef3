// i18next set-up: zh-CN first, English second; the choice is kept in localStorage and mirrored
// into <html lang> so screen readers pronounce the page correctly.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN, { type Messages } from './zh-CN';
import en from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'tb_lang';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage may be blocked; fall back to Chinese
  }
  return 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const applyLang = (lng: string) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
  document.title = i18n.t('app.fullName');
};
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not persisted; the choice still holds for this visit
  }
});

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

export default i18n;
