// Names shown beside codes: departments and items from the catalogue, registries and fields from the
// exchange's own catalogue. Item names are cached briefly; they change only on publication.
import type { Executor } from '../../db/client.js';
import type { Lang } from '../../platform/i18n.js';
import { departmentNames, getItem } from '../catalog/index.js';
import { findRegistry } from './provider.js';

const ITEM_TTL_MS = 60_000;
const itemCache = new Map<string, { name: string | null; until: number }>();

/** The current name of each item code; null for a code that is not a published item. */
export async function itemNames(db: Executor, codes: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const at = Date.now();
  await Promise.all([...new Set(codes)].map(async (code) => {
    const hit = itemCache.get(code);
    if (hit && hit.until > at) { out.set(code, hit.name); return; }
    const name = await getItem(db, code, undefined, 'zh').then((i) => i.name, () => null);
    itemCache.set(code, { name, until: at + ITEM_TTL_MS });
    out.set(code, name);
  }));
  return out;
}

export const departmentNameMap = (db: Executor, codes: string[]) => departmentNames(db, [...new Set(codes)]);

export function registryName(code: string, lang: Lang): string {
  const p = findRegistry(code);
  return p ? (lang === 'en' ? p.nameEn ?? p.name : p.name) : code;
}

export function fieldName(registry: string, field: string, lang: Lang): string {
  const def = findRegistry(registry)?.fields.find((f) => f.code === field);
  return def ? (lang === 'en' ? def.nameEn ?? def.name : def.name) : field;
}
