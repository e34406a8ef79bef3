// Real-name verification (实名核验): owns no table; raises an account's real-name level through
// identity after a population-register match read through the exchange. Never reads a registry itself.
import type { FastifyInstance } from 'fastify';
import { onCitizenRegistered } from '../identity/index.js';
import { realNameRouteTable } from './routes.js';
import { verifyRealName } from './service.js';

/** The route, and an L2 check right after each citizen registration. */
export async function realNameRoutes(app: FastifyInstance) {
  const off = onCitizenRegistered(async (accountId, db) => {
    if (db === app.db.orm) await verifyRealName(app.db.orm, app.config.secretKey, accountId, { quietMismatch: true });
  });
  app.addHook('onClose', async () => { off(); });
  await app.register(realNameRouteTable);
}

export { verifyRealName };
