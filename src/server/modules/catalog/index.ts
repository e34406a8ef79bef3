// Catalogue: service items and their versions, themes, departments, regions and notices.
// Public face for other modules; they never read the catalogue tables or repo directly.
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client.js';
import { catalogRouteTable } from './routes.js';
import { configureSearchCache } from './search-cache.js';
import { warmUpSearch } from './search.js';
import * as service from './service.js';

export async function catalogRoutes(app: FastifyInstance) {
  warmUpSearch();
  configureSearchCache(app.config.searchCacheSeconds);
  await catalogRouteTable(app);
}

/** Names of departments by code (unknown codes are absent from the map). */
export function departmentNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  return service.departmentNames(db, codes);
}

export const getDepartment = service.getDepartment;
export { getApplicationSpec, type ApplicationSpec } from './application-spec.js';
export const getItem = service.getItem;
export { bulkInsertItems, generateItems, seedCatalog } from './seed.js';
export type { CatalogSeed } from './seed.js';
