// Liveness (/healthz) and readiness (/readyz: database reachable and every migration applied).
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { migrationsApplied } from '../db/migrate.js';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await app.db.orm.execute(sql`SELECT 1`);
      const migrated = await migrationsApplied(app.db.orm);
      if (!migrated) return reply.status(503).send({ status: 'unready', database: 'ok', migrations: 'pending' });
      return { status: 'ready', database: app.db.kind, migrations: 'applied' };
    } catch {
      return reply.status(503).send({ status: 'unready', database: 'unreachable' });
    }
  });
}
