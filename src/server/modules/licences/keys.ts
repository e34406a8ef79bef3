// Signing keys per issuing department: made on first use, private halves encrypted at rest with the
// field cipher, rotated on demand. Retired keys stay published so older licences keep verifying.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { isoTimestamp } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { now } from '../../platform/clock.js';
import { cipherFor } from '../../platform/crypto.js';
import { generateSm2KeyPair, SM2_USER_ID, type Sm2KeyPair } from '../../platform/sm2.js';
import type { LicenceKeys } from '../../../contract/licences.js';
import { departmentIssuer } from '../catalog/index.js';
import * as repo from './repo.js';


/** Public keys never change once made, so each is read from the database once per process. */
const publicKeys = new Map<string, string>();
const privateKeys = new Map<string, Sm2KeyPair>();

const newKeyId = (departmentCode: string, at: Date) =>
  `${departmentCode}-${at.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;

async function createKey(t: Executor, secretKey: string, departmentCode: string): Promise<{ id: string; pair: Sm2KeyPair }> {
  const pair = generateSm2KeyPair();
  const at = now();
  const id = newKeyId(departmentCode, at);
  await repo.insertKey(t, { id, departmentCode, publicKey: pair.publicKey, privateKeyEnc: cipherFor(secretKey).encrypt(pair.privateKey), at });
  await appendAudit(t, { stream: `licence-keys:${departmentCode}`, actorId: 'system', action: 'licence_key.created', target: id, change: { keyId: id, publicKey: pair.publicKey } });
  return { id, pair };
}

/** The department's active signing key, made in the caller's transaction when it has none. */
export async function signingKey(t: Executor, secretKey: string, departmentCode: string): Promise<{ id: string; pair: Sm2KeyPair }> {
  let row = await repo.findActiveKey(t, departmentCode);
  if (!row) {
    await repo.lockDepartmentKeys(t, departmentCode);
    row = await repo.findActiveKey(t, departmentCode);
    if (!row) return createKey(t, secretKey, departmentCode);
  }
  let pair = privateKeys.get(row.id);
  if (!pair) privateKeys.set(row.id, (pair = { publicKey: row.public_key, privateKey: cipherFor(secretKey).decrypt(row.private_key_enc) }));
  return { id: row.id, pair };
}

/** Retire the department's active key and make a new one; returns the new key id. */
export async function rotateKey(t: Executor, secretKey: string, departmentCode: string, actorId: string): Promise<string> {
  await repo.lockDepartmentKeys(t, departmentCode);
  const old = await repo.findActiveKey(t, departmentCode);
  if (old) {
    await repo.retireKey(t, old.id, now());
    await appendAudit(t, { stream: `licence-keys:${departmentCode}`, actorId, action: 'licence_key.retired', target: old.id, change: { keyId: old.id } });
  }
  return (await createKey(t, secretKey, departmentCode)).id;
}

export async function publicKeyOf(db: Executor, keyId: string): Promise<string | null> {
  const cached = publicKeys.get(keyId);
  if (cached) return cached;
  const row = await repo.findKey(db, keyId);
  if (!row) return null;
  publicKeys.set(keyId, row.public_key);
  return row.public_key;
}

/** The document at /.well-known/tongban/licence-keys.json: every key, active and retired. */
export async function keysDocument(db: Executor): Promise<LicenceKeys> {
  const list = await repo.listKeys(db);
  const issuers = new Map<string, { name: string; creditCode: string }>();
  for (const code of new Set(list.map((k) => k.department_code))) {
    const d = await departmentIssuer(db, code);
    issuers.set(code, { name: d?.name ?? code, creditCode: d?.creditCode ?? '' });
  }
  return {
    algorithm: 'SM2-SM3', userId: SM2_USER_ID,
    keys: list.map((k) => ({
      keyId: k.id, departmentCode: k.department_code, issuerName: issuers.get(k.department_code)!.name, issuerCode: issuers.get(k.department_code)!.creditCode,
      publicKey: k.public_key, status: k.status, createdAt: isoTimestamp(k.created_at), retiredAt: k.retired_at ? isoTimestamp(k.retired_at) : null,
    })),
  };
}
