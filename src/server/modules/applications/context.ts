// What every command shares: the database and key, the working calendar, and `record`, which
// writes a command's timeline rows and its audit entry in the command's transaction.
import type { Executor } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { rows, withWrites } from '../../db/client.js';
import { appendAudit, firstAuditEntry, type AuditEntry } from '../../platform/audit.js';
import { cipherFor } from '../../platform/crypto.js';
import type { Actor } from '../../platform/auth.js';
import { calendarToday, getCalendar, type WorkingCalendar } from '../calendar/index.js';
import type { CaseRow } from './repo.js';
import { eventRowsOf, eventsInsert, insertEvents, type NewEvent } from './repo-events.js';

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

type CaseKey = Pick<CaseRow, 'id' | 'case_no' | 'region_code'>;

const auditEntryOf = (c: CaseKey, actor: Actor | null, action: string, change: Record<string, unknown>): AuditEntry => ({
  stream: `case:${c.case_no}`, actorId: actor?.accountId ?? SYSTEM_ACTOR, action: `case.${action}`, target: c.case_no,
  change, regionCode: c.region_code,
});

/**
 * Write the command's timeline rows and one audit entry on the case's stream. The caller holds
 * the case row lock, so the stream's chain grows in command order. For a new case both go in one
 * statement (newCaseRecord).
 */
export async function record(t: Executor, c: CaseKey, actor: Actor | null, at: Date,
  action: string, events: EventInput[], change: Record<string, unknown>, options: { newCase?: boolean } = {}): Promise<void> {
  if (options.newCase) {
    await rows(t, withWrites(newCaseRecord(c, actor, at, action, events, change).writes, sql`SELECT 1`));
    return;
  }
  await insertEvents(t, events.map((e) => ({ ...e, caseId: c.id, at, ...actorRef(actor) })));
  await appendAudit(t, auditEntryOf(c, actor, action, change), { streamLocked: true }); // every writer of a case's stream holds its row lock (this caller too)
}

/**
 * A new case's first command as writes that read nothing (its timeline rows and the first entry of
 * its audit stream), for one statement with the submission's other writes (withWrites), and its
 * timeline rows as they will read back.
 */
export function newCaseRecord(c: CaseKey, actor: Actor | null, at: Date, action: string, events: EventInput[], change: Record<string, unknown>) {
  const list = events.map((e) => ({ ...e, caseId: c.id, at, ...actorRef(actor) }));
  return { writes: [eventsInsert(list), firstAuditEntry(auditEntryOf(c, actor, action, change))], events: eventRowsOf(list) };
}

const ID_TAIL_KIND = 'case_id_tail';

/** Keyed hash of the last 6 characters of an ID number or credit code (the public progress lookup). */
export function idTailHash(secretKey: string, idOrCode: string): string {
  const cipher = cipherFor(secretKey);
  return cipher.lookupHash(ID_TAIL_KIND, idOrCode.slice(-6).toUpperCase());
}
