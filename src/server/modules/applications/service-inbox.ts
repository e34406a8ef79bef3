// The department task inbox (待办): open, mine, due soon, overdue, done, for the caller's
// departments, with the four badge counts from one pass over the same index range.
import type { Inbox } from '../../../contract/applications.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { departmentNames } from '../catalog/index.js';
import { soonUntil } from './clock.js';
import { clockOf, type Ctx } from './context.js';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.js';
import { inboxDepartments } from './policy.js';
import * as tasks from './repo-tasks.js';
import { toInboxTask } from './views.js';

export interface InboxQueryValue { department?: string; view?: tasks.InboxView; item?: string; page?: number; pageSize?: number; after?: string }

export async function inbox(ctx: Ctx, actor: Actor, q: InboxQueryValue): Promise<Inbox> {
  const mine = inboxDepartments(actor);
  if (!mine.length) throw new AppError('FORBIDDEN');
  if (q.department && !mine.includes(q.department)) throw new AppError('FORBIDDEN');
  const departments = q.department ? [q.department] : mine;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const clock = await clockOf(ctx);
  const base = { departments, accountId: actor.accountId, item: q.item, today: clock.today, soonUntil: soonUntil(clock.cal, clock.today) };
  const filter = { ...base, view: q.view ?? 'open' };
  // a cursor already says where the page starts: a page number beside it contradicts it
  if (q.after && page > 1) throw new AppError('INBOX_CURSOR_INVALID');
  const after = q.after ? decodeInboxCursor(q.after, filter.view) : undefined;
  const [items, counts, done, names] = await Promise.all([
    tasks.listInbox(ctx.db, filter, pageSize, (page - 1) * pageSize, after), tasks.inboxCounts(ctx.db, base),
    // the badge counts already hold the total of every view but "done"
    filter.view === 'done' ? tasks.countInbox(ctx.db, filter) : Promise.resolve(0),
    departmentNames(ctx.db, departments),
  ]);
  const total = { open: counts.open, mine: counts.mine, due_soon: counts.dueSoon, overdue: counts.overdue, done }[filter.view];
  const last = items.length === pageSize ? tasks.inboxKeyOf(filter.view, items[items.length - 1]) : null;
  return {
    total, page, pageSize, counts, items: items.map((k) => toInboxTask(actor, k, clock, names)),
    nextCursor: last ? encodeInboxCursor(filter.view, last) : null,
  };
}

/**
 * Fold the inbox counter rows of ended database connections every `ms` (they pile up as the pool
 * replaces idle connections; the badges sum them all). Returns the stop function.
 */
export function compactInboxCountsEvery(db: Executor, ms = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    // a failure (the database restarting) only delays the folding to the next round
    tasks.compactInboxCounts(db).catch(() => undefined).finally(() => { running = false; });
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
