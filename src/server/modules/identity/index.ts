// Identity: accounts, sessions, roles. Public face for other modules.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { ActorResolver } from '../../platform/auth.js';

export function createActorResolver(_db: Database, _config: Config): ActorResolver {
  return async () => null;
}

export async function identityRoutes(_app: FastifyInstance) {}
