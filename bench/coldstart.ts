// Cold start of `npm start` (web app already built): first on an empty data directory, then
// again on the directory the first run left.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function startOnce(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, DATABASE_URL: '', TONGBAN_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no start in 120 s:\n${out}`)); }, 120_000);
    const onData = async (b: Buffer) => {
      out += b.toString();
      const m = out.match(/running at (http:\/\/localhost:\d+)/);
      if (!m) return;
      child.stdout!.off('data', onData);
      const ready = await fetch(`${m[1]}/readyz`).then((r) => r.status);
      const seconds = (performance.now() - t0) / 1000;
      clearTimeout(timer);
      child.once('exit', () => (ready === 200 ? resolve(seconds) : reject(new Error(`readyz ${ready}`))));
      child.kill('SIGTERM');
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b) => { out += b.toString(); });
  });
}

export async function benchColdStart(): Promise<{ empty: number; existing: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-'));
  try {
    const empty = await startOnce(dir);
    const existing = await startOnce(dir);
    return { empty, existing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
