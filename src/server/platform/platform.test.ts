import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../test/harness.js';
import { appendAudit, verifyAudit } from './audit.js';
import { one, tx } from '../db/client.js';
import { loadConfig, ConfigError } from '../config.js';

describe('platform', () => {
  let t: TestContext;
  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  it('answers /healthz and reports readiness with migrations applied', async () => {
    assert.equal((await t.app.inject('/healthz')).json().status, 'ok');
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().migrations, 'applied');
  });

  it('sends the security headers on every response, API, errors and pages alike', async () => {
    for (const url of ['/healthz', '/api/catalog/departments', '/api/nothing-here']) {
      const res = await t.app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /style-src 'self' 'unsafe-inline'/, url);
      assert.match(csp, /frame-ancestors 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', url);
      // HSTS only where cookies are marked Secure (served over HTTPS)
      assert.equal(res.headers['strict-transport-security'], undefined, url);
    }
  });

  it('serves an OpenAPI 3.1 document and the browsable docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const page = await t.app.inject('/api/docs/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /swagger/i);
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject('/healthz');
    const res = await t.app.inject('/metrics');
    assert.match(res.body, /http_requests_total\{method="GET",route="\/healthz",status="200"\}/);
    assert.match(res.body, /outbox_rows\{state="dead"\} \d+/);
    assert.match(res.body, /outbox_oldest_due_seconds \d+/);
  });

  it('returns problem+json in the caller language for unknown routes', async () => {
    const zh = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'zh-CN' } });
    assert.equal(zh.statusCode, 404);
    assert.match(zh.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(zh.json().code, 'NOT_FOUND');
    assert.equal(zh.json().title, '您访问的内容不存在');
    const en = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(en.json().title, 'Not found');
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await t.db.orm.execute(sql`SELECT count(*)::int AS n FROM accounts`);
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register/citizen', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'bigbody', name: '张'.repeat(2_000_000), idNumber: '11010519491231002X', mobile: '13900000001', password: 'Abcdef#2026' }),
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().code, 'PAYLOAD_TOO_LARGE');
    const after = await t.db.orm.execute(sql`SELECT count(*)::int AS n FROM accounts`);
    assert.deepEqual((after as any).rows, (before as any).rows);
  });

  it('answers malformed JSON and unsupported content types with coded problems', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login": "a",' });
    assert.deepEqual([broken.statusCode, broken.json().code], [400, 'MALFORMED_REQUEST']);
    const xml = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    assert.deepEqual([xml.statusCode, xml.json().code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('carries a request id on every response', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'req-12345678' } });
    assert.equal(res.headers['x-request-id'], 'req-12345678');
  });

  it('chains audit entries per stream and reports the first altered entry', async () => {
    await tx(t.db.orm, async (x) => {
      for (let i = 0; i < 3; i++) await appendAudit(x, { stream: 'test:a', actorId: 'u1', action: 'test.step', target: 'a', change: { i } });
      await appendAudit(x, { stream: 'test:b', actorId: 'u1', action: 'test.step', target: 'b', change: { i: 0 } });
    });
    const clean = await verifyAudit(t.db.orm);
    assert.deepEqual(clean.breaks, []);
    await t.db.orm.execute(sql`UPDATE audit_log SET action = 'test.forged' WHERE stream = 'test:a' AND seq = 2`);
    const broken = await verifyAudit(t.db.orm);
    assert.equal(broken.breaks.length, 1);
    assert.equal(broken.breaks[0].stream, 'test:a');
    assert.equal(broken.breaks[0].seq, 2);
    assert.equal(broken.breaks[0].reason, 'HASH_MISMATCH');
  });

  it('runs PostgreSQL queries without parallel workers, so a generic LIMIT $n plan cannot start them', async () => {
    const r = await one<{ workers: string }>(t.db.orm, sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers`);
    if (t.db.kind === 'postgres') assert.equal(r?.workers, '0');
    else assert.ok(r, 'PGlite runs in-process and has no workers to start');
  });

  it('refuses a bad configuration with a clear message', () => {
    assert.throws(() => loadConfig({ PORT: 'abc', TONGBAN_EMBEDDED_STORAGE: 'memory' }), (e: unknown) => e instanceof ConfigError && /port/i.test((e as Error).message));
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production' }), /TONGBAN_SECRET_KEY/);
  });
});
