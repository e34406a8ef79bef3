// E-licences (电子证照): owns licence_keys, licences, licence_presentations and licence_uses. It issues
// licences from approved cases through the applications approval hook; it never writes another module's tables.
import type { FastifyInstance } from 'fastify';
import './errors.js';
import { onCaseApproved } from '../applications/index.js';
import { registerRegistry } from '../exchange/index.js';
import { licenceLibraryProvider } from './library.js';
import { licenceRoutes as routes } from './routes.js';
import { licenceApprovalHook } from './service-issue.js';
import { flushVerifications } from './verification-log.js';

export async function licenceRoutes(app: FastifyInstance) {
  const off = onCaseApproved(licenceApprovalHook(app.config.secretKey));
  app.addHook('onClose', async () => {
    off();
    await flushVerifications(app.db.orm).catch((e) => app.log.warn({ err: e }, 'verification log not flushed'));
  });
  registerRegistry(licenceLibraryProvider(app.config.secretKey));
  await app.register(routes);
}

export { licenceLibraryProvider };
export { mapItemToLicenceType, licenceTypeOfItem, LICENCE_TYPES } from './types.js';
export type { LicenceType } from './types.js';
export { buildIdentifier, parseIdentifier, mod3736CheckChar } from './identifier.js';
