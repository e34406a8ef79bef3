import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import smCrypto from 'sm-crypto';
import { generateSm2KeyPair, sm2Sign, sm2Verify, SM2_USER_ID } from '../../platform/sm2.js';
import { buildIdentifier, mod3736CheckChar, parseIdentifier } from './identifier.js';
import { signedRecord, verifyRecord } from './record.js';

// real identifiers quoted in shared/reference/standards.md (GB/T 36904)
const REAL = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
];

describe('licence identifier (GB/T 36904, ISO/IEC 7064 MOD 37,36)', () => {
  it('reproduces the check character of three real identifiers', () => {
    for (const id of REAL) {
      const parts = parseIdentifier(id);
      assert.ok(parts, id);
      assert.equal(buildIdentifier(parts), id);
      assert.equal(mod3736CheckChar(parts.typeCode + parts.issuerCode + parts.serial + String(parts.version).padStart(3, '0')), id.at(-1));
    }
  });

  it('rejects a wrong check character, a changed serial and a malformed identifier', () => {
    assert.equal(parseIdentifier(REAL[0].slice(0, -1) + 'V'), null);
    assert.equal(parseIdentifier(REAL[0].replace('20230000403', '20230000404')), null);
    assert.equal(parseIdentifier('1.2.156.3005.2.abc'), null);
  });
});

describe('SM2 over SM3 signatures', () => {
  const record = signedRecord({
    identifier: 'x', licence_no: 'n', type_key: 'driving_licence', type_code: 't', serial: '1', version: 1, holder_name: '李明华', holder_code_type: '111',
    issuer_name: '青川市公安局', issuer_code: 'c', region_code: '419900', item_code: 'i', item_name: 'm', case_no: 'k', issued_on: '2026-03-02',
    valid_from: '2026-03-02', valid_to: null, fields: { purpose: '换证' }, key_id: 'gaj-1',
  }, '419902198803150030');

  it('verifies its own signature and refuses a changed record or another key', () => {
    const key = generateSm2KeyPair();
    const sig = sm2Sign(record, key);
    assert.equal(sm2Verify(record, sig, key.publicKey), true);
    assert.equal(sm2Verify(record.replace('换证', '补证'), sig, key.publicKey), false);
    assert.equal(sm2Verify(record, sig, generateSm2KeyPair().publicKey), false);
    assert.equal(sm2Verify(record, 'zz', key.publicKey), false);
  });

  it('signs with the default distinguishing ID, so any SM2 verifier with the published key agrees', () => {
    const key = generateSm2KeyPair();
    const sig = sm2Sign(record, key);
    assert.equal(smCrypto.sm2.doVerifySignature(record, sig, key.publicKey, { hash: true, der: true, userId: SM2_USER_ID }), true);
    assert.equal(smCrypto.sm2.doVerifySignature(record, sig, key.publicKey, { hash: true, der: true, userId: 'another-id' }), false);
  });

  it('memoises verdicts by record, signature and key, so a changed record is checked afresh', () => {
    const key = generateSm2KeyPair();
    const sig = sm2Sign(record, key);
    assert.equal(verifyRecord(record, sig, key.publicKey), true);
    assert.equal(verifyRecord(record, sig, key.publicKey), true);
    assert.equal(verifyRecord(record.replace('李明华', '李明花'), sig, key.publicKey), false);
  });
});
