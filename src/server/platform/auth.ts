// Who is calling: the Actor attached to each request by the identity module's session resolver,
// and the guards routes declare (requireAuth, requireRole).
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
}

/** Resolves the caller on every API request; the identity module supplies the resolver. */
export const authPlatform = fp(async (app: FastifyInstance, opts: { resolve: ActorResolver }) => {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await opts.resolve(request);
  });
});

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
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
