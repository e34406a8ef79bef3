// Durable outbox: side effects that leave the process are written here in the caller's transaction
// and delivered by a worker with retries. It must never run a row outside its lease, nor drop one.
//
// Delivery is at least once: a handler may run again for the same row (a crash after the side
// effect, a lease that ran out), so handlers are idempotent, keyed by ctx.id. Each claim adds one
// to `attempts`; marking done or failed only succeeds for the claim that holds the row, so a worker
// whose lease was taken over cannot overwrite the newer claim's outcome.
import { EventEmitter } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { one, rows, type Executor } from '../db/client.js';
import { now } from './clock.js';

export interface OutboxEvent<P = unknown> {
  topic: string;
  payload: P;
  /** a second event with the same key is dropped (e.g. one SMS per notice) */
  key?: string;
  /** not before this instant (default: now) */
  runAt?: Date;
}

export interface JobContext {
  /** the outbox row id: the idempotency key of the delivery */
  id: string;
  topic: string;
  /** 1 on the first run */
  attempt: number;
  maxAttempts: number;
  /** aborted when the handler runs past its time */
  signal: AbortSignal;
  db: Executor;
  log: OutboxLog;
}

export type OutboxHandler<P = any> = (payload: P, ctx: JobContext) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;

export interface OutboxLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Thrown by a handler when trying again cannot help (a malformed payload): the row goes dead at once. */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

export interface DrainOptions {
  /** tries before a row goes dead (config OUTBOX_MAX_ATTEMPTS) */
  maxAttempts?: number;
  /** rows claimed per round */
  batchSize?: number;
  /** how long a claim holds a row; after it another worker may take the row */
  leaseMs?: number;
  /** a handler running longer fails (and is aborted); kept well inside the lease */
  handlerTimeoutMs?: number;
  /** retry delay: baseMs · 2^(attempt-1), capped, with jitter */
  backoff?: { baseMs: number; capMs: number };
  log?: OutboxLog;
}

export interface WorkerOptions extends DrainOptions {
  /** how often to look for due rows (config OUTBOX_POLL_MS) */
  pollMs?: number;
  /** after an enqueue in this process, look this soon (the enqueueing transaction commits first) */
  wakeDelayMs?: number;
  /** done rows older than this are deleted, which also frees their dedupe keys */
  retainDoneMs?: number;
  /** other periodic clean-ups run with the purge of done rows (e.g. expired idempotency keys); each returns how many rows went */
  housekeeping?: Record<string, (db: Executor) => Promise<number>>;
}

export interface DrainResult { claimed: number; done: number; retried: number; dead: number }

export interface OutboxWorker {
  /** look for due rows now */
  wake(): void;
  /** stop polling and wait for the batch in hand to finish */
  stop(): Promise<void>;
}

const DEFAULTS = {
  maxAttempts: 10,
  batchSize: 20,
  leaseMs: 60_000,
  handlerTimeoutMs: 30_000,
  backoff: { baseMs: 5_000, capMs: 30 * 60_000 },
  pollMs: 500,
  wakeDelayMs: 20,
  retainDoneMs: 7 * 24 * 3600_000,
};
const PURGE_EVERY_MS = 3600_000;
const MAX_ERROR_CHARS = 2000;
const silent: OutboxLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

// enqueues in this process wake this process's workers; other processes find the row by polling
const signals = new EventEmitter();
signals.setMaxListeners(0);

const iso = (d: Date) => d.toISOString();

/** Write an event in the caller's transaction. Returns its id, or null when its key was already used. */
export async function enqueue<P>(t: Executor, event: OutboxEvent<P>): Promise<string | null> {
  const row = await one<{ id: string }>(t, sql`${outboxInsert([event])} RETURNING id::text AS id`);
  return row?.id ?? null;
}

/**
 * The INSERT of events, in list order, for the caller to run in its transaction, alone or with its
 * other writes in one statement (withWrites: a submission's notices go with its tasks and timeline).
 */
export function outboxInsert(events: OutboxEvent<unknown>[]): SQL {
  const at = now();
  const values = events.map((e) => sql`(${e.topic}, ${JSON.stringify(e.payload)}::jsonb, ${e.key ?? null}, ${iso(e.runAt ?? at)}::timestamptz, ${iso(at)}::timestamptz)`);
  signals.emit('enqueued');
  return sql`INSERT INTO outbox (topic, payload, dedupe_key, run_at, created_at) VALUES ${sql.join(values, sql`, `)}
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** The delay before try number attempt + 1: exponential, capped, with "equal jitter" (half fixed, half random). */
export function retryDelayMs(attempt: number, backoff = DEFAULTS.backoff, random = Math.random): number {
  const exponential = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

interface ClaimedRow { id: string; topic: string; payload: unknown; attempts: number }

/** Claim up to `limit` due rows of the given topics, each under a fresh lease. */
async function claim(db: Executor, topics: string[], limit: number, maxAttempts: number, leaseMs: number): Promise<ClaimedRow[]> {
  const at = now();
  const claimed = await rows<ClaimedRow>(db, sql`
    UPDATE outbox SET attempts = attempts + 1, locked_until = ${iso(new Date(at.getTime() + leaseMs))}::timestamptz
    WHERE id IN (
      SELECT id FROM outbox
      WHERE status = 'pending' AND run_at <= ${iso(at)}::timestamptz
        AND (locked_until IS NULL OR locked_until <= ${iso(at)}::timestamptz)
        AND attempts < ${maxAttempts}
        AND topic IN (SELECT jsonb_array_elements_text(${JSON.stringify(topics)}::jsonb))
      ORDER BY run_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id, topic, payload, attempts`);
  return claimed.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

/**
 * Rows whose last try never reported back (the process died, or the handler outran its lease)
 * go dead rather than being claimed forever: a row that crashes its worker cannot stall the queue.
 */
async function reapAbandoned(db: Executor, maxAttempts: number): Promise<number> {
  const at = iso(now());
  const reaped = await rows(db, sql`
    UPDATE outbox SET status = 'dead', locked_until = NULL,
      last_error = left(coalesce(last_error || ' / ', '') || 'the last attempt did not finish within its lease', ${MAX_ERROR_CHARS})
    WHERE status = 'pending' AND attempts >= ${maxAttempts} AND locked_until <= ${at}::timestamptz
    RETURNING id`);
  return reaped.length;
}

async function markDone(db: Executor, row: ClaimedRow): Promise<boolean> {
  const r = await rows(db, sql`
    UPDATE outbox SET status = 'done', done_at = ${iso(now())}::timestamptz, locked_until = NULL
    WHERE id = ${row.id} AND attempts = ${row.attempts} AND status = 'pending'
    RETURNING id`);
  return r.length > 0;
}

async function markFailed(db: Executor, row: ClaimedRow, error: string, retryAt: Date | null): Promise<boolean> {
  const r = await rows(db, sql`
    UPDATE outbox SET status = ${retryAt ? 'pending' : 'dead'}, run_at = coalesce(${retryAt ? iso(retryAt) : null}::timestamptz, run_at),
      locked_until = NULL, last_error = ${error.slice(0, MAX_ERROR_CHARS)}
    WHERE id = ${row.id} AND attempts = ${row.attempts} AND status = 'pending'
    RETURNING id`);
  return r.length > 0;
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

async function runWithTimeout(handler: OutboxHandler, payload: unknown, ctx: Omit<JobContext, 'signal'>, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut: Error | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = new Error(`the handler did not finish within ${timeoutMs} ms`);
      reject(timedOut);
      controller.abort(timedOut);
    }, timeoutMs);
  });
  try {
    await Promise.race([handler(payload, { ...ctx, signal: controller.signal }), timeout]);
    // a handler that gives up on abort may settle first: it still ran out of time
    if (timedOut) throw timedOut;
  } finally {
    clearTimeout(timer);
  }
}

type Outcome = 'done' | 'retried' | 'dead' | 'lost';

async function deliver(db: Executor, row: ClaimedRow, handlers: OutboxHandlers, o: Required<DrainOptions>): Promise<Outcome> {
  const ctx = { id: row.id, topic: row.topic, attempt: row.attempts, maxAttempts: o.maxAttempts, db, log: o.log };
  try {
    await runWithTimeout(handlers[row.topic], row.payload, ctx, o.handlerTimeoutMs);
  } catch (error) {
    const permanent = error instanceof PermanentFailure;
    const retryAt = permanent || row.attempts >= o.maxAttempts ? null : new Date(now().getTime() + retryDelayMs(row.attempts, o.backoff));
    const held = await markFailed(db, row, errorText(error), retryAt);
    const fields = { outboxId: row.id, topic: row.topic, attempt: row.attempts, err: error };
    if (!held) { o.log.warn(fields, 'outbox: lost the row to another worker before reporting a failure'); return 'lost'; }
    if (retryAt) { o.log.warn({ ...fields, retryAt: iso(retryAt) }, 'outbox: handler failed; will retry'); return 'retried'; }
    o.log.error(fields, 'outbox: handler failed for the last time; the row is dead');
    return 'dead';
  }
  if (await markDone(db, row)) return 'done';
  o.log.warn({ outboxId: row.id, topic: row.topic, attempt: row.attempts }, 'outbox: finished after another worker took the row over');
  return 'lost';
}

const withDefaults = (opts: DrainOptions): Required<DrainOptions> => ({
  maxAttempts: opts.maxAttempts ?? DEFAULTS.maxAttempts,
  batchSize: opts.batchSize ?? DEFAULTS.batchSize,
  leaseMs: opts.leaseMs ?? DEFAULTS.leaseMs,
  handlerTimeoutMs: Math.min(opts.handlerTimeoutMs ?? DEFAULTS.handlerTimeoutMs, Math.floor((opts.leaseMs ?? DEFAULTS.leaseMs) / 2)),
  backoff: opts.backoff ?? DEFAULTS.backoff,
  log: opts.log ?? silent,
});

/**
 * Claim one batch of due rows whose topics have handlers, run them concurrently, record each
 * outcome. Rows of topics without a handler stay for a process that has one (rolling upgrades).
 */
export async function drainOnce(db: Executor, handlers: OutboxHandlers, opts: DrainOptions = {}): Promise<DrainResult> {
  const o = withDefaults(opts);
  await reapAbandoned(db, o.maxAttempts);
  const claimed = await claim(db, Object.keys(handlers), o.batchSize, o.maxAttempts, o.leaseMs);
  const outcomes = await Promise.all(claimed.map((row) => deliver(db, row, handlers, o)));
  const count = (k: Outcome) => outcomes.filter((x) => x === k).length;
  return { claimed: claimed.length, done: count('done'), retried: count('retried'), dead: count('dead') };
}

/** Delete done rows finished before `before`; returns how many. */
export async function purgeDone(db: Executor, before: Date): Promise<number> {
  return (await rows(db, sql`DELETE FROM outbox WHERE status = 'done' AND done_at < ${iso(before)}::timestamptz RETURNING id`)).length;
}

/** Give dead rows (all, or one topic's) a fresh set of attempts, due now. Returns how many. */
export async function requeueDead(db: Executor, topic?: string): Promise<number> {
  return (await rows(db, sql`
    UPDATE outbox SET status = 'pending', attempts = 0, run_at = ${iso(now())}::timestamptz, locked_until = NULL
    WHERE status = 'dead' AND (${topic ?? null}::text IS NULL OR topic = ${topic ?? null})
    RETURNING id`)).length;
}

/**
 * Poll for due rows every pollMs (sooner after an enqueue in this process) until stopped. Every
 * process runs one; SKIP LOCKED and the lease keep them from running the same row together.
 */
export function startWorker(db: Executor, handlers: OutboxHandlers, opts: WorkerOptions = {}): OutboxWorker {
  const pollMs = opts.pollMs ?? DEFAULTS.pollMs;
  const wakeDelayMs = opts.wakeDelayMs ?? DEFAULTS.wakeDelayMs;
  const retainDoneMs = opts.retainDoneMs ?? DEFAULTS.retainDoneMs;
  const batchSize = opts.batchSize ?? DEFAULTS.batchSize;
  const log = opts.log ?? silent;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Infinity;
  let current: Promise<void> | undefined;
  let again = false;
  let lastPurge = 0;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer && at >= dueAt) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => { timer = undefined; dueAt = Infinity; tick(); }, delayMs);
    timer.unref?.();
  };

  const round = async (): Promise<boolean> => {
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      const purged = await purgeDone(db, new Date(now().getTime() - retainDoneMs));
      if (purged) log.info({ purged }, 'outbox: purged old done rows');
      for (const [name, clean] of Object.entries(opts.housekeeping ?? {})) {
        const removed = await clean(db);
        if (removed) log.info({ removed }, `housekeeping: ${name}`);
      }
    }
    const result = await drainOnce(db, handlers, opts);
    return result.claimed >= batchSize;
  };

  const tick = () => {
    if (stopped) return;
    if (current) { again = true; return; }
    current = round().then(
      (full) => { if (full) again = true; },
      (err) => log.error({ err }, 'outbox: polling failed'),
    ).finally(() => {
      current = undefined;
      if (again) { again = false; schedule(0); } else schedule(pollMs);
    });
  };

  const onEnqueued = () => schedule(wakeDelayMs);
  signals.on('enqueued', onEnqueued);
  schedule(0);

  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      signals.off('enqueued', onEnqueued);
      clearTimeout(timer);
      await current;
    },
  };
}

/** Runs a worker while the app is up: it starts when the app is ready and stops (draining) on close. */
export const outboxWorker = fp(async (app: FastifyInstance, opts: WorkerOptions & { db: Executor; handlers: OutboxHandlers }) => {
  const { db, handlers, ...options } = opts;
  let worker: OutboxWorker | undefined;
  app.addHook('onReady', async () => { worker = startWorker(db, handlers, { log: app.log, ...options }); });
  // onClose hooks run last-registered first, so this one runs before the database closes
  app.addHook('onClose', async () => { await worker?.stop(); });
}, { name: 'outbox-worker' });

export interface OutboxStats {
  pending: number;
  /** pending and due now, not held by a worker */
  due: number;
  /** held by a worker's lease */
  running: number;
  dead: number;
  done: number;
  /** seconds the oldest due row has waited (0 when none): the lag to alert on */
  oldestDueSeconds: number;
  byTopic: { topic: string; pending: number; dead: number }[];
}

/** Counts for dashboards and alerts (e.g. exported as gauges). */
export async function outboxStats(db: Executor): Promise<OutboxStats> {
  const at = iso(now());
  const topics = await rows<{ topic: string; pending: string | number; due: string | number; running: string | number; dead: string | number; done: string | number; oldest_due: string | Date | null }>(db, sql`
    SELECT topic,
      count(*) FILTER (WHERE status = 'pending') AS pending,
      count(*) FILTER (WHERE status = 'pending' AND run_at <= ${at}::timestamptz AND (locked_until IS NULL OR locked_until <= ${at}::timestamptz)) AS due,
      count(*) FILTER (WHERE status = 'pending' AND locked_until > ${at}::timestamptz) AS running,
      count(*) FILTER (WHERE status = 'dead') AS dead,
      count(*) FILTER (WHERE status = 'done') AS done,
      min(run_at) FILTER (WHERE status = 'pending' AND run_at <= ${at}::timestamptz) AS oldest_due
    FROM outbox GROUP BY topic ORDER BY topic`);
  const sum = (k: 'pending' | 'due' | 'running' | 'dead' | 'done') => topics.reduce((n, r) => n + Number(r[k]), 0);
  const oldest = topics.map((r) => (r.oldest_due ? new Date(r.oldest_due).getTime() : Infinity)).reduce((a, b) => Math.min(a, b), Infinity);
  return {
    pending: sum('pending'), due: sum('due'), running: sum('running'), dead: sum('dead'), done: sum('done'),
    oldestDueSeconds: Number.isFinite(oldest) ? Math.max(0, Math.round((now().getTime() - oldest) / 1000)) : 0,
    byTopic: topics.map((r) => ({ topic: r.topic, pending: Number(r.pending), dead: Number(r.dead) })),
  };
}
