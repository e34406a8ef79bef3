// What every command shares: the database and key, the working calendar, and `record`, which
// writes a command's timeline rows and its audit entry in the command's transaction.
import type { Executor } from '../../db/client.js';
import type { SQL } from 'drizzle-orm';
import { appendAudit, firstAuditEntry } from '../../platform/audit.js';
import { cipherFor } from '../../platform/crypto.js';
import type { Actor } from '../../platform/auth.js';
import { calendarToday, getCalendar, type WorkingCalendar } from '../calendar/index.js';
import type { CaseRow } from './repo.js';
import { insertEvents, type EventRow, type NewEvent } from './repo-events.js';

export interface Ctx {
  /** the app's database (not a transaction): the calendar cache is kept per handle */
  db: Executor;
  /** config.secretKey: lookup hashes and identity's encrypted fields */
  secretKey: string;
}

export const SYSTEM_ACTOR = 'system:applications';

export interface Clock { cal: WorkingCalendar; today: string }

export async function clockOf(ctx: Ctx): Promise<Clock> {
  return { cal: await getCalendar(ctx.db), today: calendarToday() };
}

/** Who acted, for events: a person or staff member, or the platform itself. */
export const actorRef = (actor: Actor | null) => ({ actorAccountId: actor?.accountId ?? null, actorName: actor?.name ?? null });

export type EventInput = Omit<NewEvent, 'caseId' | 'at' | 'actorAccountId' | 'actorName'>;

/**
 * Write the command's timeline rows and one audit entry on the case's stream. The caller holds
 * the case row lock, so the stream's chain grows in command order. For a new case the audit entry
 * (the stream's first) and `riders` (INSERTs that read nothing, e.g. its notices) go in the same
 * statement as the timeline rows.
 */
export async function record(t: Executor, c: Pick<CaseRow, 'id' | 'case_no' | 'region_code'>, actor: Actor | null, at: Date,
  action: string, events: EventInput[], change: Record<string, unknown>, options: { newCase?: boolean; riders?: SQL[] } = {}): Promise<EventRow[]> {
  const entry = {
    stream: `case:${c.case_no}`, actorId: actor?.accountId ?? SYSTEM_ACTOR, action: `case.${action}`, target: c.case_no,
    change, regionCode: c.region_code,
  };
  const rows = events.map((e) => ({ ...e, caseId: c.id, at, ...actorRef(actor) }));
  if (options.newCase) {
    // a new case's command builds its answer from the rows it wrote (they are its whole timeline)
    return insertEvents(t, rows, { returning: true, riders: [firstAuditEntry(entry), ...(options.riders ?? [])] });
  }
  const written = await insertEvents(t, rows, { riders: options.riders });
  await appendAudit(t, entry, { streamLocked: true }); // every writer of a case's stream holds its row lock (this caller too)
  return written;
}

const ID_TAIL_KIND = 'case_id_tail';

/** Keyed hash of the last 6 characters of an ID number or credit code (the public progress lookup). */
export function idTailHash(secretKey: string, idOrCode: string): string {
  const cipher = cipherFor(secretKey);
  return cipher.lookupHash(ID_TAIL_KIND, idOrCode.slice(-6).toUpperCase());
}
