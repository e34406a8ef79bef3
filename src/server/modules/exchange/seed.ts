// Seeding of the local registries' records and the standing grants (the demo city). Idempotent:
// records are written only where none exists; grants only into an empty grant table.
import { tx, type Executor } from '../../db/client.js';
import { seedGrant } from './grants.js';
import { configureExchange } from './keys.js';
import { registerRegistry, type ExchangeSubject } from './provider.js';
import { hasRecord, putRecord } from './records.js';
import { localProviders } from './registries.js';
import { countAllGrants } from './repo.js';

export interface ExchangeSeed {
  secretKey: string;
  records: { registry: string; subject: ExchangeSubject; data: Record<string, unknown> }[];
  grants: { consumerDepartment: string; itemCode: string; registry: string; fields: string[]; legalBasis: string }[];
}

/** Returns how many records and grants were written. */
export async function seedExchange(db: { orm: Executor }, seed: ExchangeSeed): Promise<{ records: number; grants: number }> {
  // seeding runs before the routes register: make sure the keys and the local catalogue are in place
  configureExchange({ secretKey: seed.secretKey });
  for (const provider of localProviders()) registerRegistry(provider);
  return tx(db.orm, async (t) => {
    let records = 0;
    for (const r of seed.records) {
      if (await hasRecord(t, r.registry, r.subject)) continue;
      await putRecord(t, r.registry, r.subject, r.data);
      records++;
    }
    let grants = 0;
    if ((await countAllGrants(t)) === 0) {
      for (const g of seed.grants) { await seedGrant(t, g); grants++; }
    }
    return { records, grants };
  });
}
