// The calendar each process keeps in memory: loaded once, dropped when this process changes the
// calendar, and reloaded when calendar_version shows another process did (checked at most every 30 s).
import type { Executor } from '../../db/client.js';
import { now } from '../../platform/clock.js';
import { WorkingCalendar } from './calendar.js';
import * as repo from './repo.js';

export const VERSION_CHECK_MS = 30_000;

interface Entry { calendar: WorkingCalendar; version: number; checkedAt: number }

/** one entry per database handle; pass the app's database, not a transaction, to share it */
const entries = new WeakMap<Executor, Promise<Entry>>();

async function load(db: Executor): Promise<Entry> {
  const version = await repo.findVersion(db);
  const years = await repo.findYears(db);
  return { calendar: new WorkingCalendar(years), version, checkedAt: now().getTime() };
}

export async function cachedCalendar(db: Executor): Promise<WorkingCalendar> {
  let pending = entries.get(db);
  if (!pending) {
    pending = load(db);
    entries.set(db, pending);
    const loading = pending;
    loading.catch(() => { if (entries.get(db) === loading) entries.delete(db); });
  }
  const entry = await pending;
  const age = now().getTime() - entry.checkedAt;
  if (age >= 0 && age < VERSION_CHECK_MS) return entry.calendar; // a clock set back checks at once
  entry.checkedAt = now().getTime();
  const version = await repo.findVersion(db);
  if (version === entry.version) return entry.calendar;
  if (entries.get(db) === pending) entries.delete(db);
  return cachedCalendar(db);
}

/** Forget the cached calendar of this database handle (after a change made in this process). */
export function invalidateCalendar(db: Executor): void {
  entries.delete(db);
}
