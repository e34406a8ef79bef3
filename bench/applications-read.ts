// Reads at scale: the applicant's case page (GET /api/applications/:caseNo, the reader owns the
// case) and a department inbox (GET /api/workbench/tasks), and EXPLAIN ANALYZE of the exact SQL
// the repo functions send (captured, not retyped), with the prepared statements' generic plan too.
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Executor } from '../src/server/db/client.js';
import { getCalendar, calendarToday } from '../src/server/modules/calendar/index.js';
import { soonUntil } from '../src/server/modules/applications/clock.js';
import { findCasePage } from '../src/server/modules/applications/repo-page.js';
import { countInbox, inboxCounts, listInbox, type InboxView } from '../src/server/modules/applications/repo-tasks.js';
import type { Captured, FloorQueries } from './applications-floor.js';
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

/** Each reader reads random cases of their own, readers in rotation, at `pathOf(caseNo)`. */
function ownCaseReads(label: string, url: string, readers: { session?: Session; caseNos: string[] }[], connections: number, seconds: number,
  pathOf: (caseNo: string) => string) {
  let n = 0;
  return getLoad(label, url, connections, seconds, () => {
    const r = readers[n++ % readers.length];
    return { path: pathOf(r.caseNos[Math.floor(Math.random() * r.caseNos.length)]), cookie: r.session?.cookie ?? '' };
  });
}

export const caseReads = (url: string, readers: { session: Session; caseNos: string[] }[], connections: number, seconds: number) =>
  ownCaseReads(`GET /api/applications/:caseNo (case page), ${connections} clients`, url, readers, connections, seconds, (no) => `/api/applications/${no}`);

export function inboxReads(url: string, reviewer: Session, department: string, view: InboxView, connections: number, seconds: number, page = 1) {
  const path = `/api/workbench/tasks?department=${department}&view=${view}${page > 1 ? `&page=${page}` : ''}`;
  return getLoad(`GET /api/workbench/tasks?view=${view}${page > 1 ? ` page ${page}` : ''}, ${connections} clients`, url, connections, seconds,
    () => ({ path, cookie: reviewer.cookie }));
}


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

/** The statements the inbox sends for a view's first page, as the service builds them for `accountId` (with the count `done` adds). */
async function inboxStatements(pool: pg.Pool, department: string, accountId: string, view: InboxView, withCount: boolean): Promise<Captured[]> {
  const cal = await getCalendar(drizzle(pool) as unknown as Executor);
  const today = calendarToday();
  const base = { departments: [department], accountId, today, soonUntil: soonUntil(cal, today) };
  return capture(async (db) => {
    await listInbox(db, { ...base, view }, 20, 0);
    if (withCount) await countInbox(db, { ...base, view });
    await inboxCounts(db, base);
  });
}

/** The inbox's three queries for a view (the count as `done` runs it, to see its plan). */
export async function explainInbox(pool: pg.Pool, department: string, accountId: string, view: InboxView): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const q of await inboxStatements(pool, department, accountId, view, true)) plans.push(await explain(pool, q));
  return plans;
}

/** What the floor server (applications-floor.ts) runs: the case page's statement and each view's inbox statements. */
export async function floorQueries(pool: pg.Pool, department: string, accountId: string, views: readonly InboxView[]): Promise<FloorQueries> {
  const [page] = await capture((db) => findCasePage(db, 'CASE_NO'));
  if (page.values.length !== 1 || page.values[0] !== 'CASE_NO') throw new Error('the case page statement no longer takes the case number as its only value');
  const inbox: FloorQueries['inbox'] = {};
  for (const view of views) inbox[view] = await inboxStatements(pool, department, accountId, view, false);
  return { casePage: page.text, inbox };
}

/** GET /case/:caseNo on the floor server, the same cases in the same rotation as caseReads, without a session. */
export const floorCaseReads = (url: string, readers: { caseNos: string[] }[], connections: number, seconds: number) =>
  ownCaseReads(`floor: the same statement, bare node:http + pg, ${connections} clients`, url, readers.map(({ caseNos }) => ({ caseNos })), connections, seconds,
    (no) => `/case/${no}`);

export function floorInboxReads(url: string, view: InboxView, connections: number, seconds: number) {
  return getLoad(`floor: view=${view}'s statements, bare node:http + pg, ${connections} clients`, url, connections, seconds, () => ({ path: `/inbox/${view}`, cookie: '' }));
}

/** The case page's statement for one case. */
export async function explainCasePage(pool: pg.Pool, caseNo: string): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const q of await capture((db) => findCasePage(db, caseNo))) plans.push(await explain(pool, q));
  return plans;
}
