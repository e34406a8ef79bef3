import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { ApplicationBody, CaseList, CaseView } from '../../contract/applications.js';
import { loadConfig } from '../config.js';
import { connect, rows } from '../db/client.js';
import { sampleFormData } from '../db/seed/data/items/form-samples.js';
import { DEMO_PASSWORD } from '../db/seed/index.js';
import { verifyAudit } from '../platform/audit.js';

// Nothing lost: a burst of submissions against a real server process, SIGKILL in the middle, a
// restart on the same data (an on-disk PGlite directory, or a PostgreSQL schema). Every 201 must be
// there with its tasks, timeline and audit entry, the audit chains must verify, and retrying every
// Idempotency-Key with the same body must neither lose nor duplicate a case.

const root = path.resolve(import.meta.dirname, '../../..');
const databaseUrl = process.env.DATABASE_URL || '';
const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : '';
const dataDir = mkdtempSync(path.join(tmpdir(), 'tongban-crash-'));
const childEnv: Record<string, string> = {
  DATABASE_URL: databaseUrl, TONGBAN_DB_SCHEMA: schema, TONGBAN_DATA_DIR: dataDir, TONGBAN_EMBEDDED_STORAGE: 'disk',
  // the demo seed runs on both starts: the second run must leave what the first one and the burst wrote
  TONGBAN_DEMO: 'true', TONGBAN_SECRET_KEY: 'd4'.repeat(32), TONGBAN_WEB_DIR: '/nonexistent', LOG_LEVEL: 'warn',
  // a claim left by the killed process frees its key after a second
  IDEMPOTENCY_LEASE_SECONDS: '1', RATE_LIMIT_PER_MINUTE: '1000000',
};

/** 出生登记 — 出生“一件事”: four parallel department tasks; every required material is 免提交. */
const ITEM = '000704001000';
const TASK_DEPARTMENTS = ['gaj', 'rsj', 'wjw', 'ybj'];
const BODY: ApplicationBody = {
  itemCode: ITEM, formData: sampleFormData[ITEM], delivery: { mode: 'elicence' },
  materials: [0, 1, 2, 3].map((index) => ({ index, fileIds: [], governmentHeld: true })),
};
const SUBMISSIONS = 60;
const IN_FLIGHT = 8;
/** the server is killed when this many 201s have come back */
const KILL_AFTER = 18;

interface Server { url: string; child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string }
const children = new Set<ChildProcess>();

function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/test/crash-server.ts')], {
    // NODE_TEST_CONTEXT would make the child report to this test runner
    cwd: root, env: { ...process.env, NODE_TEST_CONTEXT: undefined, ...childEnv }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => { children.delete(child); resolve({ code, signal }); });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/\{"crashServerUrl":"(http:\/\/127\.0\.0\.1:\d+)"/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child, exited, output: () => output }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`)); });
  });
}

interface Answer { status: number; headers: Headers; body: any }

/** fetch with a cookie jar and the CSRF header, as the web app sends it. */
class HttpClient {
  cookies = new Map<string, string>();
  constructor(public base: string) {}

  async request(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const csrf = this.cookies.get('tb_csrf');
    const res = await fetch(this.base + url, {
      method,
      headers: {
        'accept-language': 'zh-CN',
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method === 'POST' ? { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body: unknown, headers?: Record<string, string>) { return this.request('POST', url, body, headers); }
}

async function login(base: string, username: string): Promise<HttpClient> {
  const client = new HttpClient(base);
  const res = await client.post('/api/auth/login', { login: username, password: DEMO_PASSWORD });
  assert.equal(res.status, 200, `${username}: ${JSON.stringify(res.body)}`);
  return client;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const submit = (client: HttpClient, key: string) => client.post('/api/applications', BODY, { 'idempotency-key': key });

/**
 * Submit with a key until it settles. A submission's key commits with its case (nothing is claimed
 * beforehand), so no answer should be 409 IDEMPOTENCY_IN_PROGRESS; the loop counts any that come.
 */
let inProgressAnswers = 0;
async function settle(client: HttpClient, key: string): Promise<{ caseNo: string; replayed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const res = await submit(client, key);
    if (res.status === 201) return { caseNo: res.body.caseNo, replayed: res.headers.get('idempotent-replayed') === 'true' };
    inProgressAnswers++;
    assert.ok(res.status === 409 && res.body?.code === 'IDEMPOTENCY_IN_PROGRESS' && attempt < 15, `${key}: ${res.status} ${JSON.stringify(res.body)}`);
    await sleep(1_100);
  }
}

/** Run fn over the list with at most `limit` calls in flight. */
async function pool<T>(list: readonly T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < list.length) await fn(list[next++]);
  }));
}

async function caseNosOf(client: HttpClient): Promise<string[]> {
  const all: string[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`/api/applications?pageSize=100&page=${page}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = res.body as CaseList;
    all.push(...list.items.map((c) => c.caseNo));
    if (all.length >= list.total || list.items.length === 0) return all;
  }
}

async function assertChainsVerify(auditor: HttpClient, when: string) {
  const res = await auditor.get('/api/audit/verify');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body.breaks, [], `audit chain breaks ${when}`);
  assert.equal(res.body.ok, true);
}

describe('nothing lost when the server is killed in the middle of a burst of submissions', () => {
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it('keeps every 201 with its tasks and audit entry, verifies the chains and never duplicates on retry', { timeout: 180_000 }, async () => {
    const runId = randomBytes(4).toString('hex');
    const keys = Array.from({ length: SUBMISSIONS }, (_, i) => `crash-${runId}-${i}`);

    // ---- first life: the burst, killed after KILL_AFTER 201s with requests in flight ----
    const t0 = Date.now();
    const first = await startServer();
    const t1 = Date.now();
    const citizen = await login(first.url, 'citizen1');
    const before = new Set(await caseNosOf(citizen));
    const created = new Map<string, string>(); // key → caseNo of a 201
    const lost = new Set<string>(); // sent, but the connection died with the server
    const inFlight = new Set<string>();
    let inFlightAtKill = -1;
    let next = 0;
    let killed = false;
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (!killed && next < keys.length) {
        const key = keys[next++];
        inFlight.add(key);
        let res: Answer;
        try {
          res = await submit(citizen, key);
        } catch (error) {
          // only the kill may cut a connection
          if (!killed) throw error;
          lost.add(key);
          continue;
        } finally {
          inFlight.delete(key);
        }
        assert.equal(res.status, 201, `${key}: ${JSON.stringify(res.body)}`);
        created.set(key, (res.body as CaseView).caseNo);
        if (created.size >= KILL_AFTER && !killed) {
          killed = true;
          inFlightAtKill = inFlight.size;
          first.child.kill('SIGKILL');
        }
      }
    }));
    assert.equal((await first.exited).signal, 'SIGKILL');
    assert.ok(inFlightAtKill > 0, 'requests were in flight when the server was killed');
    assert.ok(created.size >= KILL_AFTER);
    const unsent = keys.filter((k) => !created.has(k) && !lost.has(k));
    const caseNos: string[] = []; // one per key, once the retries have settled
    // on a PostgreSQL server the keys can be read while no process is up (PGlite's directory is left
    // untouched for the restart to recover): each 201's key committed with its case
    let abandonedClaims = 'n/a';
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows: found } = await client.query<{ key: string; status: string }>(
          `SELECT key, status FROM ${schema}.idempotency_keys WHERE key LIKE $1`, [`crash-${runId}-%`]);
        const status = new Map(found.map((r) => [r.key, r.status]));
        for (const key of created.keys()) assert.equal(status.get(key), 'done', `${key} was stored with its case`);
        for (const key of unsent) assert.equal(status.get(key), undefined);
        abandonedClaims = String(found.filter((r) => r.status === 'in_progress').length);
        assert.equal(abandonedClaims, '0', 'a submission leaves no claim in progress');
      } finally {
        await client.end();
      }
    }

    // ---- second life on the same data ----
    const t2 = Date.now();
    const second = await startServer();
    const t3 = Date.now();
    try {
      // the session opened before the kill is still valid
      citizen.base = second.url;
      const auditor = await login(second.url, 'auditor1');
      await assertChainsVerify(auditor, 'right after the restart');
      // the demo seed ran again on start and wrote nothing: still one catalogue seed entry
      const seedEntries = await auditor.get('/api/audit/streams/catalog:seed');
      assert.equal(seedEntries.status, 200, JSON.stringify(seedEntries.body));
      assert.equal(seedEntries.body.length, 1, 'the demo catalogue was seeded once');

      // every 201 from before the kill is there, whole
      const checkCase = async (caseNo: string) => {
        const res = await citizen.get(`/api/applications/${caseNo}`);
        assert.equal(res.status, 200, `${caseNo}: ${JSON.stringify(res.body)}`);
        const view = res.body as CaseView;
        assert.equal(view.item.code, ITEM);
        assert.equal(view.status, 'submitted');
        assert.deepEqual(view.tasks.map((t) => t.department.code).sort(), TASK_DEPARTMENTS, `${caseNo} has its four tasks`);
        assert.equal(view.timeline.filter((e) => e.action === 'submitted').length, 1, `${caseNo} has its timeline entry`);
        const audit = await auditor.get(`/api/audit/streams/case:${caseNo}`);
        assert.equal(audit.status, 200, JSON.stringify(audit.body));
        const submittedEntries = (audit.body as { seq: number; action: string }[]).filter((e) => e.action === 'case.submitted');
        assert.deepEqual(submittedEntries.map((e) => e.seq), [1], `${caseNo} has its audit entry, first on its stream`);
      };
      await pool([...created.values()], IN_FLIGHT, checkCase);

      // retry every key with the same body: a 201 replays its case, the rest make one case each
      const settled = new Map<string, { caseNo: string; replayed: boolean }>();
      await pool(keys, IN_FLIGHT, async (key) => { settled.set(key, await settle(citizen, key)); });
      for (const [key, caseNo] of created) {
        assert.deepEqual(settled.get(key), { caseNo, replayed: true }, `${key} replays the case it created before the kill`);
      }
      for (const key of unsent) assert.equal(settled.get(key)!.replayed, false, `${key} was never sent before the kill`);
      const committedUnanswered = [...lost].filter((k) => settled.get(k)!.replayed);
      const distinct = new Set([...settled.values()].map((s) => s.caseNo));
      assert.equal(distinct.size, keys.length, 'one case per key');
      caseNos.push(...distinct);
      await pool(caseNos.filter((c) => ![...created.values()].includes(c)), IN_FLIGHT, checkCase);

      // the citizen has exactly those cases, and a second round of retries adds nothing
      const mine = (await caseNosOf(citizen)).filter((c) => !before.has(c));
      assert.deepEqual(mine.sort(), [...caseNos].sort());
      await pool(keys, IN_FLIGHT, async (key) => {
        assert.deepEqual(await settle(citizen, key), { caseNo: settled.get(key)!.caseNo, replayed: true });
      });
      assert.equal((await caseNosOf(citizen)).length, before.size + keys.length);
      await assertChainsVerify(auditor, 'after the retries');
      console.log(`crash recovery (${databaseUrl ? 'postgres' : 'pglite'}): ${created.size} answered 201 before the kill, ` +
        `${inFlightAtKill} in flight at the kill, ${lost.size} lost their answer (${committedUnanswered.length} of them had committed), ${unsent.length} never sent; ` +
        `${abandonedClaims} claims left in progress by the kill, ${inProgressAnswers} answers of 409 IDEMPOTENCY_IN_PROGRESS; start ${t1 - t0} ms, burst ${t2 - t1} ms, restart ${t3 - t2} ms, checks and retries ${Date.now() - t3} ms`);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    assert.equal((await second.exited).code, 0, second.output());

    // the database itself, with no server in front: chains whole, no claim left unfinished
    const config = loadConfig({ ...childEnv, TONGBAN_DEMO: 'false' });
    const db = await connect(config);
    try {
      assert.deepEqual((await verifyAudit(db.orm)).breaks, []);
      const claims = await rows<{ status: string; n: number }>(db.orm, sql`
        SELECT status, count(*)::int AS n FROM idempotency_keys WHERE key LIKE ${`crash-${runId}-%`} GROUP BY status`);
      assert.deepEqual(claims.map((r) => [r.status, Number(r.n)]), [['done', keys.length]]);
      const entries = await rows<{ target: string; n: number }>(db.orm, sql`
        SELECT target, count(*)::int AS n FROM audit_log
        WHERE action = 'case.submitted' AND target IN (SELECT jsonb_array_elements_text(${JSON.stringify(caseNos)}::jsonb))
        GROUP BY target`);
      assert.deepEqual(entries.map((e) => Number(e.n)), caseNos.map(() => 1), 'one submission audit entry per case');
    } finally {
      await db.close();
    }
  });
});
