// Prefill from registries with consent, 免提交 by reference at submission, and what the citizen and
// the reviewers see of both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ItemForm, ProcessDefinition } from '../../../contract/forms.js';
import { one, rows } from '../../db/client.js';
import { seedPersons } from '../../db/seed/data/people.js';
import { sampleDraft } from '../catalog/test-fixtures.js';
import { seedExchange } from '../exchange/index.js';
import { randomUUID } from 'node:crypto';
import { problemOf, startApplicationsApp, upload, type ApplicationsContext } from './test-fixtures.js';

const ITEM = `9907${String(process.pid % 100_000_000).padStart(8, '0')}`;
const idOf = (u: string) => seedPersons.find((p) => p.username === u)!.idNumber;

const FORM: ItemForm = {
  schema: {
    type: 'object',
    properties: {
      applicantName: { type: 'string', minLength: 1, maxLength: 50 }, babyName: { type: 'string', minLength: 1, maxLength: 50 },
      babyBirthDate: { type: 'string', format: 'date' }, address: { type: 'string', minLength: 1, maxLength: 200 },
    },
    required: ['applicantName', 'babyName', 'babyBirthDate', 'address'],
  },
  ui: {
    sections: [{ title: '新生儿信息', fields: ['applicantName', 'babyName', 'babyBirthDate', 'address'] }],
    fields: {
      applicantName: { label: '申请人姓名', prefill: 'person.name' },
      babyName: { label: '新生儿姓名', registryPrefill: { registry: 'birth_medical', field: 'babyName' } },
      babyBirthDate: { label: '出生日期', widget: 'date', registryPrefill: { registry: 'birth_medical', field: 'birthDate' } },
      // not granted to gaj for this item: refused, never filled
      address: { label: '户籍地址', registryPrefill: { registry: 'population', field: 'householdAddress' } },
    },
  },
};
const WORKFLOW: ProcessDefinition = { stages: [{ name: '审查', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'gaj', name: '户籍审核' }] }] };
const held = (name: string, heldBy: string) =>
  ({ name, required: true, form: 'electronic' as const, originals: 0, copies: 0, sourceType: 'government' as const, governmentHeld: true, heldBy });

const exchangeRows = (t: ApplicationsContext) =>
  rows<{ purpose: string; registry: string; outcome: string; case_no: string | null; fields_granted: string[] }>(t.db.orm,
    sql`SELECT purpose, registry, outcome, case_no, fields_granted FROM exchange_log WHERE item_code = ${ITEM} ORDER BY id`);
const consents = async (t: ApplicationsContext, accountId: string) =>
  (await rows<{ action: string }>(t.db.orm, sql`SELECT action FROM audit_log WHERE stream = ${`consent:${accountId}`}`)).map((r) => r.action);
const meId = async (t: ApplicationsContext, who: 'citizen1' | 'citizen2') => (await t.as[who].get('/api/me')).json().id as string;

describe('prefill from registries and 免提交 by reference', () => {
  let t: ApplicationsContext;
  before(async () => {
    t = await startApplicationsApp();
    const draft = sampleDraft({
      departmentCode: 'gaj', promisedLimitDays: 5, legalLimitDays: 10, projectType: 'commitment', form: FORM, workflow: WORKFLOW,
      deliveryModes: ['elicence', 'window'],
      materials: [
        { name: '出生登记申报表', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'applicant', governmentHeld: false },
        held('出生医学证明', '出生医学证明（电子证照）'), held('户口簿（户籍信息）', '户籍信息（人口库）'),
      ],
    });
    assert.equal((await t.as.operator1.post('/api/admin/catalog/items', { code: ITEM, ...draft })).statusCode, 201);
    assert.equal((await t.as.operator1.post(`/api/admin/catalog/items/${ITEM}/publish`, { note: '测试事项' })).statusCode, 200);
    await seedExchange(t.db, {
      secretKey: t.config.secretKey,
      records: [
        { registry: 'birth_medical', subject: { idNumber: idOf('citizen1') }, data: { certificateNo: 'R410000123', babyName: '李小禾', babySex: 'F', birthDate: '2026-03-02', issuer: '青川市清源区妇幼保健院' } },
        { registry: 'population', subject: { idNumber: idOf('citizen1') }, data: { name: '李明华', householdAddress: '青川市清源区府前街12号', householdHead: '李明华', relationToHead: '户主' } },
        { registry: 'population', subject: { idNumber: idOf('citizen2') }, data: { name: '王秀英', householdAddress: '青山县健康路45号' } },
      ],
      grants: [
        { consumerDepartment: 'gaj', itemCode: ITEM, registry: 'birth_medical', fields: ['certificateNo', 'babyName', 'birthDate', 'issuer'], legalBasis: '《中华人民共和国户口登记条例》第七条' },
        { consumerDepartment: 'gaj', itemCode: ITEM, registry: 'population', fields: ['name'], legalBasis: '《中华人民共和国户口登记条例》第七条' },
      ],
    });
  });
  after(() => t.close());

  it('tells the applicant which data would come from where and for what, and fetches nothing', async () => {
    const form = (await t.as.citizen1.get(`/api/applications/forms/${ITEM}`)).json();
    const byRegistry = Object.fromEntries(form.registryPrefill.map((o: any) => [o.registry, o]));
    assert.deepEqual(Object.keys(byRegistry).sort(), ['birth_medical', 'population']);
    assert.equal(byRegistry.birth_medical.registryName, '出生医学证明信息');
    assert.equal(byRegistry.birth_medical.department.code, 'wjw');
    assert.deepEqual(byRegistry.birth_medical.fields.map((f: any) => [f.field, f.registryFieldName]), [['babyName', '新生儿姓名'], ['babyBirthDate', '出生日期']]);
    assert.match(byRegistry.population.purpose, /犬只登记/);
    assert.deepEqual(form.prefill.babyName, undefined);
    assert.deepEqual(await exchangeRows(t), [], 'no registry was asked before consent');
    assert.deepEqual(await consents(t, await meId(t, 'citizen1')), []);
  });

  it('rejects bad consent bodies, unoffered registries and staff, writing nothing', async () => {
    for (const [body, status, code] of [
      [{ registries: [] }, 400, 'VALIDATION_FAILED'], [{ registries: ['Bad Code'] }, 400, 'VALIDATION_FAILED'],
      [{ registries: ['population'], extra: 1 }, 400, 'VALIDATION_FAILED'], [{ registries: ['marriage'] }, 422, 'PREFILL_REGISTRY_NOT_OFFERED'],
    ] as const) {
      const res = await t.as.citizen1.post(`/api/applications/forms/${ITEM}/registry-prefill`, body);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(problemOf(res).code, code);
    }
    assert.equal((await t.as.clerk1.post(`/api/applications/forms/${ITEM}/registry-prefill`, { registries: ['population'] })).statusCode, 403);
    assert.equal((await t.anonymous.post(`/api/applications/forms/${ITEM}/registry-prefill`, { registries: ['population'] })).statusCode, 401);
    assert.equal((await t.as.citizen1.post('/api/applications/forms/999999999999/registry-prefill', { registries: ['population'] })).statusCode, 404);
    assert.deepEqual(await exchangeRows(t), []);
    assert.deepEqual(await consents(t, await meId(t, 'citizen1')), []);
  });

  it('records the consent, fills granted fields with their source and reports the refused one, logging every call', async () => {
    const res = await t.as.citizen1.post(`/api/applications/forms/${ITEM}/registry-prefill`, { registries: ['birth_medical', 'population'] });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.values, { babyName: '李小禾', babyBirthDate: '2026-03-02' });
    assert.equal(body.sources.babyName.registryName, '出生医学证明信息');
    assert.ok(body.sources.babyName.departmentName);
    assert.deepEqual(body.denied, [{ field: 'address', registry: 'population', reason: 'denied' }]);
    assert.equal(body.values.address, undefined);
    assert.deepEqual(await consents(t, await meId(t, 'citizen1')), ['prefill.consented']);
    assert.deepEqual((await exchangeRows(t)).map((r) => [r.purpose, r.registry, r.outcome]), [['prefill', 'birth_medical', 'granted'], ['prefill', 'population', 'denied']]);
  });

  it('stores the verified data of 免提交 materials in the case, shown to the window clerk', async () => {
    const res = await t.as.citizen1.post('/api/applications', {
      itemCode: ITEM, formData: { babyName: '李小禾', babyBirthDate: '2026-03-02', address: '府前街12号' }, delivery: { mode: 'window' },
      materials: [{ index: 0, fileIds: [await upload(t.as.citizen1)] }, { index: 1, fileIds: [], governmentHeld: true }, { index: 2, fileIds: [], governmentHeld: true }],
    }, { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 201, res.body);
    const caseNo = res.json().caseNo as string;
    const cert = res.json().materials[1].verified;
    assert.equal(cert.kind, 'registry');
    assert.equal(cert.registry, 'birth_medical');
    assert.match(cert.digest, /^[0-9a-f]{64}$/);
    assert.deepEqual(cert.fields.map((f: any) => [f.name, f.value]), [['出生医学证明编号', 'R410000123'], ['新生儿姓名', '李小禾'], ['出生日期', '2026-03-02'], ['签发机构', '青川市清源区妇幼保健院']]);
    // partly granted: only the granted field is kept
    assert.deepEqual(res.json().materials[2].verified.fields.map((f: any) => f.code), ['name']);
    const staff = (await t.as.clerk1.get(`/api/workbench/cases/${caseNo}`)).json();
    assert.deepEqual(staff.materials[1].verified, cert);
    const reads = (await exchangeRows(t)).filter((r) => r.purpose === 'case');
    assert.deepEqual(reads.map((r) => [r.registry, r.case_no, r.outcome]), [['birth_medical', caseNo, 'granted'], ['population', caseNo, 'partial']]);

    const uses = (await t.as.citizen1.get('/api/me/data-uses')).json().items as { purpose: string; caseNo: string | null; registryName: string }[];
    assert.ok(uses.some((u) => u.purpose === 'prefill' && u.registryName === '出生医学证明信息'), 'the prefill is in the data-use log');
    assert.ok(uses.some((u) => u.purpose === 'case' && u.caseNo === caseNo), 'the case reads are in the data-use log');
  });

  it('refuses with a coded 422 and writes no case when the registry does not hold a 免提交 material', async () => {
    const id = await meId(t, 'citizen2');
    const res = await t.as.citizen2.post('/api/applications', {
      itemCode: ITEM, formData: { babyName: '王小宝', babyBirthDate: '2026-03-02', address: '健康路45号' }, delivery: { mode: 'window' },
      materials: [{ index: 0, fileIds: [await upload(t.as.citizen2)] }, { index: 1, fileIds: [], governmentHeld: true }, { index: 2, fileIds: [], governmentHeld: true }],
    }, { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 422, res.body);
    const problem = problemOf(res);
    assert.equal(problem.code, 'HELD_MATERIAL_NOT_AVAILABLE');
    assert.deepEqual(problem.errors!.map((e) => [e.path, e.code]), [['/materials/1', 'NOT_HELD']]);
    assert.equal((await one<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM cases WHERE applicant_account_id = ${id}`))!.n, 0);
    // uploading it instead works
    const ok = await t.as.citizen2.post('/api/applications', {
      itemCode: ITEM, formData: { babyName: '王小宝', babyBirthDate: '2026-03-02', address: '健康路45号' }, delivery: { mode: 'window' },
      materials: [{ index: 0, fileIds: [await upload(t.as.citizen2)] }, { index: 1, fileIds: [await upload(t.as.citizen2)] }, { index: 2, fileIds: [], governmentHeld: true }],
    }, { 'idempotency-key': randomUUID() });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().materials[1].verified, undefined);
  });
});
