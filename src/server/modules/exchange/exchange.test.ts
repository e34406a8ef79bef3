import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../../platform/audit.js';
import { sha256Hex } from '../../platform/crypto.js';
import { idCheckChar } from '../../platform/ids.js';
import { problemOf } from '../../test/accounts.js';
import { exchangeQuery, registerRegistry, type ExchangeRequest } from './index.js';
import { accountIdOf, logRows, person, startExchangeApp, YUNQI, type ExchangeContext } from './test-fixtures.js';

const HOUSING_PURCHASE = '002026001000';
const actor = { accountId: null, name: '公积金中心审核员' };
const citizen1 = () => ({ idNumber: person('citizen1').idNumber });
const ask = (fields: string[], overrides: Partial<ExchangeRequest> = {}): ExchangeRequest => ({
  consumerDepartment: 'gjj', purpose: { kind: 'case', caseNo: 'QC20260302000001', itemCode: HOUSING_PURCHASE },
  registry: 'population', subject: citizen1(), fields, actor, ...overrides,
});

describe('exchangeQuery: grants decide, every call is logged', () => {
  let t: ExchangeContext;
  before(async () => { t = await startExchangeApp(); });
  after(async () => t.close());

  it('returns approved fields with their source and logs the call with the answer\'s digest and the person\'s account', async () => {
    const before = (await logRows(t)).length;
    const result = await exchangeQuery(t.db.orm, ask(['name', 'birthDate', 'householdAddress']));
    assert.deepEqual(result.granted, ['name', 'birthDate', 'householdAddress']);
    assert.deepEqual(result.denied, []);
    assert.deepEqual(result.data, { name: '李明华', birthDate: '1988-03-15', householdAddress: person('citizen1').address });
    assert.equal(result.source.registry, 'population');
    assert.equal(result.source.department, 'gaj');
    const log = (await logRows(t)).slice(before);
    assert.equal(log.length, 1);
    assert.equal(log[0].outcome, 'granted');
    assert.equal(log[0].case_no, 'QC20260302000001');
    assert.deepEqual(log[0].fields_granted, ['name', 'birthDate', 'householdAddress']);
    assert.equal(log[0].subject_account_id, await accountIdOf(t, 'citizen1'));
    assert.equal(log[0].digest, sha256Hex(canonicalJson(result)));
  });

  it('denies a field that is not granted, returns no data and still logs the denial', async () => {
    const before = (await logRows(t)).length;
    const result = await exchangeQuery(t.db.orm, ask(['householdHead']));
    assert.deepEqual(result, { ...result, granted: [], denied: ['householdHead'], data: null });
    const log = (await logRows(t)).slice(before);
    assert.equal(log.length, 1);
    assert.equal(log[0].outcome, 'denied');
    assert.deepEqual(log[0].fields_asked, ['householdHead']);
    assert.deepEqual(log[0].fields_granted, []);
  });

  it('answers partly: granted fields come back, ungranted, 不予共享 and uncatalogued ones are refused', async () => {
    const result = await exchangeQuery(t.db.orm, ask(['name', 'householdHead', 'photo', 'bloodType']));
    assert.deepEqual(result.granted, ['name']);
    assert.deepEqual(result.denied, ['householdHead', 'photo', 'bloodType']);
    assert.deepEqual(result.data, { name: '李明华' });
    assert.equal((await logRows(t)).at(-1)!.outcome, 'partial');
  });

  it('denies another department, and the same department for another item', async () => {
    const other = await exchangeQuery(t.db.orm, ask(['name'], { consumerDepartment: 'mzj' }));
    assert.deepEqual([other.granted, other.data], [[], null]);
    const otherItem = await exchangeQuery(t.db.orm, ask(['name'], { purpose: { kind: 'prefill', itemCode: '002026002000' } }));
    assert.deepEqual([otherItem.granted, otherItem.data], [[], null]);
    const log = (await logRows(t)).slice(-2);
    assert.deepEqual(log.map((l) => l.outcome), ['denied', 'denied']);
    assert.equal(log[1].case_no, null);
  });

  it('reads enterprises by credit code and reports a subject the registry does not hold as not found', async () => {
    const firm = await exchangeQuery(t.db.orm, ask(['name', 'status', 'liaisonMobile'], {
      consumerDepartment: 'scjg', purpose: { kind: 'prefill', itemCode: '000133003000' }, registry: 'enterprise', subject: { creditCode: YUNQI.creditCode },
    }));
    assert.deepEqual(firm.data, { name: YUNQI.name, status: '存续' });
    assert.deepEqual(firm.denied, ['liaisonMobile']);
    const unknownPerson = '41990219700101001' + idCheckChar('41990219700101001');
    const nobody = await exchangeQuery(t.db.orm, ask(['name'], { subject: { idNumber: unknownPerson } }));
    assert.deepEqual([nobody.granted, nobody.data], [['name'], null]);
    assert.equal((await logRows(t)).at(-1)!.outcome, 'not_found');
  });

  it('refuses a person subject at a registry of enterprises', async () => {
    const result = await exchangeQuery(t.db.orm, ask(['name'], { consumerDepartment: 'scjg', purpose: { kind: 'prefill', itemCode: '000133003000' }, registry: 'enterprise' }));
    assert.deepEqual([result.granted, result.data], [[], null]);
  });

  it('rejects a malformed request and logs nothing', async () => {
    const before = (await logRows(t)).length;
    for (const bad of [
      ask(['name'], { subject: { idNumber: '419902198803150031' } }),
      ask([]),
      ask(['name'], { purpose: { kind: 'prefill', itemCode: 'x' } }),
      ask(['name'], { consumerDepartment: 'GJJ!' }),
    ]) {
      await assert.rejects(exchangeQuery(t.db.orm, bad), (e: { code?: string }) => e.code === 'EXCHANGE_REQUEST_INVALID');
    }
    assert.equal((await logRows(t)).length, before);
  });

  it('logs a call to an unknown registry, and a failing registry as an error (503)', async () => {
    const before = (await logRows(t)).length;
    await assert.rejects(exchangeQuery(t.db.orm, ask(['name'], { registry: 'no_such' })), (e: { code?: string }) => e.code === 'EXCHANGE_REGISTRY_UNKNOWN');
    registerRegistry({
      code: 'flaky', name: '故障资源', departmentCode: 'sjj',
      fields: [{ code: 'x', name: 'X', dataType: 'string', shareType: 'unconditional' }],
      lookup: async () => { throw new Error('connection reset'); },
    });
    await t.db.orm.execute(sql`INSERT INTO exchange_grants (consumer_department, item_code, registry, fields, legal_basis, status, requested_by_name, requested_at)
      VALUES ('gjj', ${HOUSING_PURCHASE}, 'flaky', ARRAY['x'], '测试依据', 'approved', 'test', now())`);
    await assert.rejects(exchangeQuery(t.db.orm, ask(['x'], { registry: 'flaky' })), (e: { code?: string; status?: number }) => e.code === 'EXCHANGE_REGISTRY_UNAVAILABLE' && e.status === 503);
    const log = (await logRows(t)).slice(before);
    assert.deepEqual(log.map((l) => [l.registry, l.outcome]), [['no_such', 'denied'], ['flaky', 'error']]);
  });

  it('hands a plugged-in registry only the granted fields and drops anything else it returns', async () => {
    let asked: string[] = [];
    registerRegistry({
      code: 'plugin_test', name: '插件资源', departmentCode: 'sjj',
      fields: [
        { code: 'a', name: 'A', dataType: 'string', shareType: 'unconditional' },
        { code: 'b', name: 'B', dataType: 'string', shareType: 'conditional' },
      ],
      lookup: async (_db, _subject, fields) => { asked = fields; return { a: 1, b: 2, secret: 3 }; },
    });
    await t.db.orm.execute(sql`INSERT INTO exchange_grants (consumer_department, item_code, registry, fields, legal_basis, status, requested_by_name, requested_at)
      VALUES ('gjj', ${HOUSING_PURCHASE}, 'plugin_test', ARRAY['a'], '测试依据', 'approved', 'test', now())`);
    const result = await exchangeQuery(t.db.orm, ask(['a', 'b'], { registry: 'plugin_test' }));
    assert.deepEqual(asked, ['a']);
    assert.deepEqual(result.data, { a: 1 });
    assert.deepEqual(result.denied, ['b']);
  });

  it('shows the citizen both granted and denied uses, and the enterprise\'s uses to its agent, never another person\'s', async () => {
    const mine = await t.as.citizen1.get('/api/me/data-uses?pageSize=100');
    assert.equal(mine.statusCode, 200);
    const uses = mine.json().items as { outcome: string; consumerDepartmentName: string; itemName: string; fieldsGranted: string[]; fieldsDenied: string[]; registryName: string }[];
    assert.ok(uses.some((u) => u.outcome === 'granted' && u.fieldsGranted.includes('姓名')));
    assert.ok(uses.some((u) => u.outcome === 'denied' && u.fieldsDenied.includes('户主姓名')));
    assert.ok(uses.some((u) => u.registryName === '人口基础信息（户籍）'));
    assert.equal(uses[0].consumerDepartmentName, '青川市住房公积金管理中心');
    assert.equal(uses.find((u) => u.itemName === '住房公积金购房提取')?.itemName, '住房公积金购房提取');
    const paged = (await t.as.citizen1.get('/api/me/data-uses?page=2&pageSize=2')).json();
    assert.equal(paged.total, mine.json().total);
    assert.equal(paged.items.length, 2);
    const other = (await t.as.citizen2.get('/api/me/data-uses')).json();
    assert.equal(other.total, 0);
    const agent = (await t.as.company1.get('/api/me/data-uses')).json();
    assert.ok(agent.items.some((u: { registry: string }) => u.registry === 'enterprise'));
    assert.ok(agent.items.every((u: { registry: string }) => u.registry === 'enterprise'));
    assert.equal(problemOf(await t.anonymous.get('/api/me/data-uses')).code, 'UNAUTHENTICATED');
    assert.equal(problemOf(await t.as.citizen1.get('/api/me/data-uses?pageSize=500')).code, 'VALIDATION_FAILED');
  });
});
