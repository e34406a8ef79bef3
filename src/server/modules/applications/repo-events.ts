// SQL of the case timeline (case_events): one row per command, read back in order.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.js';

export interface EventRow {
  id: string; case_id: string; at: Date | string; action: string; actor_account_id: string | null; actor_name: string | null;
  department_code: string | null; task_id: string | null; comment: string | null; data: Record<string, unknown> | null;
}

export interface NewEvent {
  caseId: string; at: Date; action: string; actorAccountId: string | null; actorName: string | null;
  departmentCode?: string | null; taskId?: string | null; comment?: string | null; data?: Record<string, unknown> | null;
}

/**
 * Append events to a case's timeline, in list order, so the timeline (ordered by id) reads as the
 * command wrote it.
 */
export async function insertEvents(t: Executor, events: NewEvent[]): Promise<void> {
  if (events.length) await rows(t, eventsInsert(events));
}

/** The INSERT of events, in list order, as one statement to run or to join others (withWrites). */
export function eventsInsert(events: NewEvent[]): SQL {
  const list = events.map((e) => ({
    case_id: e.caseId, at: e.at.toISOString(), action: e.action, actor_account_id: e.actorAccountId, actor_name: e.actorName,
    department_code: e.departmentCode ?? null, task_id: e.taskId ?? null, comment: e.comment ?? null, data: e.data ?? null,
  }));
  return sql`INSERT INTO case_events (case_id, at, action, actor_account_id, actor_name, department_code, task_id, comment, data)
    SELECT (e->>'case_id')::uuid, (e->>'at')::timestamptz, e->>'action', (e->>'actor_account_id')::uuid, e->>'actor_name',
      e->>'department_code', (e->>'task_id')::uuid, e->>'comment', CASE WHEN jsonb_typeof(e->'data') = 'object' THEN e->'data' END
    FROM jsonb_array_elements(${JSON.stringify(list)}::jsonb) WITH ORDINALITY AS x(e, n)
    ORDER BY n`;
}

/** Events as the timeline will read them back, for an answer built before they are written (the view shows no id). */
export const eventRowsOf = (events: NewEvent[]): Omit<EventRow, 'id'>[] => events.map((e) => ({
  case_id: e.caseId, at: e.at, action: e.action, actor_account_id: e.actorAccountId, actor_name: e.actorName,
  department_code: e.departmentCode ?? null, task_id: e.taskId ?? null, comment: e.comment ?? null,
  // as jsonb keeps it: an object, or nothing
  data: e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? JSON.parse(JSON.stringify(e.data)) : null,
}));

export const listEvents = (db: Executor, caseId: string) => rows<EventRow>(db, sql`
  SELECT id::text AS id, case_id, at, action, actor_account_id, actor_name, department_code, task_id, comment, data
  FROM case_events WHERE case_id = ${caseId} ORDER BY case_events.id`);

/** Whether the account accepted or refused the case (受理 / 不予受理): a window clerk keeps sight of it. */
export async function hasHandled(db: Executor, caseId: string, accountId: string): Promise<boolean> {
  const r = await rows(db, sql`SELECT 1 FROM case_events
    WHERE case_id = ${caseId} AND actor_account_id = ${accountId} AND action IN ('accepted', 'not_accepted') LIMIT 1`);
  return r.length > 0;
}
