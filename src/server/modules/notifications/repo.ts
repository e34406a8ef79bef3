// SQL of the message centre's table `messages`. find* may return nothing; no rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';

export interface MessageRow {
  id: string;
  account_id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

const COLUMNS = sql.raw('id::text AS id, account_id, kind, title_zh, title_en, body_zh, body_en, link, created_at, read_at');
const iso = (d: Date) => d.toISOString();

export interface NewMessage {
  accountId: string; outboxId: string; kind: string; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; link: string | null; at: Date;
}

/** Insert the message of one outbox row; nothing when that row's message already exists (a retry). */
export async function insertMessage(t: Executor, m: NewMessage): Promise<string | null> {
  const r = await one<{ id: string }>(t, sql`INSERT INTO messages (account_id, outbox_id, kind, title_zh, title_en, body_zh, body_en, link, created_at)
    VALUES (${m.accountId}, ${m.outboxId}, ${m.kind}, ${m.titleZh}, ${m.titleEn}, ${m.bodyZh}, ${m.bodyEn}, ${m.link}, ${iso(m.at)}::timestamptz)
    ON CONFLICT (outbox_id) DO NOTHING
    RETURNING id::text AS id`);
  return r?.id ?? null;
}

export const findMessage = (db: Executor, id: string) =>
  one<MessageRow>(db, sql`SELECT ${COLUMNS} FROM messages WHERE id = ${id}`);

export interface MessageFilter { accountId: string; unreadOnly: boolean }

const filter = ({ accountId, unreadOnly }: MessageFilter) =>
  unreadOnly ? sql`account_id = ${accountId} AND read_at IS NULL` : sql`account_id = ${accountId}`;

/** Newest first. */
export const listMessages = (db: Executor, f: MessageFilter, limit: number, offset: number) => rows<MessageRow>(db, sql`
  SELECT ${COLUMNS} FROM messages WHERE ${filter(f)}
  ORDER BY created_at DESC, id DESC
  LIMIT ${limit} OFFSET ${offset}`);

/** How many match the filter, and how many of the account's messages are unread. */
export async function countMessages(db: Executor, f: MessageFilter): Promise<{ total: number; unread: number }> {
  const r = await one<{ total: string | number; unread: string | number }>(db, sql`
    SELECT count(*) FILTER (WHERE ${f.unreadOnly ? sql`read_at IS NULL` : sql`true`}) AS total,
      count(*) FILTER (WHERE read_at IS NULL) AS unread
    FROM messages WHERE account_id = ${f.accountId}`);
  return { total: Number(r?.total ?? 0), unread: Number(r?.unread ?? 0) };
}

export async function countUnread(db: Executor, accountId: string): Promise<number> {
  const r = await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM messages WHERE account_id = ${accountId} AND read_at IS NULL`);
  return Number(r?.n ?? 0);
}

/** The first reading time is kept when a message is opened again. */
export async function markRead(db: Executor, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE messages SET read_at = coalesce(read_at, ${iso(at)}::timestamptz) WHERE id = ${id}`);
}

export async function markAllRead(db: Executor, accountId: string, at: Date): Promise<number> {
  const r = await rows(db, sql`UPDATE messages SET read_at = ${iso(at)}::timestamptz WHERE account_id = ${accountId} AND read_at IS NULL RETURNING id`);
  return r.length;
}

/** The foreign key a failed insert ran into (the account is gone), if that is why it failed. */
export function foreignKeyViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23503') return true;
  }
  return false;
}
