import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { advanceClock, resetClock } from '../../platform/clock.js';
import { Client } from '../../test/harness.js';
import { loggedIn, PASSWORD, registerPerson, uniqueMobile, validCreditCode, validIdNumber, type Person } from '../identity/test-support.js';
import { LoggingEmailAdapter, LoggingSmsAdapter } from './index.js';
import { startNotificationsApp, type NotificationsContext } from './test-fixtures.js';

const NEW_PASSWORD = 'Tb-n3w-passw0rd!';

describe('notices from identity, delivered through the outbox', () => {
  let t: NotificationsContext;
  before(async () => { t = await startNotificationsApp(); });
  after(async () => { await t.close(); });
  beforeEach(() => { t.sms.sent.length = 0; t.email.sent.length = 0; });
  afterEach(() => resetClock());

  const messagesOf = (accountId: string) => rows<{ kind: string; title_zh: string; title_en: string; body_zh: string; link: string | null; read_at: unknown }>(
    t.db.orm, sql`SELECT kind, title_zh, title_en, body_zh, link, read_at FROM messages WHERE account_id = ${accountId} ORDER BY id`);
  const outboxOf = (accountId: string) => rows<{ topic: string; status: string }>(
    t.db.orm, sql`SELECT topic, status FROM outbox WHERE payload->>'accountId' = ${accountId} ORDER BY id`);

  async function changePassword(person: Person) {
    const client = await loggedIn(t.app, person.username);
    const res = await client.put('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(res.statusCode, 204, res.body);
    return client;
  }

  it('sends one 站内信 and one SMS when a password is changed, even if the notice is handled twice', async () => {
    const person = await registerPerson(t.app);
    const client = await changePassword(person);
    assert.deepEqual(await messagesOf(person.id), [], 'nothing is delivered inside the request');

    await t.deliver();
    const [message, ...others] = await messagesOf(person.id);
    assert.deepEqual(others, []);
    assert.deepEqual([message.kind, message.title_zh, message.title_en, message.link, message.read_at], ['account.password_changed', '密码已修改', 'Your password was changed', '/me', null]);
    assert.match(message.body_zh, /如非本人操作/);
    assert.equal(t.sms.sent.length, 1);
    assert.equal(t.sms.sent[0].to, person.mobile);
    assert.match(t.sms.sent[0].text, /^您的密码已修改/);
    assert.deepEqual(t.email.sent, [], 'no email address, no email');

    // the worker died after the handler ran but before it marked the row done: it runs again
    await t.db.orm.execute(sql`UPDATE outbox SET status = 'pending', done_at = NULL WHERE topic = 'notify' AND payload->>'accountId' = ${person.id}`);
    assert.equal(await t.deliver(), 1);
    assert.equal((await messagesOf(person.id)).length, 1, 'still one message');
    assert.equal(t.sms.sent.length, 1, 'still one SMS');
    assert.deepEqual(await outboxOf(person.id), [{ topic: 'notify', status: 'done' }, { topic: 'notify.sms', status: 'done' }]);

    const listed = (await client.get('/api/messages')).json();
    assert.deepEqual([listed.total, listed.unread, listed.items[0].title], [1, 1, '密码已修改']);
  });

  it('queues nothing when the password change is refused', async () => {
    const person = await registerPerson(t.app);
    const client = await loggedIn(t.app, person.username);
    const res = await client.put('/api/me/password', { currentPassword: 'wrong-Passw0rd', newPassword: NEW_PASSWORD });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(await outboxOf(person.id), []);
  });

  it('emails the notice too when the account has an address', async () => {
    const input = { username: `mailer${Date.now() % 100_000}`, name: '钱七', idNumber: validIdNumber(), mobile: uniqueMobile(), email: 'qianqi@example.com', password: PASSWORD };
    const registered = await new Client(t.app).post('/api/auth/register/citizen', input);
    assert.equal(registered.statusCode, 201, registered.body);
    await changePassword({ ...input, id: registered.json().id });
    await t.deliver();
    assert.equal(t.email.sent.length, 1);
    assert.deepEqual([t.email.sent[0].to, t.email.sent[0].subject], ['qianqi@example.com', '密码已修改']);
    assert.match(t.email.sent[0].text, /Your password was changed/);
    assert.equal(t.sms.sent.length, 1);
  });

  it('tells the owner by 站内信 and SMS when five failed logins lock the account', async () => {
    const person = await registerPerson(t.app);
    for (let n = 1; n <= 5; n++) {
      const res = await new Client(t.app).post('/api/auth/login', { login: person.username, password: `Wrong-${n}-passw0rd` });
      assert.equal(res.statusCode, n < 5 ? 401 : 423, res.body);
    }
    await t.deliver();
    const messages = await messagesOf(person.id);
    assert.deepEqual(messages.map((m) => [m.kind, m.title_zh]), [['account.locked', '账号已临时锁定']]);
    assert.match(messages[0].body_zh, /连续 5 次登录失败/);
    assert.deepEqual(t.sms.sent.map((s) => s.to), [person.mobile]);
    assert.match(t.sms.sent[0].text, /已临时锁定/);

    // attempts on the locked account add no further notices
    await new Client(t.app).post('/api/auth/login', { login: person.username, password: PASSWORD });
    assert.equal(await t.deliver(), 0);
  });

  it('tells the registrant that the enterprise is registered and a new agent that they were added', async () => {
    const owner = await registerPerson(t.app, { name: '孙八' });
    const agent = await registerPerson(t.app, { name: '周九' });
    const ownerClient = await loggedIn(t.app, owner.username);
    const created = await ownerClient.post('/api/enterprises', { name: '青川通办示范有限公司', creditCode: validCreditCode(), legalRepresentative: '孙八' });
    assert.equal(created.statusCode, 201, created.body);
    const added = await ownerClient.post(`/api/enterprises/${created.json().id}/agents`, { login: agent.username });
    assert.equal(added.statusCode, 201, added.body);

    await t.deliver();
    const [registered] = await messagesOf(owner.id);
    assert.equal(registered.kind, 'enterprise.registered');
    assert.match(registered.body_zh, /“青川通办示范有限公司”.*法定代表人/);
    const [authorised] = await messagesOf(agent.id);
    assert.equal(authorised.kind, 'enterprise.agent_added');
    assert.match(authorised.body_zh, /“青川通办示范有限公司”的经办人/);
    assert.deepEqual([t.sms.sent, t.email.sent], [[], []], 'in-app only');
  });

  it('retries only the SMS when the SMS gateway is down', async () => {
    const person = await registerPerson(t.app);
    await changePassword(person);
    t.sms.failNext(1);
    await t.deliver();
    assert.equal((await messagesOf(person.id)).length, 1, 'the 站内信 does not wait for the SMS');
    assert.deepEqual(t.sms.sent, []);
    const [sms] = await rows<{ status: string; attempts: number; last_error: string }>(t.db.orm,
      sql`SELECT status, attempts, last_error FROM outbox WHERE topic = 'notify.sms' AND payload->>'accountId' = ${person.id}`);
    assert.deepEqual([sms.status, sms.attempts], ['pending', 1]);
    assert.match(sms.last_error, /gateway unavailable/);

    advanceClock(60 * 60_000);
    await t.deliver();
    assert.equal(t.sms.sent.length, 1);
    assert.equal((await messagesOf(person.id)).length, 1);
  });

  it('gives up on a notice for an account that no longer exists', async () => {
    const person = await registerPerson(t.app);
    await changePassword(person);
    await t.db.orm.execute(sql`DELETE FROM accounts WHERE id = ${person.id}`);
    await t.deliver();
    const [notice] = await rows<{ status: string; last_error: string }>(t.db.orm, sql`SELECT status, last_error FROM outbox WHERE topic = 'notify' AND payload->>'accountId' = ${person.id}`);
    assert.equal(notice.status, 'dead');
    assert.match(notice.last_error, /no longer exists/);
  });
});

describe('the logging adapters', () => {
  it('log a masked recipient and keep the text out of info lines', async () => {
    const lines: { level: string; obj: Record<string, unknown> }[] = [];
    const log = { info: (obj: object) => lines.push({ level: 'info', obj: obj as Record<string, unknown> }), debug: (obj: object) => lines.push({ level: 'debug', obj: obj as Record<string, unknown> }) };
    await new LoggingSmsAdapter(log).send({ to: '13812345678', text: '您的密码已修改' });
    await new LoggingEmailAdapter(log).send({ to: 'zhangsan@example.com', subject: '密码已修改', text: '正文' });
    const printed = JSON.stringify(lines);
    assert.ok(!printed.includes('13812345678') && !printed.includes('zhangsan@'));
    assert.deepEqual(lines.filter((l) => l.level === 'info').map((l) => [l.obj.channel, l.obj.to, l.obj.text]), [['sms', '138****5678', undefined], ['email', 'z*******@example.com', undefined]]);
  });
});
