// Timeline lines of the submission-time check of registry-prefilled values (prefill-check.ts), in
// Chinese and English: which fields the registries confirmed, which the reviewer must check by hand.
import type { Lang } from '../../platform/i18n.js';

export const PREFILL_CHECK_ACTIONS = new Set(['prefill_verified', 'prefill_unverified']);

const TITLES: Record<string, { zh: string; en: string }> = {
  prefill_verified: { zh: '提交时已与登记机关核对预填信息', en: 'Prefilled values confirmed with the registries at submission' },
  prefill_unverified: { zh: '预填信息提交时未能与登记机关核对，请人工核验', en: 'Prefilled values could not be confirmed at submission; check them by hand' },
};

const REASONS: Record<string, { zh: string; en: string }> = {
  unavailable: { zh: '数据源暂不可用', en: 'source unavailable' },
  denied: { zh: '未获共享授权', en: 'not shared' },
  not_found: { zh: '登记机关无记录', en: 'no record' },
};

interface FieldNote { label?: string; labelEn?: string; registryName?: string; registryNameEn?: string; reason?: string }

/** 提交时已与登记机关核对预填信息：出生日期（出生医学证明信息）、… */
export function prefillCheckText(action: string, lang: Lang, data: Record<string, unknown> | null): string {
  const fields = (Array.isArray(data?.fields) ? data.fields : []) as FieldNote[];
  const notes = fields.map((f) => {
    const label = (lang === 'en' ? f.labelEn : f.label) ?? '';
    const source = (lang === 'en' ? f.registryNameEn : f.registryName) ?? '';
    const reason = f.reason && REASONS[f.reason] ? REASONS[f.reason][lang] : null;
    if (lang === 'en') return `${label} (${source}${reason ? `: ${reason}` : ''})`;
    return `${label}（${source}${reason ? `：${reason}` : ''}）`;
  });
  const title = TITLES[action]?.[lang] ?? action;
  return notes.length ? (lang === 'en' ? `${title}: ${notes.join(', ')}` : `${title}：${notes.join('、')}`) : title;
}
