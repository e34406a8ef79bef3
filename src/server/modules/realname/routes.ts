// Routes of real-name verification: the signed-in citizen asks for an L2 check of their own account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RealNameResultSchema } from '../../../contract/real-name.js';
import { actorOf, requireRole } from '../../platform/auth.js';
import { ProblemSchema } from '../../../contract/common.js';
import { verifyRealName } from './service.js';

export async function realNameRouteTable(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/me/real-name/verify', {
    schema: {
      tags: ['identity'], security: [{ session: [] }],
      summary: 'Real-name verification (L2): match name and ID number against the population register through the data exchange',
      response: { 200: RealNameResultSchema, '4xx': ProblemSchema },
    },
    preValidation: requireRole('citizen'),
  }, async (req) => verifyRealName(app.db.orm, app.config.secretKey, actorOf(req).accountId));
}
