// Issue 4 benchmark on PostgreSQL: submissions through the API beside the same writes through `pg`
// (16 and 64 clients), then 1,000,000 generated cases for the case page and a 50,000-task
// department inbox. A fresh bench_<random> schema, dropped at the end, on failure and on SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { ApplicationBody } from '../src/contract/applications.js';
import { seedItems } from '../src/server/db/seed/data/items/index.js';
import { DEMO_PASSWORD } from '../src/server/db/seed/index.js';
import { HELD_SOURCES } from '../src/server/modules/applications/held-materials.js';
import { generateCases, readerCases } from './applications-data.js';
import { startFloor } from './applications-floor.js';
import { caseReads, explainCasePage, explainInbox, floorCaseReads, floorInboxReads, floorQueries, inboxReads, trivialReads, type Plan } from './applications-read.js';
import { apiSubmit, login, rawSubmit, readTemplate, type Session } from './applications-submit.js';
import { benchDatabaseUrl, printTable, transportOf, type LoadResult } from './lib.js';

/**
 * 基本医疗保险关系转移接续 (医保局): both required materials are 免提交 and held where the data
 * exchange does not reach (居民身份证 checked at real-name verification, 医疗保障参保信息 not
 * connected), so a submission makes no exchange call and needs no upload: the API writes exactly
 * the rows of the raw transaction. (出生登记 fetches its 出生医学证明, 户籍 and 婚姻 records through
 * the exchange at submission, which generated citizens do not have and the raw baseline does not do.)
 */
const ITEM = '002049003000';
const ITEM_LABEL = '基本医疗保险关系转移接续 (1 department task, no exchange call, no upload)';
const submitBody = (): ApplicationBody => ({
  itemCode: ITEM, delivery: { mode: 'elicence' },
  formData: { applicantName: '测试市民', mobile: '13800000000', description: '由外省转入青川市，申请接续职工基本医疗保险关系和个人账户余额' },
  materials: [0, 1].map((index) => ({ index, fileIds: [], governmentHeld: true })),
});

/** Fail loudly when the item changes so that its submission would fetch a material through the exchange. */
function assertNoExchange() {
  const item = seedItems.find((i) => i.code === ITEM);
  if (!item) throw new Error(`item ${ITEM} is no longer in the demo catalogue`);
  const fetched = item.materials.filter((m) => m.governmentHeld && m.heldBy && HELD_SOURCES[m.heldBy]);
  if (fetched.length) throw new Error(`${ITEM}: ${fetched.map((m) => m.name).join('、')} would be fetched through the exchange; pick another item`);
}

const INBOX_DEPARTMENT = 'gaj';
const VIEWS = ['open', 'due_soon', 'overdue', 'mine'] as const;
const TARGETS = { ratio: 0.5, caseP99: 15, inboxP99: 20 };
/** the bench server's connections name themselves so (PGAPPNAME), to count their backends' CPU */
const BENCH_APP_NAME = `tongban-bench-${process.pid}`;
const FLOOR_APP_NAME = `${BENCH_APP_NAME}-floor`;

export interface ApplicationsBenchOptions {
  seconds: number;
  /** cases stored for the read phases (1,000,000) and open tasks of the inbox department (50,000) */
  cases: number; inboxOpen: number;
  citizens: number;
}

function startServer(schema: string, citizens: number): { child: ChildProcess; ready: Promise<{ url: string; workers: number }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./applications-server.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_SCHEMA: schema, BENCH_CITIZENS: String(citizens), PGAPPNAME: BENCH_APP_NAME }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<{ url: string; workers: number }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      for (const l of b.toString().split('\n')) if (l.startsWith('{"statements"')) statementWaiters.shift()?.((JSON.parse(l) as { statements: number }).statements);
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line) as { url: string; workers: number });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}: ${out}`)));
  });
  return { child, ready };
}

const row = (r: LoadResult & { cpuPerRequest?: string; pgCpuPerRequest?: string; machineBusy?: string }, extra: Record<string, string | number> = {}) => ({
  run: r.label, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, ...extra,
  ...(r.cpuPerRequest ? { 'process CPU ms/req': r.cpuPerRequest } : {}),
  ...(r.pgCpuPerRequest ? { 'its PostgreSQL backends CPU ms/req': r.pgCpuPerRequest } : {}),
  ...(r.machineBusy ? { 'machine busy': r.machineBusy } : {}),
  'errors/non-2xx': r.errors + r.non2xx,
});

/** CPU milliseconds (user + system) a process has used so far; Linux clock ticks of 10 ms. */
const cpuMsOf = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0; // the process ended meanwhile
  }
};

/** BENCH_TRACE_SQL=1: the statements the server sent since the last call (it answers SIGUSR2 on stdout). */
const statementWaiters: ((n: number) => void)[] = [];
let serverPid = 0;
/** CPU ms of a server: its process and, with several server processes, its workers (its children). */
const treeCpuMs = (pid: number) => {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch { /* the server ended */ }
  return children.reduce((sum, child) => sum + cpuMsOf(child), cpuMsOf(pid));
};
const serverCpuMs = () => treeCpuMs(serverPid);
/** a server's CPU with its workers; ours (the raw runs) without the servers we started */
const processCpuMs = (pid: number) => (pid === process.pid ? cpuMsOf(pid) : treeCpuMs(pid));
const statementsSent = () => process.env.BENCH_TRACE_SQL !== '1' || !serverPid ? Promise.resolve(NaN) : new Promise<number>((resolve) => {
  statementWaiters.push(resolve);
  process.kill(serverPid, 'SIGUSR2');
});

/** The PostgreSQL backends of the connections that named themselves so (application_name). */
const backendsNamed = async (pool: pg.Pool, name: string) =>
  (await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name])).rows.map((r) => r.pid);

/** CPU ms (user + system) of these processes, each by pid. */
const cpuByPid = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMsOf(pid)]));

/** The machine's busy and total CPU time (all cores), in clock ticks, from /proc/stat. */
const machineTicks = () => {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = t.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - t[3] - t[4], total };
};

/**
 * Run a load phase and add the CPU one process spent per request (the server's for API runs, ours
 * for raw ones), PostgreSQL's CPU per request, and how busy the whole machine was: together they
 * show whether a phase is bound by one process or by the machine.
 */
async function withCpu<T extends LoadResult>(pid: number, seconds: number, phase: () => Promise<T>, pool?: pg.Pool, appName = BENCH_APP_NAME): Promise<T & { cpuPerRequest: string; pgCpuPerRequest?: string; machineBusy: string }> {
  const before = processCpuMs(pid);
  const backends = pool ? cpuByPid(await backendsNamed(pool, appName)) : null;
  const ticks = machineTicks();
  const r = await phase();
  const requests = Math.max(1, r.rps * seconds);
  const after = machineTicks();
  // the backends alive at the end; one opened during the phase counts from zero (pools keep theirs open)
  const pgMs = backends ? [...cpuByPid(await backendsNamed(pool!, appName))].reduce((sum, [p, ms]) => sum + Math.max(0, ms - (backends.get(p) ?? 0)), 0) : NaN;
  return {
    ...r, cpuPerRequest: ((processCpuMs(pid) - before) / requests).toFixed(2),
    ...(backends ? { pgCpuPerRequest: (pgMs / requests).toFixed(2) } : {}),
    machineBusy: `${Math.round((100 * (after.busy - ticks.busy)) / Math.max(1, after.total - ticks.total))} %`,
  };
}

/**
 * `n` requests one after another: the server's CPU per request and, with BENCH_TRACE_SQL=1, its
 * statements per request. Unlike the load figures these hardly depend on what else the machine runs.
 */
async function probe(label: string, n: number, request: (i: number) => Promise<Response>): Promise<Record<string, string | number>> {
  await statementsSent();
  const before = serverCpuMs();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await request(i);
    await res.arrayBuffer();
    if (res.status >= 300) throw new Error(`${label}: ${res.status}`);
  }
  const wall = performance.now() - started;
  const cpu = serverCpuMs() - before;
  const statements = await statementsSent();
  return {
    run: label, requests: n, 'mean ms': (wall / n).toFixed(2), 'server CPU ms/req': (cpu / n).toFixed(2),
    'statements/req': Number.isNaN(statements) ? 'BENCH_TRACE_SQL=1' : (statements / n).toFixed(1),
  };
}

const count = async (pool: pg.Pool, text: string, values: unknown[] = []) => Number((await pool.query(text, values)).rows[0].n);

function printPlans(title: string, plans: (Plan & { view?: string })[], full: boolean) {
  printTable(title, plans.map((p) => ({
    ...(p.view ? { view: p.view } : {}), query: p.query.slice(0, 100) + (p.query.length > 100 ? '…' : ''),
    'custom plan ms': p.customMs, 'generic plan ms': p.genericMs, 'generic, no parallel workers': p.serialGenericMs,
  })));
  if (!full) return;
  // the costliest query, and the one whose prepared (generic) plan loses most against a custom plan
  const slowest = [...plans].sort((a, b) => b.customMs - a.customMs)[0];
  const worstGeneric = [...plans].sort((a, b) => (b.genericMs - b.customMs) - (a.genericMs - a.customMs))[0];
  for (const p of new Set([slowest, worstGeneric])) {
    console.log(`\n${p === slowest ? 'costliest query' : 'query whose generic plan is slowest against its custom plan'}` +
      `${p.view ? ` (view=${p.view})` : ''}:\n${p.query}\n\nEXPLAIN ANALYZE (custom plan):\n${p.plan}` +
      `\n\nEXPLAIN ANALYZE (generic plan of the prepared statement):\n${p.genericPlan}` +
      `\n\nEXPLAIN ANALYZE (the generic plan without parallel workers):\n${p.serialGenericPlan}`);
  }
}

export async function benchApplications(o: ApplicationsBenchOptions): Promise<void> {
  const connectionString = benchDatabaseUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  // the same pool size as the app (db/client.ts)
  const pool = new pg.Pool({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10), options: `-c search_path=${schema},public`, application_name: `${BENCH_APP_NAME}-raw` });
  pool.on('error', () => undefined);
  const server = startServer(schema, o.citizens);
  let floor: ReturnType<typeof startFloor> | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () => (cleaned ??= (async () => {
    floor?.child.kill('SIGKILL');
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      // a load still running keeps its connections busy and the close waiting: then no more waiting
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await pool.end().catch(() => undefined);
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping schema ${schema}`);
    void cleanup().finally(() => process.exit(130));
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, onSignal);
  try {
    const { url, workers } = await server.ready;
    serverPid = server.child.pid!;
    server.child.removeAllListeners('exit');
    console.log(`\napplications benchmark: schema ${schema}, server ${url} (${workers} server process${workers > 1 ? 'es' : ''}), PostgreSQL over ${transportOf(connectionString)}, pool ${pool.options.max}${workers > 1 ? ` shared by the server processes` : ""}, ${o.seconds} s per phase`);
    const citizens: Session[] = [];
    for (let i = 1; i <= o.citizens; i++) citizens.push(await login(url, `bench${String(i).padStart(4, '0')}`, DEMO_PASSWORD));
    const reviewer = await login(url, `reviewer.${INBOX_DEPARTMENT}`, DEMO_PASSWORD);

    // 1. submissions: one by hand first (fails loudly when the item or body no longer fits), its rows the raw template
    assertNoExchange();
    const body = submitBody();
    const exchangeCalls = () => count(pool, 'SELECT count(*) AS n FROM exchange_log');
    const callsBefore = await exchangeCalls();
    const first = await fetch(`${url}/api/applications`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', cookie: citizens[0].cookie, 'x-csrf-token': citizens[0].csrf, 'idempotency-key': `bench-first-${schema}` },
    });
    if (first.status !== 201) throw new Error(`a first submission failed: ${first.status} ${await first.text()}`);
    const template = await readTemplate(pool, ((await first.json()) as { caseNo: string }).caseNo);
    if (await exchangeCalls() !== callsBefore) throw new Error('the first submission called the data exchange: the raw baseline would not write the same rows');
    await apiSubmit(url, citizens, body, 4, 2);
    await rawSubmit(pool, template, citizens, 4, 1);
    const submitRows: Record<string, string | number>[] = [];
    const checks: Record<string, string | number>[] = [];
    for (const connections of [16, 64]) {
      const before = await count(pool, 'SELECT count(*) AS n FROM cases');
      const api = await withCpu(server.child.pid!, o.seconds, () => apiSubmit(url, citizens, body, connections, o.seconds), pool);
      const after = await count(pool, 'SELECT count(*) AS n FROM cases');
      const found = await count(pool, 'SELECT count(*) AS n FROM cases WHERE case_no = ANY($1)', [[...api.caseNos]]);
      const replays = await Promise.all([...api.byKey].slice(0, 20).map(async ([key, caseNo]) => {
        const s = api.sessionOf.get(key)!;
        const res = await fetch(`${url}/api/applications`, {
          method: 'POST', body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
        });
        return res.status === 201 && ((await res.json()) as { caseNo: string }).caseNo === caseNo && res.headers.get('idempotent-replayed') === 'true';
      }));
      const afterReplay = await count(pool, 'SELECT count(*) AS n FROM cases');
      const raw = await withCpu(process.pid, o.seconds, () => rawSubmit(pool, template, citizens, connections, o.seconds), pool, `${BENCH_APP_NAME}-raw`);
      submitRows.push(row(api, { 'API/raw': `${((api.rps / raw.rps) * 100).toFixed(0)} %` }), row(raw, { 'API/raw': '100 %' }));
      const ok = after - before === api.caseNos.size && found === api.caseNos.size && afterReplay === after && replays.every(Boolean);
      checks.push({
        clients: connections, '201s (of which after a retry)': `${api.caseNos.size} (${api.retried})`, 'cases written': after - before,
        '201 case numbers found': found, '20 replays: same case, none written': replays.every(Boolean) && afterReplay === after ? 'yes' : 'NO',
        verdict: ok ? 'no lost or duplicate writes' : 'MISMATCH',
      });
    }
    const probes = [await probe('POST /api/applications', 100, (i) => {
      const s = citizens[i % citizens.length];
      return fetch(`${url}/api/applications`, {
        method: 'POST', body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': `bench-probe-${schema}-${i}` },
      });
    })];
    printTable(`Submissions, ${ITEM_LABEL}: API vs the same rows through pg (target: API ≥ ${TARGETS.ratio * 100} % of raw)`, submitRows);
    printTable('Submissions: every 201 is one case, every case one 201 (requests cut off by the clock retried with their key)', checks);

    // 2. one million cases
    const accounts = new Map((await pool.query<{ username: string; id: string }>(
      `SELECT username, id FROM accounts WHERE username LIKE 'reviewer.%'`)).rows.map((r) => [r.username.slice('reviewer.'.length), r.id]));
    console.log(`\ngenerating ${o.cases.toLocaleString('en')} cases (${o.inboxOpen.toLocaleString('en')} open ${INBOX_DEPARTMENT} tasks):`);
    const gen = await generateCases(pool, {
      cases: o.cases, live: o.inboxOpen * 2, readers: citizens.map((c) => c.accountId), gajReviewer: reviewer.accountId,
      reviewers: Object.fromEntries(accounts),
    }, (s) => console.log(s));
    console.log(`generated in ${gen.seconds.toFixed(1)} s: ${gen.cases.toLocaleString('en')} cases, ${gen.tasks.toLocaleString('en')} tasks, ` +
      `${gen.events.toLocaleString('en')} timeline events; ${gen.gaj_open.toLocaleString('en')} open ${INBOX_DEPARTMENT} tasks`);

    // 3. the case page
    const owned = await readerCases(pool, citizens.map((c) => c.accountId), 50);
    const readers = citizens.map((session) => ({ session, caseNos: owned.get(session.accountId) ?? [] })).filter((r) => r.caseNos.length);
    await caseReads(url, readers, 8, 2);
    await trivialReads(url, 8, 2);
    const trivial = await withCpu(server.child.pid!, o.seconds, () => trivialReads(url, 64, o.seconds), pool);
    const page = await withCpu(server.child.pid!, o.seconds, () => caseReads(url, readers, 64, o.seconds), pool);
    // the floor: the same statements through a bare server in as many processes, sharing as many connections
    floor = startFloor(schema, workers, await floorQueries(pool, INBOX_DEPARTMENT, reviewer.accountId, VIEWS), FLOOR_APP_NAME);
    const floorUrl = await floor.ready;
    await floorCaseReads(floorUrl, readers, 8, 2);
    const floorPage = await withCpu(floor.child.pid!, o.seconds, () => floorCaseReads(floorUrl, readers, 64, o.seconds), pool, FLOOR_APP_NAME);
    probes.push(await probe('GET /api/applications/:caseNo', 200, (i) => {
      const r = readers[i % readers.length];
      return fetch(`${url}/api/applications/${r.caseNos[i % r.caseNos.length]}`, { headers: { cookie: r.session.cookie } });
    }));
    printTable(`Case page with ${gen.cases.toLocaleString('en')} cases stored, ${readers.length} citizens reading their own (target: p99 ≤ ${TARGETS.caseP99} ms)`,
      [row(trivial, { target: 'baseline' }), row(page, { target: page.p99 <= TARGETS.caseP99 ? 'met' : 'MISSED' }), row(floorPage, { target: 'floor' })]);
    printPlans('Case page queries, serially (EXPLAIN ANALYZE, TIMING OFF)', await explainCasePage(pool, readers[0].caseNos[0]), page.p99 > TARGETS.caseP99);

    // 4. the department inbox
    const inboxRows: Record<string, string | number>[] = [];
    const plans: (Plan & { view: string })[] = [];
    let missed = false;
    await inboxReads(url, reviewer, INBOX_DEPARTMENT, 'open', 8, 2);
    for (const view of VIEWS) {
      const r = await withCpu(server.child.pid!, o.seconds, () => inboxReads(url, reviewer, INBOX_DEPARTMENT, view, 64, o.seconds), pool);
      missed ||= r.p99 > TARGETS.inboxP99;
      inboxRows.push(row(r, { target: r.p99 <= TARGETS.inboxP99 ? 'met' : 'MISSED' }));
      inboxRows.push(row(await withCpu(floor.child.pid!, o.seconds, () => floorInboxReads(floorUrl, view, 64, o.seconds), pool, FLOOR_APP_NAME), { target: 'floor' }));
    }
    inboxRows.unshift(row(await withCpu(server.child.pid!, o.seconds, () => trivialReads(url, 64, o.seconds), pool), { target: 'baseline' }));
    for (const view of VIEWS) {
      probes.push(await probe(`GET /api/workbench/tasks?view=${view}`, 200, () =>
        fetch(`${url}/api/workbench/tasks?department=${INBOX_DEPARTMENT}&view=${view}`, { headers: { cookie: reviewer.cookie } })));
    }
    // deep in the backlog: page 1,000 by OFFSET against the same page by the cursor page 999 gave
    const inboxUrl = `${url}/api/workbench/tasks?department=${INBOX_DEPARTMENT}&view=open`;
    const page999 = await (await fetch(`${inboxUrl}&page=999`, { headers: { cookie: reviewer.cookie } })).json() as { nextCursor: string | null };
    if (page999.nextCursor) {
      probes.push(await probe('GET /api/workbench/tasks?view=open&page=1000 (OFFSET 19,980)', 100, () => fetch(`${inboxUrl}&page=1000`, { headers: { cookie: reviewer.cookie } })));
      probes.push(await probe('GET /api/workbench/tasks?view=open&after=… (the same page by its cursor)', 100, () => fetch(`${inboxUrl}&after=${page999.nextCursor}`, { headers: { cookie: reviewer.cookie } })));
    }
    printTable('Per request, 100–200 requests one after another (BENCH_TRACE_SQL=1 counts the statements)', probes);
    printTable(`Inbox of ${INBOX_DEPARTMENT} with ${gen.gaj_open.toLocaleString('en')} open tasks, as reviewer.${INBOX_DEPARTMENT} (target: p99 ≤ ${TARGETS.inboxP99} ms)`, inboxRows);
    for (const view of VIEWS) {
      plans.push(...(await explainInbox(pool, INBOX_DEPARTMENT, reviewer.accountId, view)).map((p) => ({ ...p, view })));
    }
    printPlans('Inbox queries, serially (EXPLAIN ANALYZE, TIMING OFF)', plans, missed);
  } finally {
    for (const s of signals) process.off(s, onSignal);
    await cleanup();
  }
}
