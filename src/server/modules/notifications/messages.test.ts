import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows, tx } from '../../db/client.js';
import { advanceClock, resetClock } from '../../platform/clock.js';
import { Client } from '../../test/harness.js';
import { loggedIn, registerPerson, type Person } from '../identity/test-support.js';
import { queueNotice } from './index.js';
import { problemOf, startNotificationsApp, type NotificationsContext } from './test-fixtures.js';

describe('the message centre API', () => {
  let t: NotificationsContext;
  let alice: Person;
  let bob: Person;
  let aliceClient: Client;
  let bobClient: Client;

  /** Queue and deliver one notice per title, a second apart, oldest first. */
  async function send(to: Person, titles: string[]) {
    for (const title of titles) {
      await tx(t.db.orm, (q) => queueNotice(q, {
        accountId: to.id, kind: 'test.notice', link: '/me',
        title: { zh: title, en: `EN ${title}` }, body: { zh: `${title}的正文`, en: `Body of ${title}` },
      }));
      await t.deliver();
      advanceClock(1_000);
    }
  }

  before(async () => {
    t = await startNotificationsApp();
    alice = await registerPerson(t.app, { name: '李四' });
    bob = await registerPerson(t.app, { name: '王五' });
    aliceClient = await loggedIn(t.app, alice.username);
    bobClient = await loggedIn(t.app, bob.username);
    await send(alice, ['第一条', '第二条', '第三条']);
    await send(bob, ['给王五的']);
  });
  after(async () => { resetClock(); await t.close(); });

  const list = async (client: Client, query = '') => {
    const res = await client.get(`/api/messages${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { total: number; unread: number; page: number; pageSize: number; items: { id: string; title: string; body: string; readAt: string | null; link: string | null; kind: string; createdAt: string }[] };
  };

  it('lists only the caller\'s messages, newest first, with the unread count', async () => {
    const page = await list(aliceClient);
    assert.deepEqual([page.total, page.unread, page.page, page.pageSize], [3, 3, 1, 20]);
    assert.deepEqual(page.items.map((m) => m.title), ['第三条', '第二条', '第一条']);
    assert.deepEqual(Object.keys(page.items[0]).sort(), ['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title']);
    assert.deepEqual([page.items[0].body, page.items[0].link, page.items[0].readAt], ['第三条的正文', '/me', null]);
    assert.deepEqual((await list(bobClient)).items.map((m) => m.title), ['给王五的']);
  });

  it('pages, and speaks English when asked', async () => {
    const second = await list(aliceClient, '?page=2&pageSize=2');
    assert.deepEqual([second.total, second.items.map((m) => m.title)], [3, ['第一条']]);
    const res = await aliceClient.get('/api/messages?pageSize=1', { 'accept-language': 'en' });
    assert.deepEqual(res.json().items.map((m: { title: string; body: string }) => [m.title, m.body]), [['EN 第三条', 'Body of 第三条']]);
  });

  it('marks one message read, keeps the first reading time, and filters unread ones', async () => {
    const [newest] = (await list(aliceClient)).items;
    const res = await aliceClient.post(`/api/messages/${newest.id}/read`);
    assert.equal(res.statusCode, 204, res.body);
    const readAt = (await list(aliceClient)).items[0].readAt;
    assert.ok(readAt);
    advanceClock(60_000);
    assert.equal((await aliceClient.post(`/api/messages/${newest.id}/read`)).statusCode, 204);
    assert.equal((await list(aliceClient)).items[0].readAt, readAt);

    const unread = await list(aliceClient, '?unread=true');
    assert.deepEqual([unread.total, unread.unread, unread.items.map((m) => m.title)], [2, 2, ['第二条', '第一条']]);
    assert.deepEqual((await aliceClient.get('/api/messages/unread-count')).json(), { unread: 2 });
  });

  it('marks every message of the caller read, and nobody else\'s', async () => {
    const res = await aliceClient.post('/api/messages/read-all');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await aliceClient.get('/api/messages/unread-count')).json(), { unread: 0 });
    assert.equal((await list(aliceClient)).items.every((m) => m.readAt), true);
    assert.deepEqual((await bobClient.get('/api/messages/unread-count')).json(), { unread: 1 });
  });

  it('answers another person\'s message as not found, and leaves it unread', async () => {
    const [bobs] = (await list(bobClient)).items;
    const res = await aliceClient.post(`/api/messages/${bobs.id}/read`);
    assert.equal(res.statusCode, 404);
    assert.equal(problemOf(res).code, 'MESSAGE_NOT_FOUND');
    const missing = await aliceClient.post('/api/messages/9999999999/read');
    assert.deepEqual([missing.statusCode, problemOf(missing).code, problemOf(missing).title], [404, 'MESSAGE_NOT_FOUND', '未找到该消息']);
    assert.equal((await list(bobClient)).items[0].readAt, null);
  });

  it('refuses anonymous callers with 401', async () => {
    const anonymous = new Client(t.app);
    for (const [method, url] of [['GET', '/api/messages'], ['GET', '/api/messages/unread-count'], ['POST', '/api/messages/1/read'], ['POST', '/api/messages/read-all']] as const) {
      const res = await anonymous.request(method, url, method === 'POST' ? {} : undefined);
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      assert.equal(problemOf(res).code, 'UNAUTHENTICATED');
    }
  });

  it('refuses a write without the CSRF token', async () => {
    const res = await aliceClient.post('/api/messages/read-all', {}, { 'x-csrf-token': 'forged' });
    assert.equal(res.statusCode, 403);
    assert.equal(problemOf(res).code, 'CSRF_FAILED');
  });

  it('rejects malformed ids and queries with a problem naming the field', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '12345678901234567890']) {
      const res = await aliceClient.post(`/api/messages/${encodeURIComponent(id)}/read`);
      assert.equal(res.statusCode, 400, `id ${id}: ${res.body}`);
      const problem = problemOf(res);
      assert.equal(problem.code, 'VALIDATION_FAILED');
      assert.equal(problem.errors?.[0].path, '/id');
    }
    for (const [query, path] of [['?page=0', '/page'], ['?pageSize=101', '/pageSize'], ['?unread=maybe', '/unread'], ['?sort=old', '/sort']]) {
      const res = await aliceClient.get(`/api/messages${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(problemOf(res).errors?.[0].path, path, query);
    }
  });
  it('refuses a malformed notice as a programming error: the transaction fails and nothing is queued', async () => {
    const queued = async () => Number((await rows<{ n: string }>(t.db.orm, sql`SELECT count(*) AS n FROM outbox`))[0].n);
    const before = await queued();
    const good = { accountId: alice.id, kind: 'test.notice', title: { zh: '标题', en: 'Title' }, body: { zh: '正文', en: 'Body' } };
    for (const [bad, path] of [[{ ...good, accountId: 'not-a-uuid' }, '/accountId'], [{ ...good, kind: 'Not A Kind' }, '/kind'], [{ ...good, title: { zh: '', en: 'x' } }, '/title/zh']] as const) {
      await assert.rejects(tx(t.db.orm, (q) => queueNotice(q, bad as never)), (e: Error) => e.message.startsWith('invalid notice') && e.message.includes(path), path);
    }
    assert.equal(await queued(), before);
  });
});
