// Shared set-up of the calendar tests: the official 2025 and 2026 years, one operator and one
// citizen with real sessions, and helpers to read problems and move the clock to a given instant.
import { advanceClock, now, resetClock } from '../../platform/clock.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { demoClients } from '../../test/accounts.js';
import { seedCalendar } from './seed.js';

export interface CalendarContext extends TestContext {
  anonymous: Client;
  operator: Client;
  citizen: Client;
}

export async function startCalendarApp(): Promise<CalendarContext> {
  const t = await startTestApp();
  await seedCalendar(t.db);
  const { operator1, citizen1 } = await demoClients(t, ['operator1', 'citizen1']);
  return { ...t, anonymous: new Client(t.app), operator: operator1, citizen: citizen1 };
}

export { problemOf } from '../../test/accounts.js';

/** Run fn with the platform clock at the given instant, then back to real time. */
export async function atInstant<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  advanceClock(new Date(iso).getTime() - now().getTime());
  try {
    return await fn();
  } finally {
    resetClock();
  }
}
