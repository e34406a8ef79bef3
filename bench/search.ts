// Catalogue search over 10,000 items at 16 concurrent clients, beside a trivial route measured
// in the same run on the same server (a separate process from the load generator).
import { spawn } from 'node:child_process';
import { searchCases } from '../src/server/db/seed/data/search-cases.js';
import { load, type LoadResult } from './lib.js';

interface Ready { url: string; indexSeconds: number; codes: string[] }

export interface SearchBenchOptions {
  items: number; connections: number; seconds: number;
  /** seconds of the search result cache; 0 (default) makes every search reach the database */
  cacheSeconds?: number;
  /** measure only the search phase */
  searchOnly?: boolean;
}

export async function benchSearch(kind: 'postgres' | 'pglite', opts: SearchBenchOptions) {
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_KIND: kind, BENCH_ITEMS: String(opts.items), SEARCH_CACHE_SECONDS: String(opts.cacheSeconds ?? 0) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line) as Ready);
    });
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}: ${out}`)));
  });
  const queries = searchCases.map((c) => `/api/catalog/items?q=${encodeURIComponent(c.query)}&pageSize=10`);
  const guides = ready.codes.map((c) => `/api/catalog/items/${c}`);
  const results: LoadResult[] = [];
  await load('warm-up', ready.url, queries, 4, 2);
  const cache = opts.cacheSeconds ? `${opts.cacheSeconds} s result cache` : 'no cache';
  if (!opts.searchOnly) results.push(await load(`${kind}: GET /healthz (trivial)`, ready.url, ['/healthz'], opts.connections, opts.seconds));
  results.push(await load(`${kind}: search, ${opts.items} items, ${cache}`, ready.url, queries, opts.connections, opts.seconds));
  if (!opts.searchOnly) results.push(await load(`${kind}: item guide page`, ready.url, guides, opts.connections, opts.seconds));
  server.removeAllListeners('exit');
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  return { results, indexSeconds: ready.indexSeconds };
}
