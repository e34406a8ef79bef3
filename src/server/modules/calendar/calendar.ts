// The working-day rule as a pure value: built from the entered years, asked about dates. A day is
// a working day when it is a make-up working day (调休上班), or Monday to Friday outside every
// statutory holiday period. Years not entered (or not yet confirmed) count Monday to Friday and
// make every answer that reaches into them provisional.
import { fromDayNumber, toDayNumber, weekdayOfDay, yearOf, yearOfDay, type CivilDate } from './civil-date.js';

export interface CalendarPeriod { name: string; from: CivilDate; to: CivilDate; makeupWorkdays: CivilDate[] }
export interface CalendarYearData { year: number; confirmed: boolean; periods: CalendarPeriod[] }

/** workday/weekend by the weekly rule; holiday inside a period; makeup a weekend day worked instead */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
export interface DayInfo { date: CivilDate; weekday: number; isWorkingDay: boolean; kind: DayKind; name: string | null }

/**
 * 'red' once the due date has passed; 'amber' from `amberAt` working days left down to the due
 * date itself (0 left); 'ok' before that.
 */
export type DeadlineState = 'ok' | 'amber' | 'red';
export const DEFAULT_AMBER_AT = 2;

interface Special { kind: 'holiday' | 'makeup'; name: string }

const isWeekday = (n: number) => { const w = weekdayOfDay(n); return w >= 1 && w <= 5; };

/** Monday-to-Friday days among day numbers up to n (a cumulative count: differences are exact). */
function weekdaysThrough(n: number): number {
  const t = n + 3 + 1; // n + 3 puts Monday at 0 (mod 7)
  const weeks = Math.floor(t / 7);
  return 5 * weeks + Math.min(5, t - 7 * weeks);
}

function assertCount(n: number) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
}

export class WorkingCalendar {
  private readonly special = new Map<number, Special>();
  /** day numbers of the special days whose kind changes the weekly rule, sorted */
  private readonly exceptions: number[] = [];
  private readonly years = new Map<number, boolean>();

  constructor(years: readonly CalendarYearData[] = []) {
    for (const y of years) {
      this.years.set(y.year, y.confirmed);
      for (const p of y.periods) {
        for (let d = toDayNumber(p.from); d <= toDayNumber(p.to); d++) this.special.set(d, { kind: 'holiday', name: p.name });
      }
    }
    // a make-up day inside a holiday is refused on input; should one slip through, working wins
    for (const y of years) for (const p of y.periods) for (const m of p.makeupWorkdays) this.special.set(toDayNumber(m), { kind: 'makeup', name: p.name });
    for (const [d, s] of this.special) if ((s.kind === 'holiday') === isWeekday(d)) this.exceptions.push(d);
    this.exceptions.sort((a, b) => a - b);
  }

  /** The years entered, with their confirmed flag. */
  enteredYears(): { year: number; confirmed: boolean }[] {
    return [...this.years].map(([year, confirmed]) => ({ year, confirmed })).sort((a, b) => a.year - b.year);
  }

  hasYear(year: number): boolean { return this.years.has(year); }

  /** True when the date's year is not entered, or entered but not confirmed by an official notice. */
  isProvisional(date: CivilDate): boolean { return this.years.get(yearOf(date)) !== true; }

  isWorkingDay(date: CivilDate): boolean { return this.isWorkingDayNumber(toDayNumber(date)); }

  dayInfo(date: CivilDate): DayInfo {
    const n = toDayNumber(date);
    const s = this.special.get(n);
    const weekday = weekdayOfDay(n);
    const kind: DayKind = s ? s.kind : isWeekday(n) ? 'workday' : 'weekend';
    return { date: fromDayNumber(n), weekday, isWorkingDay: this.isWorkingDayNumber(n), kind, name: s?.name ?? null };
  }

  /** The day on which the n-th working day after start falls (start itself not counted); n = 0 gives start. */
  addWorkingDays(start: CivilDate, n: number): CivilDate {
    assertCount(n);
    let d = toDayNumber(start);
    for (let left = n; left > 0;) if (this.isWorkingDayNumber(++d)) left--;
    return fromDayNumber(d);
  }

  /** Working days after a up to and including b; negative (the same count, negated) when b < a. */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const [x, y] = [toDayNumber(a), toDayNumber(b)];
    if (y < x) return -this.countAfter(y, x);
    return this.countAfter(x, y);
  }

  /** addWorkingDays, and whether any day counted falls in a provisional year. */
  dueDate(start: CivilDate, n: number): { due: CivilDate; provisional: boolean } {
    const due = this.addWorkingDays(start, n);
    return { due, provisional: this.spanIsProvisional(toDayNumber(start), toDayNumber(due)) };
  }

  /** workingDaysBetween, and whether any day counted falls in a provisional year. */
  countBetween(a: CivilDate, b: CivilDate): { workingDays: number; provisional: boolean } {
    const [x, y] = [toDayNumber(a), toDayNumber(b)];
    return { workingDays: this.workingDaysBetween(a, b), provisional: this.spanIsProvisional(Math.min(x, y), Math.max(x, y)) };
  }

  /** Working days from today to the due date: 0 on the due date, negative once it has passed. */
  workingDaysLeft(today: CivilDate, due: CivilDate): number { return this.workingDaysBetween(today, due); }

  deadlineState(today: CivilDate, due: CivilDate, options: { amberAt?: number } = {}): DeadlineState {
    if (toDayNumber(due) < toDayNumber(today)) return 'red';
    return this.workingDaysLeft(today, due) <= (options.amberAt ?? DEFAULT_AMBER_AT) ? 'amber' : 'ok';
  }

  /**
   * The clock stops while the applicant supplements (补正): the working days left when it stopped
   * are counted again after the day it restarts. A deadline already passed when it stopped stays.
   */
  resumeDeadline(due: CivilDate, pausedOn: CivilDate, resumedOn: CivilDate): CivilDate {
    const left = this.workingDaysBetween(pausedOn, due);
    return left < 0 ? due : this.addWorkingDays(resumedOn, left);
  }

  private isWorkingDayNumber(n: number): boolean {
    const s = this.special.get(n);
    return s ? s.kind === 'makeup' : isWeekday(n);
  }

  /** working days in (x, y], x ≤ y: the weekly rule, corrected by the exceptions in range */
  private countAfter(x: number, y: number): number {
    let count = weekdaysThrough(y) - weekdaysThrough(x);
    for (let i = lowerBound(this.exceptions, x + 1); i < this.exceptions.length && this.exceptions[i] <= y; i++) {
      count += this.special.get(this.exceptions[i])!.kind === 'makeup' ? 1 : -1;
    }
    return count;
  }

  /** Days counted are (x, y]; when none are, the answer is about y itself. */
  private spanIsProvisional(x: number, y: number): boolean {
    const first = x < y ? yearOfDay(x + 1) : yearOfDay(y);
    for (let year = first; year <= yearOfDay(y); year++) if (this.years.get(year) !== true) return true;
    return false;
  }
}

function lowerBound(sorted: number[], value: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
