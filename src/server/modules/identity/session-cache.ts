// Sessions kept in memory between requests (ADR 0015), so that a signed-in request costs no
// database round trip to learn who calls. Must never serve a session that was ended, or an actor
// whose roles changed: every entry of an account goes when the database announces a change to it.
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { listenForInvalidations, type InvalidationFeed } from '../../platform/invalidation.js';
import { findSession, type SessionRow } from './repo.js';

/** Enough for every signed-in user of a city's peak hour; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 50_000;

export interface SessionCache {
  /** the session row, from memory while fresh and the feed is live, else from the database */
  find(id: string, opts?: { fresh?: boolean }): Promise<SessionRow | undefined>;
  /** the resolver wrote last_seen_at: keep the entry's copy current */
  touched(id: string, at: Date): void;
  stop(): Promise<void>;
}

interface Entry { row: SessionRow; loadedAt: number }

export async function createSessionCache(db: Database, config: Config): Promise<SessionCache> {
  const ttlMs = config.sessionCacheSeconds * 1000;
  const entries = new Map<string, Entry>();
  const byAccount = new Map<string, Set<string>>();
  const drop = (id: string) => {
    const e = entries.get(id);
    if (!e) return;
    entries.delete(id);
    const ids = byAccount.get(e.row.account_id);
    ids?.delete(id);
    if (ids && !ids.size) byAccount.delete(e.row.account_id);
  };
  const dropAccount = (accountId: string) => {
    for (const id of byAccount.get(accountId) ?? []) entries.delete(id);
    byAccount.delete(accountId);
  };
  /** counts messages: a row read while one arrived may predate the change it announced, so it is not kept */
  let generation = 0;
  const clear = () => { generation++; entries.clear(); byAccount.clear(); };
  const feed: InvalidationFeed | null = ttlMs > 0
    ? await listenForInvalidations(db, (topic, key) => {
      generation++;
      if (topic === 'account') dropAccount(key);
      else if (topic === 'session') drop(key);
    }, clear)
    : null;

  const keep = (row: SessionRow) => {
    drop(row.id);
    if (entries.size >= MAX_ENTRIES) drop(entries.keys().next().value!);
    entries.set(row.id, { row, loadedAt: performance.now() });
    const ids = byAccount.get(row.account_id) ?? new Set<string>();
    ids.add(row.id);
    byAccount.set(row.account_id, ids);
  };

  return {
    async find(id, opts) {
      if (!feed?.live) return findSession(db.orm, id);
      const hit = entries.get(id);
      if (hit && !opts?.fresh && performance.now() - hit.loadedAt < ttlMs) return hit.row;
      const before = generation;
      const row = await findSession(db.orm, id);
      if (row && feed.live && generation === before) keep(row);
      else drop(id);
      return row;
    },
    touched(id, at) {
      const e = entries.get(id);
      if (e) e.row = { ...e.row, last_seen_at: at };
    },
    stop: async () => { clear(); await feed?.stop(); },
  };
}
