// Dates are shown in Asia/Shanghai whatever the browser's zone, in the UI language.
import { currentLanguage } from '../i18n';

const TIME_ZONE = 'Asia/Shanghai';

const formatter = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: TIME_ZONE, ...options });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/**
 * Button `loading` for requests that often answer within a frame or two: the spinner appears only
 * after a short delay, so a fast answer never leaves the button named "loading".
 */
export const busy = (pending: boolean) => (pending ? { delay: 200 } : false);
