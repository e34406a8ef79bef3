// Real-name level L2: a population-register match through the exchange, at registration and on request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { REAL_NAME_DEPARTMENT, REAL_NAME_ITEM_CODE } from '../../../contract/real-name.js';
import { rows } from '../../db/client.js';
import { seedCatalog } from '../catalog/index.js';
import { demoCatalog } from '../catalog/test-fixtures.js';
import { seedExchange } from '../exchange/index.js';
import { auditActions, loggedIn, registerPerson, validIdNumber } from '../identity/test-support.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { demoClients, problemOf } from '../../test/accounts.js';

const MATCHING = validIdNumber('19900307', '419902', 871);
const OTHER_NAME = validIdNumber('19900307', '419902', 872);
const UNKNOWN = validIdNumber('19900307', '419902', 873);

const verificationLog = (t: TestContext, accountId: string) =>
  rows<{ purpose: string; outcome: string; consumer_department: string }>(t.db.orm,
    sql`SELECT purpose, outcome, consumer_department FROM exchange_log WHERE subject_account_id = ${accountId} ORDER BY id`);

describe('real-name verification (L2)', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp({ outboxWorker: false });
    await seedCatalog(t.db, demoCatalog());
    await seedExchange(t.db, {
      secretKey: t.config.secretKey,
      records: [
        { registry: 'population', subject: { idNumber: MATCHING }, data: { name: '林清风' } },
        { registry: 'population', subject: { idNumber: OTHER_NAME }, data: { name: '林清雨' } },
      ],
      grants: [{ consumerDepartment: REAL_NAME_DEPARTMENT, itemCode: REAL_NAME_ITEM_CODE, registry: 'population', fields: ['name'], legalBasis: '《中华人民共和国网络安全法》第二十四条' }],
    });
  });
  after(() => t.close());

  it('raises a new citizen to L2 at registration when the population register matches name and ID number', async () => {
    const person = await registerPerson(t.app, { name: '林清风', idNumber: MATCHING });
    const me = (await (await loggedIn(t.app, person.username)).get('/api/me')).json();
    assert.equal(me.realNameLevel, 2);
    assert.deepEqual((await auditActions(t.db, `account:${person.id}`)).filter((a) => a !== 'account.login'), ['account.registered', 'account.real_name_verified']);
    assert.deepEqual(await verificationLog(t, person.id), [{ purpose: 'verification', outcome: 'granted', consumer_department: 'gaj' }]);
    const uses = (await (await loggedIn(t.app, person.username)).get('/api/me/data-uses')).json().items;
    assert.equal(uses[0].itemName, '实名核验');
  });

  it('keeps L1 when the register names someone else or has no record, and records the check', async () => {
    for (const idNumber of [OTHER_NAME, UNKNOWN]) {
      const person = await registerPerson(t.app, { name: '林清风', idNumber });
      assert.deepEqual((await auditActions(t.db, `account:${person.id}`)).filter((a) => a !== 'account.login'), ['account.registered'], 'a failed check at registration changes nothing');
      const client = await loggedIn(t.app, person.username);
      const res = await client.post('/api/me/real-name/verify');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().outcome, res.json().realNameLevel], ['mismatch', 1]);
      assert.equal((await client.get('/api/me')).json().realNameLevel, 1);
      assert.deepEqual((await auditActions(t.db, `account:${person.id}`)).filter((a) => a !== 'account.login'), ['account.registered', 'account.real_name_mismatch']);
      assert.deepEqual((await verificationLog(t, person.id)).map((r) => r.outcome), idNumber === UNKNOWN ? ['not_found', 'not_found'] : ['granted', 'granted']);
    }
  });

  it('verifies an existing L1 account on request', async () => {
    const person = await registerPerson(t.app, { name: '林清风', idNumber: validIdNumber('19900307', '419902', 874) });
    await seedExchange(t.db, { secretKey: t.config.secretKey, records: [{ registry: 'population', subject: { idNumber: person.idNumber }, data: { name: '林清风' } }], grants: [] });
    const client = await loggedIn(t.app, person.username);
    assert.equal((await client.get('/api/me')).json().realNameLevel, 1);
    const res = await client.post('/api/me/real-name/verify');
    assert.deepEqual([res.statusCode, res.json().outcome, res.json().realNameLevel], [200, 'matched', 2]);
    assert.equal((await client.get('/api/me')).json().realNameLevel, 2);
  });

  it('refuses anonymous callers and staff, asking the register nothing', async () => {
    const before = (await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM exchange_log`))[0].n;
    const anonymous = await new Client(t.app).post('/api/me/real-name/verify');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(problemOf(anonymous).code, 'UNAUTHENTICATED');
    const { clerk1 } = await demoClients(t, ['clerk1']);
    const staff = await clerk1.post('/api/me/real-name/verify');
    assert.equal(staff.statusCode, 403);
    assert.equal(problemOf(staff).code, 'FORBIDDEN');
    assert.equal((await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM exchange_log`))[0].n, before);
  });
});
