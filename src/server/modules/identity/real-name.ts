// Real-name levels other modules may raise (实名核验 reads the population register through the data
// exchange, which identity must not import), and the hook that tells them a citizen registered.
import { sql } from 'drizzle-orm';
import { one, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { invalidate } from '../../platform/invalidation.js';

/**
 * Record the outcome of a real-name check in the caller's transaction: on a match the account's level
 * rises to `level` (never falls); either way an audit entry on the account's stream. Returns the level.
 */
export async function recordRealNameCheck(t: Executor, accountId: string, check: { matched: boolean; level: number; method: string; exchangeDigest: string }): Promise<number> {
  invalidate('account', accountId);
  const r = await one<{ real_name_level: number }>(t, check.matched
    ? sql`UPDATE accounts SET real_name_level = GREATEST(real_name_level, ${check.level}) WHERE id = ${accountId} AND kind = 'person' RETURNING real_name_level`
    : sql`SELECT real_name_level FROM accounts WHERE id = ${accountId} AND kind = 'person'`);
  const level = Number(r?.real_name_level ?? 0);
  await appendAudit(t, {
    stream: `account:${accountId}`, actorId: accountId, action: check.matched ? 'account.real_name_verified' : 'account.real_name_mismatch', target: accountId,
    change: { method: check.method, matched: check.matched, realNameLevel: level, exchangeDigest: check.exchangeDigest },
  });
  return level;
}

/** `db` is the registering app's database: a listener of another app (tests run several) ignores it */
type RegisteredListener = (accountId: string, db: Executor) => Promise<void>;
const listeners = new Set<RegisteredListener>();

/** Run `listener` after each citizen registration commits; returns the unsubscribe function. */
export function onCitizenRegistered(listener: RegisteredListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by registration after its commit; a failing listener never undoes the registration. */
export async function citizenRegistered(accountId: string, db: Executor): Promise<void> {
  for (const l of listeners) await l(accountId, db).catch(() => undefined);
}
