// Deadlines over time: overdue tasks are flagged and their department admins told (督办), and a
// change of the working-day calendar moves the due dates of every running case and task.
import { tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { now } from '../../platform/clock.js';
import { enqueue } from '../../platform/outbox.js';
import { calendarToday, getCalendar, onCalendarChanged } from '../calendar/index.js';
import { departmentNames } from '../catalog/index.js';
import { staffOfDepartment } from '../identity/index.js';
import { queueNotice } from '../notifications/index.js';
import { dueOf } from './clock.js';
import { SYSTEM_ACTOR } from './context.js';
import * as repo from './repo.js';
import { insertEvents } from './repo-events.js';
import * as tasks from './repo-tasks.js';
import { notices } from './texts.js';

export const RECOMPUTE_TOPIC = 'applications.recompute_due';
const BATCH = 200;

/** Flag open tasks past their due date and notify their departments' admins; returns how many. */
export async function escalateOverdueTasks(db: Executor): Promise<number> {
  const today = calendarToday();
  let escalated = 0;
  for (;;) {
    const overdue = await tasks.listOverdueUnescalated(db, today, BATCH);
    if (!overdue.length) return escalated;
    const names = await departmentNames(db, [...new Set(overdue.map((k) => k.department_code))]);
    for (const k of overdue) {
      const admins = await staffOfDepartment(db, k.department_code, 'dept_admin');
      const at = now();
      const done = await tx(db, async (t) => {
        const c = await repo.lockCaseById(t, k.case_id);
        if (!(await tasks.markEscalated(t, k.id, at))) return false;
        const departmentName = names.get(k.department_code) ?? k.department_code;
        for (const a of admins) await queueNotice(t, notices.overdue(a.accountId, { caseNo: c.case_no, taskName: k.name, dueOn: k.due_on!, departmentName }));
        await insertEvents(t, [{ caseId: c.id, at, action: 'escalated', actorAccountId: null, actorName: null, departmentCode: k.department_code, taskId: k.id, data: { taskName: k.name, dueOn: k.due_on } }]);
        await appendAudit(t, {
          stream: `case:${c.case_no}`, actorId: SYSTEM_ACTOR, action: 'case.task_escalated', target: c.case_no, regionCode: c.region_code,
          change: { taskId: k.id, dueOn: k.due_on, notified: admins.map((a) => a.accountId) },
        });
        return true;
      });
      if (done) escalated++;
    }
    if (overdue.length < BATCH) return escalated;
  }
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** The moved due dates of one batch and their audit entry, in one transaction. */
async function writeMoves(db: Executor, target: 'cases' | 'case_tasks', moves: { id: string; write: (t: Executor) => Promise<boolean>; dueOn: string }[]) {
  if (!moves.length) return 0;
  return tx(db, async (t) => {
    const moved: { id: string; dueOn: string }[] = [];
    for (const m of moves) if (await m.write(t)) moved.push({ id: m.id, dueOn: m.dueOn });
    if (moved.length) {
      await appendAudit(t, { stream: 'applications:due_dates', actorId: SYSTEM_ACTOR, action: 'case.due_recomputed', target, change: moved });
    }
    return moved.length;
  });
}

/**
 * Recompute due dates of running cases and tasks on the current calendar; returns how many moved.
 * Rows whose due date stays are not written; a row whose clock a command changed meanwhile keeps
 * the due date that command computed. Each batch is audited in its own transaction.
 */
export async function recomputeDueDates(db: Executor): Promise<number> {
  const cal = await getCalendar(db);
  let moved = 0;
  for (let after = FIRST_ID; ;) {
    const list = await repo.listRunningCases(db, after, BATCH);
    moved += await writeMoves(db, 'cases', list.flatMap((c) => {
      const { dueOn, dueProvisional } = dueOf(cal, c.started_on, c.limit_days, c.paused_days);
      if (dueOn === c.due_on && dueProvisional === c.due_provisional) return [];
      return [{ id: c.id, dueOn, write: (t: Executor) => repo.setCaseDue(t, c.id, c.paused_days, dueOn, dueProvisional) }];
    }));
    if (list.length < BATCH) break;
    after = list[list.length - 1].id;
  }
  for (let after = FIRST_ID; ;) {
    const list = await tasks.listRunningTasks(db, after, BATCH);
    moved += await writeMoves(db, 'case_tasks', list.flatMap((k) => {
      const due = dueOf(cal, k.opened_on, k.limit_days, k.paused_days);
      if (due.dueOn === k.due_on && due.dueProvisional === k.due_provisional) return [];
      return [{ id: k.id, dueOn: due.dueOn, write: (t: Executor) => tasks.setTaskDue(t, k.id, { openedOn: k.opened_on, pausedDays: k.paused_days }, due) }];
    }));
    if (list.length < BATCH) break;
    after = list[list.length - 1].id;
  }
  return moved;
}

/** On a calendar change in this process, queue the recomputation as a durable job. */
export function watchCalendar(db: Executor): () => void {
  return onCalendarChanged(async (change) => {
    await enqueue(db, { topic: RECOMPUTE_TOPIC, payload: { version: change.version }, key: `recompute-due:${change.version}:${now().getTime()}` });
  });
}
