// SQL of case tasks: the stage tasks of the workflow and post-checks (事后核查), and the department
// inbox over them. The inbox and its counts read one index range (department_code, status, due_on).
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, one, rows, type Executor } from '../../db/client.js';
import type { TaskStatus } from '../../../contract/applications.js';

export interface SupplementAsk { comment: string; materials: number[]; fields: string[]; requestedAt: string }

export interface TaskRow {
  id: string; case_id: string; region_code: string; item_code: string; kind: 'review' | 'post_check'; stage: number; stage_name: string;
  stage_rule: 'all' | 'any'; name: string; department_code: string; status: TaskStatus; assignee_account_id: string | null;
  assignee_name: string | null; opened_on: string | null; opened_at: Date | string | null; limit_days: number; paused_days: number;
  due_on: string | null; due_provisional: boolean; decided_at: Date | string | null; decided_by: string | null;
  decided_by_name: string | null; comment: string | null; supplement: SupplementAsk | null; escalated_at: Date | string | null; version: number;
}

const columns = (k: string) => `${k}id, ${k}case_id, ${k}region_code, ${k}item_code, ${k}kind, ${k}stage, ${k}stage_name, ${k}stage_rule,
  ${k}name, ${k}department_code, ${k}status, ${k}assignee_account_id, ${k}assignee_name, to_char(${k}opened_on, 'YYYY-MM-DD') AS opened_on,
  ${k}opened_at, ${k}limit_days, ${k}paused_days, to_char(${k}due_on, 'YYYY-MM-DD') AS due_on, ${k}due_provisional, ${k}decided_at,
  ${k}decided_by, ${k}decided_by_name, ${k}comment, ${k}supplement, ${k}escalated_at, ${k}version`;
export const TASK_COLUMNS = sql.raw(columns(''));
/** the same, for queries joining cases (tasks aliased k) */
const TASK_COLUMNS_K = sql.raw(columns('k.'));

export const findTask = (db: Executor, id: string) => one<TaskRow>(db, sql`SELECT ${TASK_COLUMNS} FROM case_tasks WHERE id = ${id}`);

export const listTasksOfCase = (db: Executor, caseId: string) =>
  rows<TaskRow>(db, sql`SELECT ${TASK_COLUMNS} FROM case_tasks WHERE case_id = ${caseId} ORDER BY stage, kind, name, id`);

/** Tasks of several cases at once (list pages). */
export const listTasksOfCases = (db: Executor, caseIds: string[]) => caseIds.length === 0 ? Promise.resolve([] as TaskRow[]) :
  rows<TaskRow>(db, sql`SELECT ${TASK_COLUMNS} FROM case_tasks
    WHERE case_id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::uuid) ORDER BY stage, name, id`);

export interface NewTask {
  caseId: string; regionCode: string; itemCode: string; kind: 'review' | 'post_check'; stage: number; stageName: string;
  stageRule: 'all' | 'any'; name: string; departmentCode: string; status: 'pending' | 'open'; limitDays: number;
  openedOn: string | null; openedAt: Date | null; dueOn: string | null; dueProvisional: boolean;
}

/** Insert a case's tasks. */
export async function insertTasks(t: Executor, tasks: NewTask[]): Promise<void> {
  if (tasks.length) await rows(t, tasksInsert(newTaskRows(tasks)));
}

/** New tasks as their rows will read: ids drawn here, every other column at its default. */
export const newTaskRows = (tasks: NewTask[]): TaskRow[] => tasks.map((k) => ({
  id: randomUUID(), case_id: k.caseId, region_code: k.regionCode, item_code: k.itemCode, kind: k.kind, stage: k.stage,
  stage_name: k.stageName, stage_rule: k.stageRule, name: k.name, department_code: k.departmentCode, status: k.status,
  assignee_account_id: null, assignee_name: null, opened_on: k.openedOn, opened_at: k.openedAt, limit_days: k.limitDays, paused_days: 0,
  due_on: k.dueOn, due_provisional: k.dueProvisional, decided_at: null, decided_by: null, decided_by_name: null, comment: null,
  supplement: null, escalated_at: null, version: 1,
}));

/** The INSERT of new task rows (newTaskRows), to run or to join other writes (withWrites). */
export function tasksInsert(tasks: TaskRow[]): SQL {
  const list = tasks.map((k) => ({
    id: k.id, case_id: k.case_id, region_code: k.region_code, item_code: k.item_code, kind: k.kind, stage: k.stage, stage_name: k.stage_name,
    stage_rule: k.stage_rule, name: k.name, department_code: k.department_code, status: k.status, limit_days: k.limit_days,
    opened_on: k.opened_on, opened_at: k.opened_at ? isoTimestamp(k.opened_at) : null, due_on: k.due_on, due_provisional: k.due_provisional,
  }));
  return sql`INSERT INTO case_tasks (id, case_id, region_code, item_code, kind, stage, stage_name,
      stage_rule, name, department_code, status, limit_days, opened_on, opened_at, due_on, due_provisional)
    SELECT id, case_id, region_code, item_code, kind, stage, stage_name, stage_rule, name, department_code, status, limit_days,
      opened_on, opened_at, due_on, due_provisional
    FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(id uuid, case_id uuid, region_code text, item_code text, kind text, stage int,
      stage_name text, stage_rule text, name text, department_code text, status text, limit_days int, opened_on date,
      opened_at timestamptz, due_on date, due_provisional boolean)`;
}

/** A case's tasks in the case page's order (ORDER BY stage, kind, name, id under the C collation), whoever read them. */
export const byTaskOrder = (a: TaskRow, b: TaskRow) =>
  a.stage - b.stage || cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.id, b.id);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Open a pending or returned task with a fresh clock. */
export async function openTask(t: Executor, id: string, v: { openedOn: string; openedAt: Date; dueOn: string; dueProvisional: boolean }) {
  await t.execute(sql`UPDATE case_tasks SET status = 'open', opened_on = ${v.openedOn}::date, opened_at = ${v.openedAt.toISOString()},
    due_on = ${v.dueOn}::date, due_provisional = ${v.dueProvisional}, version = version + 1 WHERE id = ${id}`);
}

/** Reopen a returned task after the applicant's supplement; its clock was moved on by resumeClock. */
export async function reopenTask(t: Executor, id: string): Promise<void> {
  await t.execute(sql`UPDATE case_tasks SET status = 'open', decided_at = NULL, decided_by = NULL, decided_by_name = NULL, comment = NULL,
    version = version + 1 WHERE id = ${id} AND status = 'returned'`);
}

export async function setTaskClock(t: Executor, id: string, v: { pausedDays: number; dueOn: string | null; dueProvisional: boolean }) {
  await t.execute(sql`UPDATE case_tasks SET paused_days = ${v.pausedDays}, due_on = ${v.dueOn}::date, due_provisional = ${v.dueProvisional}
    WHERE id = ${id}`);
}

export interface Decision {
  status: 'approved' | 'denied' | 'returned'; at: Date; by: string; byName: string; comment: string | null; supplement: SupplementAsk | null;
}

/**
 * Decide an open task, but only in the version the caller read: of two concurrent decisions the
 * second finds no row and loses. Returns whether this call decided it.
 */
export async function decideTask(t: Executor, id: string, version: number, d: Decision): Promise<boolean> {
  const r = await rows(t, sql`UPDATE case_tasks SET status = ${d.status}, decided_at = ${d.at.toISOString()}, decided_by = ${d.by},
      decided_by_name = ${d.byName}, comment = ${d.comment}, supplement = ${d.supplement ? JSON.stringify(d.supplement) : null}::jsonb,
      assignee_account_id = coalesce(assignee_account_id, ${d.by}), assignee_name = coalesce(assignee_name, ${d.byName}),
      version = version + 1
    WHERE id = ${id} AND status = 'open' AND version = ${version}
    RETURNING id`);
  return r.length === 1;
}

/** Claim (assignee) or release (null) an open task in the version read. */
export async function setAssignee(t: Executor, id: string, version: number, assignee: { id: string; name: string } | null): Promise<boolean> {
  const r = await rows(t, sql`UPDATE case_tasks SET assignee_account_id = ${assignee?.id ?? null}, assignee_name = ${assignee?.name ?? null},
      version = version + 1
    WHERE id = ${id} AND status = 'open' AND version = ${version} RETURNING id`);
  return r.length === 1;
}

/** Cancel every task of the case still waiting (pending, open or returned); returns the ids. */
export async function cancelLiveTasks(t: Executor, caseId: string, at: Date, exceptKind?: 'post_check'): Promise<string[]> {
  const r = await rows<{ id: string }>(t, sql`UPDATE case_tasks SET status = 'cancelled', decided_at = ${at.toISOString()}, version = version + 1
    WHERE case_id = ${caseId} AND status IN ('pending', 'open', 'returned') ${exceptKind ? sql`AND kind <> ${exceptKind}` : sql``}
    RETURNING id`);
  return r.map((x) => x.id);
}

export async function cancelTasks(t: Executor, ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await t.execute(sql`UPDATE case_tasks SET status = 'cancelled', decided_at = ${at.toISOString()}, version = version + 1
    WHERE id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`);
}

// ---- the department inbox ---------------------------------------------------------------------

export interface InboxRow extends TaskRow {
  case_no: string; item_name: string; applicant_name: string; applicant_kind: 'person' | 'enterprise'; case_status: string;
  /** the case's clock is paused (补正) since this date */
  case_paused_on: string | null;
  /** view `done` only: decided_at as PostgreSQL prints it, for the cursor */
  done_key?: string | null;
}

export type InboxView = 'open' | 'mine' | 'due_soon' | 'overdue' | 'done';

/** A task's place in its view's order: (due date, id), or for `done` (decided at, id); see inbox-cursor.ts. */
export interface InboxKey { key: string; id: string }

export interface InboxFilter {
  departments: string[]; view: InboxView; accountId: string; item?: string;
  /** today, and the last date counted as "due soon" (amber) */
  today: string; soonUntil: string;
}

/** `IN ($1, $2, …)`: a plain list, so one department is an equality the planner walks in index order */
export const inList = (values: string[]) => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

function inboxWhere(f: InboxFilter) {
  const depts = sql`k.department_code IN ${inList(f.departments)}`;
  const item = f.item ? sql`AND k.item_code = ${f.item}` : sql``;
  switch (f.view) {
    case 'mine': return sql`k.assignee_account_id = ${f.accountId} AND k.status = 'open' AND ${depts} ${item}`;
    case 'due_soon': return sql`${depts} AND k.status = 'open' AND k.due_on >= ${f.today}::date AND k.due_on <= ${f.soonUntil}::date ${item}`;
    case 'overdue': return sql`${depts} AND k.status = 'open' AND k.due_on < ${f.today}::date ${item}`;
    case 'done': return sql`k.decided_by = ${f.accountId} ${item}`;
    default: return sql`${depts} AND k.status = 'open' ${item}`;
  }
}

/**
 * A page of the view: `offset` rows skipped, or (keyset paging) the rows after the task `after`
 * names in the view's order. Open tasks always have a due date (every stage has a limit), so
 * (due_on, id) is a total order the index (department_code, status, due_on, id) walks as a range.
 * `done` rows carry their decided_at as text: the cursor keeps its microseconds.
 */
export function listInbox(db: Executor, f: InboxFilter, limit: number, offset: number, after?: InboxKey): Promise<InboxRow[]> {
  const done = f.view === 'done';
  const order = done ? sql`k.decided_at DESC, k.id` : sql`k.due_on, k.id`;
  const keyset = !after ? sql``
    : done ? sql`AND (k.decided_at < ${after.key}::timestamptz OR (k.decided_at = ${after.key}::timestamptz AND k.id > ${after.id}::uuid))`
    : sql`AND (k.due_on, k.id) > (${after.key}::date, ${after.id}::uuid)`;
  return rows<InboxRow>(db, sql`SELECT ${TASK_COLUMNS_K}, c.case_no, c.item_name, c.applicant_name, c.applicant_kind, c.status AS case_status,
      to_char(c.paused_on, 'YYYY-MM-DD') AS case_paused_on${done ? sql`, k.decided_at::text AS done_key` : sql``}
    FROM case_tasks k JOIN cases c ON c.id = k.case_id
    WHERE ${inboxWhere(f)} ${keyset} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`);
}

/** Where a listed task stands in its view's order (the next page's cursor starts after it). */
export const inboxKeyOf = (view: InboxView, k: InboxRow): InboxKey | null => {
  const key = view === 'done' ? k.done_key : k.due_on;
  return key ? { key, id: k.id } : null;
};

export async function countInbox(db: Executor, f: InboxFilter): Promise<number> {
  const r = await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM case_tasks k WHERE ${inboxWhere(f)}`);
  return Number(r?.n ?? 0);
}

/**
 * The four inbox badges: open, due soon and overdue summed from the per-(department, item, due date)
 * counters the case_tasks triggers keep (migration 0012, a few dozen rows whatever the backlog);
 * mine counted from the caller's own claimed tasks (index case_tasks_assignee_order).
 */
export async function inboxCounts(db: Executor, f: Omit<InboxFilter, 'view'>) {
  const r = await one<Record<string, string | number>>(db, sql`SELECT coalesce(sum(c.n), 0) AS open,
      coalesce(sum(c.n) FILTER (WHERE c.due_on >= ${f.today}::date AND c.due_on <= ${f.soonUntil}::date), 0) AS due_soon,
      coalesce(sum(c.n) FILTER (WHERE c.due_on < ${f.today}::date), 0) AS overdue,
      (SELECT count(*) FROM case_tasks k WHERE k.assignee_account_id = ${f.accountId} AND k.status = 'open'
        AND k.department_code IN ${inList(f.departments)} ${f.item ? sql`AND k.item_code = ${f.item}` : sql``}) AS mine
    FROM case_task_open_counts c
    WHERE c.department_code IN ${inList(f.departments)} ${f.item ? sql`AND c.item_code = ${f.item}` : sql``}`);
  return { open: Number(r?.open ?? 0), mine: Number(r?.mine ?? 0), dueSoon: Number(r?.due_soon ?? 0), overdue: Number(r?.overdue ?? 0) };
}

/**
 * Fold the counter rows of database backends that have ended into slot 0, and drop rows at zero.
 * Rows a live backend may be adding to are left alone (SKIP LOCKED and the pid check), so this
 * never waits on a request; the sums, and so the badges, are the same before and after.
 */
export async function compactInboxCounts(db: Executor): Promise<number> {
  const r = await rows<{ n: number }>(db, sql`WITH gone AS (
      DELETE FROM case_task_open_counts WHERE ctid IN (
        SELECT ctid FROM case_task_open_counts
        WHERE (slot <> 0 AND slot NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)) OR n = 0
        FOR UPDATE SKIP LOCKED)
      RETURNING department_code, item_code, due_on, n),
    folded AS (INSERT INTO case_task_open_counts AS c (department_code, item_code, due_on, slot, n)
      SELECT department_code, item_code, due_on, 0, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (department_code, item_code, due_on, slot) DO UPDATE SET n = c.n + excluded.n RETURNING 1)
    SELECT (SELECT count(*) FROM gone)::int AS n`);
  return r[0]?.n ?? 0;
}

// ---- deadlines ----------------------------------------------------------------------------------

/**
 * Open tasks past due and not yet escalated, with their case number, at most `limit`. Tasks of a
 * case paused for 补正 are not overdue: their due dates move on when the applicant supplements.
 */
export const listOverdueUnescalated = (db: Executor, today: string, limit: number) => rows<TaskRow & { case_no: string }>(db, sql`
  SELECT ${TASK_COLUMNS_K}, c.case_no FROM case_tasks k JOIN cases c ON c.id = k.case_id
  WHERE k.status = 'open' AND k.escalated_at IS NULL AND k.due_on < ${today}::date AND c.paused_on IS NULL
  ORDER BY k.due_on, k.id LIMIT ${limit}`);

/** Flag a task as escalated; false when someone else already did (or it was decided meanwhile). */
export async function markEscalated(t: Executor, id: string, at: Date): Promise<boolean> {
  const r = await rows(t, sql`UPDATE case_tasks SET escalated_at = ${at.toISOString()}
    WHERE id = ${id} AND status = 'open' AND escalated_at IS NULL RETURNING id`);
  return r.length === 1;
}

/** Set a running task's recomputed due date, unless its clock was moved or restarted since it was read: false then. */
export async function setTaskDue(t: Executor, id: string, read: { openedOn: string; pausedDays: number }, v: { dueOn: string; dueProvisional: boolean }) {
  const r = await rows(t, sql`UPDATE case_tasks SET due_on = ${v.dueOn}::date, due_provisional = ${v.dueProvisional}
    WHERE id = ${id} AND opened_on = ${read.openedOn}::date AND paused_days = ${read.pausedDays} AND status IN ('open', 'returned') RETURNING id`);
  return r.length === 1;
}

/** Tasks whose clock runs (open or returned), for a calendar change, in id order after `afterId`. */
export const listRunningTasks = (db: Executor, afterId: string, limit: number) => rows<{
  id: string; opened_on: string; limit_days: number; paused_days: number; due_on: string | null; due_provisional: boolean;
}>(db, sql`
  SELECT id, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, limit_days, paused_days, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_provisional
  FROM case_tasks
  WHERE status IN ('open', 'returned') AND id > ${afterId}::uuid AND opened_on IS NOT NULL
  ORDER BY id LIMIT ${limit}`);
