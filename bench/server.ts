// A benchmark server in its own process (so the load generator does not share its event loop):
// fresh database, the demo catalogue plus synthetic items up to BENCH_ITEMS, then listen.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { benchDatabaseUrl } from './lib.js';
import { connect } from '../src/server/db/client.js';
import { bulkInsertItems, generateItems, seedCatalog } from '../src/server/modules/catalog/index.js';
import { demoCatalog } from '../src/server/db/seed/index.js';

const kind = process.env.BENCH_KIND as 'postgres' | 'pglite';
const items = Number(process.env.BENCH_ITEMS ?? 10_000);
const schema = kind === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined;
const config = loadConfig({
  DATABASE_URL: kind === 'postgres' ? benchDatabaseUrl() : '',
  TONGBAN_DB_SCHEMA: schema, TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent',
  TONGBAN_WEB_DIR: '/nonexistent', RATE_LIMIT_PER_MINUTE: '100000000',
  SEARCH_CACHE_SECONDS: process.env.SEARCH_CACHE_SECONDS ?? '0',
}, { secretKey: 'b2'.repeat(32) });
const db = await connect(config);
const app = await buildApp(config, { db, logger: false });
const catalog = demoCatalog();
await seedCatalog(db, catalog);
const t0 = performance.now();
if (items > catalog.items.length) await bulkInsertItems(db, generateItems(items - catalog.items.length, 42));
const indexSeconds = (performance.now() - t0) / 1000;
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
// the parent reads this line from stdout
console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, indexSeconds, codes: catalog.items.slice(0, 50).map((i) => i.code) }));

process.on('SIGTERM', async () => {
  await app.close();
  if (schema) await db.orm.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
  await db.close();
  process.exit(0);
});
