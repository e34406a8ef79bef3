// The rules a year's holiday periods must keep before they replace the year: real dates inside the
// year, periods that run forward and do not overlap, make-up days on weekends outside every period.
import type { CalendarYearInput } from '../../../contract/calendar.js';
import { errorDef, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { dayNumber, weekdayOfDay, yearOf } from './civil-date.js';

export type CalendarRuleCode =
  | 'CALENDAR_DATE_INVALID' | 'CALENDAR_DATE_OUTSIDE_YEAR' | 'CALENDAR_PERIOD_REVERSED' | 'CALENDAR_PERIODS_OVERLAP'
  | 'CALENDAR_MAKEUP_NOT_WEEKEND' | 'CALENDAR_MAKEUP_IN_HOLIDAY' | 'CALENDAR_MAKEUP_DUPLICATE';
export interface Violation { path: string; code: CalendarRuleCode }

/** Every broken rule of a year's input, in field order. */
export function checkYear(year: number, input: Pick<CalendarYearInput, 'periods'>): Violation[] {
  const out: Violation[] = [];
  /** a date's day number when it is a real date of the year; reports it otherwise */
  const day = (path: string, date: string): number | null => {
    const n = dayNumber(date);
    if (n === null) out.push({ path, code: 'CALENDAR_DATE_INVALID' });
    else if (yearOf(date) !== year) out.push({ path, code: 'CALENDAR_DATE_OUTSIDE_YEAR' });
    else return n;
    return null;
  };

  const ranges: { index: number; from: number; to: number }[] = [];
  input.periods.forEach((p, i) => {
    const from = day(`/periods/${i}/from`, p.from);
    const to = day(`/periods/${i}/to`, p.to);
    if (from === null || to === null) return;
    if (to < from) out.push({ path: `/periods/${i}/to`, code: 'CALENDAR_PERIOD_REVERSED' });
    else ranges.push({ index: i, from, to });
  });
  for (const a of ranges) {
    if (ranges.some((b) => b.index < a.index && b.from <= a.to && a.from <= b.to)) out.push({ path: `/periods/${a.index}/from`, code: 'CALENDAR_PERIODS_OVERLAP' });
  }

  const seen = new Set<number>();
  input.periods.forEach((p, i) => p.makeupWorkdays.forEach((date, j) => {
    const path = `/periods/${i}/makeupWorkdays/${j}`;
    const n = day(path, date);
    if (n === null) return;
    const weekday = weekdayOfDay(n);
    if (weekday !== 0 && weekday !== 6) out.push({ path, code: 'CALENDAR_MAKEUP_NOT_WEEKEND' });
    else if (ranges.some((r) => r.from <= n && n <= r.to)) out.push({ path, code: 'CALENDAR_MAKEUP_IN_HOLIDAY' });
    else if (seen.has(n)) out.push({ path, code: 'CALENDAR_MAKEUP_DUPLICATE' });
    seen.add(n);
  }));
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

/** JSON pointers in document order (/periods/2 before /periods/10). */
function comparePaths(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const [m, n] = [Number(x[i]), Number(y[i])];
    if (Number.isInteger(m) && Number.isInteger(n)) return m - n;
    const order = ['name', 'from', 'to', 'makeupWorkdays'];
    return order.indexOf(x[i]) - order.indexOf(y[i]);
  }
  return x.length - y.length;
}

export const localiseViolations = (violations: Violation[], lang: Lang): FieldError[] =>
  violations.map((v) => ({ path: v.path, code: v.code, message: errorDef(v.code)?.[lang] ?? v.code }));
