// Shared set-up of the exchange tests: the demo catalogue, people, an enterprise with its agent,
// staff with sessions, the demo registries and standing grants; helpers to read the log.
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { seedEnterprises, seedPersons } from '../../db/seed/data/people.js';
import { seedGrants, seedRegistryRecords } from '../../db/seed/data/registries.js';
import { demoCatalog } from '../../db/seed/index.js';
import { demoClients, TEST_PASSWORD } from '../../test/accounts.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { seedCatalog } from '../catalog/index.js';
import { seedAccounts } from '../identity/index.js';
import { seedExchange } from './index.js';

export const USERS = ['citizen1', 'citizen2', 'company1', 'clerk1', 'operator1', 'auditor1', 'admin.gaj'] as const;
export type User = typeof USERS[number];

export interface ExchangeContext extends TestContext {
  as: Record<User, Client>;
  anonymous: Client;
}

export const person = (username: string) => seedPersons.find((p) => p.username === username)!;
export const YUNQI = seedEnterprises.find((e) => e.agents.includes('company1'))!;

export async function startExchangeApp(): Promise<ExchangeContext> {
  const t = await startTestApp({ outboxWorker: false });
  await seedCatalog(t.db, demoCatalog());
  await seedAccounts(t.db, {
    people: seedPersons.filter((p) => ['citizen3', 'company1'].includes(p.username)), enterprises: [YUNQI], staff: [],
    departmentCodes: [], password: TEST_PASSWORD, secretKey: t.config.secretKey,
  });
  const as = await demoClients(t, [...USERS]);
  await seedExchange(t.db, { secretKey: t.config.secretKey, records: seedRegistryRecords, grants: seedGrants });
  return { ...t, as, anonymous: new Client(t.app) };
}

export interface LogRow { id: string; outcome: string; fields_asked: string[]; fields_granted: string[]; subject_account_id: string | null; digest: string; case_no: string | null; consumer_department: string; registry: string }

export const logRows = (t: TestContext) => rows<LogRow>(t.db.orm, sql`
  SELECT id::text AS id, outcome, fields_asked, fields_granted, subject_account_id::text AS subject_account_id, digest, case_no, consumer_department, registry
  FROM exchange_log ORDER BY exchange_log.id`);

export const accountIdOf = async (t: TestContext, username: string) =>
  (await rows<{ id: string }>(t.db.orm, sql`SELECT id::text AS id FROM accounts WHERE username = ${username}`))[0].id;

