// Applies the checked-in SQL migrations in order, once each, in one transaction under an
// advisory lock, so several processes starting together neither race nor half-apply.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows, type Database, type Executor } from './client.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(): string[] {
  return readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

export const migrationText = (file: string): string => readFileSync(path.join(dir, file), 'utf8');

export async function migrate(db: Database): Promise<string[]> {
  return db.scriptTransaction(async (run) => {
    await run('SELECT pg_advisory_xact_lock(7291001)');
    await run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await run('SELECT version FROM schema_migrations')).map((r) => String(r.version)));
    const applied: string[] = [];
    for (const file of migrationFiles()) {
      if (done.has(file)) continue;
      await run(migrationText(file));
      await run(`INSERT INTO schema_migrations (version) VALUES ('${file}')`);
      applied.push(file);
    }
    return applied;
  });
}

/** True when every checked-in migration has been applied (for /readyz). */
export async function migrationsApplied(db: Executor): Promise<boolean> {
  const done = await rows<{ version: string }>(db, sql`SELECT version FROM schema_migrations`);
  const set = new Set(done.map((r) => r.version));
  return migrationFiles().every((f) => set.has(f));
}
