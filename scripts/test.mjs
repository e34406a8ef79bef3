// `npm test`: every *.test.ts under src/, first on embedded PGlite, then on PostgreSQL.
// PostgreSQL comes from DATABASE_URL (default: the local server); each test file makes its own
// schema there and drops it. Under CI a missing PostgreSQL is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src'];
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) { for (const f of readdirSync(p).sort()) if (f !== 'node_modules') walk(path.join(p, f)); }
  else if (/\.test\.tsx?$/.test(p)) files.push(p);
};
roots.forEach(walk);

const run = (label, env) => {
  console.log(`\n=== tests on ${label} (${files.length} files) ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};

const dbUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.env.TEST_DB; // 'pglite' | 'postgres' to run one pass
let ok = true;
if (only !== 'postgres') ok = run('embedded PGlite', { DATABASE_URL: '' }) && ok;
if (only !== 'pglite') {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 3000 });
  const reachable = await client.connect().then(() => client.end().then(() => true), () => false);
  if (reachable) ok = run(`PostgreSQL (${dbUrl.replace(/\/\/[^@]*@/, '//')})`, { DATABASE_URL: dbUrl }) && ok;
  else if (process.env.CI) { console.error(`PostgreSQL at ${dbUrl} is unreachable`); ok = false; }
  else console.log(`\nPostgreSQL at ${dbUrl} is unreachable: the PostgreSQL pass did not run.`);
}
console.log(ok ? '\nall test passes succeeded' : '\nsome tests failed');
process.exit(ok ? 0 : 1);
