import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { connect, one, rows, tx, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { ConfigError, loadConfig } from '../config.js';
import { testConfig } from '../test/harness.js';
import { advanceClock, now, resetClock } from './clock.js';
import {
  drainOnce, enqueue, outboxStats, PermanentFailure, requeueDead, retryDelayMs, startWorker, type OutboxHandlers,
} from './outbox.js';

interface Row { id: string; topic: string; status: string; attempts: number; run_at: Date | string; locked_until: Date | string | null; last_error: string | null; payload: unknown }

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the outbox', () => {
  let db: Database;
  let dropSchema: () => Promise<void>;

  before(async () => {
    const config = testConfig();
    db = await connect(config);
    await migrate(db);
    dropSchema = async () => { if (config.databaseSchema) await db.orm.execute(sql.raw(`DROP SCHEMA IF EXISTS ${config.databaseSchema} CASCADE`)); };
  });
  after(async () => { await dropSchema(); await db.close(); });
  beforeEach(async () => { await db.orm.execute(sql`DELETE FROM outbox`); });
  afterEach(() => resetClock());

  const all = () => rows<Row>(db.orm, sql`SELECT id::text AS id, topic, status, attempts, run_at, locked_until, last_error, payload FROM outbox ORDER BY id`);
  const rowOf = async (id: string) => (await one<Row>(db.orm, sql`SELECT id::text AS id, topic, status, attempts, run_at, locked_until, last_error, payload FROM outbox WHERE id = ${id}`))!;
  const put = (topic: string, payload: unknown = {}, key?: string) => tx(db.orm, (t) => enqueue(t, { topic, payload, key }));

  it('writes nothing when the enqueueing transaction rolls back', async () => {
    await assert.rejects(tx(db.orm, async (t) => {
      await enqueue(t, { topic: 'test.echo', payload: { n: 1 } });
      throw new Error('the change failed');
    }), /the change failed/);
    assert.deepEqual(await all(), []);
    const id = await put('test.echo', { n: 2, text: '你好' });
    const [row] = await all();
    assert.deepEqual([row.id, row.status, row.attempts, row.payload], [id, 'pending', 0, { n: 2, text: '你好' }]);
  });

  it('drops a second event with the same dedupe key', async () => {
    const first = await put('test.echo', { n: 1 }, 'once:1');
    assert.ok(first);
    assert.equal(await put('test.echo', { n: 2 }, 'once:1'), null);
    assert.deepEqual((await all()).map((r) => r.payload), [{ n: 1 }]);
  });

  it('runs a handler once with the row id and marks the row done', async () => {
    const seen: [unknown, string, number][] = [];
    const id = await put('test.echo', { n: 7 });
    const result = await drainOnce(db.orm, { 'test.echo': async (payload, ctx) => { seen.push([payload, ctx.id, ctx.attempt]); } });
    assert.deepEqual(result, { claimed: 1, done: 1, retried: 0, dead: 0 });
    assert.deepEqual(seen, [[{ n: 7 }, id, 1]]);
    const row = await rowOf(id!);
    assert.deepEqual([row.status, row.locked_until], ['done', null]);
    assert.equal((await drainOnce(db.orm, { 'test.echo': async () => assert.fail('ran twice') })).claimed, 0);
  });

  it('retries a failing handler with growing, jittered delays and marks it dead after the last attempt', async () => {
    const backoff = { baseMs: 1_000, capMs: 60_000 };
    const opts = { maxAttempts: 3, backoff };
    let calls = 0;
    const handlers: OutboxHandlers = { 'test.flaky': async () => { calls++; throw new Error(`gateway down (${calls})`); } };
    const id = (await put('test.flaky'))!;

    assert.deepEqual(await drainOnce(db.orm, handlers, opts), { claimed: 1, done: 0, retried: 1, dead: 0 });
    let row = await rowOf(id);
    const firstDelay = new Date(row.run_at).getTime() - now().getTime();
    assert.ok(firstDelay >= 500 - 50 && firstDelay <= 1_000, `first delay ${firstDelay} ms`);
    assert.deepEqual([row.status, row.attempts, row.locked_until, row.last_error], ['pending', 1, null, 'Error: gateway down (1)']);
    assert.equal((await drainOnce(db.orm, handlers, opts)).claimed, 0, 'not due before its delay');

    advanceClock(firstDelay + 1);
    assert.deepEqual(await drainOnce(db.orm, handlers, opts), { claimed: 1, done: 0, retried: 1, dead: 0 });
    row = await rowOf(id);
    const secondDelay = new Date(row.run_at).getTime() - now().getTime();
    assert.ok(secondDelay >= 1_000 - 50 && secondDelay <= 2_000, `second delay ${secondDelay} ms`);

    advanceClock(secondDelay + 1);
    assert.deepEqual(await drainOnce(db.orm, handlers, opts), { claimed: 1, done: 0, retried: 0, dead: 1 });
    row = await rowOf(id);
    assert.deepEqual([row.status, row.attempts, row.last_error, calls], ['dead', 3, 'Error: gateway down (3)', 3]);
    advanceClock(3_600_000);
    assert.equal((await drainOnce(db.orm, handlers, opts)).claimed, 0, 'a dead row is never claimed again');
    assert.equal((await outboxStats(db.orm)).dead, 1);

    assert.equal(await requeueDead(db.orm, 'test.flaky'), 1);
    assert.deepEqual(await drainOnce(db.orm, { 'test.flaky': async () => undefined }, opts), { claimed: 1, done: 1, retried: 0, dead: 0 });
  });

  it('computes exponential delays with equal jitter under a cap', () => {
    const backoff = { baseMs: 1_000, capMs: 5_000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, backoff, () => 0)), [500, 1_000, 2_000, 2_500, 2_500]);
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, backoff, () => 1)), [1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('marks a row dead at once when the handler says retrying cannot help', async () => {
    const id = (await put('test.bad', { broken: true }))!;
    const result = await drainOnce(db.orm, { 'test.bad': async () => { throw new PermanentFailure('malformed payload'); } });
    assert.deepEqual(result, { claimed: 1, done: 0, retried: 0, dead: 1 });
    const row = await rowOf(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['dead', 1, 'PermanentFailure: malformed payload']);
  });

  it('fails a handler that outruns its time and aborts its signal', async () => {
    const id = (await put('test.slow'))!;
    let aborted = false;
    const result = await drainOnce(db.orm, {
      'test.slow': (_payload, ctx) => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => { aborted = true; resolve(); })),
    }, { handlerTimeoutMs: 50 });
    assert.deepEqual([result.retried, aborted], [1, true]);
    assert.match((await rowOf(id)).last_error!, /did not finish within 50 ms/);
  });

  it('lets another worker claim a row whose worker died mid-handler once the lease has expired', async () => {
    const id = (await put('test.crash', { n: 1 }))!;
    const stuck = deferred();
    const entered = deferred();
    // worker A claims the row and never comes back (as if its process had died)
    const workerA = drainOnce(db.orm, { 'test.crash': async () => { entered.resolve(); await stuck.promise; } }, { leaseMs: 10_000 });
    await entered.promise;
    const leased = await rowOf(id);
    assert.deepEqual([leased.status, leased.attempts], ['pending', 1]);
    assert.ok(leased.locked_until && new Date(leased.locked_until) > now());

    const ranByB: string[] = [];
    const workerB = { 'test.crash': async (_p: unknown, ctx: { id: string }) => { ranByB.push(ctx.id); } };
    assert.equal((await drainOnce(db.orm, workerB, { leaseMs: 10_000 })).claimed, 0, 'the lease keeps others away');
    advanceClock(10_001);
    assert.deepEqual(await drainOnce(db.orm, workerB, { leaseMs: 10_000 }), { claimed: 1, done: 1, retried: 0, dead: 0 });
    assert.deepEqual(ranByB, [id]);

    // A wakes up late: its claim is fenced off and cannot overwrite B's outcome
    stuck.resolve();
    assert.deepEqual(await workerA, { claimed: 1, done: 0, retried: 0, dead: 0 });
    const row = await rowOf(id);
    assert.deepEqual([row.status, row.attempts], ['done', 2]);
  });

  it('marks a row dead when its last attempt never reported back', async () => {
    const id = (await put('test.crash'))!;
    const stuck = deferred();
    const entered = deferred();
    const lost = drainOnce(db.orm, { 'test.crash': async () => { entered.resolve(); await stuck.promise; } }, { maxAttempts: 1, leaseMs: 5_000 });
    await entered.promise;
    advanceClock(5_001);
    assert.equal((await drainOnce(db.orm, { 'test.crash': async () => assert.fail('claimed beyond max attempts') }, { maxAttempts: 1 })).claimed, 0);
    const row = await rowOf(id);
    assert.equal(row.status, 'dead');
    assert.match(row.last_error!, /did not finish within its lease/);
    stuck.resolve();
    await lost;
    assert.equal((await rowOf(id)).status, 'dead');
  });

  it('never gives the same row to two workers draining at once', async () => {
    const ids = new Set<string>();
    await tx(db.orm, async (t) => { for (let n = 0; n < 60; n++) ids.add((await enqueue(t, { topic: 'test.count', payload: { n } }))!); });
    const runs: string[] = [];
    const busyWorkers = new Set<number>();
    const worker = async (n: number) => {
      const handlers: OutboxHandlers = { 'test.count': async (_p, ctx) => { runs.push(ctx.id); busyWorkers.add(n); await sleep(Math.random() * 5); } };
      while ((await drainOnce(db.orm, handlers, { batchSize: 4 })).claimed > 0) { /* next batch */ }
    };
    await Promise.all([worker(1), worker(2), worker(3), worker(4)]);
    assert.equal(runs.length, 60, 'each row ran exactly once');
    assert.deepEqual(new Set(runs), ids);
    assert.ok(busyWorkers.size > 1, 'the workers really drained side by side');
    assert.deepEqual((await outboxStats(db.orm)).done, 60);
  });

  it('skips rows another claim is holding instead of waiting for them (PostgreSQL; PGlite has one connection)', async () => {
    if (db.kind !== 'postgres') return;
    const held = (await put('test.held'))!;
    const free = (await put('test.held'))!;
    const claimedWhileHeld = deferred();
    const release = deferred();
    const holder = tx(db.orm, async (t) => {
      await rows(t, sql`SELECT id FROM outbox WHERE id = ${held} FOR UPDATE`);
      claimedWhileHeld.resolve();
      await release.promise;
    });
    await claimedWhileHeld.promise;
    const ran: string[] = [];
    const result = await drainOnce(db.orm, { 'test.held': async (_p, ctx) => { ran.push(ctx.id); } });
    release.resolve();
    await holder;
    assert.deepEqual([result.claimed, ran], [1, [free]]);
    assert.equal((await rowOf(held)).status, 'pending');
  });

  it('leaves rows of topics it has no handler for to a process that has one', async () => {
    const id = (await put('test.unknown'))!;
    assert.equal((await drainOnce(db.orm, { 'test.other': async () => undefined })).claimed, 0);
    assert.deepEqual([(await rowOf(id)).status, (await rowOf(id)).attempts], ['pending', 0]);
  });

  it('counts rows by state for dashboards', async () => {
    await put('test.a');
    await put('test.a');
    await put('test.b', {}, 'b');
    await drainOnce(db.orm, { 'test.b': async () => undefined });
    advanceClock(90_000);
    const stats = await outboxStats(db.orm);
    assert.deepEqual({ ...stats, oldestDueSeconds: stats.oldestDueSeconds >= 90 }, {
      pending: 2, due: 2, running: 0, dead: 0, done: 1, oldestDueSeconds: true,
      byTopic: [{ topic: 'test.a', pending: 2, dead: 0 }, { topic: 'test.b', pending: 0, dead: 0 }],
    });
  });

  describe('the polling worker', () => {
    it('runs a row soon after this process enqueues it, without waiting for the next poll', async () => {
      const ran = deferred();
      const worker = startWorker(db.orm, { 'test.wake': async () => ran.resolve() }, { pollMs: 60_000 });
      try {
        await sleep(50); // its first poll finds nothing
        const started = Date.now();
        await put('test.wake');
        await Promise.race([ran.promise, sleep(5_000).then(() => assert.fail('not woken'))]);
        assert.ok(Date.now() - started < 2_000);
      } finally {
        await worker.stop();
      }
    });

    it('finishes the batch in hand when stopped', async () => {
      const entered = deferred();
      const id = (await put('test.stop'))!;
      const worker = startWorker(db.orm, { 'test.stop': async () => { entered.resolve(); await sleep(200); } }, { pollMs: 20 });
      await entered.promise;
      await worker.stop();
      assert.equal((await rowOf(id)).status, 'done');
      const later = (await put('test.stop'))!;
      await sleep(100);
      assert.equal((await rowOf(later)).status, 'pending', 'a stopped worker claims nothing');
    });

    it('runs the housekeeping jobs with its purge (e.g. expired idempotency keys)', async () => {
      const cleaned = deferred();
      const worker = startWorker(db.orm, {}, { pollMs: 20, housekeeping: { 'test keys': async () => { cleaned.resolve(); return 3; } } });
      try {
        await Promise.race([cleaned.promise, sleep(5_000).then(() => assert.fail('housekeeping did not run'))]);
      } finally {
        await worker.stop();
      }
    });
  });
});

describe('outbox settings', () => {
  const env = { TONGBAN_EMBEDDED_STORAGE: 'memory' };
  const key = { secretKey: 'b2'.repeat(32) };

  it('defaults to a worker in every process polling every 500 ms with 10 attempts', () => {
    const config = loadConfig(env, key);
    assert.deepEqual([config.outboxWorker, config.outboxPollMs, config.outboxMaxAttempts], [true, 500, 10]);
    const tuned = loadConfig({ ...env, OUTBOX_WORKER: 'false', OUTBOX_POLL_MS: '2000', OUTBOX_MAX_ATTEMPTS: '3' }, key);
    assert.deepEqual([tuned.outboxWorker, tuned.outboxPollMs, tuned.outboxMaxAttempts], [false, 2000, 3]);
  });

  it('refuses values that would spin or never give up', () => {
    for (const [name, value] of [['OUTBOX_POLL_MS', '10'], ['OUTBOX_POLL_MS', 'fast'], ['OUTBOX_MAX_ATTEMPTS', '0'], ['OUTBOX_MAX_ATTEMPTS', '1000']]) {
      assert.throws(() => loadConfig({ ...env, [name]: value }, key), (e: unknown) => e instanceof ConfigError && /outbox/i.test((e as Error).message), `${name}=${value}`);
    }
  });
});
