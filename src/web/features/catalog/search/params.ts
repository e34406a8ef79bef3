// The item list's URL (/items?q=…&theme=…) ↔ the API's ItemQuery. Unknown or invalid values
// are dropped, since the API rejects extra parameters.
import type { ItemQuery, ItemTypeCode } from '../../../../contract/catalog';
import { ITEM_TYPE_CODES } from '../labels';

export const PAGE_SIZE = 10;
export const SORTS = ['relevance', 'popular', 'name', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

export function queryFromParams(params: URLSearchParams): ItemQuery {
  const query: ItemQuery = { page: 1, pageSize: PAGE_SIZE };
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 100);
  const audience = params.get('audience');
  if (audience === 'person' || audience === 'enterprise') query.audience = audience;
  const department = params.get('department');
  if (department && department.length <= 20) query.department = department;
  const theme = params.get('theme');
  if (theme && theme.length <= 40) query.theme = theme;
  const type = params.get('type');
  if (type && (ITEM_TYPE_CODES as string[]).includes(type)) query.type = type as ItemTypeCode;
  const depth = Number(params.get('onlineDepth'));
  if (Number.isInteger(depth) && depth >= 1 && depth <= 4) query.onlineDepth = depth;
  if (params.get('zeroVisits') === 'true') query.zeroVisits = true;
  const sort = params.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) query.sort = sort as Sort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page >= 1 && page <= 1000) query.page = page;
  return query;
}

/** New URL parameters after changing some filters; any filter change returns to page 1. */
export function withChanges(params: URLSearchParams, changes: Record<string, string | number | boolean | undefined | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

export const FILTER_KEYS = ['audience', 'department', 'theme', 'type', 'onlineDepth', 'zeroVisits'] as const;
