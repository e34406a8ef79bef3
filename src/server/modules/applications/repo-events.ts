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
 * command wrote it. With `returning`, the rows come back as listEvents reads them, in its order.
 * `riders`: INSERTs that read nothing and return nothing, run by the same statement as
 * data-modifying CTEs (one round trip instead of one each); they see neither these rows nor each other's.
 */
export async function insertEvents(t: Executor, events: NewEvent[], options: { returning?: boolean; riders?: SQL[] } = {}): Promise<EventRow[]> {
  const riders = options.riders ?? [];
  if (!events.length) {
    for (const r of riders) await rows(t, r);
    return [];
  }
  const list = events.map((e) => ({
    case_id: e.caseId, at: e.at.toISOString(), action: e.action, actor_account_id: e.actorAccountId, actor_name: e.actorName,
    department_code: e.departmentCode ?? null, task_id: e.taskId ?? null, comment: e.comment ?? null, data: e.data ?? null,
  }));
  const insert = sql`INSERT INTO case_events (case_id, at, action, actor_account_id, actor_name, department_code, task_id, comment, data)
    SELECT (e->>'case_id')::uuid, (e->>'at')::timestamptz, e->>'action', (e->>'actor_account_id')::uuid, e->>'actor_name',
      e->>'department_code', (e->>'task_id')::uuid, e->>'comment', CASE WHEN jsonb_typeof(e->'data') = 'object' THEN e->'data' END
    FROM jsonb_array_elements(${JSON.stringify(list)}::jsonb) WITH ORDINALITY AS x(e, n)
    ORDER BY n`;
  const ridden = sql.join(riders.map((r, i) => sql`${sql.raw(`rider${i}`)} AS (${r}), `));
  if (!options.returning) {
    await rows(t, riders.length ? sql`WITH ${ridden}written AS (${insert}) SELECT 1` : insert);
    return [];
  }
  const written = await rows<EventRow & { seq: string }>(t, sql`WITH ${ridden}written AS (${insert}
    RETURNING id AS seq, id::text AS id, case_id, at, action, actor_account_id, actor_name, department_code, task_id, comment, data)
    SELECT * FROM written ORDER BY seq`);
  return written.map(({ seq: _, ...e }) => e);
}

export const listEvents = (db: Executor, caseId: string) => rows<EventRow>(db, sql`
  SELECT id::text AS id, case_id, at, action, actor_account_id, actor_name, department_code, task_id, comment, data
  FROM case_events WHERE case_id = ${caseId} ORDER BY case_events.id`);

/** Whether the account accepted or refused the case (受理 / 不予受理): a window clerk keeps sight of it. */
export async function hasHandled(db: Executor, caseId: string, accountId: string): Promise<boolean> {
  const r = await rows(db, sql`SELECT 1 FROM case_events
    WHERE case_id = ${caseId} AND actor_account_id = ${accountId} AND action IN ('accepted', 'not_accepted') LIMIT 1`);
  return r.length > 0;
}
