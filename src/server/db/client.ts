// Database connection: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
// Both speak the same SQL; code above this file never knows which one it has.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';

/** The database or an open transaction: repos accept either. */
export type Executor = PgDatabase<PgQueryResultHKT, any, any>;

/** Runs multi-statement SQL text (migrations) and returns the rows of the last statement. */
export type ScriptRunner = (text: string) => Promise<Record<string, unknown>[]>;

export interface Database {
  kind: 'pglite' | 'postgres';
  orm: Executor;
  /** one transaction on one connection, for SQL scripts such as migrations */
  scriptTransaction<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /** LISTEN on a channel until the returned function is called (platform/invalidation.ts) */
  listen(channel: string, listener: ChannelListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** embedded only: the data directory as a tarball, for `ConnectOptions.embeddedTemplate` */
  dump?(): Promise<Blob>;
}

/** What a LISTEN connection reports: each payload, and when it can and cannot be trusted to hear every one. */
export interface ChannelListener {
  notify(payload: string): void;
  /** listening (first, or again after a loss): notifications from now on arrive */
  live(): void;
  /** the connection dropped: notifications may be missed until `live` again */
  lost(): void;
}

const lastRows = (r: unknown): Record<string, unknown>[] => {
  const list = (Array.isArray(r) ? r : [r]) as { rows?: Record<string, unknown>[] }[];
  return list[list.length - 1]?.rows ?? [];
};

const dialect = new PgDialect();
const statementNames = new Map<string, string>();
/** distinct statement texts prepared per process; beyond it statements run unnamed */
const MAX_PREPARED = 5000;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Run a raw SQL query and return its rows. On a PostgreSQL server it runs as a named prepared
 * statement (planned once per connection: about +40 % on short reads); PGlite runs in-process
 * and gains nothing from it.
 */
export async function rows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const name = statementName(text);
    return (await client.query({ ...(name ? { name } : {}), text, values: params as unknown[] })).rows as T[];
  }
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A timestamptz as read back (a Date from node-postgres, a Date or string from PGlite) as ISO 8601. */
export const isoTimestamp = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

/**
 * One statement that runs `writes` (INSERTs or UPDATEs that need nothing from each other) as
 * data-modifying CTEs named w0, w1, … and then `tail`, which may read their RETURNING rows by those
 * names: one round trip instead of one per write. No part sees another's rows but through RETURNING.
 */
export function withWrites(writes: SQL[], tail: SQL): SQL {
  if (!writes.length) return tail;
  return sql`WITH ${sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`), sql`, `)} ${tail}`;
}

export async function one<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** Run fn in a transaction (serialisable retries are the caller's business). */
export function tx<T>(db: Executor, fn: (t: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (t) => fn(t as unknown as Executor));
}

export interface ConnectOptions {
  /** embedded only: start from this data directory (a `dumpDataDir` tarball) instead of an empty one */
  embeddedTemplate?: Blob;
}

export async function connect(config: Config, options: ConnectOptions = {}): Promise<Database> {
  if (config.databaseUrl) {
    const schema = config.databaseSchema;
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      // No parallel workers: after five runs a named statement may switch to its generic plan, which
      // for `LIMIT $n OFFSET $m` assumes 10 % of the rows are wanted and starts a Gather Merge whose
      // worker start-up costs 17–51 ms for a 20-row page that an index walk serves in 0.15 ms
      // (docs/performance.md, issue 4). Short OLTP requests on a few cores gain nothing from workers.
      options: `-c max_parallel_workers_per_gather=0${schema ? ` -c search_path=${schema},public` : ''}`,
    });
    pool.on('error', () => undefined); // an idle client dropped by the server; the pool replaces it
    const orm = drizzlePg(pool) as unknown as Executor;
    await ensureExtensions(orm);
    if (schema) await orm.execute(sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
    const scriptTransaction = async <T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async (text) => lastRows(await client.query(text)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    const listen = (channel: string, listener: ChannelListener) => listenOnServer(config.databaseUrl!, channel, listener);
    return { kind: 'postgres', orm, scriptTransaction, listen, close: () => pool.end() };
  }
  let client: PGlite;
  const start = { extensions: { pg_trgm }, ...(options.embeddedTemplate ? { loadDataDir: options.embeddedTemplate } : {}) };
  if (config.embeddedStorage === 'memory') {
    client = await PGlite.create(start);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    client = await PGlite.create(`${config.dataDir}/pgdata`, start);
  }
  const orm = drizzlePglite(client) as unknown as Executor;
  await ensureExtensions(orm);
  const scriptTransaction = <T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T> =>
    client.transaction((t) => fn(async (text) => lastRows(await t.exec(text))));
  // in-process: a notification is delivered before the committing query returns, and never lost
  const listen = async (channel: string, listener: ChannelListener) => {
    const off = await client.listen(channel, (payload) => listener.notify(payload));
    listener.live();
    return async () => { if (!client.closed) await off(); };
  };
  const dump = () => client.dumpDataDir('none');
  return { kind: 'pglite', orm, scriptTransaction, listen, close: () => client.close(), dump };
}

/**
 * LISTEN on its own connection (outside the pool), reconnecting after a drop with a backoff of
 * 0.5 s doubling to 30 s; `lost` is reported at once, `live` once the LISTEN is back.
 */
async function listenOnServer(url: string, channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 500;
  let timer: NodeJS.Timeout | undefined;
  const connectOnce = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    let down = false;
    const drop = () => {
      if (down) return;
      down = true;
      listener.lost();
      c.end().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void connectOnce(), delay);
      delay = Math.min(delay * 2, 30_000);
    };
    c.on('error', drop);
    c.on('end', drop);
    c.on('notification', (n) => { if (n.channel === channel) listener.notify(n.payload ?? ''); });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      delay = 500;
      if (!down) listener.live();
    } catch {
      drop();
    }
  };
  await connectOnce();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}

async function ensureExtensions(orm: Executor) {
  try {
    await orm.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
  } catch (error) {
    // two processes creating it at once: the loser sees a duplicate; anything else is real
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as any).cause?.code;
    if (code !== '23505' && code !== '42710') throw error;
  }
}
