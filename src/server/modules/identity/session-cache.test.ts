import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ChannelListener, Database } from '../../db/client.js';
import { nextInvalidation } from '../../platform/invalidation.js';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { applicantProfile } from './applicants.js';
import { seedAccounts } from './seed.js';
import { createSessionCache } from './session-cache.js';
import { loggedIn, PASSWORD, registerPerson } from './test-support.js';

/** A change the database does not announce: the table's trigger is off while `fn` writes. */
async function unannounced(db: Database, fn: () => Promise<unknown>, table: 'sessions' | 'accounts' = 'sessions') {
  await db.orm.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_invalidate`));
  try {
    await fn();
  } finally {
    await db.orm.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_invalidate`));
  }
}

const sessionIdOf = async (db: Database, accountId: string) =>
  (await db.orm.execute(sql`SELECT id FROM sessions WHERE account_id = ${accountId} AND revoked_at IS NULL`) as unknown as { rows: { id: string }[] }).rows[0].id;

describe('sessions kept in memory', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await seedAccounts(t.db, {
      people: [], enterprises: [], departmentCodes: ['rsj'], password: PASSWORD, secretKey: t.config.secretKey,
      staff: [{ username: 'reviewer.cache', name: '缓存审核', mobile: '13700000031', departmentCode: 'rsj', roles: ['reviewer'] }],
    });
  });
  after(async () => { await t.close(); });

  it('serves a signed-in caller from memory: a change the database does not announce is not seen', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    assert.equal((await client.get('/api/me')).statusCode, 200);
    await unannounced(t.db, () => t.db.orm.execute(sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${p.id}`));
    assert.equal((await client.get('/api/me')).statusCode, 200, 'the session was served from memory');
  });

  it('reads the session on every request when SESSION_CACHE_SECONDS is 0', async () => {
    const uncached = await startTestApp({ sessionCacheSeconds: 0 });
    try {
      const p = await registerPerson(uncached.app);
      const client = await loggedIn(uncached.app, p.username);
      assert.equal((await client.get('/api/me')).statusCode, 200);
      await unannounced(uncached.db, () => uncached.db.orm.execute(sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${p.id}`));
      assert.equal((await client.get('/api/me')).json().code, 'SESSION_EXPIRED');
    } finally {
      await uncached.close();
    }
  });

  it('ends a session as soon as the database announces its revocation by anyone', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    assert.equal((await client.get('/api/me')).statusCode, 200);
    const heard = nextInvalidation('account', p.id);
    await t.db.orm.execute(sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${p.id}`);
    await heard;
    assert.equal((await client.get('/api/me')).json().code, 'SESSION_EXPIRED');
  });

  it('gives a staff member a role granted by anyone on the next request after the announcement', async () => {
    const staff = await loggedIn(t.app, 'reviewer.cache');
    const me = async () => (await staff.get('/api/me')).json() as { roles: string[] };
    assert.ok(!(await me()).roles.includes('approver'));
    const id = (await t.db.orm.execute(sql`SELECT id FROM accounts WHERE username = 'reviewer.cache'`) as unknown as { rows: { id: string }[] }).rows[0].id;
    const heard = nextInvalidation('account', id);
    await t.db.orm.execute(sql`INSERT INTO account_roles (account_id, role, department_code) VALUES (${id}, 'approver', 'rsj')`);
    await heard;
    assert.ok((await me()).roles.includes('approver'));
    const gone = nextInvalidation('account', id);
    await t.db.orm.execute(sql`DELETE FROM account_roles WHERE account_id = ${id} AND role = 'approver'`);
    await gone;
    assert.ok(!(await me()).roles.includes('approver'));
  });

  it('keeps an applicant\'s profile in memory until the database announces a change to the account', async () => {
    const p = await registerPerson(t.app);
    const name = async () => (await applicantProfile(t.db.orm, t.config.secretKey, p.id))?.name;
    assert.equal(await name(), p.name);
    await unannounced(t.db, () => t.db.orm.execute(sql`UPDATE accounts SET name = '改名甲' WHERE id = ${p.id}`), 'accounts');
    assert.equal(await name(), p.name, 'served from memory');
    const heard = nextInvalidation('account', p.id);
    await t.db.orm.execute(sql`UPDATE accounts SET name = '改名乙' WHERE id = ${p.id}`);
    await heard;
    assert.equal(await name(), '改名乙');
  });

  it('ends this process\'s own logout at once, without waiting for the announcement', async () => {
    const p = await registerPerson(t.app);
    const client = await loggedIn(t.app, p.username);
    assert.equal((await client.get('/api/me')).statusCode, 200);
    assert.equal((await client.post('/api/auth/logout')).statusCode, 204);
    const res = await client.get('/api/me');
    assert.equal(res.statusCode, 401);
  });

  it('reads from the database while its invalidation feed is down, and forgets everything when it is back', async () => {
    let feed: ChannelListener | undefined;
    const watched: Database = { ...t.db, listen: (channel, listener) => { feed = listener; return t.db.listen(channel, listener); } };
    const cache = await createSessionCache(watched, { ...t.config, sessionCacheSeconds: 600 });
    try {
      const p = await registerPerson(t.app);
      await loggedIn(t.app, p.username);
      const id = await sessionIdOf(t.db, p.id);
      assert.equal((await cache.find(id))?.revoked_at, null);
      feed!.lost();
      await unannounced(t.db, () => t.db.orm.execute(sql`UPDATE sessions SET revoked_at = now() WHERE id = ${id}`));
      assert.ok((await cache.find(id))?.revoked_at, 'read from the database while the feed is down');
      feed!.live();
      assert.ok((await cache.find(id))?.revoked_at, 'nothing stale kept across the gap');
    } finally {
      await cache.stop();
    }
  });
});
