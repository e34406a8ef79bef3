// The signed record of a licence: its GB/T 36903 elements in canonical JSON, rebuilt from the stored
// columns at every verification, so a change to any stored element breaks the signature.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit.js';
import { sm2Sign, sm2Verify, type Sm2KeyPair } from '../../platform/sm2.js';
import type { LicenceRow } from './repo.js';
import { licenceType } from './types.js';

type Signed = Omit<LicenceRow, 'id' | 'signature' | 'status' | 'status_reason' | 'status_changed_at' | 'replaced_by' | 'issued_at' | 'holder_code_enc' | 'holder_code_hash' | 'holder_account_id' | 'issuer_department'>;

/** What is signed: the licence's elements (the holder code in clear), never its status. */
export function signedRecord(l: Signed, holderCode: string): string {
  return canonicalJson({
    identifier: l.identifier, licenceNo: l.licence_no, typeCode: l.type_code, typeName: licenceType(l.type_key)?.name ?? l.type_key,
    serial: l.serial, version: l.version,
    holder: { name: l.holder_name, code: holderCode, codeType: l.holder_code_type },
    issuer: { name: l.issuer_name, code: l.issuer_code }, regionCode: l.region_code,
    item: { code: l.item_code, name: l.item_name, caseNo: l.case_no },
    issuedOn: l.issued_on, validFrom: l.valid_from, validTo: l.valid_to, fields: l.fields, keyId: l.key_id,
  });
}

export const signRecord = (record: string, key: Sm2KeyPair) => sm2Sign(record, key);

// An SM2 check costs about a millisecond of event-loop time; a memo hit, a SHA-256 of the record, a few
// microseconds. The same (record, signature, key) always gives the same answer, so answers are memoised
// by a digest of all three: a changed record misses the memo.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, boolean>();

export function verifyRecord(record: string, signature: string, publicKey: string, options: { memo?: boolean } = {}): boolean {
  const key = createHash('sha256').update(publicKey).update('\0').update(signature).update('\0').update(record).digest('base64');
  if (options.memo !== false) {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
  }
  const ok = sm2Verify(record, signature, publicKey);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, ok);
  return ok;
}
