// Sessions: opening one at login, the cookies that carry it, and the actor resolver that checks
// expiry and CSRF on every API request. Never stores a usable token: the table keeps its SHA-256.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import type { Actor, ActorResolver, Role } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { insertSession, touchSession, type SessionRow } from './repo.js';
import { createSessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'tb_session';
export const CSRF_COOKIE = 'tb_csrf';
const CITIZEN_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** last_seen_at is written at most this often, so reads do not turn into writes */
const TOUCH_EVERY_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestMeta { lang: 'zh' | 'en'; ip: string | null; userAgent: string | null }

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  lang: req.lang,
  ip: req.ip ?? null,
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 256) : null,
});

/** Staff: short idle timeout and a working-day cap; persons: a longer idle timeout and a week. */
export function sessionTerms(kind: 'person' | 'staff', config: Config) {
  return kind === 'staff'
    ? { idleMinutes: config.staffIdleMinutes, absoluteMs: config.staffAbsoluteHours * 3600_000 }
    : { idleMinutes: config.citizenIdleMinutes, absoluteMs: CITIZEN_ABSOLUTE_MS };
}

export interface OpenedSession { id: string; token: string; csrfToken: string }

export async function openSession(t: Executor, config: Config, account: { id: string; kind: 'person' | 'staff' }, meta: RequestMeta, at: Date): Promise<OpenedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const id = sha256Hex(token);
  const { idleMinutes, absoluteMs } = sessionTerms(account.kind, config);
  await insertSession(t, {
    id, accountId: account.id, csrfToken, at, expiresAt: new Date(at.getTime() + absoluteMs), idleMinutes, userAgent: meta.userAgent, ip: meta.ip,
  });
  return { id, token, csrfToken };
}

/** The earlier of the idle deadline and the absolute deadline. */
export function sessionDeadline(s: Pick<SessionRow, 'last_seen_at' | 'expires_at' | 'idle_minutes'>): Date {
  const idle = new Date(s.last_seen_at).getTime() + s.idle_minutes * 60_000;
  return new Date(Math.min(idle, new Date(s.expires_at).getTime()));
}

const cookieBase = (config: Config) => ({ path: '/', sameSite: 'lax' as const, secure: config.cookieSecure });

/** Browser-session cookies: the server enforces expiry; closing the browser ends the session too. */
export function setSessionCookies(reply: FastifyReply, config: Config, session: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase(config), httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase(config), httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { ...cookieBase(config), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...cookieBase(config), httpOnly: false });
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function actorFromSession(row: SessionRow): Actor {
  const grants = row.grants ?? [];
  const departments = new Map<string, Role[]>();
  for (const g of grants) {
    if (g.department) departments.set(g.department, [...(departments.get(g.department) ?? []), g.role]);
  }
  const roles: Role[] = row.kind === 'person'
    ? ['citizen', ...(row.is_agent ? ['enterprise_agent' as const] : [])]
    : [...new Set(grants.map((g) => g.role))];
  return {
    accountId: row.account_id,
    username: row.username,
    kind: row.kind,
    name: row.name,
    roles,
    departments: [...departments].map(([code, r]) => ({ code, roles: r })),
    realNameLevel: Number(row.real_name_level),
    sessionId: row.id,
  };
}

/**
 * The actor resolver, with its session cache: `close` stops the cache's invalidation feed. An
 * ended session found in memory is read once more from the database before the caller is told:
 * another process may have used it since (last_seen_at) or the cache may be behind.
 */
export async function createActorResolver(db: Database, config: Config): Promise<{ resolve: ActorResolver; close(): Promise<void> }> {
  const sessions = await createSessionCache(db, config);
  const isLive = (row: SessionRow | undefined, at: Date): row is SessionRow =>
    !!row && !row.revoked_at && row.status === 'active' && sessionDeadline(row) > at;
  const resolve: ActorResolver = async (request, reply) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const at = now();
    const id = sha256Hex(token);
    let row = await sessions.find(id);
    if (row && !isLive(row, at)) row = await sessions.find(id, { fresh: true });
    if (!isLive(row, at)) {
      // an ended session makes the caller anonymous: public pages keep working, guarded ones
      // answer SESSION_EXPIRED (requireAuth), and the stale cookies are cleared
      clearSessionCookies(reply, config);
      request.sessionExpired = true;
      return null;
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, row.csrf_token)) throw new AppError('CSRF_FAILED');
    }
    if (at.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
      await touchSession(db.orm, row.id, at);
      sessions.touched(row.id, at);
    }
    return actorFromSession(row);
  };
  return { resolve, close: () => sessions.stop() };
}
