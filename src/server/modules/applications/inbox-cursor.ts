// Keyset paging of the task inbox (`?after=`): an opaque cursor naming the last task of a page by
// its place in the view's order, so the next page starts right after it, however deep, with one
// index range instead of an OFFSET that walks every earlier row. The cursor carries its view:
// another view's cursor is refused rather than silently starting somewhere else.
import { AppError } from '../../platform/errors.js';
import type { InboxKey, InboxView } from './repo-tasks.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** decided_at as PostgreSQL prints a timestamptz: date, time, optional fraction, UTC offset */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
/** a real calendar date (the database would fail on 2026-02-30 with an error, not a 400) */
function isDate(s: string): boolean {
  // PostgreSQL has no year 0
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s.startsWith('0000')) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function encodeInboxCursor(view: InboxView, at: InboxKey): string {
  return Buffer.from(JSON.stringify([view, at.key, at.id])).toString('base64url');
}

const invalid = () => new AppError('INBOX_CURSOR_INVALID');

export function decodeInboxCursor(cursor: string, view: InboxView): InboxKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== view) throw invalid();
  const [, key, id] = parsed as unknown[];
  if (typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw invalid();
  const stamp = view === 'done' ? TIMESTAMP.exec(key) : null;
  if (view === 'done' ? !stamp || !isDate(stamp[1]) : !isDate(key)) throw invalid();
  return { key, id };
}
