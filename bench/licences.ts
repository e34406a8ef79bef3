// E-licence verification throughput (target ≥ 1,000 verifications/s on 2 cores): SM2 checks of stored
// licences in process (platform/sm2.ts alone, beside sm-crypto 0.5.8 as it was; then through the service,
// each one computed, and with the verdict memo warm), and the public verify endpoint under autocannon
// against a server in its own process (this file, BENCH_LICENCE_SERVER=1): a first pass asking for every
// licence exactly once (nothing memoised yet), then the steady state.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import smCrypto from 'sm-crypto';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { connect, tx } from '../src/server/db/client.js';
import { demoCatalog } from '../src/server/db/seed/index.js';
import { seedCatalog } from '../src/server/modules/catalog/index.js';
import { licenceType } from '../src/server/modules/licences/types.js';
import { writeLicence } from '../src/server/modules/licences/service-issue.js';
import { findLicence } from '../src/server/modules/licences/repo.js';
import { cipherFor } from '../src/server/platform/crypto.js';
import { publicKeyOf } from '../src/server/modules/licences/keys.js';
import { signedRecord } from '../src/server/modules/licences/record.js';
import { signatureHolds } from '../src/server/modules/licences/service.js';
import { SM2_USER_ID, sm2Verify } from '../src/server/platform/sm2.js';
import { benchDatabaseUrl, load, printTable, type LoadResult } from './lib.js';

const SECRET = 'c3'.repeat(32);

async function startServer(kind: 'postgres' | 'pglite', licences: number) {
  const schema = kind === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const config = loadConfig({
    DATABASE_URL: kind === 'postgres' ? benchDatabaseUrl() : '',
    TONGBAN_DB_SCHEMA: schema, TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent',
    TONGBAN_WEB_DIR: '/nonexistent', RATE_LIMIT_PER_MINUTE: '100000000', OUTBOX_WORKER: 'false',
  }, { secretKey: SECRET });
  const db = await connect(config);
  const app = await buildApp(config, { db, logger: false });
  await seedCatalog(db, demoCatalog());
  const type = licenceType('food_business')!;
  const ids: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < licences; i++) {
    ids.push(await tx(db.orm, (t) => writeLicence(t, SECRET, {
      type, departmentCode: i % 2 ? 'scjg' : 'wjw', item: { code: '000133010000', name: '食品经营许可证核发' }, caseNo: `BENCH${i}`,
      holder: { accountId: randomUUID(), name: '青川市云栖数字科技有限公司', code: '91419900MA9C4K7R6N', codeType: '001' },
      fields: { enterpriseName: '青川市云栖数字科技有限公司', premisesAddress: '科创大道 88 号', operatorType: '单位食堂', businessItems: '热食类食品制售' },
    }, 'bench')));
  }
  const issueMs = (performance.now() - t0) / licences;
  return { app, db, schema, ids, issueMs };
}

/** Checks per second of `check` over `count` items, round-robin, for `seconds`. */
function rate(seconds: number, count: number, check: (i: number) => boolean): number {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    if (!check(n % count)) throw new Error('a stored licence failed verification');
    n++;
  }
  return n / seconds;
}

async function inProcess(kind: 'postgres' | 'pglite', licences: number, seconds: number, cryptoAlone: boolean) {
  const { app, db, schema, ids, issueMs } = await startServer(kind, licences);
  const list = await Promise.all(ids.map(async (id) => (await findLicence(db.orm, id))!));
  const signed = await Promise.all(list.map(async (l) => ({
    record: signedRecord(l, cipherFor(SECRET).decrypt(l.holder_code_enc)), signature: l.signature, publicKey: (await publicKeyOf(db.orm, l.key_id))!,
  })));
  // the signature check alone does not depend on the database, so it is measured for the first one only
  const smOptions = { hash: true, der: true, userId: SM2_USER_ID };
  const alone = cryptoAlone ? rate(seconds, signed.length, (i) => sm2Verify(signed[i].record, signed[i].signature, signed[i].publicKey)) : 0;
  const before = cryptoAlone ? rate(Math.min(seconds, 3), signed.length, (i) => smCrypto.sm2.doVerifySignature(signed[i].record, signed[i].signature, signed[i].publicKey, smOptions)) : 0;
  const run = async (memo: boolean) => {
    let n = 0;
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      if (!(await signatureHolds(db.orm, SECRET, list[n % list.length], { memo }))) throw new Error('a stored licence failed verification');
      n++;
    }
    return n / seconds;
  };
  const cold = await run(false);
  const warm = await run(true);
  await app.close();
  if (schema) await db.orm.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
  await db.close();
  return { issueMs, alone, before, cold, warm };
}

/** Each path requested exactly once by `connections` clients; every answer must be 200 and authentic. */
async function onceEach(label: string, baseUrl: string, paths: string[], connections: number): Promise<LoadResult> {
  let i = 0;
  let authentic = 0;
  const t0 = performance.now();
  const result = await autocannon({
    url: baseUrl, connections, amount: paths.length,
    requests: [{
      method: 'GET', setupRequest: (req: any) => ({ ...req, path: paths[i++] }),
      onResponse: (status: number, body: string) => { if (status === 200 && JSON.parse(body).verdict === 'authentic') authentic++; },
    }],
  });
  const seconds = (performance.now() - t0) / 1000;
  if (authentic !== paths.length) throw new Error(`${label}: ${authentic} of ${paths.length} answers were authentic`);
  return { label, rps: Math.round(paths.length / seconds), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function overHttp(kind: 'postgres' | 'pglite', licences: number, seconds: number, connections: number) {
  const server = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
    env: { ...process.env, BENCH_LICENCE_SERVER: kind, BENCH_LICENCES: String(licences) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ url: string; ids: string[] }>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line));
    });
    server.once('exit', (code) => reject(new Error(`licence bench server exited with ${code}`)));
  });
  const paths = ready.ids.map((id) => `/api/licences/verify/${id}`);
  // the first pass computes every signature once (no verdict memoised yet); then the steady state
  const first = await onceEach(`${kind}: verify endpoint, first pass (every licence computed once)`, ready.url, paths, connections);
  const steady = await load(`${kind}: verify endpoint, steady state`, ready.url, paths, connections, seconds);
  const keys = await load(`${kind}: well-known keys`, ready.url, ['/.well-known/tongban/licence-keys.json'], connections, Math.max(3, Math.round(seconds / 3)));
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  return [first, steady, keys];
}

export async function benchLicences(kinds: ('postgres' | 'pglite')[], seconds: number) {
  const licences = Number(process.env.BENCH_LICENCES ?? 1000);
  const table: Record<string, string | number>[] = [];
  for (const kind of kinds) {
    const r = await inProcess(kind, licences, Math.max(3, Math.round(seconds / 2)), kind === kinds[0]);
    table.push({ run: `${kind}: issue (sign + store) one licence`, 'per s': Math.round(1000 / r.issueMs), 'p50 ms': r.issueMs.toFixed(1), 'p99 ms': '' });
    if (r.alone) {
      table.push({ run: 'SM2 verify alone (platform/sm2.ts), the stored records', 'per s': Math.round(r.alone), 'p50 ms': (1000 / r.alone).toFixed(2), 'p99 ms': '' });
      table.push({ run: 'SM2 verify alone with sm-crypto 0.5.8 (before), the same records', 'per s': r.before.toFixed(1), 'p50 ms': (1000 / r.before).toFixed(1), 'p99 ms': '' });
    }
    table.push({ run: `${kind}: SM2 verify in process, every check computed`, 'per s': Math.round(r.cold), 'p50 ms': (1000 / r.cold).toFixed(2), 'p99 ms': '' });
    table.push({ run: `${kind}: SM2 verify in process, verdict memo warm`, 'per s': Math.round(r.warm), 'p50 ms': (1000 / r.warm).toFixed(3), 'p99 ms': '' });
    for (const h of await overHttp(kind, licences, seconds, 16)) {
      if (h.errors || h.non2xx) throw new Error(`${h.label}: ${h.errors} errors, ${h.non2xx} non-2xx answers`);
      table.push({ run: h.label, 'per s': h.rps, 'p50 ms': h.p50, 'p99 ms': h.p99 });
    }
  }
  printTable(`E-licence verification, ${licences} licences, 16 concurrent clients (target ≥ 1,000 verifications/s)`, table);
}

if (process.env.BENCH_LICENCE_SERVER) {
  const { app, db, schema, ids } = await startServer(process.env.BENCH_LICENCE_SERVER as 'postgres' | 'pglite', Number(process.env.BENCH_LICENCES ?? 1000));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, ids }));
  process.on('SIGTERM', async () => {
    await app.close();
    if (schema) await db.orm.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
    await db.close();
    process.exit(0);
  });
} else if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await benchLicences((process.env.BENCH_DB ? [process.env.BENCH_DB] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[], Number(process.env.BENCH_SECONDS ?? 10));
  process.exit(0);
}
