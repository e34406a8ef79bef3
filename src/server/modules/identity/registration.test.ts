import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import { fieldCipher } from '../../platform/crypto.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { auditActions, citizenInput, countRows, isProblem, PASSWORD, registerPerson, validIdNumber } from './test-support.js';

describe('citizen registration', () => {
  let t: TestContext;
  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  const register = (body: unknown, lang = 'zh-CN') => new Client(t.app, lang).post('/api/auth/register/citizen', body);

  /** Posts the body, expects a coded problem and that no account was created. */
  async function rejects(body: unknown, status: number, code: string, lang?: string) {
    const before = await countRows(t.db, 'accounts');
    const res = await register(body, lang);
    assert.equal(res.statusCode, status, res.body);
    assert.ok(isProblem(res), String(res.headers['content-type']));
    assert.equal(res.json().code, code);
    assert.equal(await countRows(t.db, 'accounts'), before, 'no account row is written');
    return res.json();
  }

  it('creates a level-1 person account with a trimmed name and an uppercase X, and does not log in', async () => {
    const input = citizenInput({ name: '  王小明 ', idNumber: '11010519491231002x' });
    const res = await register(input);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(Object.keys(res.json()).sort(), ['id', 'username']);
    assert.equal(res.json().username, input.username);
    assert.equal(res.headers['set-cookie'], undefined);
    const row = await one<Record<string, any>>(t.db.orm, sql`SELECT * FROM accounts WHERE id = ${res.json().id}`);
    assert.equal(row!.name, '王小明');
    assert.equal(row!.kind, 'person');
    assert.equal(Number(row!.real_name_level), 1);
    assert.equal(fieldCipher(t.config.secretKey).decrypt(row!.id_number_enc), '11010519491231002X');
    assert.deepEqual(await auditActions(t.db, `account:${res.json().id}`), ['account.registered']);
  });

  it('stores the ID number encrypted and finds it by keyed hash only', async () => {
    const idNumber = validIdNumber('19700101', '440106');
    const person = await registerPerson(t.app, { idNumber });
    const row = await one<{ id_number_enc: string; id_number_hash: string; password_hash: string }>(t.db.orm,
      sql`SELECT id_number_enc, id_number_hash, password_hash FROM accounts WHERE id = ${person.id}`);
    assert.ok(!row!.id_number_enc.includes(idNumber) && !row!.id_number_enc.includes(idNumber.slice(6, 14)));
    assert.ok(!row!.id_number_hash.includes(idNumber));
    const cipher = fieldCipher(t.config.secretKey);
    assert.equal(cipher.decrypt(row!.id_number_enc), idNumber);
    const found = await one<{ id: string }>(t.db.orm, sql`SELECT id FROM accounts WHERE id_number_hash = ${cipher.lookupHash('id_number', idNumber)}`);
    assert.equal(found?.id, person.id);
    const dump = await one<{ text: string }>(t.db.orm, sql`SELECT string_agg(a::text, ' ') AS text FROM accounts a`);
    assert.ok(!dump!.text.includes(idNumber), 'no column holds the plain ID number');
    assert.match(row!.password_hash, /^scrypt\$/);
    assert.ok(!row!.password_hash.includes(PASSWORD));
  });

  it('keeps neither the mobile nor the ID number in clear anywhere in the account row', async () => {
    const idNumber = validIdNumber('19850615', '310104');
    const person = await registerPerson(t.app, { idNumber });
    const row = await one<{ text: string; mobile_enc: string; mobile_hash: string }>(t.db.orm,
      sql`SELECT a::text AS text, a.mobile_enc, a.mobile_hash FROM accounts a WHERE a.id = ${person.id}`);
    for (const digits of [person.mobile, person.mobile.slice(3), idNumber, idNumber.slice(0, 17), idNumber.slice(6, 14)]) {
      assert.ok(!row!.text.includes(digits), `the row does not contain ${digits}`);
    }
    const cipher = fieldCipher(t.config.secretKey);
    assert.equal(cipher.decrypt(row!.mobile_enc), person.mobile);
    assert.equal(row!.mobile_hash, cipher.lookupHash('mobile', person.mobile));
    assert.notEqual(row!.mobile_hash, cipher.lookupHash('id_number', person.mobile), 'mobile hashes have their own kind');
    const res = await new Client(t.app).post('/api/auth/login', { login: person.mobile, password: PASSWORD });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().id, person.id);
  });

  it('gives MOBILE_TAKEN to the second of two simultaneous registrations with one mobile', async () => {
    const mobile = citizenInput().mobile;
    const results = await Promise.all([register(citizenInput({ mobile })), register(citizenInput({ mobile }))]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    assert.equal(refused.json().code, 'MOBILE_TAKEN');
    assert.equal(refused.json().errors[0].path, '/mobile');
    const n = await one<{ n: number | string }>(t.db.orm, sql`SELECT count(*) AS n FROM accounts WHERE mobile_hash = ${fieldCipher(t.config.secretKey).lookupHash('mobile', mobile)}`);
    assert.equal(Number(n!.n), 1);
  });

  it('keeps markup in a name as plain text and returns it verbatim', async () => {
    const name = '<script>alert(1)</script>';
    const person = await registerPerson(t.app, { name });
    const row = await one<{ name: string }>(t.db.orm, sql`SELECT name FROM accounts WHERE id = ${person.id}`);
    assert.equal(row!.name, name);
    const client = new Client(t.app);
    const me = await (await client.post('/api/auth/login', { login: person.username, password: PASSWORD }), client.get('/api/me'));
    assert.equal(me.json().name, name);
    assert.match(String(me.headers['content-type']), /^application\/json/);
  });

  it('rejects a wrong check digit, naming the rule in zh and en', async () => {
    const good = validIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await rejects(citizenInput({ idNumber: bad }), 400, 'ID_NUMBER_INVALID');
    assert.match(zh.detail, /校验码/);
    assert.equal(zh.errors[0].path, '/idNumber');
    assert.equal(zh.errors[0].code, 'CHECK_DIGIT');
    const en = await rejects(citizenInput({ idNumber: bad }), 400, 'ID_NUMBER_INVALID', 'en');
    assert.match(en.detail, /check digit/);
  });

  it('rejects 19990230, a birth date in the future, a bad province and a bad format', async () => {
    const feb30 = '11010519990230' + '123';
    for (const c of '0123456789X') {
      // whatever the check character, the date is not real
      const r = await rejects(citizenInput({ idNumber: feb30 + c }), 400, 'ID_NUMBER_INVALID');
      assert.equal(r.errors[0].code, 'BIRTH_DATE');
      if (c !== '0') break;
    }
    const future = validIdNumber('20990101');
    assert.equal((await rejects(citizenInput({ idNumber: future }), 400, 'ID_NUMBER_INVALID')).errors[0].code, 'BIRTH_DATE');
    assert.equal((await rejects(citizenInput({ idNumber: validIdNumber('19900101', '990101') }), 400, 'ID_NUMBER_INVALID')).errors[0].code, 'PROVINCE');
    assert.equal((await rejects(citizenInput({ idNumber: '11010519491231' }), 400, 'ID_NUMBER_INVALID')).errors[0].code, 'FORMAT');
  });

  it('rejects an over-long name, a bad mobile, a control character and an unknown field', async () => {
    const long = await rejects(citizenInput({ name: '张'.repeat(51) }), 400, 'VALIDATION_FAILED');
    assert.equal(long.errors[0].path, '/name');
    const mobile = await rejects(citizenInput({ mobile: '12345678901' }), 400, 'VALIDATION_FAILED');
    assert.equal(mobile.errors[0].path, '/mobile');
    const control = await rejects(citizenInput({ name: '张\u0000三' }), 400, 'VALIDATION_FAILED');
    assert.deepEqual([control.errors[0].path, control.errors[0].code], ['/name', 'CONTROL_CHARACTERS']);
    const bidi = await rejects(citizenInput({ name: '张\u202E三' }), 400, 'VALIDATION_FAILED');
    assert.equal(bidi.errors[0].code, 'CONTROL_CHARACTERS');
    const extra = await rejects({ ...citizenInput(), isAdmin: true }, 400, 'VALIDATION_FAILED');
    assert.equal(extra.errors[0].path, '/isAdmin');
    const blank = await rejects(citizenInput({ name: '  张  ' }), 400, 'VALIDATION_FAILED');
    assert.equal(blank.errors[0].path, '/name');
  });

  it('rejects weak passwords with a field error at /password', async () => {
    for (const password of ['Ab1!', 'alllowercase1', 'ALLUPPER123', 'NoDigitsHere']) {
      const p = await rejects(citizenInput({ password }), 400, 'PASSWORD_TOO_WEAK');
      assert.equal(p.errors[0].path, '/password');
    }
    const withName = citizenInput({ username: 'liuyang01' });
    const p = await rejects({ ...withName, password: 'X-LiuYang01' }, 400, 'PASSWORD_TOO_WEAK');
    assert.equal(p.errors[0].code, 'CONTAINS_USERNAME');
    assert.match(p.detail, /用户名/);
  });

  it('rejects a taken username (any case), mobile or ID number', async () => {
    const first = await registerPerson(t.app, { username: 'TakenName' });
    const u = await rejects(citizenInput({ username: 'takenname' }), 409, 'USERNAME_TAKEN');
    assert.equal(u.errors[0].path, '/username');
    assert.equal((await rejects(citizenInput({ mobile: first.mobile }), 409, 'MOBILE_TAKEN')).errors[0].path, '/mobile');
    assert.equal((await rejects(citizenInput({ idNumber: first.idNumber }), 409, 'ID_NUMBER_TAKEN')).errors[0].path, '/idNumber');
    // the same number typed with a lowercase x is the same person
    const withX = Array.from({ length: 1000 }, (_, i) => validIdNumber('19751120', '320102', i)).find((n) => n.endsWith('X'))!;
    await registerPerson(t.app, { idNumber: withX });
    await rejects(citizenInput({ idNumber: withX.toLowerCase() }), 409, 'ID_NUMBER_TAKEN');
  });

  it('answers in English when asked', async () => {
    const p = await rejects(citizenInput({ password: 'short' }), 400, 'PASSWORD_TOO_WEAK', 'en-US');
    assert.equal(p.title, 'The password is too weak');
    assert.match(p.errors[0].message, /at least 8 characters/);
  });
});
