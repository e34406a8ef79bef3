// Catalogue search over 10,000 items at 16 concurrent clients, beside a trivial route measured
// in the same run on the same server.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { connect } from '../src/server/db/client.js';
import { bulkInsertItems, generateItems, seedCatalog } from '../src/server/modules/catalog/index.js';
import { demoCatalog } from '../src/server/db/seed/index.js';
import { searchCases } from '../src/server/db/seed/data/search-cases.js';
import { load, type LoadResult } from './lib.js';

export async function benchSearch(kind: 'postgres' | 'pglite', opts: { items: number; connections: number; seconds: number }) {
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = kind === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const config = loadConfig({
    DATABASE_URL: kind === 'postgres' ? pgUrl : '', TONGBAN_DB_SCHEMA: schema, TONGBAN_EMBEDDED_STORAGE: 'memory',
    TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent', TONGBAN_WEB_DIR: '/nonexistent', RATE_LIMIT_PER_MINUTE: '100000000',
  }, { secretKey: 'b2'.repeat(32) });
  const db = await connect(config);
  const app = await buildApp(config, { db, logger: false });
  try {
    const catalog = demoCatalog();
    await seedCatalog(db, catalog);
    const extra = opts.items - catalog.items.length;
    const t0 = performance.now();
    if (extra > 0) await bulkInsertItems(db, generateItems(extra, 42));
    const indexSeconds = (performance.now() - t0) / 1000;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const queries = searchCases.filter((c) => c.expect).map((c) => `/api/catalog/items?q=${encodeURIComponent(c.query)}&pageSize=10`);
    // warm up caches and prepared plans
    await load('warm-up', url, queries, 4, 2);
    const results: LoadResult[] = [];
    results.push(await load(`${kind}: GET /healthz (trivial)`, url, ['/healthz'], opts.connections, opts.seconds));
    results.push(await load(`${kind}: search, ${opts.items} items`, url, queries, opts.connections, opts.seconds));
    results.push(await load(`${kind}: item guide page`, url, catalog.items.slice(0, 50).map((i) => `/api/catalog/items/${i.code}`), opts.connections, opts.seconds));
    return { results, indexSeconds };
  } finally {
    await app.close();
    if (schema) await db.orm.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
    await db.close();
  }
}
