import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import { advanceClock, resetClock } from '../../platform/clock.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { seedAccounts } from './seed.js';
import { auditActions, isProblem, loggedIn, PASSWORD, registerPerson } from './test-support.js';

describe('login and lockout', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await seedAccounts(t.db, {
      people: [], enterprises: [], departmentCodes: [], password: PASSWORD, secretKey: t.config.secretKey,
      staff: [{ username: 'ops.chen', name: '陈运营', mobile: '13700000001', departmentCode: null, roles: ['operator'] }],
    });
  });
  afterEach(() => resetClock());
  after(async () => { await t.close(); });

  const attempt = (login: string, password: string) => new Client(t.app).post('/api/auth/login', { login, password });

  it('logs in by username (any case) and by mobile, setting the session and CSRF cookies', async () => {
    const p = await registerPerson(t.app, { username: 'LoginByName' });
    for (const login of ['LoginByName', 'loginbyname', p.mobile]) {
      const res = await attempt(login, PASSWORD);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().id, p.id);
      const cookies = Object.fromEntries((res.cookies as any[]).map((c) => [c.name, c]));
      assert.equal(cookies.tb_session.httpOnly, true);
      assert.equal(cookies.tb_session.sameSite, 'Lax');
      assert.equal(cookies.tb_session.path, '/');
      assert.equal(cookies.tb_session.secure, undefined);
      assert.notEqual(cookies.tb_csrf.httpOnly, true);
      assert.equal(cookies.tb_csrf.value, res.json().csrfToken);
    }
    assert.ok((await auditActions(t.db, `account:${p.id}`)).includes('account.login'));
  });

  it('stores only the SHA-256 of the session token', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    const token = client.cookies.get('tb_session')!;
    const row = await one<{ n: string | number }>(t.db.orm, sql`SELECT count(*) AS n FROM sessions WHERE id = ${token}`);
    assert.equal(Number(row!.n), 0);
  });

  it('gives the same answer for an unknown login and a wrong password', async () => {
    const p = await registerPerson(t.app);
    const unknown = await attempt('nobody.here', PASSWORD);
    const wrong = await attempt(p.username, 'Wrong-passw0rd');
    for (const res of [unknown, wrong]) {
      assert.equal(res.statusCode, 401);
      assert.ok(isProblem(res));
      assert.equal(res.json().code, 'INVALID_CREDENTIALS');
    }
    assert.equal(unknown.json().title, wrong.json().title);
    assert.equal(unknown.json().detail, wrong.json().detail);
  });

  it('locks after 5 failures within 15 minutes, even for the right password, with Retry-After', async () => {
    const p = await registerPerson(t.app);
    for (let i = 1; i <= 4; i++) assert.equal((await attempt(p.username, `Wrong-pass${i}`)).json().code, 'INVALID_CREDENTIALS');
    const fifth = await attempt(p.mobile, 'Wrong-pass5');
    assert.equal(fifth.statusCode, 423);
    assert.equal(fifth.json().code, 'ACCOUNT_LOCKED');
    const right = await attempt(p.username, PASSWORD);
    assert.equal(right.statusCode, 423);
    assert.ok(isProblem(right));
    const retryAfter = Number(right.headers['retry-after']);
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.equal(right.headers['set-cookie'], undefined);
    const actions = await auditActions(t.db, `account:${p.id}`);
    assert.equal(actions.filter((a) => a === 'account.login_failed').length, 5);
    assert.ok(actions.includes('account.locked'));
  });

  it('lifts the lock 15 minutes after the fifth failure', async () => {
    const p = await registerPerson(t.app);
    for (let i = 0; i < 5; i++) await attempt(p.username, 'Wrong-passw0rd');
    advanceClock(14 * 60_000);
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 423);
    advanceClock(61_000);
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 200);
  });

  it('counts only failures inside the 15-minute window and resets the count on success', async () => {
    const p = await registerPerson(t.app);
    for (let i = 0; i < 4; i++) await attempt(p.username, 'Wrong-passw0rd');
    advanceClock(16 * 60_000);
    for (let i = 0; i < 4; i++) assert.equal((await attempt(p.username, 'Wrong-passw0rd')).statusCode, 401);
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 200);
    for (let i = 0; i < 4; i++) assert.equal((await attempt(p.username, 'Wrong-passw0rd')).statusCode, 401);
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 200);
  });

  it('lets an operator lift the lock at once, and audits it', async () => {
    const p = await registerPerson(t.app);
    for (let i = 0; i < 5; i++) await attempt(p.username, 'Wrong-passw0rd');
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 423);
    const operator = await loggedIn(t.app, 'ops.chen');
    const res = await operator.post(`/api/admin/accounts/${p.username}/unlock`);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await attempt(p.username, PASSWORD)).statusCode, 200);
    const actions = await auditActions(t.db, `account:${p.id}`);
    assert.ok(actions.indexOf('account.unlocked') > actions.indexOf('account.locked'));
    assert.equal((await operator.post('/api/admin/accounts/no.such.user/unlock')).json().code, 'NOT_FOUND');
  });

  it('refuses a disabled account only after the right password', async () => {
    const p = await registerPerson(t.app);
    await t.db.orm.execute(sql`UPDATE accounts SET status = 'disabled' WHERE id = ${p.id}`);
    assert.equal((await attempt(p.username, 'Wrong-passw0rd')).json().code, 'INVALID_CREDENTIALS');
    const res = await attempt(p.username, PASSWORD);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'ACCOUNT_DISABLED');
  });

  it('marks cookies Secure when configured for HTTPS', async () => {
    const secure = await startTestApp({ cookieSecure: true });
    try {
      const p = await registerPerson(secure.app);
      const res = await new Client(secure.app).post('/api/auth/login', { login: p.username, password: PASSWORD });
      for (const c of res.cookies as any[]) assert.equal(c.secure, true, c.name);
    } finally {
      await secure.close();
    }
  });
});
