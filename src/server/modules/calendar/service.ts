// Calendar rules: reading years and days, working-day arithmetic, and operators replacing or
// deleting a year. Every change writes its audit entry (stream calendar:<year>) in its transaction.
import { Value } from 'typebox/value';
import {
  CalendarYearInputSchema, type CalendarOverview, type CalendarWarning, type CalendarYear, type CalendarYearInput,
  type DueDate, type MonthDays, type WorkingDayCount, type WorkingDaysQuery,
} from '../../../contract/calendar.js';
import { tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError, errorDef } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { cachedCalendar, invalidateCalendar } from './cache.js';
import { datesOfMonth, isCivilDate, shanghaiDate, yearOf } from './civil-date.js';
import { publishCalendarChange } from './events.js';
import { canEditCalendar } from './policy.js';
import * as repo from './repo.js';
import { checkYear, localiseViolations } from './rules.js';

export const getCalendar = cachedCalendar;

/** Today in Asia/Shanghai by the platform clock. */
export const today = () => shanghaiDate(now());

/**
 * What operators must act on: the current year without a (confirmed) calendar, and from
 * November 1 the next year too, since the State Council normally publishes it in November.
 */
export function calendarWarnings(todayDate: string, years: { year: number; confirmed: boolean }[]): CalendarWarning[] {
  const entered = new Map(years.map((y) => [y.year, y.confirmed]));
  const year = yearOf(todayDate);
  const check = (y: number, missing: CalendarWarning['code']): CalendarWarning[] =>
    !entered.has(y) ? [{ code: missing, year: y }] : entered.get(y) ? [] : [{ code: 'YEAR_UNCONFIRMED', year: y }];
  return [...check(year, 'CURRENT_YEAR_MISSING'), ...(todayDate.slice(5) >= '11-01' ? check(year + 1, 'NEXT_YEAR_MISSING') : [])];
}

const toView = (y: repo.YearWithPeriods): CalendarYear => ({
  year: y.year, source: y.source, confirmed: y.confirmed, updatedAt: repo.iso(y.updated_at), periods: y.periods,
});

export async function overview(db: Executor): Promise<CalendarOverview> {
  const version = await repo.findVersion(db);
  const years = await repo.findYears(db);
  const todayDate = today();
  return { today: todayDate, version, years: years.map(toView), warnings: calendarWarnings(todayDate, years) };
}

function assertDates(dates: Record<string, string | undefined>, lang: Lang) {
  const bad = Object.entries(dates).filter(([, d]) => d !== undefined && !isCivilDate(d));
  if (!bad.length) return;
  const message = errorDef('CALENDAR_DATE_INVALID')![lang];
  throw new AppError('CALENDAR_DATE_INVALID', undefined, bad.map(([field]) => ({ path: `/${field}`, code: 'CALENDAR_DATE_INVALID', message })));
}

/** `days` gives the due date after that many working days; `to` counts the working days up to it. */
export async function workingDays(db: Executor, q: WorkingDaysQuery, lang: Lang): Promise<DueDate | WorkingDayCount> {
  if ((q.days === undefined) === (q.to === undefined)) throw new AppError('CALENDAR_DAYS_OR_TO');
  assertDates({ from: q.from, to: q.to }, lang);
  const calendar = await getCalendar(db);
  if (q.to !== undefined) return { from: q.from, to: q.to, ...calendar.countBetween(q.from, q.to) };
  return { from: q.from, days: q.days!, ...calendar.dueDate(q.from, q.days!) };
}

export async function monthDays(db: Executor, month: string): Promise<MonthDays> {
  const calendar = await getCalendar(db);
  const dates = datesOfMonth(month);
  return { month, provisional: calendar.isProvisional(dates[0]), days: dates.map((d) => calendar.dayInfo(d)) };
}

// ---- operators ----

function assertEditor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canEditCalendar(actor)) throw new AppError('FORBIDDEN');
}

/** Replace a year's periods and make-up days as a whole; the year counts as entered from then on. */
export async function replaceYear(db: Executor, actor: Actor | null, year: number, body: CalendarYearInput, lang: Lang): Promise<CalendarYear> {
  assertEditor(actor);
  const input = Value.Clean(CalendarYearInputSchema, structuredClone(body)) as CalendarYearInput;
  const violations = checkYear(year, input);
  if (violations.length) throw new AppError(violations[0].code, undefined, localiseViolations(violations, lang));
  const periods = input.periods.map((p) => ({ ...p, makeupWorkdays: [...p.makeupWorkdays].sort() }));
  const confirmed = input.confirmed ?? true;
  const version = await tx(db, async (t) => {
    const next = await repo.bumpVersion(t);
    await repo.replaceYear(t, { year, source: input.source, confirmed, periods, updatedBy: actor.accountId });
    await appendAudit(t, {
      stream: `calendar:${year}`, actorId: actor.accountId, action: 'calendar.year.replace', target: String(year),
      change: { source: input.source, confirmed, periods },
    });
    return next;
  });
  changed(db, { years: [year], version, action: 'replace', actorId: actor.accountId });
  const saved = (await repo.findYears(db)).find((y) => y.year === year)!;
  return toView(saved);
}

/** Remove a year: its days count Monday to Friday again, provisionally. */
export async function deleteYear(db: Executor, actor: Actor | null, year: number): Promise<void> {
  assertEditor(actor);
  const version = await tx(db, async (t) => {
    const next = await repo.bumpVersion(t);
    if (!(await repo.deleteYear(t, year))) throw new AppError('CALENDAR_YEAR_NOT_FOUND');
    await appendAudit(t, { stream: `calendar:${year}`, actorId: actor.accountId, action: 'calendar.year.delete', target: String(year), change: { year } });
    return next;
  });
  changed(db, { years: [year], version, action: 'delete', actorId: actor.accountId });
}

/** After a commit: drop this process's cached calendar, then tell the listeners. */
export function changed(db: Executor, change: Parameters<typeof publishCalendarChange>[0]): void {
  invalidateCalendar(db);
  publishCalendarChange(change);
}
