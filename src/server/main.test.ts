import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Runs the real entry point twice on the same data: what was written before a SIGTERM is there after.
const dataDir = mkdtempSync(path.join(tmpdir(), 'tongban-main-'));
const schema = process.env.DATABASE_URL ? `t_${randomBytes(6).toString('hex')}` : '';

function start(): Promise<{ url: string; stop: () => Promise<{ code: number | null; output: string }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, TONGBAN_DATA_DIR: dataDir, TONGBAN_DB_SCHEMA: schema, PORT: '0', HOST: '127.0.0.1', TONGBAN_DEMO: 'false', TONGBAN_WEB_DIR: '/nonexistent', LOG_LEVEL: 'info', TONGBAN_SECRET_KEY: 'c3'.repeat(32) },
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
        url: m[1].replace('localhost', '127.0.0.1'),
        stop: () => new Promise((done) => { child.once('exit', (code) => done({ code, output })); child.kill('SIGTERM'); }),
      });
    }, 50);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`exited ${code}: ${output}`)); });
  });
}

describe('the platform process', () => {
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

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
