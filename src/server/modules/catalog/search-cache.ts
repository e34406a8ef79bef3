// Recent search results, kept for a few seconds. The catalogue changes only when an operator
// publishes, while the same few queries (营业执照, 公积金提取, 社保卡) make most of the traffic.
// Every write to the search index clears this process's cache at once; other processes follow
// within the time to live (docs/decisions/0003-search-typo-fallback.md, "Result cache").
import type { ItemList } from '../../../contract/catalog.js';

const MAX_ENTRIES = 1000;
let ttlMs = 0;
const entries = new Map<string, { list: ItemList; expires: number }>();

/** Seconds a result may be served from memory; 0 turns the cache off. */
export function configureSearchCache(seconds: number): void {
  ttlMs = seconds * 1000;
  entries.clear();
}

export function cachedSearch(key: string): ItemList | undefined {
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (hit.expires <= Date.now()) {
    entries.delete(key);
    return undefined;
  }
  return hit.list;
}

export function rememberSearch(key: string, list: ItemList): void {
  if (!ttlMs) return;
  // Map keeps insertion order: drop the oldest entry when full
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { list, expires: Date.now() + ttlMs });
}

export function clearSearchCache(): void {
  entries.clear();
}
