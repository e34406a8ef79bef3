// Verifications are public and frequent: logging each with its own INSERT cost two thirds of the
// verify endpoint's throughput. They are buffered per database and written in one statement every
// second (or every 500); the holder's usage-log read flushes first. A crash loses at most a second
// of verification entries (the usage log is not the audit trail: state changes are audited in-transaction).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

interface Entry { licence_id: string; detail: Record<string, unknown>; at: string }
const pending = new Map<Executor, Entry[]>();
let timer: NodeJS.Timeout | null = null;
const FLUSH_MS = 1000;
const FLUSH_AT = 500;

export async function flushVerifications(db?: Executor): Promise<void> {
  for (const [target, list] of [...pending]) {
    if (db && target !== db) continue;
    pending.delete(target);
    if (!list.length) continue;
    await target.execute(sql`INSERT INTO licence_uses (licence_id, kind, detail, at)
      SELECT licence_id, 'verified', detail, at FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(licence_id uuid, detail jsonb, at timestamptz)`);
  }
}

export function logVerification(db: Executor, licenceId: string, detail: Record<string, unknown>, at: Date): void {
  let list = pending.get(db);
  if (!list) pending.set(db, (list = []));
  list.push({ licence_id: licenceId, detail, at: at.toISOString() });
  if (list.length >= FLUSH_AT) void flushVerifications(db).catch(() => undefined);
  else timer ??= setTimeout(() => {
    timer = null;
    void flushVerifications().catch(() => undefined);
  }, FLUSH_MS).unref();
}
