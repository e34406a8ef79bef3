// Reads at scale: the applicant's case page (GET /api/applications/:caseNo, the reader owns the
// case) and a department inbox (GET /api/workbench/tasks), and EXPLAIN ANALYZE of the exact SQL
// the repo functions send (captured, not retyped), with the prepared statements' generic plan too.
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Executor } from '../src/server/db/client.js';
import { getCalendar, calendarToday } from '../src/server/modules/calendar/index.js';
import { soonUntil } from '../src/server/modules/applications/clock.js';
import * as caseRepo from '../src/server/modules/applications/repo.js';
import { listEvents } from '../src/server/modules/applications/repo-events.js';
import { countInbox, inboxCounts, listInbox, listTasksOfCase, type InboxView } from '../src/server/modules/applications/repo-tasks.js';
import type { LoadResult } from './lib.js';
import type { Session } from './applications-submit.js';

async function getLoad(label: string, url: string, connections: number, seconds: number, next: () => { path: string; cookie: string }): Promise<LoadResult> {
  const result = await autocannon({
    url, connections, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req: any) => { const n = next(); return { ...req, path: n.path, headers: { cookie: n.cookie } }; } }],
  } as any);
  return { label, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/**
 * The floor under every read target: GET /healthz (no session, no database, a 16-byte answer) on
 * the same server at the same concurrency, in the same run.
 */
export function trivialReads(url: string, connections: number, seconds: number) {
  return getLoad(`GET /healthz (trivial route, no database), ${connections} clients`, url, connections, seconds, () => ({ path: '/healthz', cookie: '' }));
}

/** Each reader reads random cases of their own, readers in rotation. */
export function caseReads(url: string, readers: { session: Session; caseNos: string[] }[], connections: number, seconds: number) {
  let n = 0;
  return getLoad(`GET /api/applications/:caseNo (case page), ${connections} clients`, url, connections, seconds, () => {
    const r = readers[n++ % readers.length];
    return { path: `/api/applications/${r.caseNos[Math.floor(Math.random() * r.caseNos.length)]}`, cookie: r.session.cookie };
  });
}

export function inboxReads(url: string, reviewer: Session, department: string, view: InboxView, connections: number, seconds: number, page = 1) {
  const path = `/api/workbench/tasks?department=${department}&view=${view}${page > 1 ? `&page=${page}` : ''}`;
  return getLoad(`GET /api/workbench/tasks?view=${view}${page > 1 ? ` page ${page}` : ''}, ${connections} clients`, url, connections, seconds,
    () => ({ path, cookie: reviewer.cookie }));
}

interface Captured { text: string; values: unknown[] }

/** Run repo functions against a recorder: the SQL text and parameters they would send. */
async function capture(call: (db: Executor) => Promise<unknown>): Promise<Captured[]> {
  const queries: Captured[] = [];
  const client = Object.create(pg.Pool.prototype) as pg.Pool;
  (client as any).query = async (q: { text: string; values: unknown[] }) => { queries.push({ text: q.text, values: q.values }); return { rows: [] }; };
  await call({ session: { client } } as unknown as Executor);
  return queries;
}

export interface Plan { query: string; customMs: number; genericMs: number; serialGenericMs: number; plan: string; genericPlan: string; serialGenericPlan: string }

/**
 * EXPLAIN ANALYZE with the values as parameters (a custom plan) and of the prepared statement forced
 * generic (what a named statement may switch to after five executions). The times come from runs
 * with TIMING OFF, which do not pay a clock read per row; the plans shown are timed.
 */
async function explain(pool: pg.Pool, q: Captured): Promise<Plan> {
  const c = await pool.connect();
  const lines = async (text: string, values?: unknown[]) => (await c.query(text, values)).rows.map((r) => r['QUERY PLAN'] as string);
  const ms = (plan: string[]) => Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
  try {
    const custom = await lines(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
    const customMs = ms(await lines(`EXPLAIN (ANALYZE, TIMING OFF) ${q.text}`, q.values));
    await c.query(`PREPARE bench_explain AS ${q.text}`);
    await c.query('SET plan_cache_mode = force_generic_plan');
    const args = q.values.map((v) => (v === null ? 'NULL' : c.escapeLiteral(String(v)))).join(', ');
    const generic = await lines(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_explain(${args})`);
    const genericMs = ms(await lines(`EXPLAIN (ANALYZE, TIMING OFF) EXECUTE bench_explain(${args})`));
    // the same generic plan without parallel workers (their start-up dwarfs a 20-row page)
    // (prepared again: a cached generic plan would keep its workers)
    await c.query(`SET max_parallel_workers_per_gather = 0; DEALLOCATE bench_explain`);
    await c.query(`PREPARE bench_explain AS ${q.text}`);
    const serialGenericMs = ms(await lines(`EXPLAIN (ANALYZE, TIMING OFF) EXECUTE bench_explain(${args})`));
    const serialGeneric = await lines(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_explain(${args})`);
    await c.query('DEALLOCATE bench_explain; RESET plan_cache_mode; RESET max_parallel_workers_per_gather');
    return { query: q.text.replace(/\s+/g, ' ').trim(), customMs, genericMs, serialGenericMs, plan: custom.join('\n'), genericPlan: generic.join('\n'),
      serialGenericPlan: serialGeneric.join('\n') };
  } finally {
    c.release();
  }
}

/** The inbox's three queries for a view, as the service builds them for `accountId`. */
export async function explainInbox(pool: pg.Pool, department: string, accountId: string, view: InboxView): Promise<Plan[]> {
  const cal = await getCalendar(drizzle(pool) as unknown as Executor);
  const today = calendarToday();
  const base = { departments: [department], accountId, today, soonUntil: soonUntil(cal, today) };
  const queries = await capture(async (db) => {
    await listInbox(db, { ...base, view }, 20, 0);
    await countInbox(db, { ...base, view });
    await inboxCounts(db, base);
  });
  const plans: Plan[] = [];
  for (const q of queries) plans.push(await explain(pool, q));
  return plans;
}

/** The case page's reads for one case. */
export async function explainCasePage(pool: pg.Pool, caseNo: string): Promise<Plan[]> {
  const { rows: [c] } = await pool.query<{ id: string }>('SELECT id FROM cases WHERE case_no = $1', [caseNo]);
  const queries = await capture(async (db) => {
    await caseRepo.findCaseByNo(db, caseNo);
    await listTasksOfCase(db, c.id);
    await listEvents(db, c.id);
  });
  const plans: Plan[] = [];
  for (const q of queries) plans.push(await explain(pool, q));
  return plans;
}
