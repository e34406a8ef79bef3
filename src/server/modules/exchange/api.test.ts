import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { problemOf } from '../../test/accounts.js';
import { exchangeQuery } from './index.js';
import { logRows, person, startExchangeApp, type ExchangeContext } from './test-fixtures.js';

const DRIVING_LICENCE_RENEWAL = '000104004000';
const newGrant = (overrides: Record<string, unknown> = {}) => ({
  consumerDepartment: 'gaj', itemCode: DRIVING_LICENCE_RENEWAL, registry: 'population',
  fields: ['ethnicity', 'householdAddress'], legalBasis: '《机动车驾驶证申领和使用规定》第五十五条', ...overrides,
});
const grantCount = async (t: ExchangeContext) =>
  Number((await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM exchange_grants`))[0].n);
const auditOf = (t: ExchangeContext, id: string) =>
  rows<{ action: string; actor_id: string }>(t.db.orm, sql`SELECT action, actor_id FROM audit_log WHERE stream = ${`grant:${id}`} ORDER BY seq`);

describe('exchange API: catalogue, grants, log and access', () => {
  let t: ExchangeContext;
  before(async () => { t = await startExchangeApp(); });
  after(async () => t.close());

  it('lists the catalogue with classification codes and share types for staff only', async () => {
    const res = await t.as.clerk1.get('/api/exchange/catalogue');
    assert.equal(res.statusCode, 200);
    const population = res.json().registries.find((r: { code: string }) => r.code === 'population');
    assert.equal(population.resourceCode, '101001001/000001');
    assert.equal(population.departmentName, '青川市公安局');
    const photo = population.fields.find((f: { code: string }) => f.code === 'photo');
    assert.deepEqual([photo.classCode, photo.shareType, photo.name], ['101001001/000001-008', 'none', '人像照片']);
    const registries = res.json().registries.map((r: { code: string }) => r.code);
    for (const code of ['population', 'marriage', 'enterprise', 'social_insurance', 'housing_fund', 'real_estate', 'education', 'vehicles']) assert.ok(registries.includes(code), code);
    const en = await t.as.operator1.get('/api/exchange/catalogue', { 'accept-language': 'en' });
    assert.equal(en.json().registries.find((r: { code: string }) => r.code === 'population').fields[0].name, 'Name');
    assert.equal(problemOf(await t.as.citizen1.get('/api/exchange/catalogue')).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.anonymous.get('/api/exchange/catalogue')).code, 'UNAUTHENTICATED');
  });

  it('takes a department admin\'s request as pending, lets an operator approve it, and audits each step', async () => {
    const subject = { idNumber: person('citizen1').idNumber };
    const query = () => exchangeQuery(t.db.orm, {
      consumerDepartment: 'gaj', purpose: { kind: 'prefill', itemCode: DRIVING_LICENCE_RENEWAL }, registry: 'population',
      subject, fields: ['ethnicity'], actor: { accountId: null, name: 'test' },
    });
    const res = await t.as['admin.gaj'].post('/api/exchange/grants', newGrant());
    assert.equal(res.statusCode, 201, res.body);
    const grant = res.json();
    assert.equal(grant.status, 'pending');
    assert.deepEqual(grant.actions, []);
    assert.equal(grant.itemName, '机动车驾驶证换证');
    assert.deepEqual((await query()).granted, [], 'a pending grant gives nothing');

    const listed = (await t.as.operator1.get('/api/exchange/grants?status=pending')).json();
    assert.deepEqual(listed.items.find((g: { id: string }) => g.id === grant.id).actions, ['approve', 'revoke']);
    const approved = await t.as.operator1.post(`/api/exchange/grants/${grant.id}/approve`, {});
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.equal(approved.json().approvedBy, '郑宇航');
    assert.deepEqual((await query()).data, { ethnicity: '汉族' });
    assert.equal(problemOf(await t.as.operator1.post(`/api/exchange/grants/${grant.id}/approve`, {})).code, 'EXCHANGE_GRANT_STATE');

    const revoked = await t.as.operator1.post(`/api/exchange/grants/${grant.id}/revoke`, { reason: '事项办理流程调整，不再需要该信息项' });
    assert.equal(revoked.json().status, 'revoked');
    assert.equal(revoked.json().revokeReason, '事项办理流程调整，不再需要该信息项');
    const after = await query();
    assert.deepEqual([after.granted, after.denied, after.data], [[], ['ethnicity'], null]);
    assert.equal((await logRows(t)).at(-1)!.outcome, 'denied');
    assert.deepEqual((await auditOf(t, grant.id)).map((a) => a.action), ['exchange.grant.request', 'exchange.grant.approve', 'exchange.grant.revoke']);
    assert.equal(problemOf(await t.as.operator1.post(`/api/exchange/grants/${grant.id}/revoke`, { reason: '再次撤销' })).code, 'EXCHANGE_GRANT_STATE');
  });

  it('denies calls under a seeded grant once an operator revokes it', async () => {
    const subject = { idNumber: person('citizen1').idNumber };
    const ask = () => exchangeQuery(t.db.orm, {
      consumerDepartment: 'rsj', purpose: { kind: 'case', caseNo: 'QC20260302000009', itemCode: '000712001000' }, registry: 'social_insurance',
      subject, fields: ['insuredStatus', 'monthsPaid'], actor: { accountId: null, name: 'test' },
    });
    assert.deepEqual((await ask()).data, { insuredStatus: '正常参保', monthsPaid: 142 });
    const grant = (await t.as.operator1.get('/api/exchange/grants?consumer=rsj&registry=social_insurance')).json().items[0];
    assert.equal((await t.as.operator1.post(`/api/exchange/grants/${grant.id}/revoke`, { reason: '授权到期' })).statusCode, 200);
    const denied = await ask();
    assert.deepEqual([denied.granted, denied.data], [[], null]);
  });

  it('never grants a 不予共享 field (422) and writes nothing', async () => {
    const before = await grantCount(t);
    const res = await t.as.operator1.post('/api/exchange/grants', newGrant({ fields: ['name', 'photo'] }));
    const problem = problemOf(res);
    assert.equal(res.statusCode, 422);
    assert.equal(problem.code, 'EXCHANGE_FIELD_NOT_SHAREABLE');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['/fields/1', 'not_shareable']]);
    assert.equal(await grantCount(t), before);
  });

  it('refuses bad input with coded problems and writes nothing', async () => {
    const before = await grantCount(t);
    const cases: [Record<string, unknown>, number, string][] = [
      [newGrant({ fields: [] }), 400, 'VALIDATION_FAILED'],
      [newGrant({ legalBasis: '' }), 400, 'VALIDATION_FAILED'],
      [newGrant({ itemCode: '12' }), 400, 'VALIDATION_FAILED'],
      [{ ...newGrant(), extra: 1 }, 400, 'VALIDATION_FAILED'],
      [newGrant({ itemCode: '999999999999' }), 422, 'EXCHANGE_GRANT_INVALID'],
      [newGrant({ registry: 'nothing_here' }), 422, 'EXCHANGE_GRANT_INVALID'],
      [newGrant({ fields: ['name', 'bloodType'] }), 422, 'EXCHANGE_GRANT_INVALID'],
      [newGrant({ consumerDepartment: 'nodept' }), 422, 'EXCHANGE_GRANT_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.as.operator1.post('/api/exchange/grants', body);
      assert.equal(res.statusCode, status, JSON.stringify(body));
      assert.equal(problemOf(res).code, code);
    }
    assert.equal(problemOf(await t.as.operator1.post('/api/exchange/grants/1/revoke', {})).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await t.as.operator1.post('/api/exchange/grants/abc/approve', {})).code, 'VALIDATION_FAILED');
    assert.equal(await grantCount(t), before);
  });

  it('keeps grants to their roles: 401 for strangers, 403 for the wrong role or department, 404 for no such grant', async () => {
    assert.equal(problemOf(await t.anonymous.get('/api/exchange/grants')).code, 'UNAUTHENTICATED');
    assert.equal(problemOf(await t.as.citizen1.get('/api/exchange/grants')).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as.citizen1.post('/api/exchange/grants', newGrant())).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as.clerk1.post('/api/exchange/grants', newGrant())).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as['admin.gaj'].post('/api/exchange/grants', newGrant({ consumerDepartment: 'gjj' }))).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as['admin.gaj'].post('/api/exchange/grants/1/approve', {})).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as.auditor1.post('/api/exchange/grants/1/revoke', { reason: '审计' })).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as.operator1.post('/api/exchange/grants/999999/approve', {})).code, 'EXCHANGE_GRANT_NOT_FOUND');
    const own = (await t.as['admin.gaj'].get('/api/exchange/grants?pageSize=100')).json();
    assert.ok(own.total > 0);
    assert.ok(own.items.every((g: { consumerDepartment: string }) => g.consumerDepartment === 'gaj'));
    const all = (await t.as.auditor1.get('/api/exchange/grants?pageSize=100')).json();
    assert.ok(all.total > own.total);
  });

  it('shows auditors the whole log, filtered by registry, consumer and day; nobody else', async () => {
    await exchangeQuery(t.db.orm, {
      consumerDepartment: 'mzj', purpose: { kind: 'prefill', itemCode: '000714001000' }, registry: 'marriage',
      subject: { idNumber: person('citizen2').idNumber }, fields: ['maritalStatus', 'divorceAgreement'], actor: { accountId: null, name: '婚姻登记员' },
    });
    const res = await t.as.auditor1.get('/api/exchange/log?registry=marriage');
    assert.equal(res.statusCode, 200);
    const entry = res.json().items[0];
    assert.equal(entry.outcome, 'partial');
    assert.deepEqual([entry.fieldsGranted, entry.fieldsDenied], [['婚姻状况'], ['离婚协议']]);
    assert.equal(entry.actorName, '婚姻登记员');
    assert.equal(entry.legalBasis, '《婚姻登记条例》第六条');
    assert.match(entry.digest, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(res.json()).includes(person('citizen2').idNumber));
    assert.equal((await t.as.auditor1.get('/api/exchange/log?consumer=scjg')).json().total, 0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    assert.ok((await t.as.auditor1.get(`/api/exchange/log?from=${today}&to=${today}`)).json().total >= 1);
    assert.equal((await t.as.auditor1.get('/api/exchange/log?to=2000-01-01')).json().total, 0);
    assert.equal(problemOf(await t.as.auditor1.get('/api/exchange/log?from=yesterday')).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await t.as.operator1.get('/api/exchange/log')).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.as.citizen1.get('/api/exchange/log')).code, 'FORBIDDEN');
    assert.equal(problemOf(await t.anonymous.get('/api/exchange/log')).code, 'UNAUTHENTICATED');
  });
});
