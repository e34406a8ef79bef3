// SQL of the calendar's own tables. Dates travel as 'YYYY-MM-DD' text both ways (to_char out,
// ::date in), so no driver ever turns a civil date into a local-time instant.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import type { CalendarPeriod } from './calendar.js';

export interface YearRow { year: number; source: string; confirmed: boolean; updated_at: Date | string }
export interface YearWithPeriods extends YearRow { periods: CalendarPeriod[] }

export { isoTimestamp as iso } from '../../db/client.js';

/** Every entered year with its periods and their make-up days, in year and notice order. */
export async function findYears(db: Executor): Promise<YearWithPeriods[]> {
  const [years, periods, makeups] = await Promise.all([
    rows<YearRow>(db, sql`SELECT year, source, confirmed, updated_at FROM calendar_years ORDER BY year`),
    rows<{ year: number; sort: number; name: string; from: string; to: string }>(db, sql`
      SELECT year, sort, name, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to"
      FROM calendar_periods ORDER BY year, sort`),
    rows<{ year: number; period_sort: number; day: string }>(db, sql`
      SELECT year, period_sort, to_char(day, 'YYYY-MM-DD') AS day FROM calendar_makeup_days ORDER BY day`),
  ]);
  const byPeriod = new Map<string, CalendarPeriod>();
  const byYear = new Map<number, YearWithPeriods>(years.map((y) => [Number(y.year), { ...y, year: Number(y.year), periods: [] }]));
  for (const p of periods) {
    const period: CalendarPeriod = { name: p.name, from: p.from, to: p.to, makeupWorkdays: [] };
    byPeriod.set(`${p.year}:${p.sort}`, period);
    byYear.get(Number(p.year))?.periods.push(period);
  }
  for (const m of makeups) byPeriod.get(`${m.year}:${m.period_sort}`)?.makeupWorkdays.push(m.day);
  return [...byYear.values()];
}

export const findYear = (db: Executor, year: number) =>
  one<YearRow>(db, sql`SELECT year, source, confirmed, updated_at FROM calendar_years WHERE year = ${year}`);

export async function findVersion(db: Executor): Promise<number> {
  return (await one<{ version: number }>(db, sql`SELECT version FROM calendar_state`))?.version ?? 0;
}

/** Take the calendar's write lock and return the next version (the caller's transaction keeps both). */
export async function bumpVersion(t: Executor): Promise<number> {
  return (await one<{ version: number }>(t, sql`UPDATE calendar_state SET version = version + 1 RETURNING version`))!.version;
}

export interface YearWrite { year: number; source: string; confirmed: boolean; periods: CalendarPeriod[]; updatedBy: string }

/** Replace a year as a whole: its row, periods and make-up days. */
export async function replaceYear(t: Executor, y: YearWrite): Promise<void> {
  await deleteYear(t, y.year);
  await t.execute(sql`INSERT INTO calendar_years (year, source, confirmed, updated_at, updated_by)
    VALUES (${y.year}, ${y.source}, ${y.confirmed}, now(), ${y.updatedBy})`);
  if (!y.periods.length) return;
  const periods = y.periods.map((p, sort) => ({ sort, name: p.name, from_date: p.from, to_date: p.to }));
  await t.execute(sql`INSERT INTO calendar_periods (year, sort, name, from_date, to_date)
    SELECT ${y.year}, sort, name, from_date, to_date
    FROM jsonb_to_recordset(${JSON.stringify(periods)}::jsonb) AS x(sort int, name text, from_date date, to_date date)`);
  const makeups = y.periods.flatMap((p, sort) => p.makeupWorkdays.map((day) => ({ day, period_sort: sort })));
  if (!makeups.length) return;
  await t.execute(sql`INSERT INTO calendar_makeup_days (day, year, period_sort)
    SELECT day, ${y.year}, period_sort FROM jsonb_to_recordset(${JSON.stringify(makeups)}::jsonb) AS x(day date, period_sort int)`);
}

/** True when the year existed. Periods and make-up days go with it (ON DELETE CASCADE). */
export async function deleteYear(t: Executor, year: number): Promise<boolean> {
  return (await rows(t, sql`DELETE FROM calendar_years WHERE year = ${year} RETURNING year`)).length > 0;
}

export async function findSeededYears(db: Executor): Promise<Set<number>> {
  return new Set((await rows<{ year: number }>(db, sql`SELECT year FROM calendar_seeded_years`)).map((r) => Number(r.year)));
}

export const markSeeded = (t: Executor, year: number) =>
  t.execute(sql`INSERT INTO calendar_seeded_years (year) VALUES (${year}) ON CONFLICT (year) DO NOTHING`);
