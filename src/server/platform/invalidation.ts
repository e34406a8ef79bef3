// Invalidation of in-process caches (ADR 0015): database triggers announce '<topic>:<key>' on the
// channel tongban_invalidate at commit; each cache drops what a message names. Never serve from a
// cache while its database's LISTEN connection is down: a message missed then would go unheard.
import type { ChannelListener, Database, Executor } from '../db/client.js';

export const INVALIDATION_CHANNEL = 'tongban_invalidate';

type Handler = (topic: string, key: string) => void;

/** Handlers of this process's caches, whatever database they serve (tests hold several). */
const handlers = new Set<Handler>();

/**
 * Drop what a key names in every cache of this process, at once. A command calls it for its own
 * write so that its next request does not wait for the trigger's message to come back.
 */
export function invalidate(topic: string, key: string): void {
  for (const h of handlers) h(topic, key);
}

/** Resolves when a message for this topic and key next reaches this process (tests of the trigger path). */
export function nextInvalidation(topic: string, key: string): Promise<void> {
  return new Promise((resolve) => {
    const h: Handler = (t, k) => {
      if (t === topic && k === key) {
        handlers.delete(h);
        resolve();
      }
    };
    handlers.add(h);
  });
}

export interface InvalidationFeed {
  /** true while every committed change is heard: caches may serve only then */
  readonly live: boolean;
  stop(): Promise<void>;
}

interface Subscriber { onMessage: Handler; onGap: () => void }
interface SharedFeed { subscribers: Set<Subscriber>; live: boolean; stop: () => Promise<void> }

/** One LISTEN connection per database, shared by the caches of every module. */
const feeds = new WeakMap<Database, Promise<SharedFeed>>();

async function openFeed(db: Database): Promise<SharedFeed> {
  const feed: SharedFeed = { subscribers: new Set(), live: false, stop: async () => undefined };
  const gap = () => { for (const s of feed.subscribers) s.onGap(); };
  const listener: ChannelListener = {
    notify(payload) {
      const at = payload.indexOf(':');
      if (at > 0) invalidate(payload.slice(0, at), payload.slice(at + 1));
    },
    live() { gap(); feed.live = true; },
    lost() { feed.live = false; gap(); },
  };
  feed.stop = await db.listen(INVALIDATION_CHANNEL, listener);
  return feed;
}

/**
 * Hear a database's announcements: `onMessage` for each (and for this process's own `invalidate`
 * calls), `onGap` when the connection drops or comes back, when anything may have been missed.
 */
export async function listenForInvalidations(db: Database, onMessage: Handler, onGap: () => void): Promise<InvalidationFeed> {
  let opening = feeds.get(db);
  if (!opening) {
    opening = openFeed(db);
    feeds.set(db, opening);
  }
  const feed = await opening;
  const subscriber: Subscriber = { onMessage, onGap };
  feed.subscribers.add(subscriber);
  handlers.add(onMessage);
  return {
    get live() { return feed.live && feed.subscribers.has(subscriber); },
    async stop() {
      handlers.delete(onMessage);
      feed.subscribers.delete(subscriber);
      if (feed.subscribers.size || feeds.get(db) !== opening) return;
      feeds.delete(db);
      await feed.stop();
    },
  };
}

interface KeyedCache<V> { feed: InvalidationFeed; values: Map<string, V>; generation: number }

/**
 * Values by key, kept in memory per database while its feed is live and dropped when `topic:key`
 * is announced. `start` it for a database (a module's plugin does, and stops it on close); `get`
 * with that database's ORM serves from memory, and with anything else (a transaction, a database
 * not started) always loads.
 */
export function invalidatedCache<V>(topic: string, maxEntries: number) {
  const perDatabase = new WeakMap<Executor, KeyedCache<V>>();
  return {
    async start(db: Database): Promise<() => Promise<void>> {
      const cache: KeyedCache<V> = { feed: null!, values: new Map(), generation: 0 };
      cache.feed = await listenForInvalidations(db, (t, key) => {
        if (t !== topic) return;
        cache.generation++;
        cache.values.delete(key);
      }, () => { cache.generation++; cache.values.clear(); });
      perDatabase.set(db.orm, cache);
      return async () => {
        perDatabase.delete(db.orm);
        await cache.feed.stop();
      };
    },
    async get(db: Executor, key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
      const cache = perDatabase.get(db);
      if (!cache?.feed.live) return load();
      const hit = cache.values.get(key);
      if (hit !== undefined) return hit;
      const before = cache.generation;
      const value = await load();
      // a change announced during the load may not be in it
      if (value !== undefined && cache.generation === before && cache.feed.live) {
        if (cache.values.size >= maxEntries) cache.values.delete(cache.values.keys().next().value!);
        cache.values.set(key, value);
      }
      return value;
    },
  };
}
