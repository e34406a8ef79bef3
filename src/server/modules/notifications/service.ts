// Message centre rules: other modules queue notices in their own transactions; an account reads
// and marks its own messages. A message that is not the caller's is reported as not found.
import { Compile } from 'typebox/compile';
import type { Message, MessageListQueryValue, MessagePage } from '../../../contract/notifications.js';
import type { SQL } from 'drizzle-orm';
import { isoTimestamp, rows, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { outboxInsert } from '../../platform/outbox.js';
import { isRecipient } from './policy.js';
import * as repo from './repo.js';
import { NoticeSchema, type Notice } from './schemas.js';

const noticeValidator = Compile(NoticeSchema);

/** The outbox topic whose handler writes the message and fans out to SMS and email. */
export const NOTIFY_TOPIC = 'notify';

/**
 * Queue a notice in the caller's transaction: it is delivered only if that transaction commits.
 * A malformed notice is a programming error and fails the transaction at once.
 */
export async function queueNotice(t: Executor, notice: Notice): Promise<void> {
  await rows(t, noticesInsert([notice]));
}

/**
 * The INSERT that queues these notices, in order, for the caller to run in its transaction, alone
 * or riding on another statement of it (outboxInsert).
 */
export function noticesInsert(notices: Notice[]): SQL {
  for (const notice of notices) {
    // the compiled check is the cheap path; the error list is built only for a notice that fails it
    const valid: boolean = noticeValidator.Check(notice);
    if (!valid) {
      const problems = noticeValidator.Errors(notice).map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new Error(`invalid notice ${notice.kind}: ${problems.join('; ')}`);
    }
  }
  return outboxInsert(notices.map((payload) => ({ topic: NOTIFY_TOPIC, payload })));
}


export const toMessage = (m: repo.MessageRow, lang: Lang): Message => ({
  id: m.id,
  kind: m.kind,
  title: lang === 'en' ? m.title_en : m.title_zh,
  body: lang === 'en' ? m.body_en : m.body_zh,
  link: m.link,
  createdAt: isoTimestamp(m.created_at),
  readAt: m.read_at ? isoTimestamp(m.read_at) : null,
});

export async function list(db: Executor, actor: Actor, query: MessageListQueryValue, lang: Lang): Promise<MessagePage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = { accountId: actor.accountId, unreadOnly: query.unread === true };
  const [items, counts] = await Promise.all([repo.listMessages(db, filter, pageSize, (page - 1) * pageSize), repo.countMessages(db, filter)]);
  return { ...counts, page, pageSize, items: items.map((m) => toMessage(m, lang)) };
}

export async function unreadCount(db: Executor, actor: Actor): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(db, actor.accountId) };
}

export async function markRead(db: Executor, actor: Actor, id: string): Promise<void> {
  const message = await repo.findMessage(db, id);
  if (!message || !isRecipient(actor, message)) throw new AppError('MESSAGE_NOT_FOUND');
  await repo.markRead(db, id, now());
}

export async function markAllRead(db: Executor, actor: Actor): Promise<void> {
  await repo.markAllRead(db, actor.accountId, now());
}
