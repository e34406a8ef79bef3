// The applications benchmark server, in its own process (the load generator must not share its
// event loop): PostgreSQL schema BENCH_SCHEMA (made and dropped by the parent), the demo city
// (catalogue, forms, workflows, staff) plus BENCH_CITIZENS generated citizens, then listen.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
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

import cluster from 'node:cluster';
const nWorkers = Number(process.env.BENCH_WORKERS ?? 1);
if (cluster.isPrimary && nWorkers > 1) {
  const db0 = await connect(config);
  const app0 = await buildApp(config, { db: db0, logger: false });
  await seedAccounts(db0, { people: benchPersons(citizens), enterprises: [], staff: [], departmentCodes: [], password: DEMO_PASSWORD, secretKey: config.secretKey });
  await app0.close(); await db0.close();
  const port0 = 40000 + Math.floor(Math.random() * 10000);
  let up = 0;
  for (let i = 0; i < nWorkers; i++) cluster.fork({ BENCH_PORT: String(port0) }).on('listening', () => {
    if (++up === nWorkers) console.log(JSON.stringify({ url: `http://127.0.0.1:${port0}`, secretKey: config.secretKey }));
  });
  process.stdin.resume();
  process.stdin.on('end', () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill(); process.exit(0); });
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill(); process.exit(0); });
  process.on('SIGUSR2', () => console.log(JSON.stringify({ statements: 0 })));
  await new Promise(() => {});
}
const db = await connect(config);
const app = await buildApp(config, { db, logger: false });
if (!cluster.isWorker) await seedAccounts(db, { people: benchPersons(citizens), enterprises: [], staff: [], departmentCodes: [], password: DEMO_PASSWORD, secretKey: config.secretKey });
await app.listen({ port: Number(process.env.BENCH_PORT ?? 0), host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
if (cluster.isWorker) await new Promise(() => {});
// the parent reads this line from stdout
console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, secretKey: config.secretKey }));

// the parent holds our stdin open: when it dies, so do we (it drops the schema when it can)
process.stdin.resume();
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));

// BENCH_PROFILE_DIR=dir (with BENCH_TRACE_SQL=1): a V8 CPU profile per phase, dir/phase-N.cpuprofile,
// cut at each SIGUSR2 the parent sends between phases
const profileDir = process.env.BENCH_PROFILE_DIR;
const inspector = profileDir ? new Session() : null;
let phase = 0;
const post = <T>(method: string) => new Promise<T>((resolve, reject) => inspector!.post(method, (err, res) => (err ? reject(err) : resolve(res as T))));
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const cutProfile = async () => {
  if (!inspector) return;
  const { profile } = await post<{ profile: object }>('Profiler.stop');
  writeFileSync(`${profileDir}/phase-${++phase}.cpuprofile`, JSON.stringify(profile));
  await post('Profiler.start');
};

// SIGUSR2: print the number of statements sent since the last SIGUSR2 (the parent's per-phase count)
process.on('SIGUSR2', () => {
  void cutProfile();
  let n = 0;
  for (const v of statements.values()) n += v;
  statements.clear();
  console.log(JSON.stringify({ statements: n }));
});

process.on('SIGTERM', async () => {
  if (totals.size) {
    const list = [...totals].sort((a, b) => b[1] - a[1]);
    console.error(JSON.stringify(list.map(([text, n]) => [n, text.replace(/\s+/g, ' ').slice(0, 140)])));
  }
  await app.close();
  await db.close();
  process.exit(0);
});
