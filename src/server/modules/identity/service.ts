// Account rules: citizen registration, login with lockout, logout, the caller's profile, password
// changes and operator actions. Each state change is one transaction with its audit entry; the
// audit payloads and logs never carry a full ID number or mobile number.
import type { CitizenRegistration, Me, RegistrationResult, AdminAccountPage } from '../../../contract/identity.js';
import type { Config } from '../../config.js';
import { tx, type Database, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor, Role } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { fieldCipher, hashPassword, randomToken, verifyPassword, type FieldCipher } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { validateIdNumber } from '../../platform/ids.js';
import { maskMobile, maskName } from '../../../contract/mask.js';
import { queueNotice } from '../notifications/index.js';
import { listEnterprisesOf } from './enterprise-repo.js';
import * as notices from './notices.js';
import { citizenRegistered } from './real-name.js';
import * as repo from './repo.js';
import { canonicalCode, cleanText, fieldError, idNumberDetail, isMobileNumber, MOBILE_FORMAT, passwordDetail, passwordProblems, textFieldErrors } from './rules.js';
import { openSession, sessionDeadline, type OpenedSession, type RequestMeta } from './session.js';
import { maskedIdNumber, maskedMobile, toAdminAccount, toEnterpriseSummary } from './views.js';

export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ID_NUMBER_KIND = 'id_number';
export const MOBILE_KIND = 'mobile';

export const mobileHash = (cipher: FieldCipher, mobile: string) => cipher.lookupHash(MOBILE_KIND, mobile);

/** How a mobile number is stored: encrypted, plus the keyed hash that finds it and keeps it unique. */
export const sealMobile = (cipher: FieldCipher, mobile: string) => ({ mobileEnc: cipher.encrypt(mobile), mobileHash: mobileHash(cipher, mobile) });

/** A login is a username or a mobile number; the two cannot overlap (usernames start with a letter). */
export const findAccountByLogin = (db: Executor, cipher: FieldCipher, login: string) =>
  isMobileNumber(login) ? repo.findAccountByMobileHash(db, mobileHash(cipher, login)) : repo.findAccountByUsername(db, login);

const TAKEN: Record<string, { code: string; path: string; zh: string; en: string }> = {
  accounts_username_key: { code: 'USERNAME_TAKEN', path: '/username', zh: '该用户名已被注册', en: 'Already registered' },
  accounts_mobile_hash_key: { code: 'MOBILE_TAKEN', path: '/mobile', zh: '该手机号已被注册', en: 'Already registered' },
  accounts_id_number_hash_key: { code: 'ID_NUMBER_TAKEN', path: '/idNumber', zh: '该身份证号码已注册账号', en: 'Already registered' },
};
const takenError = (constraint: string, lang: Lang) => {
  const t = TAKEN[constraint];
  return new AppError(t.code, undefined, [fieldError(t.path, t.code, t, lang)]);
};

/** Throws PASSWORD_TOO_WEAK with a field error at `path` unless the password meets the policy. */
export function requireStrongPassword(password: string, username: string, path: string, lang: Lang): void {
  const problems = passwordProblems(password, username);
  if (!problems.length) return;
  const detail = passwordDetail(problems);
  throw new AppError('PASSWORD_TOO_WEAK', detail, [fieldError(path, problems[0].code, detail, lang)]);
}

// Unknown logins verify against a real hash too, so timing does not tell which usernames exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomToken()));

const lockedError = (until: Date, at: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError('ACCOUNT_LOCKED', {
    zh: `请 ${minutes} 分钟后再试，或联系平台运营人员解锁`, en: `Try again in ${minutes} minutes, or ask the platform operator to unlock it`,
  }, undefined, { 'retry-after': String(seconds) });
};

const lockedUntil = (account: { locked_until: Date | string | null }, at: Date) =>
  account.locked_until && new Date(account.locked_until) > at ? new Date(account.locked_until) : null;

export function identityService(db: Database, config: Config, departmentNames: (codes: string[]) => Promise<Map<string, string>>) {
  const orm = db.orm;
  const cipher = fieldCipher(config.secretKey);

  async function registerCitizen(input: CitizenRegistration, meta: RequestMeta): Promise<RegistrationResult> {
    const name = cleanText(input.name);
    const fieldErrors = textFieldErrors([{ path: '/name', value: name, min: 2 }], meta.lang);
    if (!isMobileNumber(input.mobile)) fieldErrors.push(fieldError('/mobile', 'FORMAT', MOBILE_FORMAT, meta.lang));
    if (fieldErrors.length) throw new AppError('VALIDATION_FAILED', undefined, fieldErrors);
    const idNumber = canonicalCode(input.idNumber);
    const check = validateIdNumber(idNumber, { now: now() });
    if (!check.ok) {
      const detail = idNumberDetail(check.reason);
      throw new AppError('ID_NUMBER_INVALID', detail, [fieldError('/idNumber', check.reason, detail, meta.lang)]);
    }
    requireStrongPassword(input.password, input.username, '/password', meta.lang);
    const idNumberHash = cipher.lookupHash(ID_NUMBER_KIND, idNumber);
    const sealedMobile = sealMobile(cipher, input.mobile);
    const taken = await repo.findTaken(orm, { username: input.username, mobileHash: sealedMobile.mobileHash, idNumberHash });
    if (taken.username) throw takenError('accounts_username_key', meta.lang);
    if (taken.mobile) throw takenError('accounts_mobile_hash_key', meta.lang);
    if (taken.idNumber) throw takenError('accounts_id_number_hash_key', meta.lang);

    const passwordHash = await hashPassword(input.password);
    const at = now();
    let registered: RegistrationResult;
    try {
      registered = await tx(orm, async (t) => {
        const id = await repo.insertAccount(t, {
          username: input.username, kind: 'person', name, idNumberEnc: cipher.encrypt(idNumber), idNumberHash,
          ...sealedMobile, email: input.email?.trim() || null, passwordHash, realNameLevel: 1, at,
        });
        await appendAudit(t, {
          stream: `account:${id}`, actorId: id, action: 'account.registered', target: id, regionCode: check.regionCode,
          change: { username: input.username, kind: 'person', realNameLevel: 1, idNumberHash, mobile: maskMobile(input.mobile) },
        });
        return { id, username: input.username };
      });
    } catch (error) {
      const constraint = repo.uniqueViolation(error);
      throw constraint && TAKEN[constraint] ? takenError(constraint, meta.lang) : error;
    }
    // real-name verification against the population register (L2) where it is connected
    await citizenRegistered(registered.id, orm);
    return registered;
  }

  async function buildMe(accountId: string, session: { csrfToken: string; expiresAt: Date }): Promise<Me> {
    const [account, grants, enterprises] = await Promise.all([
      repo.getAccountById(orm, accountId), repo.findRoleGrants(orm, accountId), listEnterprisesOf(orm, accountId),
    ]);
    const byDepartment = new Map<string, Role[]>();
    for (const g of grants) if (g.department) byDepartment.set(g.department, [...(byDepartment.get(g.department) ?? []), g.role]);
    const names = byDepartment.size ? await departmentNames([...byDepartment.keys()]) : new Map<string, string>();
    const roles: Role[] = account.kind === 'person'
      ? ['citizen', ...(enterprises.length ? ['enterprise_agent' as const] : [])]
      : [...new Set(grants.map((g) => g.role))];
    return {
      id: account.id,
      username: account.username,
      kind: account.kind,
      name: account.name,
      idNumberMasked: maskedIdNumber(cipher, account.id_number_enc),
      mobileMasked: maskedMobile(cipher, account.mobile_enc),
      email: account.email,
      realNameLevel: Number(account.real_name_level),
      roles,
      departments: [...byDepartment].map(([code, r]) => ({ code, name: names.get(code) ?? code, roles: r })),
      enterprises: enterprises.map((e) => toEnterpriseSummary(cipher, e)),
      csrfToken: session.csrfToken,
      sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }

  /** Password check and lockout accounting; a locked account stays locked even for the right password. */
  async function login(input: { login: string; password: string }, meta: RequestMeta, replacing?: string): Promise<{ session: OpenedSession; me: Me }> {
    const account = await findAccountByLogin(orm, cipher, input.login.trim());
    if (!account) {
      await verifyPassword(input.password, await decoy());
      throw new AppError('INVALID_CREDENTIALS');
    }
    const lockedAt = lockedUntil(account, now());
    if (lockedAt) throw lockedError(lockedAt, now());
    const passwordOk = await verifyPassword(input.password, account.password_hash);
    const at = now();
    const stream = `account:${account.id}`;
    const outcome = await tx(orm, async (t) => {
      const state = await repo.lockAccountRow(t, account.id);
      const until = state && lockedUntil(state, at);
      if (until) return { kind: 'locked' as const, until };
      if (!passwordOk) {
        await repo.addLoginFailure(t, account.id, at);
        const failures = await repo.countLoginFailuresSince(t, account.id, new Date(at.getTime() - LOCKOUT.windowMs));
        await appendAudit(t, { stream, actorId: account.id, action: 'account.login_failed', target: account.id, change: { failures, ip: meta.ip } });
        if (failures < LOCKOUT.failures) return { kind: 'invalid' as const };
        const lockEnd = new Date(at.getTime() + LOCKOUT.lockMs);
        await repo.setLockedUntil(t, account.id, lockEnd);
        await repo.clearLoginFailures(t, account.id);
        await appendAudit(t, { stream, actorId: account.id, action: 'account.locked', target: account.id, change: { failures, lockedUntil: lockEnd.toISOString() } });
        await queueNotice(t, notices.accountLocked(account.id, failures, lockEnd, LOCKOUT.windowMs / 60_000));
        return { kind: 'locked' as const, until: lockEnd };
      }
      if (account.status !== 'active') return { kind: 'disabled' as const };
      await repo.clearLoginFailures(t, account.id);
      if (state?.locked_until) await repo.setLockedUntil(t, account.id, null);
      if (replacing) await repo.revokeSession(t, replacing, at);
      const session = await openSession(t, config, account, meta, at);
      await appendAudit(t, { stream, actorId: account.id, action: 'account.login', target: account.id, change: { ip: meta.ip, userAgent: meta.userAgent } });
      return { kind: 'ok' as const, session };
    });
    if (outcome.kind === 'locked') throw lockedError(outcome.until, at);
    if (outcome.kind === 'invalid') throw new AppError('INVALID_CREDENTIALS');
    if (outcome.kind === 'disabled') throw new AppError('ACCOUNT_DISABLED');
    return { session: outcome.session, me: await buildMe(account.id, await sessionOf(outcome.session.id)) };
  }

  async function sessionOf(sessionId: string) {
    const s = await repo.findSession(orm, sessionId);
    if (!s) throw new AppError('SESSION_EXPIRED');
    return { csrfToken: s.csrf_token, expiresAt: sessionDeadline(s) };
  }

  async function me(actor: Actor): Promise<Me> {
    return buildMe(actor.accountId, await sessionOf(actor.sessionId));
  }

  async function logout(actor: Actor | null): Promise<void> {
    if (!actor) return;
    await tx(orm, async (t) => {
      const at = now();
      await repo.revokeSession(t, actor.sessionId, at);
      await appendAudit(t, { stream: `account:${actor.accountId}`, actorId: actor.accountId, action: 'account.logout', target: actor.accountId, change: {} });
    });
  }

  async function logoutEverywhere(actor: Actor): Promise<void> {
    await tx(orm, async (t) => {
      const sessions = await repo.revokeAccountSessions(t, actor.accountId, now());
      await appendAudit(t, { stream: `account:${actor.accountId}`, actorId: actor.accountId, action: 'account.logout_all', target: actor.accountId, change: { sessions } });
    });
  }

  async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, meta: RequestMeta): Promise<void> {
    const account = await repo.getAccountById(orm, actor.accountId);
    if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
      const detail = { zh: '当前密码不正确', en: 'The current password is wrong' };
      throw new AppError('PASSWORD_INCORRECT', undefined, [fieldError('/currentPassword', 'PASSWORD_INCORRECT', detail, meta.lang)]);
    }
    requireStrongPassword(input.newPassword, account.username, '/newPassword', meta.lang);
    if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
      const detail = { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' };
      throw new AppError('PASSWORD_TOO_WEAK', detail, [fieldError('/newPassword', 'SAME_AS_CURRENT', detail, meta.lang)]);
    }
    const hash = await hashPassword(input.newPassword);
    await tx(orm, async (t) => {
      const at = now();
      await repo.setPasswordHash(t, account.id, hash, at);
      const sessions = await repo.revokeAccountSessions(t, account.id, at, actor.sessionId);
      await appendAudit(t, { stream: `account:${account.id}`, actorId: actor.accountId, action: 'account.password_changed', target: account.id, change: { revokedSessions: sessions } });
      await queueNotice(t, notices.passwordChanged(account.id, at));
    });
  }

  async function listAccounts(query: { q?: string; page?: number; pageSize?: number }): Promise<AdminAccountPage> {
    const q = cleanText(query.q ?? '');
    // the number is stored encrypted, so only a complete mobile number can be looked up (by its hash)
    const search = { q, mobileHash: isMobileNumber(q) ? mobileHash(cipher, q) : null };
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [list, total] = await Promise.all([repo.searchAccounts(orm, search, pageSize, (page - 1) * pageSize), repo.countAccounts(orm, search)]);
    const at = now();
    return { items: list.map((a) => toAdminAccount(cipher, a, at)), total, page, pageSize };
  }

  async function unlock(actor: Actor, username: string): Promise<void> {
    const account = await repo.findAccountByUsername(orm, username);
    if (!account) throw new AppError('NOT_FOUND');
    await tx(orm, async (t) => {
      const state = await repo.lockAccountRow(t, account.id);
      await repo.setLockedUntil(t, account.id, null);
      await repo.clearLoginFailures(t, account.id);
      await appendAudit(t, {
        stream: `account:${account.id}`, actorId: actor.accountId, action: 'account.unlocked', target: account.id,
        change: { wasLocked: !!(state && lockedUntil(state, now())), name: maskName(account.name) },
      });
    });
  }

  return { registerCitizen, login, me, logout, logoutEverywhere, changePassword, listAccounts, unlock, cipher };
}

export type IdentityService = ReturnType<typeof identityService>;
