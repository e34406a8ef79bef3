// The remote adapter against a local HTTP server playing the remote registry (a test fixture):
// signed requests with X-Road headers, timeouts, retries, the circuit breaker, and refusals.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { exchangeQuery, findRegistry, RemoteRegistry, RemoteRegistryError, verifySignedRequest, type ExchangeCallContext } from './index.js';
import { remoteRegistriesFrom } from './remote-config.js';
import { LOCAL_REGISTRIES } from './registries.js';
import { signRequest } from './signing.js';
import { demoCatalog } from '../../db/seed/index.js';
import { seedCatalog } from '../catalog/index.js';

const SECRET = 'k'.repeat(40);
const ID_NUMBER = '419902198803150030';

/** The remote registry: checks signatures and behaves as told (ok, slow, failing). */
class FakeRemote {
  mode: 'ok' | 'slow' | 'fail' | 'missing' = 'ok';
  hits = 0;
  refused = 0;
  /** how long a 'slow' answer takes */
  slowMs = 400;
  last: { headers: IncomingHttpHeaders; body: string } | null = null;
  server: Server;
  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        this.hits++;
        const failure = verifySignedRequest({ method: req.method!, path: req.url!, body, headers: req.headers }, (keyId) => (keyId === 'tongban-1' ? SECRET : undefined));
        if (failure) { this.refused++; res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: failure })); return; }
        this.last = { headers: req.headers, body };
        if (this.mode === 'fail') { res.writeHead(500).end('boom'); return; }
        if (this.mode === 'missing') { res.writeHead(404).end(); return; }
        const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { balance: 1234.5, accountStatus: '正常' } }));
        if (this.mode === 'slow') setTimeout(answer, this.slowMs); else answer();
      });
    });
  }
  async start() { await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r)); return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/xroad/housing-fund/query`; }
  stop() { this.server.closeAllConnections(); return new Promise<void>((r) => this.server.close(() => r())); }
}

const fields = LOCAL_REGISTRIES.find((r) => r.code === 'housing_fund')!.fields;
const context: ExchangeCallContext = {
  consumerDepartment: 'gjj', purpose: { kind: 'case', caseNo: 'QC20260302000001', itemCode: '002026001000' },
  actor: { accountId: '00000000-0000-4000-8000-000000000001', name: '审核员' }, messageId: 'a1b2c3d4-0000-4000-8000-000000000000',
};
const remote = (url: string, overrides: Partial<ConstructorParameters<typeof RemoteRegistry>[0]> = {}) => new RemoteRegistry({
  code: 'housing_fund', name: '住房公积金缴存信息（远程）', departmentCode: 'gjj', fields, url,
  clientId: 'CN/GOV/419900/tongban', serviceId: 'CN/GOV/419900/gjj/housing-fund/v1', keyId: 'tongban-1', secret: SECRET,
  timeoutMs: 100, retries: 2, backoffMs: 5, breakerThreshold: 3, halfOpenAfterMs: 300, ...overrides,
});
const noDb = undefined as never;

describe('remote registries: signed HTTP with timeout, retries and a circuit breaker', () => {
  const fake = new FakeRemote();
  let url = '';
  before(async () => { url = await fake.start(); });
  after(async () => fake.stop());

  it('signs each request and sends consumer, service, message, user and purpose headers in the manner of X-Road', async () => {
    fake.mode = 'ok';
    const data = await remote(url).lookup(noDb, { idNumber: ID_NUMBER }, ['balance'], context);
    assert.deepEqual(data, { balance: 1234.5, accountStatus: '正常' });
    const h = fake.last!.headers;
    assert.equal(h['x-road-client'], 'CN/GOV/419900/tongban/gjj');
    assert.equal(h['x-road-service'], 'CN/GOV/419900/gjj/housing-fund/v1');
    assert.equal(h['x-road-id'], context.messageId);
    assert.equal(h['x-road-userid'], context.actor.accountId);
    assert.equal(h['x-road-purpose'], 'case:002026001000');
    assert.equal(h['x-road-issue'], 'QC20260302000001');
    assert.match(String(h.authorization), /^TB-HMAC-SHA256 keyId="tongban-1", signature="[A-Za-z0-9+/=]+"$/);
    assert.deepEqual(JSON.parse(fake.last!.body), { subject: { idNumber: ID_NUMBER }, fields: ['balance'] });
  });

  it('is refused by the remote with a wrong secret, and does not retry a refusal', async () => {
    fake.mode = 'ok';
    const before = { hits: fake.hits, refused: fake.refused };
    await assert.rejects(remote(url, { secret: 'x'.repeat(40) }).lookup(noDb, { idNumber: ID_NUMBER }, ['balance'], context),
      (e) => e instanceof RemoteRegistryError && e.status === 401);
    assert.deepEqual({ hits: fake.hits - before.hits, refused: fake.refused - before.refused }, { hits: 1, refused: 1 });
  });

  it('the signature check refuses a changed body, a changed header and a stale date', () => {
    const req = { method: 'POST', path: '/q', body: '{"a":1}', headers: {} as Record<string, string> };
    const secretOf = () => SECRET;
    const signed = { ...req, headers: signRequest({
      method: req.method, path: req.path, body: req.body, date: new Date(), keyId: 'k', secret: SECRET,
      headers: { 'x-road-client': 'c', 'x-road-service': 's', 'x-road-id': 'i', 'x-road-userid': 'u', 'x-road-purpose': 'case:000000000001', 'x-road-issue': '' },
    }) };
    assert.equal(verifySignedRequest(signed, secretOf), null);
    assert.equal(verifySignedRequest({ ...signed, body: '{"a":2}' }, secretOf), 'BAD_DIGEST');
    assert.equal(verifySignedRequest({ ...signed, headers: { ...signed.headers, 'x-road-purpose': 'prefill:000000000000' } }, secretOf), 'BAD_SIGNATURE');
    assert.equal(verifySignedRequest(signed, secretOf, new Date(Date.now() + 10 * 60_000)), 'STALE_DATE');
    assert.equal(verifySignedRequest(signed, () => undefined), 'UNKNOWN_KEY');
    assert.equal(verifySignedRequest(req, secretOf), 'NO_SIGNATURE');
  });

  it('times out a slow remote on every attempt, retrying with backoff', async () => {
    fake.mode = 'slow';
    const before = fake.hits;
    const started = Date.now();
    await assert.rejects(remote(url, { breakerThreshold: 10 }).lookup(noDb, { idNumber: ID_NUMBER }, ['balance'], context), (e) => e instanceof TaskCancelledError);
    assert.equal(fake.hits - before, 3, 'one attempt and two retries');
    assert.ok(Date.now() - started < 1000, 'each attempt is cut at the timeout');
  });

  it('retries 500s, opens the circuit, fails fast while open, and recovers through half-open', async () => {
    fake.mode = 'fail';
    const registry = remote(url, { retries: 1, breakerThreshold: 3 });
    const call = () => registry.lookup(noDb, { idNumber: ID_NUMBER }, ['balance'], context);
    let before = fake.hits;
    await assert.rejects(call(), (e) => e instanceof RemoteRegistryError && e.status === 500);
    assert.equal(fake.hits - before, 2, 'the first call tried twice');
    await assert.rejects(call());
    assert.equal(registry.circuitState, 'open', 'three consecutive failures open the circuit');
    before = fake.hits;
    const started = Date.now();
    await assert.rejects(call(), (e) => e instanceof BrokenCircuitError);
    assert.equal(fake.hits, before, 'an open circuit does not reach the remote');
    assert.ok(Date.now() - started < 50, 'and fails fast');
    fake.mode = 'ok';
    await new Promise((r) => setTimeout(r, 350));
    assert.deepEqual(await call(), { balance: 1234.5, accountStatus: '正常' });
    assert.equal(registry.circuitState, 'closed', 'a good trial call closes the circuit');
  });

  it('reads a 404 as no record', async () => {
    fake.mode = 'missing';
    assert.equal(await remote(url).lookup(noDb, { idNumber: ID_NUMBER }, ['balance'], context), null);
  });

  it('reads remote registries from configuration, inheriting a local catalogue entry, and rejects bad settings', () => {
    assert.deepEqual(remoteRegistriesFrom(''), []);
    const [r] = remoteRegistriesFrom(JSON.stringify([{ code: 'housing_fund', url, clientId: 'c', serviceId: 's', keyId: 'k', secret: SECRET }]));
    assert.equal(r.departmentCode, 'gjj');
    assert.equal(r.fields.length, fields.length);
    assert.throws(() => remoteRegistriesFrom('[{"code":"housing_fund"}]'), /EXCHANGE_REMOTE_REGISTRIES is invalid/);
    assert.throws(() => remoteRegistriesFrom('{'), /not valid JSON/);
    assert.throws(() => remoteRegistriesFrom(JSON.stringify([{ code: 'brand_new', url, clientId: 'c', serviceId: 's', keyId: 'k', secret: SECRET }])), /needs name/);
  });
});

describe('a remote registry behind exchangeQuery', () => {
  const fake = new FakeRemote();
  let t: TestContext;
  before(async () => {
    const url = await fake.start();
    t = await startTestApp({ outboxWorker: false, exchangeRemoteRegistries: JSON.stringify([{
      code: 'remote_fund', name: '异地公积金（远程）', departmentCode: 'gjj', fields, url, clientId: 'CN/GOV/419900/tongban',
      // a generous timeout: the first call of a busy test machine must not be cut; 'slow' answers after it
      serviceId: 'CN/GOV/419900/gjj/v1', keyId: 'tongban-1', secret: SECRET, timeoutMs: 1000, retries: 0, breakerThreshold: 5,
    }]) });
    fake.slowMs = 1500;
    await seedCatalog(t.db, demoCatalog());
    await t.db.orm.execute(sql`INSERT INTO exchange_grants (consumer_department, item_code, registry, fields, legal_basis, status, requested_by_name, requested_at)
      VALUES ('gjj', '002026001000', 'remote_fund', ARRAY['balance'], '测试依据', 'approved', 'test', now())`);
  });
  after(async () => { await t.close(); await fake.stop(); });

  const ask = () => exchangeQuery(t.db.orm, {
    consumerDepartment: 'gjj', purpose: { kind: 'prefill', itemCode: '002026001000' }, registry: 'remote_fund',
    subject: { idNumber: ID_NUMBER }, fields: ['balance', 'loanStatus'], actor: { accountId: null, name: 'test' },
  });

  it('returns the granted remote fields, and logs a failure of the remote as an error (503)', async () => {
    fake.mode = 'ok';
    const ok = await ask();
    assert.deepEqual([ok.data, ok.denied], [{ balance: 1234.5 }, ['loanStatus']]);
    assert.equal(fake.last!.headers['x-road-purpose'], 'prefill:002026001000');
    fake.mode = 'slow';
    await assert.rejects(ask(), (e: { code?: string }) => e.code === 'EXCHANGE_REGISTRY_UNAVAILABLE');
    const log = await rows<{ outcome: string }>(t.db.orm, sql`SELECT outcome FROM exchange_log ORDER BY exchange_log.id`);
    assert.deepEqual(log.map((l) => l.outcome), ['partial', 'error']);
    assert.equal(findRegistry('remote_fund')?.remote, true);
  });
});

