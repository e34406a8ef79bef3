import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView, StaffCaseView } from '../../../contract/applications.js';
import { rows } from '../../db/client.js';
import { OFFICIAL_YEARS } from '../calendar/holidays-data.js';
import { escalateOverdueTasks, onCaseApproved, recomputeDueDates } from './index.js';
import {
  accept, applicationBody, apply, decide, drainApplicationJobs, pinClock, problemOf, publishItem, singleStage, startApplicationsApp, taskOf,
  type ApplicationsContext,
} from './test-fixtures.js';

const noticeKinds = async (t: ApplicationsContext, caseNo: string) =>
  (await rows<{ kind: string }>(t.db.orm, sql`SELECT payload->>'kind' AS kind FROM outbox WHERE topic = 'notify' AND payload->>'link' = ${`/me/cases/${caseNo}`} ORDER BY id`)).map((r) => r.kind);

describe('告知承诺制, 即办, overdue escalation and calendar changes', () => {
  let t: ApplicationsContext;
  let commitmentItem: string;
  let immediateItem: string;
  let ordinaryItem: string;
  before(async () => {
    t = await startApplicationsApp();
    commitmentItem = await publishItem(t, singleStage('wjw'), {
      commitment: { text: '本人承诺所填写信息及提供材料真实有效，如有不实，愿承担相应法律责任。', replacesMaterials: [0], postCheckDays: 20 },
    });
    immediateItem = await publishItem(t, singleStage('gaj', 0), { projectType: 'immediate', promisedLimitDays: 0 });
    ordinaryItem = await publishItem(t, singleStage('gaj', 3));
  });
  after(async () => t?.close());

  it('concludes a signed commitment at once, opens a post-check, and revokes the result when the commitment was false', async () => {
    const body = await applicationBody(t.as.citizen1, commitmentItem, { commitmentSigned: true, materials: [{ index: 1, fileIds: [], governmentHeld: true }] });
    const c = await apply(t.as.citizen1, body);
    assert.equal(c.status, 'concluded');
    assert.equal(c.result, 'approved');
    assert.equal(c.commitment, true);
    assert.deepEqual(c.tasks.map((k) => [k.kind, k.status, k.department.code]), [['post_check', 'open', 'wjw']]);

    const id = c.tasks[0].id;
    const wrongKind = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${id}/decision`, { decision: 'approve' });
    assert.equal(problemOf(wrongKind).code, 'TASK_KIND_MISMATCH');
    const inbox = (await t.as['reviewer.wjw'].get('/api/workbench/tasks')).json();
    assert.equal(inbox.items.find((k: { id: string }) => k.id === id).kind, 'post_check');
    const checked = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${id}/post-check`, { outcome: 'false_commitment', comment: '现场核查发现经营场所与承诺不符' });
    assert.equal(checked.statusCode, 200, checked.body);
    const after: StaffCaseView = checked.json();
    assert.equal(after.status, 'concluded');
    assert.equal(after.result, 'revoked');
    assert.ok(after.timeline.some((e) => e.action === 'commitment_revoked'));
    assert.deepEqual(await noticeKinds(t, c.caseNo), ['case.submitted', 'case.concluded', 'case.revoked']);
    const again = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${id}/post-check`, { outcome: 'confirmed', comment: '重复核查' });
    assert.equal(problemOf(again).code, 'TASK_ALREADY_DECIDED');
  });

  it('keeps an approved result when the post-check confirms the commitment', async () => {
    const c = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, commitmentItem, { commitmentSigned: true, materials: [{ index: 1, fileIds: [], governmentHeld: true }] }));
    const res = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${c.tasks[0].id}/post-check`, { outcome: 'confirmed', comment: '核查属实' });
    assert.equal(res.json().result, 'approved');
  });

  it('hands an approved e-licence case to the approval hooks in the concluding transaction', async () => {
    const seen: string[] = [];
    const off = onCaseApproved(async (_t, c) => { seen.push(c.case_no); });
    try {
      const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, ordinaryItem, { delivery: { mode: 'elicence' } }));
      await accept(t, c.caseNo);
      const done: StaffCaseView = await decide(t, 'gaj', await taskOf(t, c.caseNo, 'gaj'), { decision: 'approve' });
      assert.deepEqual(seen, [c.caseNo]);
      assert.equal(done.timeline.at(-1)!.action, 'elicence_pending');
    } finally {
      off();
    }
  });

  it('accepts an immediate item (即办) automatically, due the same day', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, immediateItem));
    assert.equal(c.status, 'in_review');
    assert.ok(c.acceptedAt);
    assert.equal(c.dueOn, '2026-03-02');
    assert.equal(c.tasks[0].status, 'open');
    assert.equal(c.deadline, 'amber');
  });

  it('escalates an overdue task to the department admin once, and shows it red in the inbox', async () => {
    const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, ordinaryItem));
    await accept(t, c.caseNo);
    const id = await taskOf(t, c.caseNo, 'gaj');
    assert.equal(await escalateOverdueTasks(t.db.orm), 0, 'nothing is overdue yet');
    pinClock('2026-03-10T02:00:00.000Z'); // the stage's 3 working days ended on 2026-03-05
    await t.reloginAll();
    // the immediate case of the previous test is overdue as well
    assert.equal(await escalateOverdueTasks(t.db.orm), 2);
    assert.equal(await escalateOverdueTasks(t.db.orm), 0, 'each task is escalated once');
    const overdue = (await t.as['reviewer.gaj'].get('/api/workbench/tasks?view=overdue')).json();
    const task = overdue.items.find((k: { id: string }) => k.id === id);
    assert.equal(task.deadline, 'red');
    assert.equal(task.escalated, true);
    assert.ok(task.workingDaysLeft < 0);
    assert.ok(overdue.counts.overdue >= 1);
    const admins = await rows<{ account: string }>(t.db.orm, sql`SELECT a.username AS account FROM outbox o JOIN accounts a ON a.id = (o.payload->>'accountId')::uuid
      WHERE o.topic = 'notify' AND o.payload->>'kind' = 'task.overdue'`);
    assert.deepEqual([...new Set(admins.map((a) => a.account))], ['admin.gaj']);
    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(view.deadline, 'red');
    pinClock('2026-03-02T02:00:00.000Z');
    await t.reloginAll();
  });

  it('moves the due dates of running cases and tasks when an operator changes the calendar', async () => {
    const c = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, ordinaryItem));
    await accept(t, c.caseNo);
    const before: CaseView = (await t.as.citizen2.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(before.dueOn, '2026-03-09');
    assert.equal(before.tasks[0].dueOn, '2026-03-05');
    const official = OFFICIAL_YEARS.find((y) => y.year === 2026)!;
    const res = await t.as.operator1.put('/api/calendar/years/2026', {
      source: official.source, confirmed: true,
      periods: [...official.periods, { name: '临时调整', from: '2026-03-04', to: '2026-03-06', makeupWorkdays: [] }],
    });
    assert.equal(res.statusCode, 200, res.body);
    let done = 0;
    for (let i = 0; i < 20 && done === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = (await drainApplicationJobs(t)).done;
    }
    assert.equal(done, 1, 'one recomputation job ran');
    const after: CaseView = (await t.as.citizen2.get(`/api/applications/${c.caseNo}`)).json();
    assert.equal(after.dueOn, '2026-03-12');
    assert.equal(after.tasks[0].dueOn, '2026-03-10');
    assert.equal(await recomputeDueDates(t.db.orm), 0, 'due dates that stay are not written again');
    const audited = await rows<{ target: string }>(t.db.orm, sql`SELECT target FROM audit_log WHERE stream = 'applications:due_dates' AND action = 'case.due_recomputed' ORDER BY seq`);
    assert.deepEqual(audited.map((a) => a.target), ['cases', 'case_tasks'], 'each batch of moved due dates is audited');
  });
});
