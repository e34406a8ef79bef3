import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseView, StaffCaseView } from '../../../contract/applications.js';
import { getCalendar } from '../calendar/index.js';
import {
  accept, applicationBody, apply, count, decide, drainApplicationJobs, problemOf, publishItem, singleStage, startApplicationsApp,
  taskOf, type ApplicationsContext,
} from './test-fixtures.js';

describe('a single-department case from submission to 办结', () => {
  let t: ApplicationsContext;
  let itemCode: string;
  before(async () => {
    t = await startApplicationsApp();
    itemCode = await publishItem(t, singleStage('gaj', 3));
  });
  after(async () => t?.close());

  it('numbers the case, pins the version, prefills locked fields and promises a working-day due date', async () => {
    const view = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, itemCode, { formData: { applicantName: '冒名顶替', mobile: '13800000001', purpose: '办理测试事项' } }));
    assert.match(view.caseNo, /^\d{6}20260302\d{6}$/);
    assert.equal(view.status, 'submitted');
    assert.equal(view.item.version, 1);
    // the verified real name wins over what was typed; the mobile comes from the profile
    assert.equal(view.formData.applicantName, '李明华');
    const cal = await getCalendar(t.db.orm);
    assert.equal(view.dueOn, cal.addWorkingDays('2026-03-02', 5));
    assert.equal(view.deadline, 'normal');
    assert.deepEqual(view.actions, ['withdraw']);
    assert.deepEqual(view.holders.map((h) => h.code), ['gaj']);
    assert.equal(view.tasks.length, 1);
    assert.equal(view.tasks[0].status, 'pending');
    assert.equal(view.materials[0].files.length, 1);
    assert.equal(view.materials[1].governmentHeld, true);
    assert.equal(view.timeline[0].action, 'submitted');
  });

  it('goes through acceptance, review and approval, tells the applicant each time and audits every step', async () => {
    const submitted = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, itemCode, { delivery: { mode: 'post', recipient: '王秀英', mobile: '13800000002', address: '青川市青山县城关街道健康路45号' } }));
    const queue = await t.as.clerk1.get('/api/workbench/acceptance');
    assert.ok(queue.json().items.some((c: { caseNo: string }) => c.caseNo === submitted.caseNo));

    const accepted: StaffCaseView = await accept(t, submitted.caseNo);
    assert.equal(accepted.status, 'in_review');
    assert.equal(accepted.tasks[0].status, 'open');
    assert.ok(accepted.tasks[0].dueOn);

    const inbox = await t.as['reviewer.gaj'].get('/api/workbench/tasks');
    assert.equal(inbox.statusCode, 200);
    const task = inbox.json().items.find((k: { caseNo: string }) => k.caseNo === submitted.caseNo);
    assert.ok(task, 'the task is in the department inbox');
    assert.equal(task.applicantName, '王**');
    assert.deepEqual(task.actions, ['claim', 'approve', 'deny', 'return']);

    const claimed = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${task.id}/claim`);
    assert.equal(claimed.statusCode, 200, claimed.body);
    assert.equal(claimed.json().assignee.name.length > 0, true);
    const mine = await t.as['reviewer.gaj'].get('/api/workbench/tasks?view=mine');
    assert.equal(mine.json().counts.mine, 1);

    const decided: StaffCaseView = await decide(t, 'gaj', task.id, { decision: 'approve', comment: '材料齐全，准予' });
    assert.equal(decided.status, 'concluded');
    assert.equal(decided.result, 'approved');

    const jobs = await drainApplicationJobs(t);
    assert.equal(jobs.done, 1);
    const view: CaseView = (await t.as.citizen2.get(`/api/applications/${submitted.caseNo}`)).json();
    assert.match(view.trackingNo ?? '', /^TB\d{12}$/);
    assert.deepEqual(view.actions, []);
    assert.deepEqual(view.timeline.map((e) => e.action), ['submitted', 'accepted', 'task_opened', 'task_claimed', 'task_approved', 'concluded', 'delivered']);
    assert.equal(view.tasks[0].comment, '材料齐全，准予');
    const english: CaseView = (await t.as.citizen2.get(`/api/applications/${submitted.caseNo}`, { 'accept-language': 'en' })).json();
    assert.match(english.timeline[0].text, /Application submitted$/);
    assert.match(view.timeline.find((e) => e.action === 'task_approved')!.text, /审查通过/);
    const line = (action: string) => view.timeline.find((e) => e.action === action)!;
    assert.deepEqual([line('submitted').departmentName, line('submitted').actorName], [null, '王秀英'], 'the applicant filed it, no department did');
    assert.deepEqual([line('accepted').departmentName, line('accepted').actorName], [null, '孙晓梅'], 'the city window accepted it, not the competent department');
    assert.equal(line('concluded').actorName, null, 'the conclusion follows the last approval; no person is named for it');
    assert.match(line('concluded').text, /^青川市公安局 办结/);

    const { rows } = await import('../../db/client.js');
    const { sql } = await import('drizzle-orm');
    const audit = await rows<{ action: string }>(t.db.orm, sql`SELECT action FROM audit_log WHERE stream = ${`case:${submitted.caseNo}`} ORDER BY seq`);
    assert.deepEqual(audit.map((a) => a.action), ['case.submitted', 'case.accepted', 'case.task_claimed', 'case.task_approved', 'case.delivered']);
    const noticeKinds = await rows<{ kind: string }>(t.db.orm, sql`SELECT payload->>'kind' AS kind FROM outbox WHERE topic = 'notify' AND payload->>'link' = ${`/me/cases/${submitted.caseNo}`} ORDER BY id`);
    assert.deepEqual(noticeKinds.map((n) => n.kind), ['case.submitted', 'case.accepted', 'case.concluded']);
  });

  it('lists the applicant\'s cases newest first, and only theirs', async () => {
    const mine = await t.as.citizen1.get('/api/applications?pageSize=10');
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().total, 1);
    const other = await t.as.citizen2.get('/api/applications');
    assert.equal(other.json().items[0].status, 'concluded');
  });

  it('refuses a denial without a comment, then concludes the case as denied', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, itemCode));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    const before = await count(t, 'case_events');
    const refused = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'deny', comment: '  ' });
    assert.equal(refused.statusCode, 422);
    assert.equal(problemOf(refused).code, 'COMMENT_REQUIRED');
    assert.equal(await count(t, 'case_events'), before);
    const denied: StaffCaseView = await decide(t, 'gaj', id, { decision: 'deny', comment: '不符合登记条件' });
    assert.equal(denied.status, 'concluded');
    assert.equal(denied.result, 'denied');
    const again = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' });
    assert.equal(problemOf(again).code, 'TASK_ALREADY_DECIDED');
  });

  it('withdraws before a decision and cancels the open tasks; not after the conclusion', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, itemCode));
    await accept(t, c.caseNo);
    const res = await t.as.citizen1.post(`/api/applications/${c.caseNo}/withdraw`, { reason: '信息填写错误，重新申请' });
    assert.equal(res.statusCode, 200, res.body);
    const view: CaseView = res.json();
    assert.equal(view.status, 'withdrawn');
    assert.equal(view.tasks[0].status, 'cancelled');
    const again = await t.as.citizen1.post(`/api/applications/${c.caseNo}/withdraw`, { reason: '再撤一次' });
    assert.equal(again.statusCode, 409);
    assert.equal(problemOf(again).code, 'CASE_STATUS_CONFLICT');
  });

  it('does not accept a case with a reason (不予受理), which ends it', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, itemCode));
    const res = await t.as.clerk1.post(`/api/workbench/cases/${c.caseNo}/not-accept`, { reason: '不属于本事项受理范围' });
    assert.equal(res.statusCode, 200, res.body);
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.status, 'not_accepted');
    assert.equal(view.notAcceptedReason, '不属于本事项受理范围');
    assert.equal(view.tasks[0].status, 'cancelled');
    const late = await t.as.clerk1.post(`/api/workbench/cases/${c.caseNo}/accept`);
    assert.equal(problemOf(late).code, 'CASE_STATUS_CONFLICT');
  });
});
