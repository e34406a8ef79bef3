// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// BENCH_SECONDS (default 10) sets each load phase; BENCH_DB=postgres|pglite limits the databases;
// BENCH_ONLY=search|coldstart|applications|exchange|licences runs one benchmark
// (`npm run bench:applications`, `npm run bench:exchange`, `npm run bench:licences`).
import { benchApplications } from './applications.js';
import { benchColdStart } from './coldstart.js';
import { benchLicences } from './licences.js';
import { runExchangeBench } from './exchange.js';
import { printTable } from './lib.js';
import { benchSearch } from './search.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const kinds = (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[];

const only = process.env.BENCH_ONLY;

const rows: Record<string, string | number>[] = [];
const runs = (name: string) => !only || only === name;
for (const kind of runs('search') ? kinds : []) {
  const { results, indexSeconds } = await benchSearch(kind, { items: 10_000, connections: 16, seconds });
  console.log(`${kind}: inserted and indexed 10,000 items in ${indexSeconds.toFixed(1)} s`);
  // the same queries with the platform's default result cache (SEARCH_CACHE_SECONDS=30)
  results.push(...(await benchSearch(kind, { items: 10_000, connections: 16, seconds, cacheSeconds: 30, searchOnly: true })).results);
  const trivial = results[0].rps;
  for (const r of results) {
    rows.push({ run: r.label, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, 'vs trivial': `${((r.rps / trivial) * 100).toFixed(0)} %`, errors: r.errors + r.non2xx });
  }
}
if (rows.length) printTable('Catalogue search, 16 concurrent clients (target: search p99 ≤ 20 ms on PostgreSQL)', rows);

if (runs('coldstart')) {
  const cold = await benchColdStart();
  printTable('Cold start of npm start, web app built (targets: ≤ 10 s empty, ≤ 3 s existing)', [
    { 'data directory': 'empty', seconds: cold.empty.toFixed(2) },
    { 'data directory': 'existing', seconds: cold.existing.toFixed(2) },
  ]);
}

if (kinds.includes('postgres') && runs('applications')) {
  // BENCH_CASES and BENCH_INBOX_OPEN scale the read phases down while developing
  await benchApplications({
    seconds, cases: Number(process.env.BENCH_CASES ?? 1_000_000), inboxOpen: Number(process.env.BENCH_INBOX_OPEN ?? 50_000),
    citizens: Number(process.env.BENCH_CITIZENS ?? 64),
  });
}
if (kinds.includes('postgres') && runs('exchange')) await runExchangeBench();
if (runs('licences')) await benchLicences(kinds, seconds);
process.exit(0);
