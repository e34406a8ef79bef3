import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import smCrypto from 'sm-crypto';
import { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex, SM2_USER_ID } from './sm2.js';

// Licences issued before platform/sm2.ts moved to @noble/curves were signed by sm-crypto 0.5.8, and their
// keys are published in licence-keys.json; both libraries must accept each other's keys and signatures.
const smOptions = (publicKey?: string) => ({ hash: true, der: true, userId: SM2_USER_ID, publicKey });
const smSign = (message: string, key: { publicKey: string; privateKey: string }) => smCrypto.sm2.doSignature(message, key.privateKey, smOptions(key.publicKey));
const smVerify = (message: string, signature: string, publicKey: string) => smCrypto.sm2.doVerifySignature(message, signature, publicKey, smOptions());

const RECORD = '{"fields":{"purpose":"换证"},"holder":{"code":"419902198803150030","codeType":"111","name":"李明𠀀"},"identifier":"1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U","keyId":"gaj-20261130-a1b2c3","validFrom":"2026-03-02","validTo":null}';

// Made once by sm-crypto 0.5.8 (generateKeyPairHex, doSignature with hash, der and the default ID) and
// checked with OpenSSL 3.0 (`pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678`).
const VECTORS = [{
  privateKey: '268a145d39d35ee3e677590c321b8f90d414092018908274f2a966f8e45a627c',
  publicKey: '0476de4013068344402a0a6d967d760f1be69ba14aeb1d866a03db7e439b4326ff01106a1a0a3b81438b92e8e819884cb89f39e2a6142f6b8c4b325aacbe459b2d',
  message: RECORD,
  signature: '30440220113f087b6eb6028847dc29e61a1cfe9eab7ba2dbffcaabfb2063781cf650d625022042d86d08716dd04ce1967d56a18095e45e06fdb5c4d41247ee87701b87c54840',
}, {
  privateKey: 'ed6fc5372fb7c71c9e5c8916b039cfdd8529d6287563da6bfa2ef723db405f9b',
  publicKey: '04097ec17ee1da66f1e5b23bcf5df61212eba0a43d386af31129306752d2040c7d5d72f1260af3d101522f29e47f53de4ad910571d720996277f20ddb005175e1e',
  message: 'abc',
  signature: '3045022100dbe818f21fa40d3e958fe6b19a9a3433155cf7acb66c67bae4b085b55565796e02206ec0a5a4492ef09d79ba20a6a79060934ffe852d4c9f499c0772daefb611b5bf',
}];

const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const derInt = (x: bigint) => {
  let h = x.toString(16);
  if (h.length % 2) h = '0' + h;
  if (parseInt(h[0], 16) >= 8) h = '00' + h;
  return '02' + (h.length / 2).toString(16).padStart(2, '0') + h;
};
const derSig = (r: bigint, s: bigint) => {
  const body = derInt(r) + derInt(s);
  return '30' + (body.length / 2).toString(16).padStart(2, '0') + body;
};
const parseDer = (sig: string) => {
  const rLen = parseInt(sig.slice(6, 8), 16);
  const r = BigInt('0x' + sig.slice(8, 8 + rLen * 2));
  const s = BigInt('0x' + sig.slice(12 + rLen * 2));
  return { r, s };
};

describe('SM2 signatures (platform/sm2.ts)', () => {
  it('verifies the fixed vectors signed by sm-crypto, and refuses them changed', () => {
    for (const v of VECTORS) {
      assert.equal(sm2Verify(v.message, v.signature, v.publicKey), true);
      assert.equal(sm2Verify(v.message, v.signature, v.publicKey.toUpperCase()), true);
      assert.equal(sm2Verify(v.message + ' ', v.signature, v.publicKey), false);
      assert.equal(sm2Verify(v.message, v.signature, VECTORS.find((o) => o !== v)!.publicKey), false);
      assert.equal(smVerify(v.message, v.signature, v.publicKey), true);
    }
  });

  it('signs with a stored sm-crypto key pair so that sm-crypto verifies', () => {
    for (const v of VECTORS) {
      const sig = sm2Sign(v.message, v);
      assert.equal(smVerify(v.message, sig, v.publicKey), true);
      assert.equal(sm2Verify(v.message, sig, v.publicKey), true);
      assert.notEqual(sig, v.signature, 'k is random per signature');
    }
  });

  it('accepts signatures made by sm-crypto with keys made by sm-crypto', () => {
    for (let i = 0; i < 8; i++) {
      const raw = smCrypto.sm2.generateKeyPairHex();
      const key = { publicKey: raw.publicKey, privateKey: raw.privateKey.padStart(64, '0') };
      const message = `${RECORD}#${i}`;
      const sig = smSign(message, key);
      assert.equal(sm2Verify(message, sig, key.publicKey), true);
      assert.equal(sm2Verify(message.replace('换证', '补证'), sig, key.publicKey), false);
      assert.equal(smVerify(message, sm2Sign(message, key), key.publicKey), true);
    }
  });

  it('makes key pairs in the stored encoding that sm-crypto signs and verifies with', () => {
    for (let i = 0; i < 8; i++) {
      const key = generateSm2KeyPair();
      assert.match(key.privateKey, /^[0-9a-f]{64}$/);
      assert.match(key.publicKey, /^04[0-9a-f]{128}$/);
      const message = `${RECORD}@${i}`;
      // without a public key, sm-crypto derives it from the private key for Z_A: it must be ours
      assert.equal(smVerify(message, smCrypto.sm2.doSignature(message, key.privateKey, { hash: true, der: true, userId: SM2_USER_ID }), key.publicKey), true);
      assert.equal(smVerify(message, sm2Sign(message, key), key.publicKey), true);
      assert.equal(sm2Verify(message, smSign(message, key), key.publicKey), true);
    }
  });

  it('encodes signatures as canonical DER, as sm-crypto does', () => {
    const key = generateSm2KeyPair();
    for (let i = 0; i < 16; i++) {
      const sig = sm2Sign(`m${i}`, key);
      const { r, s } = parseDer(sig);
      assert.equal(sig, derSig(r, s));
      assert.ok(r > 0n && r < N && s > 0n && s < N);
    }
  });

  it('refuses malformed, non-canonical and out-of-range signatures and keys without throwing', () => {
    const v = VECTORS[1];
    const { r, s } = parseDer(v.signature);
    const refused = [
      '', 'zz', v.signature.slice(0, -1), v.signature + '00', v.signature.slice(0, -2),
      // a redundant leading zero byte in s, with the lengths fixed up: the same numbers, not DER
      '3046' + v.signature.slice(4, 4 + 2 + 2 + 0x21 * 2) + '022100' + v.signature.slice(-64),
      derSig(r, s + N), derSig(r + N, s), derSig(0n, s), derSig(r, 0n), derSig(r, N - r),
    ];
    for (const sig of refused) assert.equal(sm2Verify(v.message, sig, v.publicKey), false, sig);
    const offCurve = v.publicKey.slice(0, -1) + (v.publicKey.endsWith('e') ? 'f' : 'e');
    for (const key of [offCurve, v.publicKey.slice(2), '02' + v.publicKey.slice(2, 66), '04' + '0'.repeat(128), 'x']) {
      assert.equal(sm2Verify(v.message, v.signature, key), false, key);
    }
  });

  it('refuses text that has no UTF-8 form, as sm-crypto did', () => {
    const key = generateSm2KeyPair();
    assert.throws(() => sm2Sign('李\ud800明', key));
    assert.equal(sm2Verify('李\ud800明', sm2Sign('李明', key), key.publicKey), false);
    assert.throws(() => smSign('李\ud800明', key));
  });

  it('refuses to sign with a private key that does not match its public key', () => {
    const a = generateSm2KeyPair();
    const b = generateSm2KeyPair();
    assert.throws(() => sm2Sign('x', { publicKey: a.publicKey, privateKey: b.privateKey }), /does not match/);
    assert.throws(() => sm2Sign('x', { publicKey: a.publicKey, privateKey: 'zz' }));
  });

  it('computes SM3 as GB/T 32905 specifies and as sm-crypto does', () => {
    assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    assert.equal(sm3Hex('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    assert.equal(sm3Hex(RECORD), smCrypto.sm3(RECORD));
  });
});
