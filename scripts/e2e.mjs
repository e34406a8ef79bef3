// `npm run e2e [-- e2e/one.test.ts …]`: browser journeys against the built web app. The web app is
// built first when it is missing or older than its sources, so a journey never tests a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const built = 'dist/web/index.html';
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
  const p = path.join(dir, e.name);
  return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
}, 0);
const stale = !existsSync(built) || ['src/web', 'src/contract'].some((d) => newest(d) > statSync(built).mtimeMs);
if (stale) {
  console.log('Building the web app (missing or older than its sources)…');
  const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const asked = process.argv.slice(2);
const files = asked.length ? asked : readdirSync('e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `e2e/${f}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
