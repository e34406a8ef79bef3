// SQL over item_search, the denormalised row per published item: word search ranked by
// ts_rank plus name and popularity bonuses, the character-gram fallback, browsing and hot lists.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.js';
import { clearSearchCache } from './search-cache.js';
import { textArray } from './repo.js';

export interface SearchFilters {
  audience?: string; department?: string; region?: string; theme?: string; type?: string;
  onlineDepth?: number; zeroVisits?: boolean;
}
export type SortKey = 'relevance' | 'popular' | 'name' | 'updated';
export interface Page { limit: number; offset: number }

export interface SummaryRow {
  code: string; name: string; type: string; department_code: string; department_name: string; audience: string[];
  summary: string; online_depth: number; visits: number; promised_limit_days: number; legal_limit_days: number;
  version: number; aliases: string[];
}

const columns = sql`s.code, s.name, s.aliases, s.type, s.department_code, s.department_name, s.audience, s.summary, s.online_depth,
  s.visits, s.promised_limit_days, s.legal_limit_days, s.version`;

function filterSql(f: SearchFilters): SQL[] {
  const where: SQL[] = [];
  if (f.audience) where.push(sql`s.audience @> ${textArray([f.audience])}::text[]`);
  if (f.department) where.push(sql`s.department_code = ${f.department}`);
  if (f.theme) where.push(sql`s.theme_codes @> ${textArray([f.theme])}::text[]`);
  if (f.type) where.push(sql`s.type = ${f.type}`);
  if (f.onlineDepth !== undefined) where.push(sql`s.online_depth = ${f.onlineDepth}`);
  if (f.zeroVisits) where.push(sql`s.visits = 0`);
  if (f.region) {
    // items of the region itself, of the regions above it (a city item serves its districts) and below it
    where.push(sql`s.region_code IN (
      WITH RECURSIVE up AS (SELECT code, parent_code FROM regions WHERE code = ${f.region}
        UNION SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent_code),
      down AS (SELECT code FROM regions WHERE code = ${f.region}
        UNION SELECT r.code FROM regions r JOIN down ON r.parent_code = down.code)
      SELECT code FROM up UNION SELECT code FROM down)`);
  }
  return where;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`true`);

/**
 * Sort keys over `s` (item_search) and `r`, the rank, so that the ranking query and the query
 * reading the page's rows order them the same way. Adding 0 keeps the planner from walking the
 * popularity index: every match is counted anyway.
 */
function orderSql(sort: SortKey, r: SQL): SQL {
  switch (sort) {
    case 'relevance': return sql`${r} DESC, s.popularity + 0 DESC, s.code`;
    case 'name': return sql`s.name COLLATE "C", s.code`;
    case 'updated': return sql`s.updated_at DESC, s.code`;
    default: return sql`s.popularity + 0 DESC, s.code`;
  }
}

/**
 * One page of matches in order, and the total. Ranking runs over narrow rows (code, total, rank);
 * only the page's rows are then joined for their display columns.
 */
async function paged(db: Executor, where: SQL, sort: SortKey, rank: SQL, page: Page): Promise<{ list: SummaryRow[]; total: number }> {
  const list = await rows<SummaryRow & { total: number }>(db, sql`
    WITH hits AS (
      SELECT s.code, count(*) OVER () AS total, ${rank}::float8 AS r
      FROM item_search s WHERE ${where} ORDER BY ${orderSql(sort, sql`r`)} LIMIT ${page.limit} OFFSET ${page.offset})
    SELECT ${columns}, h.total::int AS total FROM hits h JOIN item_search s ON s.code = h.code ORDER BY ${orderSql(sort, sql`h.r`)}`);
  if (list.length || page.offset === 0) return { list, total: list[0]?.total ?? 0 };
  return { list, total: (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM item_search s WHERE ${where}`))[0]?.n ?? 0 };
}

export async function browse(db: Executor, f: SearchFilters, sort: SortKey, page: Page) {
  return paged(db, and(filterSql(f)), sort === 'relevance' ? 'popular' : sort, sql`0`, page);
}

export interface WordSearch {
  /** every group must match */
  groups: string[];
  /** relaxed: at least this many groups must match (ranked by how many do) */
  minGroups?: number;
  /** normalised query words and synonyms, for the name bonus */
  phrases: string[];
  /** an all-ASCII query also matches the items' pinyin initials */
  initials: string | null;
}

export async function searchWords(db: Executor, f: SearchFilters, w: WordSearch, sort: SortKey, page: Page) {
  const all = w.minGroups ? w.groups.join(' | ') : w.groups.join(' & ');
  const phrases = textArray(w.phrases);
  const like = w.initials ? `%${w.initials}%` : null;
  const match = like ? sql`(s.tokens @@ ${all}::tsquery OR s.initials LIKE ${like})` : sql`s.tokens @@ ${all}::tsquery`;
  const matched = sql`(SELECT count(*) FROM unnest(${textArray(w.groups)}::text[]) g WHERE s.tokens @@ g::tsquery)`;
  const where = and([match, ...(w.minGroups ? [sql`${matched} >= ${w.minGroups}`] : []), ...filterSql(f)]);
  // Cheap per row, since every match is ranked (no vector is read): an exact name or alias, the share
  // of the name the longest query term covers, a term inside an alias, typed initials, popularity.
  const longest = [...w.phrases].sort((a, b) => b.length - a.length);
  const within = (column: SQL, n: number, score: (p: string) => number) => (longest.length
    ? sql`GREATEST(${sql.join(longest.slice(0, n).map((p) => sql`CASE WHEN strpos(${column}, ${p}) > 0 THEN ${score(p)}::int ELSE 0 END`), sql`, `)})`
    : sql`0`);
  const rank = sql`(${w.minGroups ? sql`${matched} * 10 + ` : sql``}CASE WHEN s.name_key = ANY(${phrases}::text[]) THEN 3 WHEN s.aliases && ${phrases}::text[] THEN 2 ELSE 0 END
    + ${within(sql`s.name_key`, 6, (p) => p.length)}::float8 / length(s.name)
    + ${within(sql`s.alias_key`, 3, () => 1)} * 0.5
    ${like ? sql`+ CASE WHEN s.initials LIKE ${`${w.initials}%`} THEN 1.5 WHEN s.initials LIKE ${like} THEN 1 ELSE 0 END` : sql``}
    + ln(1 + s.popularity) * 0.02)`;
  return paged(db, where, sort, rank, page);
}

/** Typo fallback: items whose name or aliases hold at least minShare of the query's character pairs. */
export async function searchGrams(db: Executor, f: SearchFilters, grams: string[], minShare: number, sort: SortKey, page: Page) {
  const literal = (g: string) => `'${g.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const used = grams.slice(0, 40);
  const minHits = Math.max(1, Math.ceil(used.length * minShare));
  // one single-lexeme test per pair: a binary search each, far cheaper than intersecting arrays
  const hits = sql`(${sql.join(used.map((g) => sql`(s.name_grams @@ ${literal(g)}::tsquery)::int`), sql` + `)})`;
  const where = and([sql`s.name_grams @@ ${used.map(literal).join(' | ')}::tsquery`, sql`${hits} >= ${minHits}`, ...filterSql(f)]);
  return paged(db, where, sort, sql`${hits} * 100 - length(s.name)`, page);
}

export function hotItems(db: Executor, audience: string | undefined, limit: number) {
  const where = audience ? sql`s.audience @> ${textArray([audience])}::text[]` : sql`true`;
  return rows<SummaryRow>(db, sql`SELECT ${columns} FROM item_search s WHERE ${where} ORDER BY s.popularity DESC, s.code LIMIT ${limit}`);
}

export interface SearchRow {
  code: string; version: number; name: string; name_key: string; aliases: string[]; alias_key: string; summary: string; tokens: string; name_grams: string;
  initials: string; audience: string[]; type: string; department_code: string; department_name: string; region_code: string;
  theme_codes: string[]; online_depth: number; visits: number; legal_limit_days: number; promised_limit_days: number;
  popularity: number;
}

/** Insert or replace search rows in one statement (a JSON array keeps it to one parameter). */
export async function upsertSearchRows(db: Executor, list: SearchRow[]) {
  if (!list.length) return;
  clearSearchCache();
  await db.execute(sql`
    INSERT INTO item_search (code, version, name, name_key, aliases, alias_key, summary, tokens, name_grams, initials, audience, type, department_code,
      department_name, region_code, theme_codes, online_depth, visits, legal_limit_days, promised_limit_days, popularity, updated_at)
    SELECT x.code, x.version, x.name, x.name_key, x.aliases, x.alias_key, x.summary, x.tokens::tsvector, x.name_grams::tsvector, x.initials, x.audience, x.type,
      x.department_code, x.department_name, x.region_code, x.theme_codes, x.online_depth, x.visits, x.legal_limit_days,
      x.promised_limit_days, x.popularity, now()
    FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(code text, version int, name text, name_key text, aliases text[], alias_key text, summary text,
      tokens text, name_grams text, initials text, audience text[], type text, department_code text, department_name text,
      region_code text, theme_codes text[], online_depth int, visits int, legal_limit_days int, promised_limit_days int, popularity int)
    ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, name_key = EXCLUDED.name_key, aliases = EXCLUDED.aliases, alias_key = EXCLUDED.alias_key,
      summary = EXCLUDED.summary, tokens = EXCLUDED.tokens, name_grams = EXCLUDED.name_grams, initials = EXCLUDED.initials,
      audience = EXCLUDED.audience, type = EXCLUDED.type, department_code = EXCLUDED.department_code,
      department_name = EXCLUDED.department_name, region_code = EXCLUDED.region_code, theme_codes = EXCLUDED.theme_codes,
      online_depth = EXCLUDED.online_depth, visits = EXCLUDED.visits, legal_limit_days = EXCLUDED.legal_limit_days,
      promised_limit_days = EXCLUDED.promised_limit_days, popularity = EXCLUDED.popularity, updated_at = now()`);
}
