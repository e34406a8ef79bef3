// Registry-prefilled values are checked again at submission: a value that matches the registry is
// accepted and noted as confirmed, a changed one refuses the submission with a coded 422 and writes
// no case, a registry that cannot answer leaves the value unchecked for the reviewer. Every read is
// in the exchange log and the citizen's data-use log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView } from '../../../contract/applications.js';
import type { ItemForm, ProcessDefinition } from '../../../contract/forms.js';
import { one, rows } from '../../db/client.js';
import { seedPersons } from '../../db/seed/data/people.js';
import { registerRegistry, seedExchange } from '../exchange/index.js';
import { count, newKey, problemOf, publishPrefillItem, startApplicationsApp, upload, type ApplicationsContext } from './test-fixtures.js';

const ITEM = `9908${String(process.pid % 100_000_000).padStart(8, '0')}`;
const idOf = (u: string) => seedPersons.find((p) => p.username === u)!.idNumber;

// a registry of another system that can be switched off (a remote registry behind its circuit breaker)
let registryDown = false;
const CREDIT_SCORES: Record<string, Record<string, unknown>> = { [idOf('citizen2')]: { level: 'A', checkedOn: '2026-02-01' } };

const FORM: ItemForm = {
  schema: {
    type: 'object',
    properties: {
      babyName: { type: 'string', minLength: 1, maxLength: 50 }, babyBirthDate: { type: 'string', format: 'date' },
      creditLevel: { type: 'string', maxLength: 10 }, purpose: { type: 'string', minLength: 2, maxLength: 200 },
    },
    required: ['babyName', 'babyBirthDate', 'purpose'],
  },
  ui: {
    sections: [{ title: '登记信息', fields: ['babyName', 'babyBirthDate', 'creditLevel', 'purpose'] }],
    fields: {
      babyName: { label: '新生儿姓名', labelEn: 'Newborn', registryPrefill: { registry: 'birth_medical', field: 'babyName' } },
      babyBirthDate: { label: '出生日期', labelEn: 'Date of birth', widget: 'date', registryPrefill: { registry: 'birth_medical', field: 'birthDate' } },
      creditLevel: { label: '信用等级', labelEn: 'Credit level', registryPrefill: { registry: 'test_credit', field: 'level' } },
      purpose: { label: '申请事由', labelEn: 'Purpose' },
    },
  },
};
const WORKFLOW: ProcessDefinition = { stages: [{ name: '审查', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'gaj', name: '户籍审核' }] }] };

const exchangeRows = (t: ApplicationsContext) =>
  rows<{ purpose: string; registry: string; outcome: string; actor_id: string }>(t.db.orm,
    sql`SELECT purpose, registry, outcome, actor_id FROM exchange_log WHERE item_code = ${ITEM} ORDER BY id`);
const casesOf = async (t: ApplicationsContext, accountId: string) =>
  (await one<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM cases WHERE applicant_account_id = ${accountId} AND item_code = ${ITEM}`))!.n;

describe('registry-prefilled values checked again at submission', () => {
  let t: ApplicationsContext;
  const consent = async (who: 'citizen1' | 'citizen2', registries: string[]) => {
    const res = await t.as[who].post(`/api/applications/forms/${ITEM}/registry-prefill`, { registries });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { values: Record<string, unknown> };
  };
  const submit = async (who: 'citizen1' | 'citizen2', formData: Record<string, unknown>) => t.as[who].post('/api/applications', {
    itemCode: ITEM, formData, delivery: { mode: 'window' }, materials: [{ index: 0, fileIds: [await upload(t.as[who])] }],
  }, { 'idempotency-key': newKey() });
  const meId = async (who: 'citizen1' | 'citizen2') => (await t.as[who].get('/api/me')).json().id as string;

  before(async () => {
    t = await startApplicationsApp();
    registerRegistry({
      code: 'test_credit', name: '测试信用信息', nameEn: 'Test credit records', departmentCode: 'fgw',
      fields: [{ code: 'level', name: '信用等级', dataType: 'string', shareType: 'conditional' }, { code: 'checkedOn', name: '评定日期', dataType: 'date', shareType: 'conditional' }],
      subjectKinds: ['person'], remote: true,
      async lookup(_db, subject, fields) {
        if (registryDown) throw new Error('connection refused');
        const record = 'idNumber' in subject ? CREDIT_SCORES[subject.idNumber] : undefined;
        return record ? Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]])) : null;
      },
    });
    await publishPrefillItem(t, ITEM, FORM, WORKFLOW);
    await seedExchange(t.db, {
      secretKey: t.config.secretKey,
      records: [
        { registry: 'birth_medical', subject: { idNumber: idOf('citizen1') }, data: { certificateNo: 'R410000777', babyName: '李小禾', babySex: 'F', birthDate: '2026-03-02', issuer: '青川市清源区妇幼保健院' } },
        { registry: 'birth_medical', subject: { idNumber: idOf('citizen2') }, data: { certificateNo: 'R410000778', babyName: '王小满', babySex: 'M', birthDate: '2026-02-20', issuer: '青川市青山县人民医院' } },
      ],
      grants: [
        { consumerDepartment: 'gaj', itemCode: ITEM, registry: 'birth_medical', fields: ['babyName', 'birthDate'], legalBasis: '《中华人民共和国户口登记条例》第七条' },
        { consumerDepartment: 'gaj', itemCode: ITEM, registry: 'test_credit', fields: ['level'], legalBasis: '《青川市公共信用信息管理办法》第十条' },
      ],
    });
  });
  after(async () => t?.close());

  it('accepts values that match the registry, notes them as confirmed, and logs the read like any other', async () => {
    const me = await meId('citizen1');
    const filled = await consent('citizen1', ['birth_medical']);
    assert.deepEqual(filled.values, { babyName: '李小禾', babyBirthDate: '2026-03-02' });
    const before = (await exchangeRows(t)).length;
    const res = await submit('citizen1', { ...filled.values, purpose: '新生儿入户' });
    assert.equal(res.statusCode, 201, res.body);
    const view: CaseView = res.json();
    const reads = (await exchangeRows(t)).slice(before);
    assert.deepEqual(reads.map((r) => [r.purpose, r.registry, r.outcome, r.actor_id]), [['prefill', 'birth_medical', 'granted', me]], 'one read at submission');
    const line = view.timeline.find((e) => e.action === 'prefill_verified');
    assert.ok(line, JSON.stringify(view.timeline));
    assert.equal(line.text, '提交时已与登记机关核对预填信息：新生儿姓名（出生医学证明信息）、出生日期（出生医学证明信息）');
    assert.equal(line.actorName, null, 'the platform checked, not a person');
    assert.ok(!view.timeline.some((e) => e.action === 'prefill_unverified'));
    const staff = (await t.as.clerk1.get(`/api/workbench/cases/${view.caseNo}`)).json() as CaseView;
    assert.ok(staff.timeline.some((e) => e.action === 'prefill_verified'), 'the reviewer sees it');

    const uses = (await t.as.citizen1.get('/api/me/data-uses?pageSize=100')).json().items as { purpose: string; itemCode: string; registry: string }[];
    assert.equal(uses.filter((u) => u.purpose === 'prefill' && u.itemCode === ITEM && u.registry === 'birth_medical').length, 2, 'the consent read and the submission read');
  });

  it('refuses a changed prefilled value with PREFILLED_VALUE_MISMATCH naming the field, and writes no case', async () => {
    const me = await meId('citizen1');
    const filled = await consent('citizen1', ['birth_medical']);
    const casesBefore = await casesOf(t, me);
    const tables = ['cases', 'case_tasks', 'case_events', 'outbox'];
    const countsBefore = await Promise.all(tables.map((x) => count(t, x)));
    const readsBefore = (await exchangeRows(t)).length;
    const res = await submit('citizen1', { ...filled.values, babyBirthDate: '2026-02-27', purpose: '新生儿入户' });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const problem = problemOf(res);
    assert.equal(problem.code, 'PREFILLED_VALUE_MISMATCH');
    assert.deepEqual(problem.errors!.map((e) => [e.path, e.code]), [['formData.babyBirthDate', 'PREFILLED_VALUE_MISMATCH']]);
    assert.match(problem.detail ?? '', /出生日期/);
    assert.equal(await casesOf(t, me), casesBefore, 'no case');
    assert.deepEqual(await Promise.all(tables.map((x) => count(t, x))), countsBefore, 'nothing written');
    const reads = (await exchangeRows(t)).slice(readsBefore);
    assert.deepEqual(reads.map((r) => [r.purpose, r.registry]), [['prefill', 'birth_medical']], 'the check\'s read is logged though the submission failed');

    const english = await t.as.citizen1.post('/api/applications', {
      itemCode: ITEM, formData: { ...filled.values, babyName: '李小禾禾', purpose: '新生儿入户' }, delivery: { mode: 'window' },
      materials: [{ index: 0, fileIds: [await upload(t.as.citizen1)] }],
    }, { 'idempotency-key': newKey(), 'accept-language': 'en' });
    assert.equal(problemOf(english).code, 'PREFILLED_VALUE_MISMATCH');
    assert.match(problemOf(english).detail ?? '', /Newborn/);

    const fixed = await submit('citizen1', { ...filled.values, purpose: '新生儿入户' });
    assert.equal(fixed.statusCode, 201, 'the registered value goes through');
  });

  it('checks only an application prepared with consent: once submitted, the next one typed by hand is the applicant\'s word', async () => {
    const readsBefore = (await exchangeRows(t)).length;
    const res = await submit('citizen1', { babyName: '李小禾', babyBirthDate: '2026-03-01', purpose: '为二孩办理入户' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await exchangeRows(t)).length, readsBefore, 'no registry asked without consent');
    const view: CaseView = res.json();
    assert.ok(!view.timeline.some((e) => e.action.startsWith('prefill_')));
  });

  it('accepts the submission when the registry cannot answer, marking the value unchecked for the reviewer', async () => {
    const filled = await consent('citizen2', ['birth_medical', 'test_credit']);
    assert.deepEqual(filled.values, { babyName: '王小满', babyBirthDate: '2026-02-20', creditLevel: 'A' });
    registryDown = true;
    try {
      const readsBefore = (await exchangeRows(t)).length;
      const res = await submit('citizen2', { ...filled.values, purpose: '新生儿入户' });
      assert.equal(res.statusCode, 201, res.body);
      const view: CaseView = res.json();
      assert.deepEqual((await exchangeRows(t)).slice(readsBefore).map((r) => [r.registry, r.outcome]), [['birth_medical', 'granted'], ['test_credit', 'error']]);
      const unchecked = view.timeline.find((e) => e.action === 'prefill_unverified');
      assert.equal(unchecked?.text, '预填信息提交时未能与登记机关核对，请人工核验：信用等级（测试信用信息：数据源暂不可用）');
      assert.ok(view.timeline.some((e) => e.action === 'prefill_verified' && e.text.includes('出生日期')), 'the registries that answered confirmed theirs');
      assert.equal(view.formData.creditLevel, 'A', 'the value stands as filed');
      const staff = await t.as.clerk1.get(`/api/workbench/cases/${view.caseNo}`, { 'accept-language': 'en' });
      const line = (staff.json() as CaseView).timeline.find((e) => e.action === 'prefill_unverified');
      assert.equal(line?.text, 'Prefilled values could not be confirmed at submission; check them by hand: Credit level (Test credit records: source unavailable)');
    } finally {
      registryDown = false;
    }
  });
});
