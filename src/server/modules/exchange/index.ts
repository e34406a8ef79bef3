// Data exchange (共享交换): owns registry_records, exchange_grants and exchange_log. The only way any
// module reads a registry; it must never return a field that is not granted, nor skip the log.
//
// Other modules call exchangeQuery(db, request) for data, and plug their own registries in with
// registerRegistry(provider) (the e-licence library does so when its module registers).
import type { FastifyInstance } from 'fastify';
import './errors.js';
import { configureExchange } from './keys.js';
import { registerRegistry } from './provider.js';
import { localProviders } from './registries.js';
import { remoteRegistriesFrom } from './remote-config.js';
import { exchangeRouteTable } from './routes.js';

/** Registers the local registries, then configured remote ones (which may replace a local one), then the routes. */
export async function exchangeRoutes(app: FastifyInstance) {
  configureExchange({ secretKey: app.config.secretKey });
  for (const provider of localProviders()) registerRegistry(provider);
  for (const remote of remoteRegistriesFrom(app.config.exchangeRemoteRegistries)) registerRegistry(remote);
  await exchangeRouteTable(app);
}

export { exchangeQuery, type ExchangeRequest, type ExchangeResult } from './exchange.js';
export { registerRegistry, findRegistry, allRegistries } from './provider.js';
export type { ExchangeCallContext, ExchangePurpose, ExchangeSubject, FieldDef, RegistryProvider, ShareType, FieldDataType, SubjectKind } from './provider.js';
export { configureExchange } from './keys.js';
export { RemoteRegistry, RemoteRegistryError, type RemoteRegistryOptions } from './remote.js';
export { signRequest, verifySignedRequest, SIGNED_HEADERS } from './signing.js';
export { seedExchange, type ExchangeSeed } from './seed.js';
