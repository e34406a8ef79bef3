// The applications benchmark server, in its own process (the load generator must not share its
// event loop): PostgreSQL schema BENCH_SCHEMA (made and dropped by the parent), the demo city
// (catalogue, forms, workflows, staff) plus BENCH_CITIZENS generated citizens, then listen.
// BENCH_WORKERS server processes (default: one per core, as TONGBAN_WORKERS=auto) share the port
// through the platform's own primary (src/server/platform/cluster.ts).
import cluster from 'node:cluster';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { runPrimary } from '../src/server/platform/cluster.js';
import { loadConfig } from '../src/server/config.js';
import { benchDatabaseUrl } from './lib.js';
import { connect } from '../src/server/db/client.js';
import { DEMO_PASSWORD } from '../src/server/db/seed/index.js';
import type { SeedPerson } from '../src/server/db/seed/data/types.js';
import { seedAccounts } from '../src/server/modules/identity/index.js';
import { idCheckChar } from '../src/server/platform/ids.js';

const schema = process.env.BENCH_SCHEMA!;
const citizens = Number(process.env.BENCH_CITIZENS ?? 64);
const config = loadConfig({
  DATABASE_URL: benchDatabaseUrl(),
  TONGBAN_DB_SCHEMA: schema, TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_FILE_STORAGE: 'memory', TONGBAN_DEMO: 'true',
  LOG_LEVEL: 'silent', TONGBAN_WEB_DIR: '/nonexistent', RATE_LIMIT_PER_MINUTE: '100000000',
  // the outbox worker delivers notices after the submission committed; BENCH_OUTBOX_WORKER=1 runs it here too
  OUTBOX_WORKER: process.env.BENCH_OUTBOX_WORKER === '1' ? 'true' : 'false',
}, { secretKey: 'b3'.repeat(32) });

/** Citizens bench0001…: valid ID numbers of the demo city (district 419902), distinct mobiles. */
export function benchPersons(n: number): SeedPerson[] {
  return Array.from({ length: n }, (_, i) => {
    const first17 = `419902${1970 + (i % 30)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
    const idNumber = first17 + idCheckChar(first17);
    return {
      username: `bench${String(i + 1).padStart(4, '0')}`, name: `测试市民${i + 1}`, idNumber,
      mobile: `137${String(i + 1).padStart(8, '0')}`, birthDate: `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`,
      sex: i % 2 ? 'F' : 'M', address: '青川市清源区人民路街道府前社区府前街12号',
    };
  });
}

// BENCH_TRACE_SQL=1: count the statements the server sends (printed on SIGTERM), to compare round trips with the raw path
const statements = new Map<string, number>();
const totals = new Map<string, number>();
if (process.env.BENCH_TRACE_SQL === '1') {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    if (text) {
      statements.set(text, (statements.get(text) ?? 0) + 1);
      totals.set(text, (totals.get(text) ?? 0) + 1);
    }
    return (query as any).apply(this, args);
  } as typeof query;
}

const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const seedCitizens = async (db: Awaited<ReturnType<typeof connect>>) =>
  seedAccounts(db, { people: benchPersons(citizens), enterprises: [], staff: [], departmentCodes: [], password: DEMO_PASSWORD, secretKey: config.secretKey });
const sqlTotals = () => [...totals].sort((a, b) => b[1] - a[1]).map(([text, n]) => [n, text.replace(/\s+/g, ' ').slice(0, 140)] as const);

// BENCH_PROFILE_DIR=dir (with BENCH_TRACE_SQL=1): a V8 CPU profile per phase and process,
// dir/phase-N[-pid].cpuprofile, cut at each SIGUSR2 the parent sends between phases
const profileDir = process.env.BENCH_PROFILE_DIR;
const inspector = profileDir && (workers === 1 || cluster.isWorker) ? new Session() : null;
let phase = 0;
const post = <T>(method: string) => new Promise<T>((resolve, reject) => inspector!.post(method, (err, res) => (err ? reject(err) : resolve(res as T))));
const cutProfile = async () => {
  if (!inspector) return;
  const { profile } = await post<{ profile: object }>('Profiler.stop');
  writeFileSync(`${profileDir}/phase-${++phase}${cluster.isWorker ? `-${process.pid}` : ''}.cpuprofile`, JSON.stringify(profile));
  await post('Profiler.start');
};
/** statements sent since the last call, and a profile cut */
const phaseStatements = () => {
  void cutProfile();
  let n = 0;
  for (const v of statements.values()) n += v;
  statements.clear();
  return n;
};

if (workers > 1 && cluster.isPrimary) {
  // SIGUSR2: ask every worker for its statements since the last SIGUSR2 and print their sum
  let asked: { waiting: number; sum: number } | null = null;
  cluster.on('message', (_worker, m: { statements?: number; totals?: [number, string][] }) => {
    if (m.totals) {
      for (const [n, text] of m.totals) totals.set(text, (totals.get(text) ?? 0) + n);
      return;
    }
    if (!asked || m.statements === undefined) return;
    asked.sum += m.statements;
    if (--asked.waiting === 0) {
      console.log(JSON.stringify({ statements: asked.sum }));
      asked = null;
    }
  });
  process.on('SIGUSR2', () => {
    const live = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    asked = { waiting: live.length, sum: 0 };
    for (const w of live) w!.send('statements');
  });
  process.stdin.resume();
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  const code = await runPrimary({
    // the workers share the raw baseline's number of connections (PG_POOL_MAX, 10) between them
    workers, env: { PG_POOL_MAX: String(Math.ceil(Number(process.env.PG_POOL_MAX ?? 10) / workers)) },
    drainMs: 5_000,
    prepare: async () => {
      const db = await connect(config);
      const app = await buildApp(config, { db, logger: false });
      await seedCitizens(db);
      await app.close();
      await db.close();
    },
    // the parent reads this line from stdout
    onListening: (port) => console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, secretKey: config.secretKey, workers })),
    log: (m) => console.error(m),
  });
  if (totals.size) console.error(JSON.stringify(sqlTotals()));
  process.exit(code);
}

const db = await connect(config);
const app = await buildApp(config, { db, logger: false });
if (cluster.isPrimary) await seedCitizens(db);
// port 0: every worker of a cluster gets the same free port
await app.listen({ port: 0, host: '127.0.0.1' });
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const shutdown = async () => {
  if (totals.size) {
    if (cluster.isWorker) await new Promise<void>((resolve) => process.send!({ totals: sqlTotals() }, () => resolve()));
    else console.error(JSON.stringify(sqlTotals()));
  }
  await app.close();
  await db.close();
  process.exit(0);
};
if (cluster.isWorker) {
  process.on('message', (m) => {
    if (m === 'statements') process.send!({ statements: phaseStatements() });
  });
  process.on('SIGTERM', () => void shutdown());
} else {
  // the parent reads this line from stdout
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, secretKey: config.secretKey, workers }));
  // the parent holds our stdin open: when it dies, so do we (it drops the schema when it can)
  process.stdin.resume();
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  // SIGUSR2: print the number of statements sent since the last SIGUSR2 (the parent's per-phase count)
  process.on('SIGUSR2', () => console.log(JSON.stringify({ statements: phaseStatements() })));
  process.on('SIGTERM', () => void shutdown());
}
