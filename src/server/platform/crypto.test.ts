import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldCipher, hashPassword, lowerPasswordHashCostForTests, randomToken, sha256Hex, verifyPassword } from './crypto.js';

const KEY = '0f'.repeat(32);
const OTHER_KEY = 'e3'.repeat(32);

describe('field cipher', () => {
  const cipher = fieldCipher(KEY);

  it('round-trips text and never repeats a ciphertext for the same value', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    assert.match(a, /^v1:[A-Za-z0-9+/]+=*$/);
    assert.notEqual(a, b);
    assert.ok(!a.includes('11010519491231002X'));
    assert.equal(cipher.decrypt(a), '11010519491231002X');
    assert.equal(cipher.decrypt(cipher.encrypt('张三 <b>')), '张三 <b>');
  });

  it('rejects a tampered ciphertext, a foreign key and an unknown version', () => {
    const stored = cipher.encrypt('440524188001010014');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    assert.throws(() => cipher.decrypt('v1:' + raw.toString('base64')));
    assert.throws(() => fieldCipher(OTHER_KEY).decrypt(stored));
    assert.throws(() => cipher.decrypt('v0:' + stored.slice(3)), /version/);
    assert.throws(() => cipher.decrypt('v1:AAAA'), /truncated/);
  });

  it('gives a stable keyed lookup hash that depends on the key and the kind', () => {
    const h = cipher.lookupHash('id_number', '11010519491231002X');
    assert.match(h, /^[0-9a-f]{64}$/);
    assert.equal(h, fieldCipher(KEY).lookupHash('id_number', '11010519491231002X'));
    assert.notEqual(h, fieldCipher(OTHER_KEY).lookupHash('id_number', '11010519491231002X'));
    assert.notEqual(h, cipher.lookupHash('credit_code', '11010519491231002X'));
    assert.notEqual(h, sha256Hex('id_number:11010519491231002X'));
  });

  it('refuses a key that is not 32 bytes of hex', () => {
    assert.throws(() => fieldCipher('abc'));
  });
});

describe('passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1 and a random salt, and verifies', async () => {
    const stored = await hashPassword('Correct-Horse-9');
    assert.match(stored, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    assert.notEqual(stored, await hashPassword('Correct-Horse-9'));
    assert.equal(await verifyPassword('Correct-Horse-9', stored), true);
    assert.equal(await verifyPassword('correct-Horse-9', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('treats composed and decomposed forms of the same password alike', async () => {
    const stored = await hashPassword('Caf\u00e9-Pass1');
    assert.equal(await verifyPassword('Cafe\u0301-Pass1', stored), true);
  });

  it('answers false for malformed or hostile stored values instead of throwing', async () => {
    assert.equal(await verifyPassword('x', 'plain-text'), false);
    assert.equal(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA=='), false);
    assert.equal(await verifyPassword('x', 'scrypt$16384$8$1$AAAA$AA=='), false);
  });

  it('lets test processes hash with a cheaper N, verified by the N in the hash, within [2^10, 2^15] only', async () => {
    const strong = await hashPassword('Correct-Horse-9');
    for (const bad of [2 ** 9, 3000, 2 ** 16]) assert.throws(() => lowerPasswordHashCostForTests(bad), RangeError);
    lowerPasswordHashCostForTests(2 ** 10);
    try {
      const cheap = await hashPassword('Correct-Horse-9');
      assert.match(cheap, /^scrypt\$1024\$8\$1\$/);
      assert.equal(await verifyPassword('Correct-Horse-9', cheap), true);
      assert.equal(await verifyPassword('Correct-Horse-9', strong), true);
    } finally {
      lowerPasswordHashCostForTests(2 ** 15);
    }
    assert.match(await hashPassword('x'), /^scrypt\$32768\$/);
  });
});

describe('tokens', () => {
  it('makes url-safe random tokens of the asked size', () => {
    const t = randomToken();
    assert.match(t, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(t, randomToken());
    assert.equal(Buffer.from(randomToken(16), 'base64url').length, 16);
  });

  it('hashes with SHA-256 hex', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
