// Working-day calendar: statutory holiday periods and make-up working days (调休) per year, and the
// working-day arithmetic every deadline uses. Other modules use these exports, never its tables.
//
// Deadlines that depend on the calendar (case and task due dates) must be recomputed when it
// changes. Two signals, both fired only after the change has committed:
//  - onCalendarChanged(listener): in the process that made the change, with the years touched and
//    the new calendar_version. Use it to enqueue the recomputation (a durable job), not to do
//    long work inline: a failing listener is logged and never undoes the change.
//  - calendar_version: each process's getCalendar() notices another process's change within
//    30 s (VERSION_CHECK_MS) and reloads, so arithmetic everywhere follows the new calendar.
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client.js';
import './errors.js';
import type { CalendarPeriod } from './calendar.js';
import { setListenerErrorReporter } from './events.js';
import { calendarRouteTable } from './routes.js';
import * as service from './service.js';

export async function calendarRoutes(app: FastifyInstance) {
  setListenerErrorReporter((err, change) => app.log.error({ err, change }, 'calendar change listener failed'));
  await calendarRouteTable(app);
}

/**
 * The working calendar of the entered years, cached in this process (pass the app's database,
 * `app.db.orm`, rather than a transaction, to share the cache).
 */
export const getCalendar = service.getCalendar;

/** The due date n working days after start (start not counted), and whether it is provisional. */
export async function addWorkingDays(db: Executor, start: string, n: number): Promise<{ due: string; provisional: boolean }> {
  return (await getCalendar(db)).dueDate(start, n);
}

/** Today in Asia/Shanghai, by the platform clock (tests move it). */
export const calendarToday = service.today;

export { WorkingCalendar, DEFAULT_AMBER_AT } from './calendar.js';
export type { CalendarYearData, DayInfo, DayKind, DeadlineState } from './calendar.js';
export { onCalendarChanged } from './events.js';
export type { CalendarChange, CalendarListener } from './events.js';
export { VERSION_CHECK_MS } from './cache.js';
export { seedCalendar } from './seed.js';
export type { CalendarPeriod };
