import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../app.js';
import { one, rows, tx } from '../db/client.js';
import { citizenInput, countRows, validCreditCode } from '../modules/identity/test-support.js';
import { demoClients, problemOf } from '../test/accounts.js';
import { Client, startTestApp, type TestContext } from '../test/harness.js';
import { CLAIM_LEASE_MS, completeIdempotentRequest, purgeExpiredIdempotencyKeys } from './idempotency.js';

const REGISTER = '/api/auth/register/citizen';
const newKey = () => `k-${randomUUID()}`;
const withKey = (key: string) => ({ 'idempotency-key': key });
let serial = 0;
/** a new citizen's registration; the usernames stay clear of the demo accounts */
const person = (overrides: Parameters<typeof citizenInput>[0] = {}) => citizenInput({ username: `idem${++serial}`, ...overrides });

describe('idempotency keys', () => {
  let t: TestContext;
  /** the same app and database plus test-only routes, which cannot be added to an app that is ready */
  let probe: App;
  let citizen1: Client;
  let citizen2: Client;
  let flakyFailsNext = true;
  let flakyRuns = 0;
  let slowRuns = 0;
  let gateRuns = 0;
  /** requests held in /api/test/gate until openGates() */
  const held: (() => void)[] = [];
  let entered: () => void = () => undefined;
  const nextGateEntry = () => new Promise<void>((resolve) => { entered = resolve; });
  const openGates = () => held.splice(0).forEach((open) => open());

  before(async () => {
    t = await startTestApp();
    ({ citizen1, citizen2 } = await demoClients(t, ['citizen1', 'citizen2']));
    probe = await buildApp(t.config, { db: t.db, logger: false });
    probe.post('/api/test/flaky', { config: { idempotent: 'required' } }, async (_req, reply) => {
      if (flakyFailsNext) { flakyFailsNext = false; throw new Error('the first attempt fails'); }
      return reply.code(201).send({ run: ++flakyRuns });
    });
    probe.post('/api/test/slow', { config: { idempotent: true } }, async (_req, reply) => {
      const run = ++slowRuns;
      await sleep(30);
      return reply.code(201).header('location', `/api/test/slow/${run}`).send({ run });
    });
    probe.post('/api/test/gate', { config: { idempotent: true } }, async () => {
      const run = ++gateRuns;
      const opened = new Promise<void>((resolve) => { held.push(resolve); });
      entered();
      await opened;
      return { run };
    });
    // the work and the key's answer commit in one transaction; what the key says before onSend runs is returned
    probe.post('/api/test/atomic', { config: { idempotent: 'required' } }, async (req, reply) => {
      const body = { done: true };
      await tx(t.db.orm, (x) => completeIdempotentRequest(x, req, 201, body));
      const row = await one<{ status: string }>(t.db.orm, sql`SELECT status FROM idempotency_keys WHERE key = ${req.headers['idempotency-key'] as string}`);
      return reply.code(201).send({ ...body, statusBeforeSend: row?.status ?? 'none' });
    });
    await probe.ready();
  });
  after(async () => {
    await probe.close();
    await t.close();
  });

  const anonymous = (app: App = t.app) => new Client(app);
  const keyRow = (key: string) => one<{ status: string; response_status: number | null; scope: string }>(t.db.orm,
    sql`SELECT status, response_status, scope FROM idempotency_keys WHERE key = ${key}`);
  const enterprise = (overrides: Record<string, unknown> = {}) =>
    ({ name: '杭州幂等科技有限公司', creditCode: validCreditCode(), legalRepresentative: '李明华', ...overrides });

  it('replays the first 201 for the same key and body, with Idempotent-Replayed, and creates one account', async () => {
    const key = newKey();
    const input = person();
    const before = await countRows(t.db, 'accounts');
    const first = await anonymous().post(REGISTER, input, withKey(key));
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const again = await anonymous().post(REGISTER, input, withKey(key));
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.body, first.body);
    assert.equal(again.headers['content-type'], first.headers['content-type']);
    assert.equal(await countRows(t.db, 'accounts'), before + 1);
    const audit = await rows(t.db.orm, sql`SELECT 1 FROM audit_log WHERE stream = ${`account:${first.json().id}`}`);
    assert.equal(audit.length, 1, 'the handler ran once');
    assert.equal((await keyRow(key))?.status, 'done');
  });

  it('answers IDEMPOTENCY_KEY_REUSED (409) for the same key with a different body and writes nothing', async () => {
    const key = newKey();
    const first = await anonymous().post(REGISTER, person(), withKey(key));
    assert.equal(first.statusCode, 201, first.body);
    const before = await countRows(t.db, 'accounts');
    const res = await anonymous().post(REGISTER, person(), withKey(key));
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(problemOf(res).code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(res.headers['idempotent-replayed'], undefined);
    assert.equal(await countRows(t.db, 'accounts'), before);
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const key = newKey();
    const input = person();
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    assert.equal((await anonymous().post(REGISTER, input, withKey(key))).statusCode, 201);
    const again = await anonymous().post(REGISTER, reordered, withKey(key));
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
  });

  it('replays a business rejection (ID_NUMBER_INVALID 400) for the same body', async () => {
    const key = newKey();
    const input = person({ idNumber: '110105194912310021' });
    const first = await anonymous().post(REGISTER, input, withKey(key));
    assert.equal(first.statusCode, 400, first.body);
    assert.equal(problemOf(first).code, 'ID_NUMBER_INVALID');
    const again = await anonymous().post(REGISTER, input, withKey(key));
    assert.equal(again.statusCode, 400);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(problemOf(again).code, 'ID_NUMBER_INVALID');
    assert.deepEqual(again.json(), first.json());
    assert.equal((await keyRow(key))?.response_status, 400);
  });

  it('does not spend the key on a request refused by schema validation', async () => {
    const key = newKey();
    const { password: _omitted, ...incomplete } = person();
    const refused = await anonymous().post(REGISTER, incomplete, withKey(key));
    assert.equal(problemOf(refused).code, 'VALIDATION_FAILED');
    assert.equal(await keyRow(key), undefined);
    const fixed = await anonymous().post(REGISTER, person(), withKey(key));
    assert.equal(fixed.statusCode, 201, fixed.body);
  });

  it('runs the handler once for concurrent requests with one new key', async () => {
    const key = newKey();
    const input = person();
    const before = await countRows(t.db, 'accounts');
    const results = await Promise.all(Array.from({ length: 6 }, () => anonymous().post(REGISTER, input, withKey(key))));
    const fresh = results.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']);
    assert.equal(fresh.length, 1, results.map((r) => r.body).join('\n'));
    for (const r of results.filter((x) => x !== fresh[0])) {
      if (r.statusCode === 201) assert.equal(r.body, fresh[0].body);
      else {
        assert.equal(problemOf(r).code, 'IDEMPOTENCY_IN_PROGRESS', r.body);
        assert.equal(r.headers['retry-after'], '1');
      }
    }
    assert.equal(await countRows(t.db, 'accounts'), before + 1);

    const slowKey = newKey();
    const slow = await Promise.all(Array.from({ length: 5 }, () => anonymous(probe).post('/api/test/slow', { n: 1 }, withKey(slowKey))));
    assert.equal(slowRuns, 1);
    assert.equal(slow.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']).length, 1);
    assert.ok(slow.every((r) => r.statusCode === 201 || problemOf(r).code === 'IDEMPOTENCY_IN_PROGRESS'));
    const replay = await anonymous(probe).post('/api/test/slow', { n: 1 }, withKey(slowKey));
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.equal(replay.headers.location, '/api/test/slow/1', 'Location is replayed');
    assert.equal(slowRuns, 1);
  });

  it('answers IDEMPOTENCY_IN_PROGRESS while the first request runs, then the replay once it is done', async () => {
    const key = newKey();
    const runsBefore = gateRuns;
    const entry = nextGateEntry();
    const first = anonymous(probe).post('/api/test/gate', { a: 1 }, withKey(key));
    await entry;
    const during = await anonymous(probe).post('/api/test/gate', { a: 1 }, withKey(key));
    assert.equal(during.statusCode, 409);
    assert.equal(problemOf(during).code, 'IDEMPOTENCY_IN_PROGRESS');
    assert.equal(during.headers['retry-after'], '1');
    const reused = await anonymous(probe).post('/api/test/gate', { a: 2 }, withKey(key));
    assert.equal(problemOf(reused).code, 'IDEMPOTENCY_KEY_REUSED', 'a different body is refused even while the first runs');
    openGates();
    assert.equal((await first).statusCode, 200);
    const after = await anonymous(probe).post('/api/test/gate', { a: 1 }, withKey(key));
    assert.equal(after.headers['idempotent-replayed'], 'true');
    assert.deepEqual(after.json(), (await first).json());
    assert.equal(gateRuns, runsBefore + 1);
  });

  it('refuses a malformed key with IDEMPOTENCY_KEY_INVALID (400) and writes nothing', async () => {
    const before = await countRows(t.db, 'accounts');
    for (const bad of ['', 'has space', 'x'.repeat(101), '幂等键', 'a/b']) {
      const res = await anonymous().post(REGISTER, person(), withKey(bad));
      assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
      assert.equal(problemOf(res).code, 'IDEMPOTENCY_KEY_INVALID');
    }
    assert.equal(await countRows(t.db, 'accounts'), before);
    const longest = await anonymous().post(REGISTER, person(), withKey(`${'x'.repeat(90)}_-:.${randomUUID().slice(0, 6)}`));
    assert.equal(longest.statusCode, 201, longest.body);
  });

  it('behaves as before without a key, and stores nothing', async () => {
    const [rowsBefore] = await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM idempotency_keys`);
    const res = await anonymous().post(REGISTER, person());
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers['idempotent-replayed'], undefined);
    const [rowsAfter] = await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM idempotency_keys`);
    assert.equal(rowsAfter.n, rowsBefore.n);
  });

  it('keeps each caller\'s keys apart: two citizens may use the same key on POST /api/enterprises', async () => {
    const key = newKey();
    const a = await citizen1.post('/api/enterprises', enterprise(), withKey(key));
    const b = await citizen2.post('/api/enterprises', enterprise({ legalRepresentative: '王秀英' }), withKey(key));
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.notEqual(a.json().id, b.json().id);
    assert.equal(b.headers['idempotent-replayed'], undefined);
    const scopes = await rows<{ scope: string }>(t.db.orm, sql`SELECT scope FROM idempotency_keys WHERE key = ${key} ORDER BY scope`);
    assert.equal(scopes.length, 2);
    assert.ok(scopes.every((s) => /^[0-9a-f-]{36}$/.test(s.scope)), 'logged-in callers are scoped by account id');
    const anon = await rows<{ scope: string }>(t.db.orm, sql`SELECT DISTINCT scope FROM idempotency_keys WHERE scope LIKE 'anon:%'`);
    assert.ok(anon.every((s) => /^anon:[0-9a-f]{64}$/.test(s.scope) && !s.scope.includes('127.0.0.1')), 'anonymous callers by a hash of their IP');
  });

  it('refuses the same key on a different route with IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newKey();
    assert.equal((await anonymous(probe).post('/api/test/slow', {}, withKey(key))).statusCode, 201);
    const res = await anonymous(probe).post('/api/test/gate', {}, withKey(key));
    assert.equal(problemOf(res).code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers IDEMPOTENCY_KEY_REQUIRED (428) on a route that requires a key', async () => {
    const res = await anonymous(probe).post('/api/test/flaky', {});
    assert.equal(res.statusCode, 428);
    assert.equal(problemOf(res).code, 'IDEMPOTENCY_KEY_REQUIRED');
  });

  it('releases the key after a 5xx, so the retry runs the handler again', async () => {
    const key = newKey();
    flakyFailsNext = true;
    const failed = await anonymous(probe).post('/api/test/flaky', { x: 1 }, withKey(key));
    assert.equal(failed.statusCode, 500);
    assert.equal(problemOf(failed).code, 'INTERNAL');
    assert.equal(await keyRow(key), undefined, 'the key is free again');
    const retried = await anonymous(probe).post('/api/test/flaky', { x: 1 }, withKey(key));
    assert.equal(retried.statusCode, 201, retried.body);
    assert.equal(retried.headers['idempotent-replayed'], undefined);
    const replayed = await anonymous(probe).post('/api/test/flaky', { x: 1 }, withKey(key));
    assert.equal(replayed.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replayed.json(), retried.json());
  });

  it('treats an expired key as new, and purges expired keys', async () => {
    const key = newKey();
    assert.equal((await anonymous().post(REGISTER, person(), withKey(key))).statusCode, 201);
    await t.db.orm.execute(sql`UPDATE idempotency_keys SET expires_at = created_at - interval '1 second' WHERE key = ${key}`);
    const before = await countRows(t.db, 'accounts');
    const fresh = await anonymous().post(REGISTER, person(), withKey(key));
    assert.equal(fresh.statusCode, 201, fresh.body);
    assert.equal(fresh.headers['idempotent-replayed'], undefined);
    assert.equal(await countRows(t.db, 'accounts'), before + 1);

    await t.db.orm.execute(sql`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ${key}`);
    const [{ n: total }] = await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM idempotency_keys`);
    assert.equal(await purgeExpiredIdempotencyKeys(t.db.orm), 1);
    assert.equal(await keyRow(key), undefined);
    const [{ n: left }] = await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM idempotency_keys`);
    assert.equal(left, total - 1, 'live keys stay');
  });

  it('frees a key whose first request never finished (its process died) once the claim lease has passed', async () => {
    const key = newKey();
    const body = { y: 1 };
    let entry = nextGateEntry();
    const stuck = anonymous(probe).post('/api/test/gate', body, withKey(key));
    await entry;
    await t.db.orm.execute(sql`UPDATE idempotency_keys SET created_at = created_at - ${`${CLAIM_LEASE_MS + 1000} milliseconds`}::interval WHERE key = ${key}`);
    const runsBefore = gateRuns;
    entry = nextGateEntry();
    const takeover = anonymous(probe).post('/api/test/gate', body, withKey(key));
    await entry;
    openGates();
    const [late, taken] = await Promise.all([stuck, takeover]);
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(gateRuns, runsBefore + 1);
    const replay = await anonymous(probe).post('/api/test/gate', body, withKey(key));
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.json(), taken.json(), 'the late first request does not overwrite the claim that replaced it');
    assert.notDeepEqual(late.json(), taken.json());
  });

  it('records the answer inside the handler\'s transaction, so a crash after COMMIT cannot run the work again', async () => {
    const client = await demoClients({ ...t, app: probe }, ['citizen1']).then((c) => c.citizen1);
    const key = newKey();
    const first = await client.request('POST', '/api/test/atomic', {}, withKey(key));
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().statusBeforeSend, 'done');
    const again = await client.request('POST', '/api/test/atomic', {}, withKey(key));
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), { done: true });
  });
});
