import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { demoClients } from '../../test/accounts.js';

describe('audit trail for auditors', () => {
  let t: TestContext;
  let auditor: Client;
  let citizen: Client;
  let operator: Client;
  before(async () => {
    t = await startTestApp();
    ({ auditor1: auditor, citizen1: citizen, operator1: operator } = await demoClients(t, ['auditor1', 'citizen1', 'operator1']));
  });
  after(async () => { await t.close(); });

  it('verifies every chain, then names the first altered entry', async () => {
    const clean = await auditor.get('/api/audit/verify');
    assert.equal(clean.statusCode, 200, clean.body);
    assert.equal(clean.json().ok, true);
    assert.ok(clean.json().entries > 0 && clean.json().streams > 0);

    const victim = (await t.db.orm.execute(sql`SELECT stream, seq FROM audit_log ORDER BY id LIMIT 1`)) as unknown as { rows: { stream: string; seq: number }[] };
    const { stream, seq } = victim.rows[0];
    await t.db.orm.execute(sql`UPDATE audit_log SET actor_id = 'forged' WHERE stream = ${stream} AND seq = ${seq}`);
    const broken = (await auditor.get('/api/audit/verify')).json();
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.breaks.map((b: { stream: string; seq: number; reason: string }) => [b.stream, b.seq, b.reason]), [[stream, seq, 'HASH_MISMATCH']]);
  });

  it("reads one stream's entries newest first", async () => {
    const list = (await t.db.orm.execute(sql`SELECT stream FROM audit_log WHERE stream LIKE 'account:%' LIMIT 1`)) as unknown as { rows: { stream: string }[] };
    const res = await auditor.get(`/api/audit/streams/${encodeURIComponent(list.rows[0].stream)}`);
    assert.equal(res.statusCode, 200, res.body);
    const seqs = res.json().map((e: { seq: number }) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
    const missing = await auditor.get('/api/audit/streams/item:NOPE');
    assert.deepEqual([missing.statusCode, missing.json().code], [404, 'AUDIT_STREAM_NOT_FOUND']);
    const bad = await auditor.get('/api/audit/streams/item:x?limit=9999');
    assert.deepEqual([bad.statusCode, bad.json().code], [400, 'VALIDATION_FAILED']);
  });

  it('is for auditors only: anonymous 401, citizen and operator 403', async () => {
    for (const url of ['/api/audit/verify', '/api/audit/streams/item:000133001000']) {
      assert.equal((await new Client(t.app).get(url)).json().code, 'UNAUTHENTICATED');
      assert.deepEqual([(await citizen.get(url)).statusCode, (await operator.get(url)).statusCode], [403, 403]);
    }
  });

  it('verifies from the command line too (npm run audit:verify)', () => {
    const env = { ...process.env, TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/db/audit-verify-cli.ts'], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /every chain verifies/);
  });
});
