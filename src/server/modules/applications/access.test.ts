import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import type { ApplyFormView, CaseView } from '../../../contract/applications.js';
import {
  accept, applicationBody, apply, count, newKey, problemOf, publishItem, singleStage, startApplicationsApp, taskOf, type ApplicationsContext,
} from './test-fixtures.js';

const TABLES = ['cases', 'case_tasks', 'case_events', 'application_drafts', 'audit_log', 'outbox'];

describe('access rules, idempotent submission, bad input and the public progress lookup', () => {
  let t: ApplicationsContext;
  let itemCode: string;
  let enterpriseItem: string;
  let theCase: CaseView;
  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (x) => [x, await count(t, x)])));

  before(async () => {
    t = await startApplicationsApp();
    itemCode = await publishItem(t, singleStage('gaj'));
    enterpriseItem = await publishItem(t, singleStage('scjg'), { audience: ['enterprise'], form: undefined, materials: [
      { name: '营业执照', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'government', governmentHeld: true, heldBy: '电子营业执照库' },
    ] });
    theCase = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, itemCode));
    await accept(t, theCase.caseNo);
  });
  after(async () => t?.close());

  it('hides a citizen\'s case from another citizen: 404 on every route, never 403', async () => {
    const b = t.as.citizen2;
    for (const res of [
      await b.get(`/api/applications/${theCase.caseNo}`),
      await b.post(`/api/applications/${theCase.caseNo}/withdraw`, { reason: '不是我的' }),
      await b.post(`/api/applications/${theCase.caseNo}/supplements`, { materials: [] }),
      await b.get(`/api/applications/${theCase.caseNo}/files/${theCase.materials[0].files[0].id}`),
    ]) {
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(problemOf(res).code, 'CASE_NOT_FOUND');
    }
    assert.equal((await t.anonymous.get(`/api/applications/${theCase.caseNo}`)).statusCode, 401);
  });

  it('forbids a reviewer of another department to decide, and hides the case from them', async () => {
    const id = await taskOf(t, theCase.caseNo, 'gaj');
    const res = await t.as['reviewer.scjg'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' });
    assert.equal(res.statusCode, 403);
    assert.equal(problemOf(res).code, 'FORBIDDEN');
    assert.equal((await t.as['reviewer.scjg'].post(`/api/workbench/tasks/${id}/claim`)).statusCode, 403);
    assert.equal(problemOf(await t.as['reviewer.scjg'].get(`/api/workbench/cases/${theCase.caseNo}`)).code, 'CASE_NOT_FOUND');
    assert.equal((await t.as.citizen1.post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' })).statusCode, 403);
    assert.equal((await t.as['reviewer.gaj'].post(`/api/workbench/cases/${theCase.caseNo}/accept`)).statusCode, 403);
    assert.equal((await t.as['reviewer.gaj'].get('/api/workbench/tasks?department=scjg')).statusCode, 403);
    assert.equal(problemOf(await t.as['reviewer.gaj'].post('/api/workbench/tasks/00000000-0000-4000-8000-000000000000/claim')).code, 'TASK_NOT_FOUND');
  });

  it('serves a case file to its applicant and to the department, not to others', async () => {
    const fileId = theCase.materials[0].files[0].id;
    const own = await t.as.citizen1.get(`/api/applications/${theCase.caseNo}/files/${fileId}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['content-type'], 'application/pdf');
    assert.equal((await t.as['reviewer.gaj'].get(`/api/workbench/cases/${theCase.caseNo}/files/${fileId}`)).statusCode, 200);
    assert.equal((await t.as['reviewer.scjg'].get(`/api/workbench/cases/${theCase.caseNo}/files/${fileId}`)).statusCode, 404);
    const other = await t.as.citizen1.get(`/api/applications/${theCase.caseNo}/files/00000000-0000-4000-8000-000000000000`);
    assert.equal(problemOf(other).code, 'CASE_FILE_NOT_FOUND');
  });

  it('replays the same Idempotency-Key as the same case and refuses the key with another body', async () => {
    const body = await applicationBody(t.as.citizen2, itemCode);
    const key = newKey();
    const first = await t.as.citizen2.post('/api/applications', body, { 'idempotency-key': key });
    assert.equal(first.statusCode, 201);
    const cases = await count(t, 'cases');
    const again = await t.as.citizen2.post('/api/applications', body, { 'idempotency-key': key });
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().caseNo, first.json().caseNo);
    assert.equal(await count(t, 'cases'), cases);
    const changed = await t.as.citizen2.post('/api/applications', { ...body, formData: { ...body.formData, purpose: '另一个事由' } }, { 'idempotency-key': key });
    assert.equal(changed.statusCode, 409);
    assert.equal(problemOf(changed).code, 'IDEMPOTENCY_KEY_REUSED');
    const missing = await t.as.citizen2.post('/api/applications', body);
    assert.equal(problemOf(missing).code, 'IDEMPOTENCY_KEY_REQUIRED');
    assert.equal(await count(t, 'cases'), cases);
  });

  it('records the key with the case: concurrent copies make one case, and a refused submission leaves its key unused', async () => {
    const body = await applicationBody(t.as.citizen2, itemCode);
    const key = newKey();
    const cases = await count(t, 'cases');
    const [a, b] = await Promise.all([1, 2].map(() => t.as.citizen2.post('/api/applications', body, { 'idempotency-key': key })));
    assert.deepEqual([a.statusCode, b.statusCode], [201, 201], `${a.body} ${b.body}`);
    assert.equal(a.json().caseNo, b.json().caseNo);
    assert.deepEqual([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].sort(), ['true', undefined].sort());
    assert.equal(await count(t, 'cases'), cases + 1);
    assert.deepEqual(await rows(t.db.orm, sql`SELECT status, response_status FROM idempotency_keys WHERE key = ${key}`), [{ status: 'done', response_status: 201 }]);

    const retried = newKey();
    const fresh = await applicationBody(t.as.citizen2, itemCode);
    const refused = await t.as.citizen2.post('/api/applications', { ...fresh, formData: { ...fresh.formData, purpose: '' } }, { 'idempotency-key': retried });
    assert.equal(problemOf(refused).code, 'FORM_INVALID');
    assert.deepEqual(await rows(t.db.orm, sql`SELECT 1 FROM idempotency_keys WHERE key = ${retried}`), []);
    const fixed = await t.as.citizen2.post('/api/applications', fresh, { 'idempotency-key': retried });
    assert.equal(fixed.statusCode, 201, fixed.body);
    assert.equal(await count(t, 'cases'), cases + 2);
  });

  it('answers bad submissions with coded problems and writes nothing', async () => {
    const c = t.as.citizen2;
    const good = await applicationBody(c, itemCode);
    const before = await snapshot();
    const cases: [unknown, number, string][] = [
      [{ ...good, itemCode: undefined }, 400, 'VALIDATION_FAILED'],
      [{ ...good, itemCode: 'ZZZZZZZZZZZZ' }, 404, 'ITEM_NOT_FOUND'],
      [{ ...good, formData: { purpose: 'x' } }, 422, 'FORM_INVALID'],
      [{ ...good, formData: { ...good.formData, unknownField: 1 } }, 422, 'FORM_INVALID'],
      [{ ...good, materials: [] }, 422, 'MATERIALS_INCOMPLETE'],
      [{ ...good, materials: [{ index: 0, fileIds: [], governmentHeld: true }, { index: 1, fileIds: [], governmentHeld: true }] }, 422, 'MATERIALS_INCOMPLETE'],
      [{ ...good, materials: [{ index: 0, fileIds: ['00000000-0000-4000-8000-000000000000'] }, { index: 1, fileIds: [], governmentHeld: true }] }, 404, 'FILE_NOT_FOUND'],
      [{ ...good, delivery: { mode: 'post' } }, 422, 'DELIVERY_INVALID'],
      [{ ...good, commitmentSigned: true }, 422, 'COMMITMENT_NOT_OFFERED'],
      [{ ...good, enterpriseCreditCode: '91419900MA9C4K7R6N' }, 403, 'ENTERPRISE_NOT_AUTHORISED'],
      [{ ...good, onBehalfOf: { idNumber: '419902198803150030', authorisation: '本人授权' } }, 403, 'FORBIDDEN'],
      [{ ...good, itemCode: enterpriseItem, materials: [{ index: 0, fileIds: [], governmentHeld: true }] }, 422, 'AUDIENCE_MISMATCH'],
    ];
    for (const [body, status, code] of cases) {
      const res = await c.post('/api/applications', body, { 'idempotency-key': newKey() });
      assert.equal(res.statusCode, status, `${code}: ${res.body}`);
      assert.equal(problemOf(res).code, code);
    }
    const form = await c.post('/api/applications', { ...good, formData: { purpose: 'x' } }, { 'idempotency-key': newKey() });
    assert.deepEqual(problemOf(form).errors!.map((e) => e.path).sort(), ['formData.mobile', 'formData.purpose']);
    assert.deepEqual(await snapshot(), before);
  });

  it('answers bad input on every other endpoint with coded problems and writes nothing', async () => {
    const id = await taskOf(t, theCase.caseNo, 'gaj');
    const before = await snapshot();
    const expect = async (res: Promise<{ statusCode: number; headers: Record<string, unknown>; json(): any; body: string }>, status: number, code: string) => {
      const r = await res;
      assert.equal(r.statusCode, status, `${code}: ${r.body}`);
      assert.equal(problemOf(r).code, code);
    };
    const rv = t.as['reviewer.gaj'];
    await expect(t.as.citizen1.get('/api/applications?pageSize=1000'), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.get('/api/applications/12345'), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.get('/api/applications/41990020260302999999'), 404, 'CASE_NOT_FOUND');
    await expect(t.as.citizen1.post(`/api/applications/${theCase.caseNo}/withdraw`, { reason: '' }), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.post(`/api/applications/${theCase.caseNo}/supplements`, { materials: 'none' }), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.post(`/api/applications/${theCase.caseNo}/supplements`, { materials: [] }), 409, 'CASE_STATUS_CONFLICT');
    await expect(t.as.citizen1.get('/api/applications/forms/bad'), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.get('/api/applications/forms/ZZZZZZZZZZZZ'), 404, 'ITEM_NOT_FOUND');
    await expect(t.as.citizen1.put(`/api/drafts/${itemCode}`, { formData: [] }), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.put('/api/drafts/ZZZZZZZZZZZZ', { formData: {}, materials: [] }), 404, 'ITEM_NOT_FOUND');
    await expect(t.as.citizen1.get(`/api/drafts/${itemCode}`), 404, 'DRAFT_NOT_FOUND');
    await expect(t.as.citizen1.delete(`/api/drafts/${itemCode}`), 404, 'DRAFT_NOT_FOUND');
    await expect(rv.get('/api/workbench/tasks?view=everything'), 400, 'VALIDATION_FAILED');
    await expect(rv.post('/api/workbench/tasks/not-a-uuid/claim'), 400, 'VALIDATION_FAILED');
    await expect(rv.post(`/api/workbench/tasks/${id}/decision`, { decision: 'maybe' }), 400, 'VALIDATION_FAILED');
    await expect(rv.post(`/api/workbench/tasks/${id}/decision`, { decision: 'return', comment: '' }), 422, 'COMMENT_REQUIRED');
    await expect(rv.post(`/api/workbench/tasks/${id}/post-check`, { outcome: 'confirmed', comment: '核查属实' }), 409, 'TASK_KIND_MISMATCH');
    await expect(rv.post(`/api/workbench/tasks/${id}/post-check`, { outcome: 'perhaps', comment: 'x' }), 400, 'VALIDATION_FAILED');
    await expect(t.as.clerk1.post(`/api/workbench/cases/${theCase.caseNo}/not-accept`, {}), 400, 'VALIDATION_FAILED');
    await expect(t.as.clerk1.post(`/api/workbench/cases/${theCase.caseNo}/accept`), 409, 'CASE_STATUS_CONFLICT');
    await expect(t.as.clerk1.get('/api/workbench/acceptance?page=0'), 400, 'VALIDATION_FAILED');
    await expect(t.as.citizen1.get('/api/workbench/acceptance'), 403, 'FORBIDDEN');
    await expect(t.anonymous.get('/api/progress?caseNo=123&idTail=150030'), 400, 'VALIDATION_FAILED');
    assert.deepEqual(await snapshot(), before);
  });

  it('finds progress by case number and ID tail; a wrong tail and an unknown case look the same', async () => {
    const right = await t.anonymous.get(`/api/progress?caseNo=${theCase.caseNo}&idTail=150030`);
    assert.equal(right.statusCode, 200, right.body);
    assert.equal(right.json().applicantName, '李**');
    assert.equal(right.json().status, 'in_review');
    assert.equal(right.json().holders.length, 1);
    assert.ok(right.json().steps.some((x: { text: string }) => x.text.includes('受理')));
    const wrong = await t.anonymous.get(`/api/progress?caseNo=${theCase.caseNo}&idTail=150031`);
    const unknown = await t.anonymous.get('/api/progress?caseNo=41990020260302999999&idTail=150030');
    assert.equal(wrong.statusCode, 404);
    assert.deepEqual(problemOf(wrong), problemOf(unknown));
    let limited = 0;
    for (let i = 0; i < 12; i++) if ((await t.anonymous.get(`/api/progress?caseNo=${theCase.caseNo}&idTail=000000`)).statusCode === 429) limited++;
    assert.ok(limited > 0, 'the lookup is rate-limited per address');
  });

  it('opens the apply form with verified fields prefilled and locked, and keeps a draft across devices', async () => {
    const form: ApplyFormView = (await t.as.citizen1.get(`/api/applications/forms/${itemCode}`)).json();
    assert.equal(form.prefill.applicantName, '李明华');
    assert.equal(form.prefill.mobile, '13800000001');
    assert.deepEqual(form.locked, ['applicantName']);
    assert.equal(form.draft, null);
    assert.ok(form.estimatedDueOn);
    const saved = await t.as.citizen1.put(`/api/drafts/${itemCode}`, { formData: { purpose: '草稿' }, materials: [{ index: 1, fileIds: [], governmentHeld: true }] });
    assert.equal(saved.statusCode, 200, saved.body);
    const elsewhere = await t.relogin('citizen1');
    assert.equal((await elsewhere.get(`/api/drafts/${itemCode}`)).json().formData.purpose, '草稿');
    assert.equal((await elsewhere.get('/api/drafts')).json().items.length, 1);
    assert.equal((await t.as.citizen2.get(`/api/drafts/${itemCode}`)).statusCode, 404);
    assert.equal((await elsewhere.get(`/api/applications/forms/${itemCode}`)).json().draft.formData.purpose, '草稿');
    assert.equal((await elsewhere.delete(`/api/drafts/${itemCode}`)).statusCode, 204);
  });

  it('discards the draft in the transaction that files the case, and keeps it when the submission fails', async () => {
    await t.as.citizen2.put(`/api/drafts/${itemCode}`, { formData: { purpose: '先存草稿' }, materials: [] });
    const body = await applicationBody(t.as.citizen2, itemCode);
    const refused = await t.as.citizen2.post('/api/applications', { ...body, materials: [] }, { 'idempotency-key': newKey() });
    assert.equal(refused.statusCode, 422);
    assert.equal((await t.as.citizen2.get(`/api/drafts/${itemCode}`)).statusCode, 200, 'a refused submission keeps the draft');
    await apply(t.as.citizen2, body);
    assert.equal(problemOf(await t.as.citizen2.get(`/api/drafts/${itemCode}`)).code, 'DRAFT_NOT_FOUND');
  });

  it('files an enterprise application for an agent, and a clerk applies on behalf of a person (帮办代办)', async () => {
    const ent = await apply(t.as.company1, {
      itemCode: enterpriseItem, enterpriseCreditCode: '91419900MA9C4K7R6N', delivery: { mode: 'elicence' },
      formData: { agentName: '周婷', mobile: '13800000101' }, materials: [{ index: 0, fileIds: [], governmentHeld: true }],
    });
    assert.deepEqual(ent.applicant, { name: '青川市云栖数字科技有限公司', kind: 'enterprise' });
    assert.equal(ent.formData.creditCode, '91419900MA9C4K7R6N', 'the registered credit code is filled in and locked');
    assert.equal(ent.actingAgent?.role, 'enterprise_agent');
    await accept(t, ent.caseNo);
    const inbox: { items: { caseNo: string; applicantName: string }[] } = (await t.as['reviewer.scjg'].get('/api/workbench/tasks?department=scjg')).json();
    assert.equal(inbox.items.find((x) => x.caseNo === ent.caseNo)?.applicantName, '青川市云栖数字科技有限公司', 'a registered enterprise name is not masked');

    const body = await applicationBody(t.as.clerk1, itemCode, { onBehalfOf: { idNumber: '419921195308210046', authorisation: '申请人当面签署授权委托书' } });
    const helped = await apply(t.as.clerk1, body);
    assert.deepEqual(helped.actingAgent, { name: '孙晓梅', role: 'clerk' });
    assert.equal(helped.applicant.name, '王秀英');
    const mine: { items: { caseNo: string }[] } = (await t.as.citizen2.get('/api/applications')).json();
    assert.ok(mine.items.some((x) => x.caseNo === helped.caseNo), 'the case is the applicant\'s own');
    const nobody = await t.as.clerk1.post('/api/applications', { ...body, onBehalfOf: { idNumber: '11010519491231002X', authorisation: '授权' } }, { 'idempotency-key': newKey() });
    assert.equal(problemOf(nobody).code, 'APPLICANT_NOT_REGISTERED');
  });
});
