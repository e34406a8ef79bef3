// Demo city seeding: the fictional 青川市 catalogue and demo accounts. Idempotent; runs at start in
// demo mode (the embedded default) or on demand with `npm run seed:demo`.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../client.js';
import { seedCatalog, type CatalogSeed } from '../../modules/catalog/index.js';
import { seedAccounts } from '../../modules/identity/index.js';
import { registerRegistry, seedExchange } from '../../modules/exchange/index.js';
import { licenceLibraryProvider } from '../../modules/licences/index.js';
import { seedDepartments } from './data/departments.js';
import { seedItems } from './data/items/index.js';
import { seedEnterprises, seedPersons, seedStaff } from './data/people.js';
import { seedRegions } from './data/regions.js';
import { seedGrants, seedRegistryRecords } from './data/registries.js';
import { seedThemes } from './data/themes.js';

export const DEMO_PASSWORD = 'Tongban@2026';

export function demoCatalog(): CatalogSeed {
  return { regions: seedRegions, departments: seedDepartments, themes: seedThemes, items: seedItems };
}

export function demoAccountList(): { username: string; description: string }[] {
  const person = (u: string) => seedPersons.find((p) => p.username === u);
  const enterprise = seedEnterprises.find((e) => e.agents.includes('company1'));
  return [
    { username: 'citizen1', description: `citizen 市民 ${person('citizen1')?.name}` },
    { username: 'citizen2', description: `citizen 市民 ${person('citizen2')?.name} (elderly)` },
    { username: 'company1', description: `enterprise agent 经办人 of ${enterprise?.name}` },
    ...seedStaff.map((s) => ({ username: s.username, description: `${s.roles.join(', ')} ${s.name}` })),
    { username: 'reviewer.<dept>', description: `department reviewer/approver, one per department: ${seedDepartments.map((d) => d.code).join(', ')}` },
  ];
}

export async function seedDemo(db: Database, config: Config, log: FastifyBaseLogger): Promise<void> {
  const started = Date.now();
  const items = await seedCatalog(db, demoCatalog());
  const accounts = await seedAccounts(db, {
    people: seedPersons, enterprises: seedEnterprises, staff: seedStaff,
    departmentCodes: seedDepartments.map((d) => d.code), password: DEMO_PASSWORD, secretKey: config.secretKey,
  });
  // the e-licence library is a registry too; its grants are checked against its catalogue entry
  registerRegistry(licenceLibraryProvider(config.secretKey));
  await seedExchange(db, { secretKey: config.secretKey, records: seedRegistryRecords, grants: seedGrants });
  if (items || accounts.created.length) {
    log.info({ items, accounts: accounts.created.length, ms: Date.now() - started }, 'demo city seeded');
  }
}
