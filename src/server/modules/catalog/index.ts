// Catalogue: service items and their versions, themes, departments, regions and notices.
// Public face for other modules; they never read the catalogue tables or repo directly.
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client.js';
import { cacheCurrentVersions } from './application-spec.js';
import { catalogRouteTable } from './routes.js';
import { findDepartmentIssuer } from './repo.js';
import { configureSearchCache } from './search-cache.js';
import { warmUpSearch } from './search.js';
import * as service from './service.js';

export async function catalogRoutes(app: FastifyInstance) {
  const stopCaching = await cacheCurrentVersions(app.db);
  app.addHook('onClose', () => stopCaching());
  warmUpSearch();
  configureSearchCache(app.config.searchCacheSeconds);
  await catalogRouteTable(app);
}

/** Names of departments by code (unknown codes are absent from the map). */
export function departmentNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  return service.departmentNames(db, codes);
}

export const getDepartment = service.getDepartment;
/** A department as the issuer of licences: name, unified social credit code, region; undefined when unknown. */
export async function departmentIssuer(db: Executor, code: string) {
  const d = await findDepartmentIssuer(db, code);
  return d && { code: d.code, name: d.name, creditCode: d.credit_code, regionCode: d.region_code };
}

export { getApplicationSpec, type ApplicationSpec } from './application-spec.js';
export const getItem = service.getItem;
export { bulkInsertItems, generateItems, seedCatalog } from './seed.js';
export type { CatalogSeed } from './seed.js';
