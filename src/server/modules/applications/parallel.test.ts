import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseView, StaffCaseView } from '../../../contract/applications.js';
import { advanceClock } from '../../platform/clock.js';
import { getCalendar } from '../calendar/index.js';
import {
  accept, applicationBody, apply, decide, problemOf, publishItem, startApplicationsApp, taskOf, upload, type ApplicationsContext,
} from './test-fixtures.js';

const DAY = 86_400_000;

describe('parallel approval (并联审批), any-stages, 补正 and concurrent decisions', () => {
  let t: ApplicationsContext;
  let parallelItem: string;
  let anyItem: string;
  before(async () => {
    t = await startApplicationsApp();
    parallelItem = await publishItem(t, { stages: [
      { name: '并联审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'wjw', name: '出生医学证明核验' }, { departmentCode: 'gaj', name: '户口登记' }, { departmentCode: 'ybj', name: '医保参保' }] },
      { name: '制证', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'rsj', name: '社会保障卡申领' }] },
    ] });
    anyItem = await publishItem(t, { stages: [
      { name: '居住核验', rule: 'any', limitDays: 2, tasks: [{ departmentCode: 'gaj', name: '居住证信息核验' }, { departmentCode: 'scjg', name: '经营场所核验' }] },
      { name: '审核', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'cgj', name: '审核' }] },
    ] });
  });
  after(async () => t?.close());

  it('opens one task in each of three departments, waits for all three, then opens the next stage and concludes', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, parallelItem));
    const accepted: StaffCaseView = await accept(t, c.caseNo);
    const byDepartment = (v: CaseView) => Object.fromEntries(v.tasks.map((k) => [k.department.code, k.status]));
    assert.deepEqual(byDepartment(accepted), { gaj: 'open', wjw: 'open', ybj: 'open', rsj: 'pending' });
    assert.deepEqual(accepted.tasks.map((k) => k.stage), [1, 1, 1, 2]);
    assert.deepEqual(accepted.holders.map((h) => h.code).sort(), ['gaj', 'wjw', 'ybj']);

    await decide(t, 'wjw', await taskOf(t, c.caseNo, 'wjw'), { decision: 'approve' });
    const two: StaffCaseView = await decide(t, 'gaj', await taskOf(t, c.caseNo, 'gaj'), { decision: 'approve', comment: '同意落户' });
    assert.equal(two.status, 'in_review');
    assert.equal(two.tasks.find((k) => k.department.code === 'rsj')!.status, 'pending', 'the next stage waits for the third department');
    const three: StaffCaseView = await decide(t, 'ybj', await taskOf(t, c.caseNo, 'ybj'), { decision: 'approve' });
    assert.equal(three.tasks.find((k) => k.department.code === 'rsj')!.status, 'open');
    assert.deepEqual(three.holders.map((h) => h.code), ['rsj']);
    // the reviewer of the next department sees the other departments' opinions
    const staffView: StaffCaseView = (await t.as['reviewer.rsj'].get(`/api/workbench/cases/${c.caseNo}`)).json();
    assert.equal(staffView.tasks.find((k) => k.department.code === 'gaj')!.comment, '同意落户');
    assert.equal(staffView.myTasks.length, 1);
    assert.match(staffView.applicantIdMasked, /^\d{6}\*{8}\d{3}[\dX]$/);

    const done: StaffCaseView = await decide(t, 'rsj', await taskOf(t, c.caseNo, 'rsj'), { decision: 'approve' });
    assert.equal(done.status, 'concluded');
    assert.equal(done.result, 'approved');
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.timeline.at(-1)!.action, 'awaiting_pickup', JSON.stringify(view.timeline.map((e) => e.action)));
  });

  it('denies the whole case when one parallel department denies, cancelling the others', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, parallelItem));
    await accept(t, c.caseNo);
    const denied: StaffCaseView = await decide(t, 'gaj', await taskOf(t, c.caseNo, 'gaj'), { decision: 'deny', comment: '户籍信息不符' });
    assert.equal(denied.result, 'denied');
    assert.deepEqual(Object.fromEntries(denied.tasks.map((k) => [k.department.code, k.status])), { gaj: 'denied', wjw: 'cancelled', ybj: 'cancelled', rsj: 'cancelled' });
  });

  it('completes an "any" stage at the first approval and cancels the other department\'s task', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, anyItem));
    await accept(t, c.caseNo);
    const after: StaffCaseView = await decide(t, 'scjg', await taskOf(t, c.caseNo, 'scjg'), { decision: 'approve' });
    assert.deepEqual(Object.fromEntries(after.tasks.map((k) => [k.department.code, k.status])), { gaj: 'cancelled', scjg: 'approved', cgj: 'open' });
    const late = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${after.tasks.find((k) => k.department.code === 'gaj')!.id}/decision`, { decision: 'approve' });
    assert.equal(late.statusCode, 409);
    assert.equal(problemOf(late).code, 'TASK_ALREADY_DECIDED');
  });

  it('pauses the clock during 补正 and resumes it with the paused working days added; only the asking task reopens', async () => {
    const cal = await getCalendar(t.db.orm);
    const c = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, parallelItem));
    await accept(t, c.caseNo);
    await decide(t, 'wjw', await taskOf(t, c.caseNo, 'wjw'), { decision: 'approve' });
    const noComment = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${await taskOf(t, c.caseNo, 'gaj')}/decision`, { decision: 'return' });
    assert.equal(problemOf(noComment).code, 'COMMENT_REQUIRED');
    const returned: StaffCaseView = await decide(t, 'gaj', await taskOf(t, c.caseNo, 'gaj'), { decision: 'return', comment: '请补充清晰的证明材料', materials: [0], fields: ['purpose'] });
    assert.equal(returned.status, 'supplement');

    const pausedRes = await t.as.citizen2.get(`/api/applications/${c.caseNo}`);
    assert.equal(pausedRes.statusCode, 200, pausedRes.body);
    const paused: CaseView = pausedRes.json();
    assert.equal(paused.deadline, 'paused');
    assert.deepEqual(paused.actions, ['withdraw', 'supplement']);
    assert.deepEqual(paused.supplementRequests.map((s) => [s.comment, s.materials, s.fields]), [['请补充清晰的证明材料', [0], ['purpose']]]);
    const dueBefore = paused.dueOn!;
    const gajDueBefore = paused.tasks.find((k) => k.department.code === 'gaj')!.dueOn!;

    // a week later (5 working days in March 2026) the applicant supplements
    advanceClock(7 * DAY);
    await t.reloginAll();
    const citizen = t.as.citizen2;
    const incomplete = await citizen.post(`/api/applications/${c.caseNo}/supplements`, { materials: [] });
    assert.equal(incomplete.statusCode, 422);
    assert.deepEqual(problemOf(incomplete).errors!.map((e) => e.path).sort(), ['formData.purpose', 'materials.0']);
    const res = await citizen.post(`/api/applications/${c.caseNo}/supplements`, {
      formData: { purpose: '补正后的申请事由' }, materials: [{ index: 0, fileIds: [await upload(citizen)] }], note: '已补充',
    });
    assert.equal(res.statusCode, 200, res.body);
    const resumed: CaseView = res.json();
    assert.equal(resumed.status, 'in_review');
    assert.equal(resumed.deadline, 'normal');
    const pausedDays = cal.workingDaysBetween('2026-03-02', '2026-03-09');
    assert.equal(pausedDays, 5);
    assert.equal(resumed.dueOn, cal.addWorkingDays(dueBefore, pausedDays));
    const gaj = resumed.tasks.find((k) => k.department.code === 'gaj')!;
    assert.equal(gaj.status, 'open');
    assert.equal(gaj.dueOn, cal.addWorkingDays(gajDueBefore, pausedDays));
    assert.equal(resumed.tasks.find((k) => k.department.code === 'wjw')!.status, 'approved', 'a department that did not ask does not reopen');
    assert.equal(resumed.materials[0].files.length, 2);
    assert.equal(resumed.formData.purpose, '补正后的申请事由');
    assert.deepEqual(resumed.supplementRequests, []);
    await t.reloginAll();
  });

  it('lets exactly one of two concurrent decisions on one task win; the other gets a coded 409', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, anyItem));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    const reviewer = t.as['reviewer.gaj'];
    const [a, b] = await Promise.all([
      reviewer.post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' }),
      reviewer.post(`/api/workbench/tasks/${id}/decision`, { decision: 'deny', comment: '不予批准' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    assert.equal(problemOf(a.statusCode === 409 ? a : b).code, 'TASK_ALREADY_DECIDED');
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.timeline.filter((e) => e.action === 'task_approved' || e.action === 'task_denied').length, 1);
  });

  it('refuses a decision on a task claimed by someone else', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, anyItem));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    const claimed = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/claim`);
    assert.equal(claimed.statusCode, 200);
    const other = await t.relogin('admin.gaj');
    // a department admin does not decide at all
    assert.equal((await other.post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' })).statusCode, 403);
    const released = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/release`);
    assert.equal(released.json().assignee, null);
  });
});
