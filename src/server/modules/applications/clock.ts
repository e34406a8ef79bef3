// The working-day clock of cases and tasks: due dates from a start date, a limit and the working
// days spent paused (补正), and what the applicant and staff are shown (days left, amber, red).
import type { WorkingCalendar } from '../calendar/index.js';

export type Deadline = 'normal' | 'amber' | 'red' | 'paused';

/** due = start + limit + paused working days (start itself not counted). */
export function dueOf(cal: WorkingCalendar, start: string, limitDays: number, pausedDays: number) {
  const { due, provisional } = cal.dueDate(start, limitDays + pausedDays);
  return { dueOn: due, dueProvisional: provisional };
}

/** Working days left and the colour; while paused the days left are counted from the pause. */
export function deadlineOf(cal: WorkingCalendar, today: string, dueOn: string | null, pausedOn: string | null, running: boolean):
  { workingDaysLeft: number | null; deadline: Deadline } {
  if (!dueOn || !running) return { workingDaysLeft: null, deadline: 'normal' };
  if (pausedOn) return { workingDaysLeft: cal.workingDaysLeft(pausedOn, dueOn), deadline: 'paused' };
  const state = cal.deadlineState(today, dueOn);
  return { workingDaysLeft: cal.workingDaysLeft(today, dueOn), deadline: state === 'ok' ? 'normal' : state };
}

/** The last date still "due soon" (amber) for a task due from today. */
export const soonUntil = (cal: WorkingCalendar, today: string, amberAt = 2) => cal.addWorkingDays(today, amberAt);

/** Working days spent paused, from the day after the pause up to and including today. */
export const pausedWorkingDays = (cal: WorkingCalendar, pausedOn: string, today: string) =>
  Math.max(0, cal.workingDaysBetween(pausedOn, today));
