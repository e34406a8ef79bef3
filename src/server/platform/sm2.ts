// SM2 signatures over SM3 (GB/T 32918.2, GB/T 32905) with the default distinguishing ID 1234567812345678
// of GB/T 35276: point arithmetic from @noble/curves, SM3 from Node's OpenSSL. Keys are hex: private 64
// chars, public 04|x|y; signatures DER. Byte-for-byte the scheme of sm-crypto 0.5.8, which made the
// keys and signatures already stored (sm2.test.ts proves both directions and pins a vector).
import { createHash, getHashes, randomBytes } from 'node:crypto';
import { DER, weierstrass, type WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';

if (!getHashes().includes('sm3')) throw new Error('SM2 signatures need SM3, which this Node.js build\'s OpenSSL does not provide');

/** The SM2 recommended curve (GB/T 32918.5). */
const Sm2Point = weierstrass({
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
});
const Fn = Sm2Point.Fn;
const N = Fn.ORDER;

export const SM2_USER_ID = '1234567812345678';

export interface Sm2KeyPair { publicKey: string; privateKey: string }

const hex64 = (x: bigint) => x.toString(16).padStart(64, '0');
const PUBLIC_KEY = /^04[0-9a-f]{128}$/i;
// A lone UTF-16 surrogate has no UTF-8 form; sm-crypto refused such text, and so does this module.
const LONE_SURROGATE = /\p{Cs}/u;

// Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA): everything but the key is fixed.
const curve = Sm2Point.CURVE();
const userIdBytes = Buffer.from(SM2_USER_ID, 'utf8');
const zaPrefix = Buffer.concat([
  Buffer.from([(userIdBytes.length * 8) >> 8, (userIdBytes.length * 8) & 0xff]), userIdBytes,
  Buffer.from(hex64(curve.a) + hex64(curve.b) + hex64(curve.Gx) + hex64(curve.Gy), 'hex'),
]);

// Each public key is parsed, checked on the curve and given its Z_A and a precomputed multiple table
// once (on its first verification: 60–130 ms, 0.7 MB), which makes its checks about four times faster. Keys
// are few (one active per issuing department, plus retired ones), so a small bounded cache holds them all.
const KEY_CACHE_LIMIT = 256;
const PRECOMPUTE_WINDOW = 8;
interface PublicKeyEntry { point: WeierstrassPoint<bigint>; za: Buffer; matchedPrivateKey?: string }
const publicKeys = new Map<string, PublicKeyEntry>();

function publicKeyEntry(publicKey: string): PublicKeyEntry {
  const id = publicKey.toLowerCase();
  let entry = publicKeys.get(id);
  if (!entry) {
    if (!PUBLIC_KEY.test(id)) throw new Error('an SM2 public key is 04 followed by 128 hex characters');
    const point = Sm2Point.fromHex(id);
    point.assertValidity();
    entry = { point: point.precompute(PRECOMPUTE_WINDOW), za: createHash('sm3').update(zaPrefix).update(Buffer.from(id.slice(2), 'hex')).digest() };
    if (publicKeys.size >= KEY_CACHE_LIMIT) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(id, entry);
  }
  return entry;
}

/** e = SM3(Z_A ‖ M) as an integer, M the UTF-8 bytes of the message. */
function digest(message: string, entry: PublicKeyEntry): bigint {
  if (LONE_SURROGATE.test(message)) throw new Error('the message is not well-formed Unicode');
  return BigInt('0x' + createHash('sm3').update(entry.za).update(message, 'utf8').digest('hex'));
}

/** A uniform scalar in [1, max]: 48 random bytes reduced, a bias below 2^-128. */
const randomScalar = (max: bigint) => (BigInt('0x' + randomBytes(48).toString('hex')) % max) + 1n;

export function generateSm2KeyPair(): Sm2KeyPair {
  const d = randomScalar(N - 2n); // d ∈ [1, n−2], so that 1 + d is invertible
  const { x, y } = Sm2Point.BASE.multiply(d).toAffine();
  return { publicKey: `04${hex64(x)}${hex64(y)}`, privateKey: hex64(d) };
}

/** DER-encoded signature (hex) of SM3(Z_A ‖ message) with the signer's public key in Z_A. */
export function sm2Sign(message: string, key: Sm2KeyPair): string {
  if (!/^[0-9a-f]{64}$/i.test(key.privateKey)) throw new Error('an SM2 private key is 64 hex characters');
  const d = BigInt('0x' + key.privateKey);
  if (d < 1n || d > N - 2n) throw new Error('the SM2 private key is out of range');
  const entry = publicKeyEntry(key.publicKey);
  if (entry.matchedPrivateKey !== key.privateKey) {
    if (!Sm2Point.BASE.multiply(d).equals(entry.point)) throw new Error('the SM2 private key does not match its public key');
    entry.matchedPrivateKey = key.privateKey; // checked once per key: a mismatch would sign unverifiable licences
  }
  const e = digest(message, entry);
  const inverse = Fn.inv(1n + d);
  for (;;) {
    const k = randomScalar(N - 1n);
    const r = Fn.add(e, Sm2Point.BASE.multiply(k).toAffine().x);
    if (r === 0n || r + k === N) continue;
    const s = Fn.mul(inverse, Fn.sub(k, Fn.mul(r, d)));
    if (s !== 0n) return DER.hexFromSig({ r, s });
  }
}

/** False for a wrong signature, a wrong key or a malformed input (never throws). */
export function sm2Verify(message: string, signatureHex: string, publicKey: string): boolean {
  if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex) || !PUBLIC_KEY.test(publicKey)) return false;
  try {
    const { r, s } = DER.toSig(Buffer.from(signatureHex, 'hex'));
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    const entry = publicKeyEntry(publicKey);
    const e = digest(message, entry);
    const t = Fn.add(r, s);
    if (t === 0n) return false;
    // s·G + t·P_A; the scalars are public, so the faster variable-time multiplications are safe here
    const point = Sm2Point.BASE.multiplyUnsafe(s).add(entry.point.multiplyUnsafe(t));
    return !point.is0() && Fn.add(e, point.toAffine().x) === r;
  } catch {
    return false;
  }
}

export const sm3Hex = (message: string): string => createHash('sm3').update(message, 'utf8').digest('hex');
