// Enters the bundled official years (holidays-data.ts) into the calendar. Idempotent: each year is
// entered once ever, so an operator's later edit or deletion of it stays; a year an operator
// entered first is left alone.
import type { Database } from '../../db/client.js';
import { tx } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { OFFICIAL_YEARS, type OfficialYear } from './holidays-data.js';
import * as repo from './repo.js';
import { changed } from './service.js';

/** Returns the years entered by this call. */
export async function seedCalendar(db: Database, years: OfficialYear[] = OFFICIAL_YEARS): Promise<number[]> {
  const seeded = await repo.findSeededYears(db.orm);
  if (years.every((y) => seeded.has(y.year))) return [];
  const result = await tx(db.orm, async (t) => {
    const version = await repo.bumpVersion(t); // the write lock: a second process waits, then sees our rows
    const done = await repo.findSeededYears(t);
    const entered: number[] = [];
    for (const y of years) {
      if (done.has(y.year)) continue;
      await repo.markSeeded(t, y.year);
      if (await repo.findYear(t, y.year)) continue;
      await repo.replaceYear(t, { year: y.year, source: y.source, confirmed: true, periods: y.periods, updatedBy: 'system' });
      await appendAudit(t, { stream: `calendar:${y.year}`, actorId: 'system', action: 'calendar.year.seed', target: String(y.year), change: y });
      entered.push(y.year);
    }
    return { version, entered };
  });
  if (result.entered.length) changed(db.orm, { years: result.entered, version: result.version, action: 'seed', actorId: 'system' });
  return result.entered;
}
