// Routes of prefill from registries: the applicant's consent fetches the offered registries' fields.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RegistryPrefillBodySchema, RegistryPrefillResultSchema } from '../../../contract/applications.js';
import { actorOf, requireRole } from '../../platform/auth.js';
import type { Ctx } from './context.js';
import { fetchRegistryPrefill } from './registry-prefill.js';
import { ItemCodeParams, Problems } from './schemas.js';

export async function registryPrefillRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (): Ctx => ({ db: app.db.orm, secretKey: app.config.secretKey });
  app.post('/api/applications/forms/:itemCode/registry-prefill', {
    schema: {
      tags: ['applications'], security: [{ session: [] }],
      summary: 'Consent (数据授权) to fill the form from the offered registries: recorded, then fetched through the data exchange',
      params: ItemCodeParams, body: RegistryPrefillBodySchema, response: { 200: RegistryPrefillResultSchema, ...Problems },
    },
    preValidation: requireRole('citizen'),
  }, async (req) => fetchRegistryPrefill(ctx(), actorOf(req), req.params.itemCode, req.body));
}
