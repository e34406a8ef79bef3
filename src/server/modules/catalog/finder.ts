// Finding items: a query is tried word by word (every word, or a synonym of it, must match), then
// with one word dropped, then by shared character pairs (typos); browsing without a query is
// ordered by popularity. Returns the public list with highlights, or suggestions when empty.
import { ITEM_TYPES, type ItemList, type ItemQuery, type ItemSummary, type ItemTypeCode } from '../../../contract/catalog.js';
import type { Executor } from '../../db/client.js';
import type { Lang } from '../../platform/i18n.js';
import { findThemes } from './repo.js';
import { browse, searchGrams, searchWords, type SearchFilters, type SortKey, type SummaryRow } from './search-repo.js';
import { cachedSearch, rememberSearch } from './search-cache.js';
import { highlight, highlightInitials, normalise, parseQuery, type Range } from './search.js';

export const HOTLINE = '12345';

export function toSummary(r: SummaryRow, lang: Lang, highlights?: Range[]): ItemSummary {
  return {
    code: r.code, name: r.name, type: r.type as ItemTypeCode, typeName: ITEM_TYPES[r.type as ItemTypeCode]?.[lang] ?? r.type,
    department: { code: r.department_code, name: r.department_name },
    audience: r.audience as ItemSummary['audience'], summary: r.summary,
    onlineDepth: r.online_depth, visits: r.visits, promisedLimitDays: r.promised_limit_days, legalLimitDays: r.legal_limit_days,
    version: r.version,
    ...(highlights ? { highlights } : {}),
  };
}

/** The smallest share of the query's character pairs a fallback result must contain. */
const MIN_GRAM_SHARE = 0.5;

export async function findItems(db: Executor, query: ItemQuery, lang: Lang): Promise<ItemList> {
  const key = `${lang}|${JSON.stringify(query, Object.keys(query).sort())}`;
  const cached = cachedSearch(key);
  if (cached) return cached;
  const list = await findItemsUncached(db, query, lang);
  rememberSearch(key, list);
  return list;
}

async function findItemsUncached(db: Executor, query: ItemQuery, lang: Lang): Promise<ItemList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  const filters: SearchFilters = {
    audience: query.audience, department: query.department, region: query.region, theme: query.theme,
    type: query.type, onlineDepth: query.onlineDepth, zeroVisits: query.zeroVisits,
  };
  const parsed = query.q && normalise(query.q) ? parseQuery(query.q) : null;
  if (!parsed || !parsed.groups.length) {
    const sort: SortKey = !query.sort || query.sort === 'relevance' ? 'popular' : (query.sort as SortKey);
    const { list, total } = await browse(db, filters, sort, paging);
    return { total, page, pageSize, items: list.map((r) => toSummary(r, lang)), terms: [], fuzzy: false };
  }

  const sort = (query.sort ?? 'relevance') as SortKey;
  const words = { groups: parsed.groups, phrases: parsed.terms, initials: parsed.initials };
  let result = await searchWords(db, filters, words, sort, paging);
  let fuzzy = false;
  let marks = parsed.marks;
  // a query of three or more real words may miss one of them (its one-character words are dropped)
  const long = parsed.groups.filter((_, i) => [...parsed.words[i]].length > 1);
  if (result.total === 0 && long.length > 2) {
    result = await searchWords(db, filters, { ...words, groups: long, minGroups: long.length - 1 }, sort, paging);
    fuzzy = result.total > 0;
  }
  if (result.total === 0 && parsed.grams.length) {
    result = await searchGrams(db, filters, parsed.grams, MIN_GRAM_SHARE, sort, paging);
    fuzzy = result.total > 0;
    if (fuzzy) marks = parsed.grams;
  }
  const items = result.list.map((r) => {
    const ranges = highlight(r.name, marks);
    const summary = toSummary(r, lang, ranges.length || !parsed.initials ? ranges : highlightInitials(r.name, parsed.initials));
    // show the person why a result matched when its name does not: the alias they typed, the summary
    if (!summary.highlights?.length) {
      for (const alias of r.aliases ?? []) {
        const aliasRanges = highlight(alias, marks);
        if (aliasRanges.length) { summary.matchedAlias = { text: alias, highlights: aliasRanges }; break; }
      }
    }
    const summaryRanges = highlight(r.summary, marks);
    if (summaryRanges.length) summary.summaryHighlights = summaryRanges;
    return summary;
  });
  const list: ItemList = { total: result.total, page, pageSize, items, terms: parsed.terms, fuzzy };
  if (result.total === 0) list.suggestions = await suggestions(db, query.audience);
  return list;
}

async function suggestions(db: Executor, audience: string | undefined): Promise<NonNullable<ItemList['suggestions']>> {
  const themes = await findThemes(db, audience);
  const popular = [...themes].sort((a, b) => b.item_count - a.item_count).slice(0, 8);
  return { themes: popular.map((t) => ({ code: t.code, name: t.name, audience: t.audience })), hotline: HOTLINE };
}
