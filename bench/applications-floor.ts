// The floor under the read targets: the statements the case page and the inbox send, captured from
// the repo functions, served by a bare node:http server through `pg` (named prepared statements,
// as the platform runs them): no framework, no session, no access rule, no view building, the rows
// as JSON. It runs in as many processes as the platform's server, sharing the same number of
// connections, on the same port-0 cluster; whatever latency it shows under the same load generator
// no implementation that reads the database per request can beat on this machine.
//
// This file is both the parent's helper (startFloor) and, with BENCH_FLOOR_SERVER set, the server.
import { spawn, type ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import pg from 'pg';

export interface Captured { text: string; values: unknown[] }
/** What the floor serves: GET /case/:caseNo runs `casePage` with the case number as its only value; GET /inbox/:view runs that view's statements at once. */
export interface FloorQueries { casePage: string; inbox: Record<string, Captured[]> }

/** Start the floor server in its own processes; resolves with its URL. The caller kills it. */
export function startFloor(schema: string, workers: number, queries: FloorQueries, appName: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
    env: { ...process.env, BENCH_FLOOR_SERVER: '1', BENCH_SCHEMA: schema, BENCH_WORKERS: String(workers), BENCH_FLOOR_QUERIES: JSON.stringify(queries), PGAPPNAME: appName },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      const line = b.toString().split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return { child, ready };
}

async function serve() {
  const { benchDatabaseUrl } = await import('./lib.js');
  const queries = JSON.parse(process.env.BENCH_FLOOR_QUERIES!) as FloorQueries;
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  const pool = new pg.Pool({
    connectionString: benchDatabaseUrl(), max: Math.ceil(Number(process.env.PG_POOL_MAX ?? 10) / workers),
    // the platform's connection options (db/client.ts): no parallel workers for short reads
    options: `-c max_parallel_workers_per_gather=0 -c search_path=${process.env.BENCH_SCHEMA},public`,
  });
  const named = (name: string, text: string, values: unknown[]) => pool.query({ name: `floor_${name}`, text, values });
  const server = createServer((req, res) => {
    const [, kind, arg] = (req.url ?? '').split('/');
    const answer = kind === 'case'
      ? named('case', queries.casePage, [decodeURIComponent(arg)]).then((r) => r.rows[0])
      : Promise.all((queries.inbox[arg] ?? []).map((q, i) => named(`${arg}_${i}`, q.text, q.values).then((r) => r.rows)));
    answer.then((body) => {
      const json = JSON.stringify(body ?? null);
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
    }, (err: Error) => res.writeHead(500).end(err.message));
  });
  server.listen(0, '127.0.0.1', () => {
    // a single process announces itself; a cluster's primary announces the first worker listening
    if (cluster.isPrimary) console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
  });
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

if (process.env.BENCH_FLOOR_SERVER) {
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  if (workers > 1 && cluster.isPrimary) {
    let announced = false;
    cluster.on('listening', (_w, address) => {
      if (announced) return;
      announced = true;
      console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
    });
    for (let i = 0; i < workers; i++) cluster.fork();
    process.on('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      cluster.on('exit', () => { if (!Object.values(cluster.workers ?? {}).some((w) => w && !w.isDead())) process.exit(0); });
    });
  } else {
    await serve();
  }
  // the parent holds our stdin open: when it dies, so do we
  if (cluster.isPrimary) {
    process.stdin.resume();
    process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  }
}
