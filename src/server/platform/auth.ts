// Who is calling: the Actor attached to each request by the identity module's session resolver,
// and the guards routes declare (requireAuth, requireRole).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.js';

export type Role =
  | 'citizen' | 'enterprise_agent'
  | 'clerk' | 'reviewer' | 'approver' | 'dept_admin'
  | 'operator' | 'auditor';

export interface Actor {
  accountId: string;
  username: string;
  kind: 'person' | 'staff';
  name: string;
  /** global roles plus the union of department roles */
  roles: Role[];
  /** department-scoped staff roles */
  departments: { code: string; roles: Role[] }[];
  realNameLevel: number;
  sessionId: string;
}

/** Returns the caller, or null for an anonymous request; marks request.sessionExpired for a stale session. */
export type ActorResolver = (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** the request carried a session that has ended: public routes serve it anonymously */
    sessionExpired: boolean;
  }
}

/**
 * Resolves the caller on every API request, before the body is read, so route guards
 * (declared as `preValidation`) refuse strangers before their input is even validated.
 */
export const authPlatform = fp(async (app: FastifyInstance, opts: { resolve: ActorResolver }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await opts.resolve(request, reply);
  });
});

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  return request.actor;
}

export const requireAuth = async (request: FastifyRequest) => {
  actorOf(request);
};

export const requireRole = (...roles: Role[]) => async (request: FastifyRequest) => {
  const actor = actorOf(request);
  if (!roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN');
};

export const hasRole = (actor: Actor | null, role: Role) => !!actor?.roles.includes(role);
