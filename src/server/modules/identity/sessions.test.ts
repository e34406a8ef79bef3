import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import { advanceClock, resetClock } from '../../platform/clock.js';
import { nextInvalidation } from '../../platform/invalidation.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { seedAccounts } from './seed.js';
import { auditActions, isProblem, loggedIn, PASSWORD, registerPerson } from './test-support.js';

const MIN = 60_000;

describe('sessions, CSRF and logout', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await seedAccounts(t.db, {
      people: [], enterprises: [], departmentCodes: ['rsj'], password: PASSWORD, secretKey: t.config.secretKey,
      staff: [{ username: 'clerk.li', name: '李受理', mobile: '13700000002', departmentCode: 'zwfw', roles: ['clerk'] }],
    });
  });
  afterEach(() => resetClock());
  after(async () => { await t.close(); });

  /** ended by another process (or an operator's SQL): this process hears of it from the database */
  const revokedElsewhere = async (accountId: string) => {
    const heard = nextInvalidation('account', accountId);
    await t.db.orm.execute(sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${accountId}`);
    await heard;
  };

  const expectExpired = async (client: Client) => {
    const res = await client.get('/api/me');
    assert.equal(res.statusCode, 401);
    assert.ok(isProblem(res));
    assert.equal(res.json().code, 'SESSION_EXPIRED');
    const cleared = (res.cookies as any[]).map((c) => c.name).sort();
    assert.deepEqual(cleared, ['tb_csrf', 'tb_session']);
    assert.equal(client.cookies.size, 0, 'the cookies are cleared');
  };

  it('ends a staff session after 30 idle minutes', async () => {
    const staff = await loggedIn(t.app, 'reviewer.rsj');
    advanceClock(29 * MIN);
    assert.equal((await staff.get('/api/me')).statusCode, 200);
    advanceClock(29 * MIN);
    assert.equal((await staff.get('/api/me')).statusCode, 200, 'activity restarts the idle clock');
    advanceClock(31 * MIN);
    await expectExpired(staff);
  });

  it('ends a staff session after 8 hours however active it is', async () => {
    const staff = await loggedIn(t.app, 'clerk.li');
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      advanceClock(20 * MIN);
      assert.equal((await staff.get('/api/me')).statusCode, 200, `after ${minutes} minutes`);
    }
    advanceClock(20 * MIN);
    await expectExpired(staff);
  });

  it('gives persons a longer idle timeout than staff', async () => {
    const p = await registerPerson(t.app);
    const citizen = await loggedIn(t.app, p.username);
    advanceClock(45 * MIN);
    assert.equal((await citizen.get('/api/me')).statusCode, 200);
    advanceClock((t.config.citizenIdleMinutes + 1) * MIN);
    await expectExpired(citizen);
  });

  it('reports when the session ends and writes last_seen_at at most once a minute', async () => {
    const staff = await loggedIn(t.app, 'reviewer.rsj');
    const me = (await staff.get('/api/me')).json();
    const expires = new Date(me.sessionExpiresAt).getTime() - Date.now();
    assert.ok(expires > 29 * MIN && expires <= 30 * MIN, `expires in ${expires} ms`);
    const seen = async () => new Date((await one<{ at: Date }>(t.db.orm, sql`SELECT last_seen_at AS at FROM sessions WHERE csrf_token = ${staff.csrf}`))!.at).getTime();
    const first = await seen();
    advanceClock(30_000);
    await staff.get('/api/me');
    assert.equal(await seen(), first);
    advanceClock(31_000);
    await staff.get('/api/me');
    assert.ok((await seen()) > first);
  });

  it('refuses a cookie-authenticated write without the right CSRF token and changes nothing', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const change = { currentPassword: PASSWORD, newPassword: 'Another-passw0rd' };
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged-token' }]) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/me/password', headers, payload: change });
      assert.equal(res.statusCode, 403);
      assert.ok(isProblem(res));
      assert.equal(res.json().code, 'CSRF_FAILED');
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers });
      assert.equal(out.json().code, 'CSRF_FAILED');
    }
    assert.equal((await client.get('/api/me')).statusCode, 200, 'the session still works');
    assert.equal((await new Client(t.app).post('/api/auth/login', { login: p.username, password: PASSWORD })).statusCode, 200, 'the password is unchanged');
    assert.ok(!(await auditActions(t.db, `account:${p.id}`)).includes('account.password_changed'));
  });

  it('logs out this session and clears the cookies', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    const saved = new Map(client.cookies);
    const res = await client.post('/api/auth/logout');
    assert.equal(res.statusCode, 204);
    assert.equal(client.cookies.size, 0);
    const replay = new Client(t.app);
    replay.cookies = saved;
    await expectExpired(replay);
  });

  it('logs out everywhere', async () => {
    const p = await registerPerson(t.app);
    const phone = await loggedIn(t.app, p.mobile);
    const laptop = await loggedIn(t.app, p.username);
    assert.equal((await laptop.post('/api/auth/logout-all')).statusCode, 204);
    await expectExpired(phone);
    assert.equal((await laptop.get('/api/me')).json().code, 'UNAUTHENTICATED');
    assert.ok((await auditActions(t.db, `account:${p.id}`)).includes('account.logout_all'));
  });

  it('changes the password and ends the other sessions', async () => {
    const p = await registerPerson(t.app);
    const here = await loggedIn(t.app, p.username);
    const elsewhere = await loggedIn(t.app, p.username);
    const wrong = await here.put('/api/me/password', { currentPassword: 'Not-the-passw0rd', newPassword: 'Another-passw0rd' });
    assert.equal(wrong.json().code, 'PASSWORD_INCORRECT');
    assert.equal(wrong.json().errors[0].path, '/currentPassword');
    const weak = await here.put('/api/me/password', { currentPassword: PASSWORD, newPassword: 'weakpass' });
    assert.equal(weak.json().code, 'PASSWORD_TOO_WEAK');
    assert.equal(weak.json().errors[0].path, '/newPassword');
    assert.equal((await here.put('/api/me/password', { currentPassword: PASSWORD, newPassword: PASSWORD })).json().code, 'PASSWORD_TOO_WEAK');
    const ok = await here.put('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Another-passw0rd' });
    assert.equal(ok.statusCode, 204, ok.body);
    assert.equal((await here.get('/api/me')).statusCode, 200);
    await expectExpired(elsewhere);
    assert.equal((await new Client(t.app).post('/api/auth/login', { login: p.username, password: PASSWORD })).statusCode, 401);
    assert.equal((await new Client(t.app).post('/api/auth/login', { login: p.username, password: 'Another-passw0rd' })).statusCode, 200);
  });

  it('lets a browser holding a stale cookie log in again', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    await revokedElsewhere(p.id);
    const res = await client.post('/api/auth/login', { login: p.username, password: PASSWORD });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await client.get('/api/me')).statusCode, 200);
  });

  it('serves public pages to a browser whose session ended, clearing its cookies', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    await revokedElsewhere(p.id);
    const res = await client.get('/api/catalog/themes');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(client.cookies.size, 0, 'the stale cookies are cleared');
  });

  it('treats requests without a session cookie as anonymous', async () => {
    const res = await new Client(t.app).get('/api/me');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'UNAUTHENTICATED');
  });
});
