// In-process notice that the calendar changed, for modules whose dates depend on it (cases
// recompute their due dates). It fires after the change has committed, in the process that made it;
// other processes see the new calendar_version instead (getCalendar reloads within 30 s).
export interface CalendarChange {
  /** the years whose days changed */
  years: number[];
  /** calendar_version after the change */
  version: number;
  action: 'replace' | 'delete' | 'seed';
  actorId: string;
}

export type CalendarListener = (change: CalendarChange) => void | Promise<void>;

const listeners = new Set<CalendarListener>();
let reportError: (error: unknown, change: CalendarChange) => void = (error) => console.error('calendar listener failed', error);

/** Subscribe; returns the function that unsubscribes. */
export function onCalendarChanged(listener: CalendarListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where a failing listener is reported (the app's logger); a failure never undoes the change. */
export function setListenerErrorReporter(report: (error: unknown, change: CalendarChange) => void): void {
  reportError = report;
}

export function publishCalendarChange(change: CalendarChange): void {
  for (const listener of listeners) {
    try {
      void Promise.resolve(listener(change)).catch((error) => reportError(error, change));
    } catch (error) {
      reportError(error, change);
    }
  }
}
