// Idempotency-Key for writes a client may retry (docs/decisions/0006): owns idempotency_keys and the
// replay of stored responses. Must never let two requests with one live key both do their work: a
// claim before the handler stops the second, or (ADR 0016) the key committed with the work rolls
// the second one's back.
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { one, rows, type Executor } from '../db/client.js';
import { canonicalJson } from './audit.js';
import { now } from './clock.js';
import { fieldCipher, sha256Hex } from './crypto.js';
import { AppError, defineErrors } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** true: honour an Idempotency-Key header when one is sent; 'required': refuse requests without one (428) */
    idempotent?: boolean | 'required';
    /**
     * 'before' (default): claim the key before the handler runs and store the answer after it.
     * 'with-work': claim nothing beforehand; the handler's transaction records the key as done with
     * its work (completeIdempotentRequest) and a taken key rolls that work back and is answered from
     * the key (ADR 0016). For handlers whose writes are one transaction.
     */
    idempotencyClaim?: 'before' | 'with-work';
  }
}

export const IdempotencyErrors = defineErrors({
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    zh: '幂等键（Idempotency-Key）格式不正确，应为 1–100 个字母、数字或 _ - : . 字符',
    en: 'The Idempotency-Key header must be 1–100 letters, digits or _ - : . characters',
  },
  IDEMPOTENCY_KEY_REQUIRED: { status: 428, zh: '此操作须附带幂等键（Idempotency-Key）', en: 'This request needs an Idempotency-Key header' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, zh: '相同的请求正在处理中，请稍后再试', en: 'A request with this Idempotency-Key is still being processed; retry shortly' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, zh: '该幂等键已用于另一项不同的请求', en: 'This Idempotency-Key was already used for a different request' },
});

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9_:.-]{1,100}$/;
export const KEY_TTL_MS = 24 * 3600_000;
/** an in_progress claim this old belongs to a process that died mid-request; the key is free again (IDEMPOTENCY_LEASE_SECONDS) */
export const CLAIM_LEASE_MS = 2 * 60_000;
const STORED_HEADERS = ['content-type', 'location'] as const;

/** The claim a request holds while its handler runs; claimedAt tells it from a later claim of the same key. */
interface Claim { scope: string; key: string; claimedAt: Date }

/** A key a 'with-work' request will record with its work: everything claimKey needs, claimed later. */
interface PendingKey { scope: string; key: string; method: string; route: string; requestHash: string }

interface KeyRow {
  method: string;
  route: string;
  request_hash: string;
  status: 'in_progress' | 'done';
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
}

/**
 * Insert the key as in_progress (or, given the answer, as done), or take over an expired or
 * abandoned row; true when this request holds it.
 */
async function claimKey(db: Executor, c: Claim & Omit<PendingKey, 'scope' | 'key'>, leaseMs: number, answer?: { status: number; body: unknown }): Promise<boolean> {
  return (await rows(db, claimStatement(c, leaseMs, answer))).length === 1;
}

/** claimKey's statement: one row (claimed) when this request now holds the key. */
function claimStatement(c: Claim & Omit<PendingKey, 'scope' | 'key'>, leaseMs: number, answer?: { status: number; body: unknown }): SQL {
  const expiresAt = new Date(c.claimedAt.getTime() + KEY_TTL_MS);
  const abandonedBefore = new Date(c.claimedAt.getTime() - leaseMs);
  const body = answer?.body === undefined || answer.body === null ? null : JSON.stringify(answer.body);
  return sql`
    INSERT INTO idempotency_keys (scope, key, method, route, request_hash, status, response_status, response_body, response_headers, created_at, expires_at)
    VALUES (${c.scope}, ${c.key}, ${c.method}, ${c.route}, ${c.requestHash}, ${answer ? 'done' : 'in_progress'}, ${answer?.status ?? null},
      ${body}::jsonb, ${answer ? '{}' : null}::jsonb, ${c.claimedAt}, ${expiresAt})
    ON CONFLICT (scope, key) DO UPDATE SET
      method = EXCLUDED.method, route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
      response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body, response_headers = EXCLUDED.response_headers,
      created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
    WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
       OR (idempotency_keys.status = 'in_progress' AND idempotency_keys.created_at <= ${abandonedBefore})
    RETURNING 1 AS claimed`;
}

const findKey = (db: Executor, scope: string, key: string) => one<KeyRow>(db, sql`
  SELECT method, route, request_hash, status, response_status, response_body, response_headers
  FROM idempotency_keys WHERE scope = ${scope} AND key = ${key}`);

async function completeKey(db: Executor, c: Claim, status: number, body: unknown, headers: Record<string, string>) {
  await rows(db, sql`
    UPDATE idempotency_keys SET status = 'done', response_status = ${status},
      response_body = ${body === null ? null : JSON.stringify(body)}::jsonb, response_headers = ${JSON.stringify(headers)}::jsonb
    WHERE scope = ${c.scope} AND key = ${c.key} AND status = 'in_progress' AND created_at = ${c.claimedAt}`);
}

const claimsByRequest = new WeakMap<FastifyRequest, Claim>();

/**
 * Record the response inside the handler's own transaction, so the key and the work it stands for
 * commit together: a process killed between COMMIT and onSend can then never let a retry run the
 * work twice. Routes whose work is not one transaction rely on onSend alone. A no-op without a key.
 */
export async function completeIdempotentRequest(t: Executor, request: FastifyRequest, status: number, body: unknown): Promise<void> {
  const answer = idempotentAnswer(request, status, body);
  if (answer) {
    answer.claimed((await rows(t, answer.write)).length);
    return;
  }
  const claim = claimsByRequest.get(request);
  if (!claim) return;
  await completeKey(t, claim, status, body, {});
  completedInTransaction.set(request, status);
}

/**
 * completeIdempotentRequest of a 'with-work' handler as a write for the caller to run in its
 * transaction, alone or joined with its other writes (withWrites): `write` returns one row when the
 * key was free, and `claimed` gets that row count (0 throws, so the work rolls back and the key
 * answers). Null without a key.
 */
export function idempotentAnswer(request: FastifyRequest, status: number, body: unknown): { write: SQL; claimed(rowCount: number): void } | null {
  const pending = pendingByRequest.get(request);
  if (!pending) return null;
  return {
    write: claimStatement({ ...pending, claimedAt: now() }, leaseOf(request), { status, body }),
    claimed: (rowCount) => {
      if (rowCount !== 1) throw new KeyTaken();
      completedInTransaction.set(request, status);
    },
  };
}

/**
 * For a 'with-work' handler about to do work outside its transaction (calls to other systems that
 * leave their own records): when its key already holds an answer, stop here, so a retry of a
 * request that succeeded repeats none of it. Costs one read; a no-op without a key.
 */
export async function assertKeyUnused(db: Executor, request: FastifyRequest): Promise<void> {
  const pending = pendingByRequest.get(request);
  if (pending && await findKey(db, pending.scope, pending.key)) throw new KeyTaken();
}

/** Thrown inside a 'with-work' handler whose key is taken: its transaction rolls back and the key answers. */
class KeyTaken extends Error {
  constructor() { super('idempotency key taken'); }
}

const pendingByRequest = new WeakMap<FastifyRequest, PendingKey>();
const leaseOf = (request: FastifyRequest) => request.server.config.idempotencyLeaseSeconds * 1000;

/** The status a handler recorded in its transaction: onSend has nothing left to write when it is the one sent. */
const completedInTransaction = new WeakMap<FastifyRequest, number>();

async function releaseKey(db: Executor, c: Claim) {
  await db.execute(sql`
    DELETE FROM idempotency_keys WHERE scope = ${c.scope} AND key = ${c.key} AND status = 'in_progress' AND created_at = ${c.claimedAt}`);
}

/** Delete every key past its 24 h; for the job worker. Returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Executor, at: Date = now()): Promise<number> {
  const r = await one<{ n: number }>(db, sql`
    WITH gone AS (DELETE FROM idempotency_keys WHERE expires_at <= ${at} RETURNING 1) SELECT count(*)::int AS n FROM gone`);
  return Number(r?.n ?? 0);
}

/** A retry of these may succeed, so they release the key instead of being replayed. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

const NOT_STORABLE = Symbol('not storable');

/** The serialised JSON body onSend sees, parsed back for the jsonb column; null for an empty body. */
function storableBody(payload: unknown): unknown {
  if (payload === null || payload === undefined) return null;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return NOT_STORABLE; // a stream
  const text = payload.toString();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_STORABLE;
  }
}

function replay(reply: FastifyReply, row: KeyRow) {
  reply.code(row.response_status!).headers({ ...row.response_headers, [REPLAYED_HEADER]: 'true' });
  // objects go through the route's serializer as the first answer did; a bare string must stay JSON
  return reply.send(typeof row.response_body === 'string' ? JSON.stringify(row.response_body) : row.response_body);
}

/**
 * Routes opt in with `config: { idempotent: true | 'required' }`. The key is checked and claimed in
 * the route's last preHandler (after its guards and validation) and the response stored in onSend,
 * which also sees the error handler's problem responses.
 */
export const idempotencyPlatform = fp(async (app: FastifyInstance) => {
  const claims = claimsByRequest;
  const leaseMs = app.config.idempotencyLeaseSeconds * 1000;
  const cipher = fieldCipher(app.config.secretKey);
  // the IP is personal data: keep only a keyed hash of it
  const scopeOf = (request: FastifyRequest) => request.actor?.accountId ?? `anon:${cipher.lookupHash('idempotency_ip', request.ip)}`;

  /** The answer a taken key gives: the stored one, or 409 when it is another request's or still running. */
  async function answerFromKey(reply: FastifyReply, attempt: PendingKey): Promise<FastifyReply | null> {
    const existing = await findKey(app.db.orm, attempt.scope, attempt.key);
    if (!existing) return null;
    if (existing.request_hash !== attempt.requestHash || existing.route !== attempt.route || existing.method !== attempt.method) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    }
    if (existing.status === 'done') return replay(reply, existing);
    throw inProgress();
  }
  const inProgress = () => new AppError('IDEMPOTENCY_IN_PROGRESS', undefined, undefined, { 'retry-after': '1' });

  async function checkKey(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) {
      if (request.routeOptions.config.idempotent === 'required') throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
      return;
    }
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
    const attempt: PendingKey = {
      scope: scopeOf(request), key: header, method: request.method, route: request.url.split('?')[0],
      requestHash: sha256Hex(canonicalJson(request.body ?? null)),
    };
    if (request.routeOptions.config.idempotencyClaim === 'with-work') {
      pendingByRequest.set(request, attempt);
      return;
    }
    // a row released or purged between the claim and the read is retried once more
    for (let tries = 0; tries < 3; tries++) {
      const claimedAt = now();
      if (await claimKey(app.db.orm, { ...attempt, claimedAt }, leaseMs)) {
        claims.set(request, { scope: attempt.scope, key: attempt.key, claimedAt });
        return;
      }
      const answered = await answerFromKey(reply, attempt);
      if (answered) return answered;
    }
    throw inProgress();
  }

  /**
   * A 'with-work' handler that failed: its work rolled back. When the key already holds an answer
   * (the key was taken at commit, or the retry of a request that succeeded fails now because its
   * first run used up what it needed), the key answers instead; otherwise the error stands.
   */
  function answeringTakenKeys(handler: RouteHandlerMethod): RouteHandlerMethod {
    return async function (this: FastifyInstance, request, reply) {
      try {
        return await handler.call(this, request, reply);
      } catch (error) {
        const pending = pendingByRequest.get(request);
        if (!pending) throw error;
        pendingByRequest.delete(request);
        const answered = await answerFromKey(reply, pending);
        if (answered) return answered;
        throw error instanceof KeyTaken ? inProgress() : error; // a taken key purged between the two reads: a retry runs afresh
      }
    };
  }

  async function storeResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    // recorded with the work (its transaction committed, or the answer would be an error instead)
    if (completedInTransaction.get(request) === reply.statusCode) return payload;
    const body = storableBody(payload);
    try {
      if (retryable(reply.statusCode) || body === NOT_STORABLE) {
        await releaseKey(app.db.orm, claim);
      } else {
        const headers: Record<string, string> = {};
        for (const name of STORED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await completeKey(app.db.orm, claim, reply.statusCode, body, headers);
      }
    } catch (err) {
      // the handler's work is done and answered; the key stays in_progress until its lease runs out
      request.log.error({ err }, 'idempotency key not recorded');
    }
    return payload;
  }

  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const list = <T>(hooks: T | T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);
    route.preHandler = [...list(route.preHandler), checkKey] as typeof route.preHandler;
    route.onSend = [...list(route.onSend), storeResponse] as typeof route.onSend;
    if (route.config.idempotencyClaim === 'with-work') route.handler = answeringTakenKeys(route.handler as RouteHandlerMethod);
  });
}, { name: 'idempotency-platform' });
