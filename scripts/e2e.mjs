// `npm run e2e`: browser journeys in e2e/*.test.ts against the built web app (run `npm run build` first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

if (!existsSync('dist/web/index.html')) {
  const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const files = readdirSync('e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `e2e/${f}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
