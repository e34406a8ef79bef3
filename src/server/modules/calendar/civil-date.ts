// Civil dates ('YYYY-MM-DD' in Asia/Shanghai) as whole day numbers since 1970-01-01, computed on
// UTC so the host's time zone never shifts a day. China has kept UTC+8 without DST since 1991.
export type CivilDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The day number of a real calendar date, or null when the text is not one (2026-02-30). */
export function dayNumber(date: string): number | null {
  const m = SHAPE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / DAY_MS);
}

export const isCivilDate = (date: string): boolean => dayNumber(date) !== null;

/** The day number of a date the caller has already validated; throws RangeError otherwise. */
export function toDayNumber(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a calendar date: ${date}`);
  return n;
}

export function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * DAY_MS);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export const addDays = (date: string, days: number): CivilDate => fromDayNumber(toDayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export const weekdayOfDay = (n: number): number => (((n + 4) % 7) + 7) % 7;
export const weekday = (date: string): number => weekdayOfDay(toDayNumber(date));
export const isWeekend = (date: string): boolean => [0, 6].includes(weekday(date));

export const yearOf = (date: string): number => Number(date.slice(0, 4));
export const yearOfDay = (n: number): number => new Date(n * DAY_MS).getUTCFullYear();

/** Today's date in Asia/Shanghai at the instant given. */
export function shanghaiDate(instant: Date): CivilDate {
  return fromDayNumber(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** Every date of a month ('YYYY-MM'), in order. */
export function datesOfMonth(month: string): CivilDate[] {
  const first = toDayNumber(`${month}-01`);
  const [year, m] = month.split('-').map(Number);
  const next = toDayNumber(m === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`);
  return Array.from({ length: next - first }, (_, i) => fromDayNumber(first + i));
}
