// Housekeeping of application_prefills (ADR 0013), run by the outbox worker with the other purges:
// rows no submission check will read again go. Short statements only; it never touches a case.
import type { Executor } from '../../db/client.js';
import { now } from '../../platform/clock.js';
import { deletePrefillWindow } from './repo-prefills.js';

/**
 * A consent's record of the fields it filled is kept 30 days. An application is prepared in one
 * sitting or over a few days (its unattached uploads go after 7), so 30 days covers it with room to
 * spare; a submission later than that is checked like a form typed by hand (no registry read, no
 * "confirmed" line, so nothing claims a check that did not happen), and the platform does not keep
 * for longer than needed which services a person once prepared to apply for.
 */
export const PREFILL_RETENTION_DAYS = 30;

/** Rows looked at per statement: each window is one short DELETE, so a large table is never locked for long. */
const WINDOW = 1000;

/**
 * Delete the prefill records filled more than PREFILL_RETENTION_DAYS before `at`, and those a later
 * submission of the same account and item used up (the check reads only fills since the last
 * submission); returns how many went. Walks the table in id order, one window per statement.
 */
export async function purgeApplicationPrefills(db: Executor, at: Date = now(), window = WINDOW): Promise<number> {
  const filledBefore = new Date(at.getTime() - PREFILL_RETENTION_DAYS * 86_400_000);
  let afterId = '0';
  let removed = 0;
  for (;;) {
    const step = await deletePrefillWindow(db, afterId, window, filledBefore);
    removed += step.removed;
    if (step.seen < window || step.lastId === null) return removed;
    afterId = step.lastId;
  }
}
