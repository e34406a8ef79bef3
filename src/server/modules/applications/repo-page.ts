// SQL of the case page: the case, its tasks and its timeline in one statement (one round trip
// instead of three; the page is read far more often than anything else about a case).
import { sql } from 'drizzle-orm';
import { one, type Executor } from '../../db/client.js';
import { CASE_COLUMNS, type CaseRow } from './repo.js';
import { openRow } from './sealing.js';
import type { EventRow } from './repo-events.js';
import { TASK_COLUMNS, type TaskRow } from './repo-tasks.js';

export interface CasePage { c: CaseRow; tasks: TaskRow[]; events: EventRow[] }

/**
 * The case with its tasks (in listTasksOfCase's order) and events (in listEvents' order). Nested
 * rows come back through JSON: timestamps as ISO strings, which TaskRow and EventRow allow.
 */
export async function findCasePage(db: Executor, caseNo: string): Promise<CasePage | undefined> {
  const r = await one<CaseRow & { page_tasks: TaskRow[]; page_events: EventRow[] }>(db, sql`SELECT ${CASE_COLUMNS},
      (SELECT coalesce(json_agg(k ORDER BY k.stage, k.kind, k.name, k.id), '[]') FROM (SELECT ${TASK_COLUMNS} FROM case_tasks
        WHERE case_tasks.case_id = cases.id) k) AS page_tasks,
      (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]') FROM (SELECT case_events.id AS seq, case_events.id::text AS id, case_id, at,
        action, actor_account_id, actor_name, department_code, task_id, comment, data FROM case_events
        WHERE case_events.case_id = cases.id) e) AS page_events
    FROM cases WHERE case_no = ${caseNo}`);
  if (!r) return undefined;
  const { page_tasks: tasks, page_events: events, ...c } = r;
  return { c: openRow(c as CaseRow), tasks, events: events.map(({ seq: _, ...e }: EventRow & { seq?: unknown }) => e) };
}
