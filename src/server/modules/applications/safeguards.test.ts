import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView } from '../../../contract/applications.js';
import { rows } from '../../db/client.js';
import { TEST_PASSWORD } from '../../test/accounts.js';
import { Client } from '../../test/harness.js';
import { seedAccounts } from '../identity/index.js';
import { escalateOverdueTasks } from './index.js';
import * as repo from './repo.js';
import * as tasks from './repo-tasks.js';
import {
  accept, applicationBody, apply, DEPARTMENTS, pinClock, problemOf, publishItem, singleStage, startApplicationsApp, taskOf, upload, type ApplicationsContext,
} from './test-fixtures.js';

/** How many rows of the case's timeline and notices a command wrote. */
async function tally(t: ApplicationsContext, caseNo: string) {
  const [r] = await rows<{ concluded: string | number; opened: string | number; notices: string | number }>(t.db.orm, sql`SELECT
      (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ${caseNo} AND e.action = 'concluded') AS concluded,
      (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ${caseNo} AND e.action = 'task_opened') AS opened,
      (SELECT count(*) FROM outbox WHERE topic = 'notify' AND payload->>'kind' = 'case.concluded' AND payload->>'link' LIKE ${'%' + caseNo}) AS notices`);
  return { concluded: Number(r.concluded), opened: Number(r.opened), notices: Number(r.notices) };
}

describe('safeguards: staff scope, concurrent stage completion, supplement requests', () => {
  let t: ApplicationsContext;
  let clerk2: Client;
  let single: string;
  let pair: string;
  let anyPair: string;

  before(async () => {
    t = await startApplicationsApp();
    await seedAccounts(t.db, {
      people: [], enterprises: [], departmentCodes: [...DEPARTMENTS], password: TEST_PASSWORD, secretKey: t.config.secretKey,
      staff: [{ username: 'clerk2', name: '吴静怡', mobile: '13800000299', departmentCode: null, roles: ['clerk'] }],
    });
    clerk2 = new Client(t.app);
    assert.equal((await clerk2.post('/api/auth/login', { login: 'clerk2', password: TEST_PASSWORD })).statusCode, 200);
    single = await publishItem(t, singleStage('gaj'));
    pair = await publishItem(t, { stages: [
      { name: '并联审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'gaj', name: '户口登记' }, { departmentCode: 'wjw', name: '出生医学证明核验' }] },
    ] });
    anyPair = await publishItem(t, { stages: [
      { name: '核验', rule: 'any', limitDays: 2, tasks: [{ departmentCode: 'gaj', name: '居住核验' }, { departmentCode: 'scjg', name: '场所核验' }] },
      { name: '审核', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'cgj', name: '审核' }] },
    ] });
  });
  after(async () => t?.close());

  it('shows any window clerk a case awaiting acceptance, and afterwards only the clerk who accepted it', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, single));
    assert.equal((await clerk2.get(`/api/workbench/cases/${c.caseNo}`)).statusCode, 200, '全市通办: any clerk may accept it');
    await accept(t, c.caseNo);
    const fileId = c.materials[0].files[0].id;
    for (const res of [
      await clerk2.get(`/api/workbench/cases/${c.caseNo}`),
      await clerk2.get(`/api/workbench/cases/${c.caseNo}/files/${fileId}`),
      await clerk2.post(`/api/workbench/cases/${c.caseNo}/accept`),
      await clerk2.post(`/api/workbench/cases/${c.caseNo}/not-accept`, { reason: '材料不符' }),
    ]) {
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(problemOf(res).code, 'CASE_NOT_FOUND');
    }
    assert.equal((await t.as.clerk1.get(`/api/workbench/cases/${c.caseNo}`)).statusCode, 200);
    assert.equal((await t.as.clerk1.get(`/api/workbench/cases/${c.caseNo}/files/${fileId}`)).statusCode, 200);
    assert.equal(problemOf(await t.as.clerk1.post(`/api/workbench/cases/${c.caseNo}/accept`)).code, 'CASE_STATUS_CONFLICT');
  });

  it('keeps a case filed at the counter (帮办代办) in sight of the clerk who filed it', async () => {
    const body = await applicationBody(clerk2, single, { onBehalfOf: { idNumber: '419921195308210046', authorisation: '申请人当面签署授权委托书' } });
    const c = await apply(clerk2, body);
    await accept(t, c.caseNo);
    assert.equal((await clerk2.get(`/api/workbench/cases/${c.caseNo}`)).statusCode, 200);
    assert.equal((await clerk2.get(`/api/applications/${c.caseNo}`)).statusCode, 200);
  });

  it('concludes an "all" stage exactly once when its last two tasks are approved at the same moment', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, pair));
    await accept(t, c.caseNo);
    const [gaj, wjw] = [await taskOf(t, c.caseNo, 'gaj'), await taskOf(t, c.caseNo, 'wjw')];
    const [a, b] = await Promise.all([
      t.as['reviewer.gaj'].post(`/api/workbench/tasks/${gaj}/decision`, { decision: 'approve' }),
      t.as['reviewer.wjw'].post(`/api/workbench/tasks/${wjw}/decision`, { decision: 'approve' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode], [200, 200], `${a.body} ${b.body}`);
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.status, 'concluded');
    assert.equal(view.result, 'approved');
    assert.deepEqual(await tally(t, c.caseNo), { concluded: 1, opened: 2, notices: 1 });
  });

  it('lets one of two simultaneous approvals of an "any" stage win, and opens the next stage once', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, anyPair));
    await accept(t, c.caseNo);
    const [gaj, scjg] = [await taskOf(t, c.caseNo, 'gaj'), await taskOf(t, c.caseNo, 'scjg')];
    const [a, b] = await Promise.all([
      t.as['reviewer.gaj'].post(`/api/workbench/tasks/${gaj}/decision`, { decision: 'approve' }),
      t.as['reviewer.scjg'].post(`/api/workbench/tasks/${scjg}/decision`, { decision: 'approve' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    assert.equal(problemOf(a.statusCode === 409 ? a : b).code, 'TASK_ALREADY_DECIDED');
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.deepEqual(view.tasks.map((k) => k.status).sort(), ['approved', 'cancelled', 'open']);
    assert.deepEqual(await tally(t, c.caseNo), { concluded: 0, opened: 3, notices: 0 });
  });

  it('refuses a return for 补正 that asks for a material or field the item does not have, and writes nothing', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, single));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    const res = await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'return', comment: '请补正', materials: [0, 9], fields: ['purpose', 'nickname'] });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(problemOf(res).code, 'SUPPLEMENT_REQUEST_INVALID');
    assert.deepEqual(problemOf(res).errors!.map((e) => e.path), ['materials.1', 'fields.1']);
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.status, 'in_review');
    assert.equal(view.tasks[0].status, 'open');
  });

  it('lets a supplement change only the fields a department asked for, never the verified name', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, single));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'return', comment: '请说明申请事由', fields: ['purpose'] });
    const res = await t.as.citizen1.post(`/api/applications/${c.caseNo}/supplements`, { formData: { purpose: '补正后的申请事由', applicantName: '张冒名' }, materials: [] });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(problemOf(res).code, 'FORM_INVALID');
    assert.deepEqual(problemOf(res).errors!.map((e) => [e.path, e.code]), [['formData.applicantName', 'FIELD_NOT_REQUESTED']]);
    const ok = await t.as.citizen1.post(`/api/applications/${c.caseNo}/supplements`, { formData: { purpose: '补正后的申请事由' }, materials: [] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().formData.applicantName, '李明华');
    assert.equal(ok.json().formData.purpose, '补正后的申请事由');
  });

  it('lets either a withdrawal or a simultaneous approval take effect, never both', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, single));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    const [withdrawn, approved] = await Promise.all([
      t.as.citizen1.post(`/api/applications/${c.caseNo}/withdraw`, { reason: '不再需要' }),
      t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' }),
    ]);
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    if (withdrawn.statusCode === 200) {
      assert.equal(problemOf(approved).code, 'TASK_ALREADY_DECIDED');
      assert.deepEqual([view.status, view.tasks[0].status], ['withdrawn', 'cancelled']);
    } else {
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(problemOf(withdrawn).code, 'CASE_STATUS_CONFLICT');
      assert.deepEqual([view.status, view.result, view.tasks[0].status], ['concluded', 'approved', 'approved']);
    }
    assert.equal(view.timeline.filter((e) => e.action === 'withdrawn' || e.action === 'concluded').length, 1);
  });

  // moves the clock: keep it last
  it('neither escalates nor shows red another department\'s open task during 补正, and a stale recomputation cannot undo the resumed clock', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, pair));
    await accept(t, c.caseNo);
    const wjw = await taskOf(t, c.caseNo, 'wjw');
    await t.as['reviewer.gaj'].post(`/api/workbench/tasks/${await taskOf(t, c.caseNo, 'gaj')}/decision`, { decision: 'return', comment: '请补充证明', materials: [0] });
    pinClock('2026-03-10T02:00:00.000Z'); // the stage's 2 working days ended on 2026-03-04
    await t.reloginAll();
    await escalateOverdueTasks(t.db.orm);
    const inbox = (await t.as['reviewer.wjw'].get('/api/workbench/tasks')).json();
    const task = inbox.items.find((k: { id: string }) => k.id === wjw);
    assert.equal(task.escalated, false, 'its due date moves on when the applicant supplements');
    assert.equal(task.deadline, 'paused');
    assert.equal(task.workingDaysLeft, 2);

    // a calendar recomputation that read the clocks before the supplement must not write its stale due dates over it
    const [stale] = await rows<{ id: string; paused_days: number }>(t.db.orm, sql`SELECT id, paused_days FROM cases WHERE case_no = ${c.caseNo}`);
    const [staleTask] = await rows<{ opened_on: string; paused_days: number }>(t.db.orm, sql`SELECT to_char(opened_on, 'YYYY-MM-DD') AS opened_on, paused_days FROM case_tasks WHERE id = ${wjw}`);
    const citizen = await t.relogin('citizen1');
    const res = await citizen.post(`/api/applications/${c.caseNo}/supplements`, { materials: [{ index: 0, fileIds: [await upload(citizen)] }] });
    assert.equal(res.statusCode, 200, res.body);
    const resumed: CaseView = res.json();
    assert.equal(await repo.setCaseDue(t.db.orm, stale.id, stale.paused_days, '2026-03-04', false), false);
    assert.equal(await tasks.setTaskDue(t.db.orm, wjw, { openedOn: staleTask.opened_on, pausedDays: staleTask.paused_days }, { dueOn: '2026-03-04', dueProvisional: false }), false);
    const after: CaseView = (await citizen.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(after.dueOn, resumed.dueOn);
    assert.equal(after.tasks.find((k) => k.id === wjw)!.dueOn, resumed.tasks.find((k) => k.id === wjw)!.dueOn);
    assert.notEqual(after.tasks.find((k) => k.id === wjw)!.dueOn, '2026-03-04');
  });
});
