import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Runs the real entry point twice on the same data: what was written before a SIGTERM is there after.
const dataDir = mkdtempSync(path.join(tmpdir(), 'tongban-main-'));
const schema = process.env.DATABASE_URL ? `t_${randomBytes(6).toString('hex')}` : '';

interface Started { url: string; pid: number; output: () => string; stop: () => Promise<{ code: number | null; output: string }> }

function start(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, TONGBAN_DATA_DIR: dataDir, TONGBAN_DB_SCHEMA: schema, PORT: '0', HOST: '127.0.0.1', TONGBAN_DEMO: 'false', TONGBAN_WEB_DIR: '/nonexistent', LOG_LEVEL: 'info', TONGBAN_SECRET_KEY: 'c3'.repeat(32), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b) => { output += b; });
  child.stderr.on('data', (b) => { output += b; });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = output.match(/running at (http:\/\/localhost:\d+)/);
      if (!m) return;
      clearInterval(timer);
      resolve({
        url: m[1].replace('localhost', '127.0.0.1'), pid: child.pid!, output: () => output,
        stop: () => new Promise((done) => { child.once('exit', (code) => done({ code, output })); child.kill('SIGTERM'); }),
      });
    }, 50);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`exited ${code}: ${output}`)); });
  });
}

// after every test of the file: both suites use the data directory and the schema
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

describe('the platform process', () => {
  it('drains on SIGTERM, exits cleanly and keeps what was written across a restart', async () => {
    const first = await start();
    const registration = { username: 'restart.li', name: '李重启', idNumber: '11010519491231002X', mobile: '13911112222', password: 'Restart#2026' };
    const created = await fetch(`${first.url}/api/auth/register/citizen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration) });
    assert.equal(created.status, 201, await created.text());
    const stopped = await first.stop();
    assert.equal(stopped.code, 0, stopped.output);
    assert.match(stopped.output, /draining requests/);

    const second = await start();
    try {
      const login = await fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'restart.li', password: 'Restart#2026' }) });
      assert.equal(login.status, 200, 'the account survived the restart');
      assert.equal((await login.json()).idNumberMasked, '110105********002X');
    } finally {
      assert.equal((await second.stop()).code, 0);
    }
  });
});

/** The worker processes of a primary (Linux: its children). */
const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('several server processes (TONGBAN_WORKERS)', () => {
  it('refuses more than one process on the embedded database, naming the setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', TONGBAN_WORKERS: '2', TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_WEB_DIR: '/nonexistent', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (b) => { output += b; });
    const code = await new Promise((done) => child.once('exit', done));
    assert.equal(code, 2);
    assert.match(output, /TONGBAN_WORKERS=2 needs a PostgreSQL server \(DATABASE_URL\)/);
  });

  // several processes need a PostgreSQL server: this one runs in the PostgreSQL pass of `npm test`
  if (process.env.DATABASE_URL) it('serves from every worker with one key, replaces a killed worker, and drains them all on SIGTERM', async () => {
    const server = await start({ TONGBAN_WORKERS: '2', TONGBAN_SECRET_KEY: '' });
    try {
      assert.match(server.output(), /2 server processes/);
      const workers = childrenOf(server.pid);
      assert.equal(workers.length, 2);
      const registration = { username: 'cluster.zhou', name: '周集群', idNumber: '110105195003150035', mobile: '13911113333', password: 'Cluster#2026' };
      const created = await fetch(`${server.url}/api/auth/register/citizen`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(registration) });
      assert.equal(created.status, 201, await created.text());
      // a fresh connection per request: both workers answer, and each decrypts with the primary's key
      const login = async () => {
        const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ login: registration.username, password: registration.password }) });
        assert.equal(res.status, 200);
        return (await res.json()).idNumberMasked;
      };
      for (let i = 0; i < 6; i++) assert.equal(await login(), '110105********0035');
      // whichever worker answers /metrics counts the requests of both
      for (let i = 0; i < 4; i++) {
        const metrics = await (await fetch(`${server.url}/metrics`, { headers: { connection: 'close' } })).text();
        assert.match(metrics, /http_requests_total\{method="POST",route="\/api\/auth\/login",status="200"\} 6\n/);
      }

      process.kill(workers[0], 'SIGKILL');
      await until('the replacement worker', () => {
        const now = childrenOf(server.pid);
        return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
      });
      assert.match(server.output(), new RegExp(`worker ${workers[0]} exited \\(SIGKILL\\); starting another`));
      await until('the replacement to listen', () => (server.output().match(/server listening/gi) ?? []).length >= 3 ? true : undefined);
      for (let i = 0; i < 4; i++) assert.equal(await login(), '110105********0035');
    } finally {
      const stopped = await server.stop();
      assert.equal(stopped.code, 0, stopped.output);
      assert.equal(stopped.output.match(/draining requests/g)?.length, 2, 'both workers drained');
    }
  });
});
