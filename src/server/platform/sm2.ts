// SM2 signatures over SM3 (GB/T 32918, GB/T 32905) through sm-crypto, with the default
// distinguishing ID 1234567812345678 of GB/T 35276. Keys are hex: private 64 chars, public 04|x|y.
import smCrypto from 'sm-crypto';

const { sm2, sm3 } = smCrypto;

export const SM2_USER_ID = '1234567812345678';

export interface Sm2KeyPair { publicKey: string; privateKey: string }

export function generateSm2KeyPair(): Sm2KeyPair {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey, privateKey: privateKey.padStart(64, '0') };
}

/** DER-encoded signature (hex) of SM3(Z_A ‖ message) with the signer's public key in Z_A. */
export function sm2Sign(message: string, key: Sm2KeyPair): string {
  return sm2.doSignature(message, key.privateKey, { hash: true, der: true, publicKey: key.publicKey, userId: SM2_USER_ID });
}

/** False for a wrong signature, a wrong key or a malformed input (never throws). */
export function sm2Verify(message: string, signatureHex: string, publicKey: string): boolean {
  if (!/^[0-9a-f]+$/i.test(signatureHex) || !/^04[0-9a-f]{128}$/i.test(publicKey)) return false;
  try {
    return sm2.doVerifySignature(message, signatureHex, publicKey, { hash: true, der: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

export const sm3Hex = (message: string): string => sm3(message);
