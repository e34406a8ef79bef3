// The workflow engine: opening stages, settling a stage after a decision, pausing and resuming the
// clock, and concluding a case. Called by the commands inside their transaction, with the case row
// locked; it writes tasks and case rows and returns the timeline rows it produced.
import type { Executor } from '../../db/client.js';
import { enqueue } from '../../platform/outbox.js';
import { dueOf, pausedWorkingDays } from './clock.js';
import type { Clock, EventInput } from './context.js';
import * as repo from './repo.js';
import { insertPickup } from './repo-handover.js';
import * as tasks from './repo-tasks.js';
import { notices } from './texts.js';
import { nextStage, stageState, supersededTasks, tasksOfStage } from './workflow.js';
import { notifyApplicant } from './notify-applicant.js';

export const DELIVER_TOPIC = 'applications.deliver';

/** Called in the concluding transaction of every approved case whose result is an e-licence (issue 5 issues it here). */
export type ApprovalHook = (t: Executor, c: repo.CaseRow) => Promise<void>;
const approvalHooks = new Set<ApprovalHook>();
export function onCaseApproved(hook: ApprovalHook): () => void {
  approvalHooks.add(hook);
  return () => approvalHooks.delete(hook);
}


/** Open the pending review tasks of a stage, each with its own clock from today. */
export async function openStage(t: Executor, clock: Clock, c: repo.CaseRow, stage: number, at: Date): Promise<EventInput[]> {
  const list = tasksOfStage(await tasks.listTasksOfCase(t, c.id), stage).filter((k) => k.status === 'pending');
  for (const k of list) {
    await tasks.openTask(t, k.id, { openedOn: clock.today, openedAt: at, ...dueOf(clock.cal, clock.today, k.limit_days, 0) });
  }
  return list.map((k) => ({ action: 'task_opened', departmentCode: k.department_code, taskId: k.id, data: { taskName: k.name } }));
}

/**
 * The result reaches the applicant the way they chose: post (an outbox job ships it), window pick-up
 * (it joins the clerks' queue until one records the hand-over), or e-licence.
 */
async function deliverResult(t: Executor, c: repo.CaseRow, at: Date): Promise<EventInput[]> {
  if (c.delivery.mode === 'post') {
    await enqueue(t, { topic: DELIVER_TOPIC, payload: { caseNo: c.case_no }, key: `deliver:${c.case_no}` });
    return [];
  }
  if (c.delivery.mode === 'window') {
    await insertPickup(t, c, at);
    return [{ action: 'awaiting_pickup' }];
  }
  for (const hook of approvalHooks) await hook(t, c);
  return [{ action: 'elicence_pending' }];
}

/** Conclude the case: stop its clock, cancel what still waits, tell the applicant, deliver an approval. */
export async function conclude(t: Executor, c: repo.CaseRow, result: 'approved' | 'denied', at: Date): Promise<EventInput[]> {
  const cancelled = await tasks.cancelLiveTasks(t, c.id, at, 'post_check');
  await repo.updateCase(t, c.id, { status: 'concluded', result, concludedAt: at, pausedOn: null });
  await notifyApplicant(t, c, (ref) => notices.concluded(ref, result === 'approved'));
  const events: EventInput[] = cancelled.map((id) => ({ action: 'task_cancelled', taskId: id }));
  events.push({ action: 'concluded', departmentCode: c.department_code, data: { result } });
  if (result === 'approved') events.push(...(await deliverResult(t, c, at)));
  return events;
}

/**
 * The clock restarts: the working days spent paused are added to the case and to every task
 * still running, and their due dates move by as much.
 */
export async function resumeClock(t: Executor, clock: Clock, c: repo.CaseRow): Promise<number> {
  if (!c.paused_on) return 0;
  const days = pausedWorkingDays(clock.cal, c.paused_on, clock.today);
  const pausedDays = c.paused_days + days;
  await repo.updateCase(t, c.id, { status: 'in_review', pausedOn: null, pausedDays, ...dueOf(clock.cal, c.started_on, c.limit_days, pausedDays) });
  for (const k of await tasks.listTasksOfCase(t, c.id)) {
    if ((k.status !== 'open' && k.status !== 'returned') || !k.opened_on) continue;
    const taskPaused = k.paused_days + days;
    await tasks.setTaskClock(t, k.id, { pausedDays: taskPaused, ...dueOf(clock.cal, k.opened_on, k.limit_days, taskPaused) });
  }
  return days;
}

/**
 * After a review task was approved or denied: deny the case on a denial; when the task's stage is
 * complete, cancel what an "any" stage no longer needs and open the next stage, or approve the case.
 */
export async function settleStage(t: Executor, clock: Clock, caseId: string, stage: number, at: Date): Promise<EventInput[]> {
  const c = await repo.lockCaseById(t, caseId);
  const all = await tasks.listTasksOfCase(t, caseId);
  const state = stageState(tasksOfStage(all, stage));
  if (state === 'denied') return conclude(t, c, 'denied', at);
  if (state === 'waiting') return [];
  const events: EventInput[] = [];
  const superseded = supersededTasks(tasksOfStage(all, stage));
  await tasks.cancelTasks(t, superseded, at);
  events.push(...superseded.map((id) => ({ action: 'task_cancelled', taskId: id })));
  // a returned task made moot by the stage's completion no longer holds the clock
  const stillReturned = all.some((k) => k.status === 'returned' && !superseded.includes(k.id));
  if (c.status === 'supplement' && !stillReturned) await resumeClock(t, clock, c);
  const next = nextStage(all, stage);
  if (next === null) return [...events, ...(await conclude(t, await repo.lockCaseById(t, caseId), 'approved', at))];
  return [...events, ...(await openStage(t, clock, c, next, at))];
}
