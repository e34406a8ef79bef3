// The exchange's overhead: exchangeQuery (grant check, identity lookup, registry read, log insert)
// beside the same registry read without grant check or log, in one process on PostgreSQL, calls
// interleaved so both see the same machine. Target: ≤ 2 ms added at p50.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.js';
import { connect } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedEnterprises, seedPersons } from '../src/server/db/seed/data/people.js';
import { seedGrants, seedRegistryRecords } from '../src/server/db/seed/data/registries.js';
import { demoCatalog } from '../src/server/db/seed/index.js';
import { seedCatalog } from '../src/server/modules/catalog/index.js';
import { directRegistryRead } from '../src/server/modules/exchange/exchange.js';
import { exchangeQuery, seedExchange, type ExchangeRequest } from '../src/server/modules/exchange/index.js';
import { registerRegistry } from '../src/server/modules/exchange/provider.js';
import { seedAccounts } from '../src/server/modules/identity/index.js';
import { licenceLibraryProvider } from '../src/server/modules/licences/index.js';
import { benchDatabaseUrl, printTable } from './lib.js';

export interface ExchangeBenchResult { label: string; p50: number; p99: number; mean: number }

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (label: string, times: number[]): ExchangeBenchResult => {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { label, p50: round(quantile(sorted, 0.5)), p99: round(quantile(sorted, 0.99)), mean: round(times.reduce((a, b) => a + b, 0) / times.length) };
};

export async function benchExchange(o: { iterations: number }): Promise<ExchangeBenchResult[]> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: benchDatabaseUrl(), TONGBAN_DB_SCHEMA: schema,
    TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent',
  }, { secretKey: randomBytes(32).toString('hex') });
  const db = await connect(config);
  try {
    await migrate(db);
    await seedCatalog(db, demoCatalog());
    await seedAccounts(db, {
      people: seedPersons, enterprises: seedEnterprises, staff: [], departmentCodes: [], password: 'Bench@2026x', secretKey: config.secretKey,
    });
    // the e-licence library is a registry too (the seed's grants name it), as in the demo seed
    registerRegistry(licenceLibraryProvider(config.secretKey));
    await seedExchange(db, { secretKey: config.secretKey, records: seedRegistryRecords, grants: seedGrants });
    const subjects = seedPersons.filter((p) => seedRegistryRecords.some((r) => r.registry === 'population' && 'idNumber' in r.subject && r.subject.idNumber === p.idNumber));
    const fields = ['name', 'birthDate', 'householdAddress'];
    const request = (i: number, asked = fields): ExchangeRequest => ({
      consumerDepartment: 'gjj', purpose: { kind: 'case', caseNo: `QC2026${String(i).padStart(10, '0')}`, itemCode: '002026001000' },
      registry: 'population', subject: { idNumber: subjects[i % subjects.length].idNumber }, fields: asked,
      actor: { accountId: null, name: 'bench' },
    });
    const timed = async (fn: () => Promise<unknown>) => { const t0 = performance.now(); await fn(); return performance.now() - t0; };
    // for comparison only: one connection whose commits do not wait for the WAL flush
    process.env.PG_POOL_MAX = '1';
    const noFlush = await connect(config);
    delete process.env.PG_POOL_MAX;
    await noFlush.orm.execute(sql`SET synchronous_commit = off`);
    const direct: number[] = [];
    const exchange: number[] = [];
    const denied: number[] = [];
    const unflushed: number[] = [];
    const warmUp = Math.min(500, o.iterations);
    for (let i = 0; i < warmUp + o.iterations; i++) {
      const d = await timed(() => directRegistryRead(db.orm, 'population', request(i).subject, fields));
      const e = await timed(() => exchangeQuery(db.orm, request(i)));
      const n = await timed(() => exchangeQuery(db.orm, request(i, ['householdHead'])));
      const u = await timed(() => exchangeQuery(noFlush.orm, request(i)));
      if (i >= warmUp) { direct.push(d); exchange.push(e); denied.push(n); unflushed.push(u); }
    }
    await noFlush.close();
    const logRows = await db.orm.execute(sql`SELECT count(*)::int AS n FROM exchange_log`) as unknown as { rows: { n: number }[] };
    console.log(`exchange benchmark: schema ${schema}, ${o.iterations} calls each after ${warmUp} warm-up, ${logRows.rows[0].n} log rows written`);
    return [
      summary('direct registry read (no grant check, no log)', direct),
      summary('exchangeQuery, 3 fields granted', exchange),
      summary('exchangeQuery, denied (no registry read)', denied),
      summary('exchangeQuery, granted, log commit not waiting for the WAL flush (comparison only)', unflushed),
    ];
  } finally {
    await db.orm.execute(sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).catch(() => undefined);
    await db.close();
  }
}

export async function runExchangeBench(): Promise<void> {
  const results = await benchExchange({ iterations: Number(process.env.BENCH_EXCHANGE_CALLS ?? 5000) });
  const base = results[0].p50;
  printTable('Exchange overhead on PostgreSQL, in process, serial calls (target: ≤ 2 ms added at p50)', results.map((r) => ({
    run: r.label, 'p50 ms': r.p50, 'p99 ms': r.p99, 'mean ms': r.mean, 'added at p50 ms': (r.p50 - base).toFixed(3),
  })));
}
