import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.js';
import { connect, rows } from '../../db/client.js';
import { fieldCipher } from '../../platform/crypto.js';
import { Client, startTestApp, testConfig, type TestContext } from '../../test/harness.js';
import { seedAccounts } from './seed.js';
import { citizenInput, loggedIn, PASSWORD, registerPerson, validCreditCode, validIdNumber } from './test-support.js';

describe('profile, operator access and seeding', () => {
  let t: TestContext;
  const seedInput = () => ({
    people: [{ username: 'demo.wang', name: '王五', idNumber: validIdNumber('19800808', '330106', 501), mobile: '13600000001', birthDate: '1980-08-08', sex: 'M' as const, address: '西湖区' }],
    enterprises: [{ name: '示例商贸有限公司', creditCode: validCreditCode('20011224'), legalRepresentative: 'demo.wang', regionCode: '330106', address: '文三路', agents: ['demo.wang'] }],
    staff: [
      { username: 'ops.zhou', name: '周运营', mobile: '13700000011', departmentCode: null, roles: ['operator' as const] },
      { username: 'audit.wu', name: '吴审计', mobile: '13700000011', departmentCode: null, roles: ['auditor' as const] },
    ],
    departmentCodes: ['gaj', 'rsj'],
    password: PASSWORD,
    secretKey: '',
  });
  before(async () => {
    t = await startTestApp();
    await seedAccounts(t.db, { ...seedInput(), secretKey: t.config.secretKey });
  });
  after(async () => { await t.close(); });

  it('returns the profile with the ID number and mobile masked', async () => {
    const idNumber = validIdNumber('19900101', '110105');
    const p = await registerPerson(t.app, { idNumber, name: '欧阳娜娜' });
    const res = await (await loggedIn(t.app, p.username)).get('/api/me');
    const me = res.json();
    assert.equal(me.idNumberMasked, `110105********${idNumber.slice(14)}`);
    assert.equal(me.mobileMasked, `${p.mobile.slice(0, 3)}****${p.mobile.slice(7)}`);
    assert.equal(me.kind, 'person');
    assert.equal(me.realNameLevel, 1);
    assert.deepEqual(me.roles, ['citizen']);
    assert.ok(!res.body.includes(idNumber) && !res.body.includes(p.mobile) && !res.body.includes(idNumber.slice(6, 14)));
  });

  it('shows staff their roles per department', async () => {
    const me = (await (await loggedIn(t.app, 'reviewer.gaj')).get('/api/me')).json();
    assert.equal(me.kind, 'staff');
    assert.equal(me.idNumberMasked, null);
    assert.deepEqual(me.roles.sort(), ['approver', 'reviewer']);
    assert.equal(me.departments.length, 1);
    assert.equal(me.departments[0].code, 'gaj');
    assert.deepEqual(me.departments[0].roles.sort(), ['approver', 'reviewer']);
    assert.equal(typeof me.departments[0].name, 'string');
  });

  it('seeds idempotently: persons, staff with free mobiles, reviewers per department, the enterprise with its agent', async () => {
    const again = await seedAccounts(t.db, { ...seedInput(), secretKey: t.config.secretKey });
    assert.deepEqual(again, { created: [], enterprises: 0 });
    const accounts = await rows<{ username: string; mobile_enc: string; password_hash: string }>(t.db.orm,
      sql`SELECT username, mobile_enc, password_hash FROM accounts WHERE username IN ('demo.wang', 'ops.zhou', 'audit.wu', 'reviewer.gaj', 'reviewer.rsj')`);
    assert.equal(accounts.length, 5);
    const cipher = fieldCipher(t.config.secretKey);
    const mobiles = new Map(accounts.map((a) => [a.username, cipher.decrypt(a.mobile_enc)]));
    assert.equal(new Set(mobiles.values()).size, 5, 'a duplicate staff mobile is replaced');
    assert.equal(mobiles.get('ops.zhou'), '13700000011');
    assert.match(mobiles.get('audit.wu')!, /^199\d{8}$/);
    assert.equal((await (await loggedIn(t.app, '13700000011')).get('/api/me')).json().username, 'ops.zhou');
    assert.equal(new Set(accounts.map((a) => a.password_hash)).size, 1, 'one hash for every demo account');
    const wang = (await (await loggedIn(t.app, 'demo.wang')).get('/api/me')).json();
    assert.deepEqual(wang.roles, ['citizen', 'enterprise_agent']);
    assert.equal(wang.enterprises[0].relation, 'legal_representative');
    assert.deepEqual((await (await loggedIn(t.app, 'audit.wu')).get('/api/me')).json().roles, ['auditor']);
  });

  it('lists accounts for operators, masked and paged', async () => {
    const p = await registerPerson(t.app, { username: 'findme.please', name: '李四' });
    const operator = await loggedIn(t.app, 'ops.zhou');
    const res = await operator.get('/api/admin/accounts?q=findme');
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.equal(page.total, 1);
    assert.deepEqual([page.page, page.pageSize], [1, 20]);
    const item = page.items[0];
    assert.deepEqual([item.username, item.nameMasked, item.kind, item.status, item.lockedUntil], ['findme.please', '李*', 'person', 'active', null]);
    assert.equal(item.idNumberMasked, p.idNumber.slice(0, 6) + '********' + p.idNumber.slice(14));
    assert.ok(!res.body.includes(p.idNumber) && !res.body.includes(p.mobile));
    const all = (await operator.get('/api/admin/accounts?pageSize=2&page=2')).json();
    assert.equal(all.items.length, 2);
    assert.ok(all.total >= 5);
    assert.equal((await operator.get('/api/admin/accounts?q=%25')).json().total, 0, 'a % is matched literally');
  });

  it('finds an account by its complete mobile number only, since the number is stored encrypted', async () => {
    const p = await registerPerson(t.app, { name: '钱七' });
    const operator = await loggedIn(t.app, 'ops.zhou');
    const res = await operator.get(`/api/admin/accounts?q=${p.mobile}`);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.equal(page.total, 1);
    assert.deepEqual([page.items[0].id, page.items[0].username], [p.id, p.username]);
    assert.equal(page.items[0].mobileMasked, `${p.mobile.slice(0, 3)}****${p.mobile.slice(7)}`);
    assert.ok(!res.body.includes(p.mobile));
    for (const part of [p.mobile.slice(0, 7), p.mobile.slice(3)]) {
      assert.equal((await operator.get(`/api/admin/accounts?q=${part}`)).json().total, 0, `part of a mobile (${part}) finds nothing`);
    }
    assert.equal((await operator.get(`/api/admin/accounts?q=${p.username}`)).json().items[0]?.id, p.id, 'usernames are still searched');
  });

  it('refuses operator endpoints to citizens (403) and anonymous callers (401)', async () => {
    const p = await registerPerson(t.app);
    const citizen = await loggedIn(t.app, p.username);
    for (const res of [await citizen.post(`/api/admin/accounts/${p.username}/unlock`), await citizen.get('/api/admin/accounts')]) {
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'FORBIDDEN');
    }
    const auditor = await loggedIn(t.app, 'audit.wu');
    assert.equal((await auditor.post(`/api/admin/accounts/${p.username}/unlock`)).statusCode, 403);
    const anonymous = new Client(t.app);
    assert.equal((await anonymous.post(`/api/admin/accounts/${p.username}/unlock`)).statusCode, 401);
    assert.equal((await anonymous.get('/api/admin/accounts')).json().code, 'UNAUTHENTICATED');
  });

  it('documents every identity endpoint in OpenAPI under the identity tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .filter(([path]) => /^\/api\/(auth\/|me$|me\/password$|enterprises|admin\/accounts)/.test(path)).flatMap(([, methods]) => Object.values(methods));
    assert.equal(ops.length, 12);
    for (const op of ops) assert.deepEqual(op.tags, ['identity']);
  });
});

describe('request logs', () => {
  it('never contain a full ID number', async () => {
    // config.ts types logLevel from a .map()-built union, which typebox infers as never
    const config = testConfig({ logLevel: 'trace' as never });
    const db = await connect(config);
    const app = await buildApp(config, { db });
    const lines: string[] = [];
    // swap the destination of the app's pino logger (children share it) for a buffer
    let holder: any = app.log;
    let streamKey: symbol | undefined;
    while (holder && !streamKey) {
      streamKey = Object.getOwnPropertySymbols(holder).find((s) => s.description === 'pino.stream');
      if (!streamKey) holder = Object.getPrototypeOf(holder);
    }
    assert.ok(streamKey, 'found the pino stream');
    holder[streamKey!] = { write: (line: string) => { lines.push(line); } };
    try {
      await app.ready();
      const input = citizenInput({ idNumber: validIdNumber('19660606', '510104') });
      const client = new Client(app);
      assert.equal((await client.post('/api/auth/register/citizen', input)).statusCode, 201);
      await client.post('/api/auth/register/citizen', { ...citizenInput(), idNumber: input.idNumber });
      await client.post('/api/auth/register/citizen', { ...citizenInput(), idNumber: input.idNumber.slice(0, 17) + 'Z' });
      await client.post('/api/auth/login', { login: input.username, password: 'Wrong-passw0rd' });
      await client.post('/api/auth/login', { login: input.username, password: PASSWORD });
      await client.get('/api/me');
      await client.get(`/api/progress?caseNo=41990020260302000001&idTail=${input.idNumber.slice(-6)}`);
      await client.get('/api/presentations/pt-secret-one-time-token');
      assert.ok(lines.length > 5, `captured ${lines.length} log lines`);
      const text = lines.join('');
      assert.ok(!text.includes(input.idNumber.slice(0, 17)), 'no ID number in the logs');
      assert.ok(!text.includes(PASSWORD) && !text.includes('Wrong-passw0rd'), 'no password in the logs');
      assert.ok(!text.includes(client.cookies.get('tb_session')!), 'no session token in the logs');
      assert.ok(!text.includes(`idTail=${input.idNumber.slice(-6)}`) && text.includes('idTail=[redacted]'), 'no ID tail of a progress lookup in the logs');
      assert.ok(!text.includes('pt-secret-one-time-token'), 'no presentation token in the logs');
    } finally {
      await app.close();
      if (config.databaseSchema) await db.orm.execute(sql.raw(`DROP SCHEMA IF EXISTS ${config.databaseSchema} CASCADE`));
      await db.close();
    }
  });
});
