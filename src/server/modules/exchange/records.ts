// Records of the local registries: one encrypted JSON document per (registry, subject hash).
// Reading picks only the fields asked for; writing is for seeding and for registry owners' tools.
import { sql } from 'drizzle-orm';
import { one, type Executor } from '../../db/client.js';
import { now } from '../../platform/clock.js';
import { exchangeCipher, subjectHash } from './keys.js';
import type { ExchangeSubject } from './provider.js';

/** The asked fields of the subject's record in the registry; null when there is no record. */
export async function localLookup(db: Executor, registry: string, subject: ExchangeSubject, fields: string[]): Promise<Record<string, unknown> | null> {
  const row = await one<{ data_enc: string }>(db, sql`
    SELECT data_enc FROM registry_records WHERE registry = ${registry} AND subject_hash = ${subjectHash(subject)}`);
  if (!row) return null;
  const record = JSON.parse(exchangeCipher().decrypt(row.data_enc)) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(record, field)) out[field] = record[field];
  return out;
}

/** Write (or replace) the subject's whole record. */
export async function putRecord(t: Executor, registry: string, subject: ExchangeSubject, record: Record<string, unknown>): Promise<void> {
  const at = now().toISOString();
  await t.execute(sql`
    INSERT INTO registry_records (registry, subject_hash, data_enc, updated_at)
    VALUES (${registry}, ${subjectHash(subject)}, ${exchangeCipher().encrypt(JSON.stringify(record))}, ${at}::timestamptz)
    ON CONFLICT (registry, subject_hash) DO UPDATE SET data_enc = EXCLUDED.data_enc, updated_at = EXCLUDED.updated_at`);
}

export async function hasRecord(db: Executor, registry: string, subject: ExchangeSubject): Promise<boolean> {
  return !!(await one(db, sql`SELECT 1 FROM registry_records WHERE registry = ${registry} AND subject_hash = ${subjectHash(subject)}`));
}
