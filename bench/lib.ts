// Benchmark helpers: an HTTP load run with autocannon, and a table printer.
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';

const LOCAL_SOCKET = '/var/run/postgresql/.s.PGSQL.5432';

/**
 * The PostgreSQL server to measure on: DATABASE_URL when set; otherwise the local server through
 * its Unix socket, as a server on the same host should be reached (a loopback TCP round trip costs
 * both processes about twice the CPU here), or over TCP with BENCH_PG_TCP=1 or without a socket.
 */
export function benchDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return process.env.BENCH_PG_TCP !== '1' && existsSync(LOCAL_SOCKET)
    ? 'postgres://postgres@%2Fvar%2Frun%2Fpostgresql/test'
    : 'postgres://postgres@127.0.0.1:5432/test';
}

/** How the benchmark reaches PostgreSQL, for the report's header. */
export const transportOf = (url: string) => (/@(%2F|\/)/i.test(url) || url.includes('host=/') ? 'Unix socket' : 'TCP');

export interface LoadResult { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

/** Drive `paths` round-robin with `connections` clients for `seconds`. */
export async function load(label: string, baseUrl: string, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: baseUrl, connections, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return {
    label,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, rows: Record<string, string | number>[]) {
  console.log(`\n${title}`);
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => '| ' + cells.map((c, k) => c.padEnd(width[k])).join(' | ') + ' |';
  console.log(line(cols));
  console.log('| ' + width.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}
