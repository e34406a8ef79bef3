// Field encryption (AES-256-GCM), keyed lookup hashes (HMAC-SHA256), password hashing (scrypt)
// and random tokens. Keys are derived from config.secretKey; nothing here logs its inputs.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const FIELD_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface FieldCipher {
  /** 'v1:' + base64(iv | tag | ciphertext) */
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** HMAC-SHA256 hex of `kind:value`, so equal values of different kinds never collide */
  lookupHash(kind: string, value: string): string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function fieldCipher(secretKeyHex: string): FieldCipher {
  if (!/^[0-9a-fA-F]{64}$/.test(secretKeyHex)) throw new Error('fieldCipher expects a 32-byte key as 64 hex characters');
  const master = Buffer.from(secretKeyHex, 'hex');
  const encKey = derive(master, 'tongban-field-v1');
  const macKey = derive(master, 'tongban-lookup-v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FIELD_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(FIELD_PREFIX)) throw new Error('unknown field cipher version');
      const raw = Buffer.from(stored.slice(FIELD_PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('field ciphertext is truncated');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    lookupHash(kind, value) {
      return createHmac('sha256', macKey).update(`${kind}:${value}`).digest('hex');
    },
  };
}

const ciphers = new Map<string, FieldCipher>();

/** The field cipher of a key, derived once per process (HKDF per call is not free). */
export function cipherFor(secretKeyHex: string): FieldCipher {
  let cipher = ciphers.get(secretKeyHex);
  if (!cipher) ciphers.set(secretKeyHex, (cipher = fieldCipher(secretKeyHex)));
  return cipher;
}

// --- passwords ------------------------------------------------------------------------------

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLen: 32, saltBytes: 16 };
// scrypt needs 128·N·r bytes (32 MiB here); Node's default ceiling is exactly that, so raise it.
const maxmem = (N: number, r: number) => 256 * N * r;

function scrypt(password: string, salt: Buffer, keyLen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, keyLen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

let hashN = SCRYPT.N;

/**
 * For test processes only: hash new passwords with a cheaper N (a power of two from 2^10 up to the
 * default), as test suites of password-hashing systems commonly do. Verification always follows
 * the N stored in each hash, so nothing else changes.
 */
export function lowerPasswordHashCostForTests(N: number): void {
  if (!Number.isInteger(Math.log2(N)) || N < 2 ** 10 || N > SCRYPT.N) throw new RangeError(`scrypt N must be a power of two in [2^10, 2^15], not ${N}`);
  hashN = N;
}

/** `scrypt$N$r$p$saltB64$hashB64` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const { r, p } = SCRYPT;
  const N = hashN;
  const hash = await scrypt(password, salt, SCRYPT.keyLen, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length < 16) return false;
  const actual = await scrypt(password, Buffer.from(parts[4], 'base64'), expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(actual, expected);
}

// --- tokens and digests ---------------------------------------------------------------------

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
