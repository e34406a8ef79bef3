// SQL of the identity module: accounts, roles, login failures and sessions. Enterprise tables are
// in enterprise-repo.ts. find* may return nothing; get* throws NOT_FOUND. No rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import type { Role } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { invalidate } from '../../platform/invalidation.js';

export interface AccountRow {
  id: string;
  username: string;
  kind: 'person' | 'staff';
  name: string;
  id_number_enc: string | null;
  mobile_enc: string;
  email: string | null;
  password_hash: string;
  real_name_level: number;
  status: 'active' | 'disabled';
  locked_until: Date | string | null;
  created_at: Date | string;
}

export interface RoleGrant { role: Role; department: string | null }

const ACCOUNT_COLUMNS = sql.raw('id, username, kind, name, id_number_enc, mobile_enc, email, password_hash, real_name_level, status, locked_until, created_at');
const iso = (d: Date) => d.toISOString();

export const findAccountById = (db: Executor, id: string) =>
  one<AccountRow>(db, sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ${id}`);

export async function getAccountById(db: Executor, id: string): Promise<AccountRow> {
  const account = await findAccountById(db, id);
  if (!account) throw new AppError('NOT_FOUND');
  return account;
}

export const findAccountByUsername = (db: Executor, username: string) =>
  one<AccountRow>(db, sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(username) = lower(${username})`);

/** Mobile numbers are stored encrypted; an account is found by the keyed hash of its number. */
export const findAccountByMobileHash = (db: Executor, mobileHash: string) =>
  one<AccountRow>(db, sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE mobile_hash = ${mobileHash}`);

/** Which of the unique values are already used by some account. */
export async function findTaken(db: Executor, v: { username: string; mobileHash: string; idNumberHash?: string }) {
  const r = await one<{ username: boolean; mobile: boolean; id_number: boolean }>(db, sql`SELECT
    EXISTS (SELECT 1 FROM accounts WHERE lower(username) = lower(${v.username})) AS username,
    EXISTS (SELECT 1 FROM accounts WHERE mobile_hash = ${v.mobileHash}) AS mobile,
    EXISTS (SELECT 1 FROM accounts WHERE id_number_hash = ${v.idNumberHash ?? null}) AS id_number`);
  return { username: !!r?.username, mobile: !!r?.mobile, idNumber: !!r?.id_number };
}

export const mobileHashExists = async (db: Executor, mobileHash: string) =>
  !!(await one(db, sql`SELECT 1 FROM accounts WHERE mobile_hash = ${mobileHash}`));

export interface NewAccount {
  username: string; kind: 'person' | 'staff'; name: string; idNumberEnc: string | null; idNumberHash: string | null;
  mobileEnc: string; mobileHash: string; email: string | null; passwordHash: string; realNameLevel: number; at: Date;
}

export async function insertAccount(t: Executor, a: NewAccount): Promise<string> {
  const r = await one<{ id: string }>(t, sql`INSERT INTO accounts
    (username, kind, name, id_number_enc, id_number_hash, mobile_enc, mobile_hash, email, password_hash, real_name_level, created_at, password_changed_at)
    VALUES (${a.username}, ${a.kind}, ${a.name}, ${a.idNumberEnc}, ${a.idNumberHash}, ${a.mobileEnc}, ${a.mobileHash}, ${a.email}, ${a.passwordHash},
      ${a.realNameLevel}, ${iso(a.at)}, ${iso(a.at)})
    RETURNING id`);
  return r!.id;
}

export async function insertRoles(t: Executor, accountId: string, grants: RoleGrant[]): Promise<void> {
  invalidate('account', accountId);
  for (const g of grants) {
    await t.execute(sql`INSERT INTO account_roles (account_id, role, department_code) VALUES (${accountId}, ${g.role}, ${g.department})
      ON CONFLICT DO NOTHING`);
  }
}

export const findRoleGrants = (db: Executor, accountId: string) =>
  rows<RoleGrant>(db, sql`SELECT role, department_code AS department FROM account_roles WHERE account_id = ${accountId} ORDER BY department_code NULLS FIRST, role`);

export async function setPasswordHash(t: Executor, accountId: string, hash: string, at: Date): Promise<void> {
  invalidate('account', accountId);
  await t.execute(sql`UPDATE accounts SET password_hash = ${hash}, password_changed_at = ${iso(at)} WHERE id = ${accountId}`);
}

// --- lockout -------------------------------------------------------------------------------------

/** Lock the account row for this transaction and read its lock state. */
export const lockAccountRow = (t: Executor, accountId: string) =>
  one<{ locked_until: Date | string | null }>(t, sql`SELECT locked_until FROM accounts WHERE id = ${accountId} FOR UPDATE`);

export async function addLoginFailure(t: Executor, accountId: string, at: Date): Promise<void> {
  await t.execute(sql`INSERT INTO login_failures (account_id, at) VALUES (${accountId}, ${iso(at)})`);
}

export async function countLoginFailuresSince(t: Executor, accountId: string, since: Date): Promise<number> {
  const r = await one<{ n: number | string }>(t, sql`SELECT count(*) AS n FROM login_failures WHERE account_id = ${accountId} AND at > ${iso(since)}`);
  return Number(r?.n ?? 0);
}

export async function clearLoginFailures(t: Executor, accountId: string): Promise<void> {
  await t.execute(sql`DELETE FROM login_failures WHERE account_id = ${accountId}`);
}

export async function setLockedUntil(t: Executor, accountId: string, until: Date | null): Promise<void> {
  await t.execute(sql`UPDATE accounts SET locked_until = ${until ? iso(until) : null} WHERE id = ${accountId}`);
}

// --- sessions ------------------------------------------------------------------------------------

export interface NewSession {
  id: string; accountId: string; csrfToken: string; at: Date; expiresAt: Date; idleMinutes: number; userAgent: string | null; ip: string | null;
}

export async function insertSession(t: Executor, s: NewSession): Promise<void> {
  await t.execute(sql`INSERT INTO sessions (id, account_id, csrf_token, created_at, last_seen_at, expires_at, idle_minutes, user_agent, ip)
    VALUES (${s.id}, ${s.accountId}, ${s.csrfToken}, ${iso(s.at)}, ${iso(s.at)}, ${iso(s.expiresAt)}, ${s.idleMinutes}, ${s.userAgent}, ${s.ip})`);
}

export interface SessionRow {
  id: string; account_id: string; csrf_token: string; last_seen_at: Date | string; expires_at: Date | string;
  idle_minutes: number; revoked_at: Date | string | null;
  username: string; kind: 'person' | 'staff'; name: string; real_name_level: number; status: 'active' | 'disabled';
  grants: RoleGrant[]; is_agent: boolean;
}

/** The session with everything the actor needs, in one round trip. */
export const findSession = (db: Executor, id: string) => one<SessionRow>(db, sql`
  SELECT s.id, s.account_id, s.csrf_token, s.last_seen_at, s.expires_at, s.idle_minutes, s.revoked_at,
    a.username, a.kind, a.name, a.real_name_level, a.status,
    coalesce((SELECT json_agg(json_build_object('role', r.role, 'department', r.department_code)) FROM account_roles r WHERE r.account_id = a.id), '[]'::json) AS grants,
    EXISTS (SELECT 1 FROM enterprise_agents e WHERE e.account_id = a.id) AS is_agent
  FROM sessions s JOIN accounts a ON a.id = s.account_id
  WHERE s.id = ${id}`);

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE sessions SET last_seen_at = ${iso(at)} WHERE id = ${id} AND revoked_at IS NULL`);
}

export async function revokeSession(t: Executor, id: string, at: Date): Promise<void> {
  invalidate('session', id);
  await t.execute(sql`UPDATE sessions SET revoked_at = ${iso(at)} WHERE id = ${id} AND revoked_at IS NULL`);
}

/** Revoke every live session of the account, except `keep` when given; returns how many. */
export async function revokeAccountSessions(t: Executor, accountId: string, at: Date, keep?: string): Promise<number> {
  invalidate('account', accountId);
  const r = await rows(t, sql`UPDATE sessions SET revoked_at = ${iso(at)}
    WHERE account_id = ${accountId} AND revoked_at IS NULL AND id <> ${keep ?? ''} RETURNING id`);
  return r.length;
}

// --- operator search -----------------------------------------------------------------------------

export interface AccountListRow extends AccountRow { roles: Role[] | null }

/** q is matched against username and name; mobileHash, when given, must equal the stored hash. */
export interface AccountSearch { q: string; mobileHash: string | null }

const accountFilter = ({ q, mobileHash }: AccountSearch) => {
  const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const byMobile = mobileHash ? sql` OR mobile_hash = ${mobileHash}` : sql``;
  return sql`${q} = '' OR username ILIKE ${like} OR name ILIKE ${like}${byMobile}`;
};

/** Accounts whose username or name contains q, or whose mobile is the searched one (all when q is empty), newest first. */
export const searchAccounts = (db: Executor, search: AccountSearch, limit: number, offset: number) => rows<AccountListRow>(db, sql`
  SELECT ${ACCOUNT_COLUMNS},
    (SELECT array_agg(DISTINCT r.role) FROM account_roles r WHERE r.account_id = accounts.id) AS roles
  FROM accounts WHERE ${accountFilter(search)}
  ORDER BY created_at DESC, id
  LIMIT ${limit} OFFSET ${offset}`);

export async function countAccounts(db: Executor, search: AccountSearch): Promise<number> {
  const r = await one<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM accounts WHERE ${accountFilter(search)}`);
  return Number(r?.n ?? 0);
}

/** The unique index a failed insert ran into, if that is why it failed. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return e.constraint ?? '';
  }
  return undefined;
}
