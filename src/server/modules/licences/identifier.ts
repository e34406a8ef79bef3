// The e-licence identifier of GB/T 36904: the root OID 1.2.156.3005.2, then the licence type code,
// the issuer code, a serial, a three-digit version and one ISO/IEC 7064 MOD 37,36 check character.

export const LICENCE_ROOT = '1.2.156.3005.2';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** ISO/IEC 7064 MOD 37,36 (hybrid system) check character over upper-case alphanumerics. */
export function mod3736CheckChar(data: string): string {
  let p = M;
  for (const ch of data.toUpperCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not alphanumeric: ${ch}`);
    p = (p + v) % M;
    if (p === 0) p = M;
    p = (p * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M];
}

export interface IdentifierParts { typeCode: string; issuerCode: string; serial: string; version: number }

export function buildIdentifier(p: IdentifierParts): string {
  const version = String(p.version).padStart(3, '0');
  const check = mod3736CheckChar(p.typeCode + p.issuerCode + p.serial + version);
  return [LICENCE_ROOT, p.typeCode, p.issuerCode, p.serial, version, check].join('.');
}

const PATTERN = /^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{6,18})\.([0-9A-Z]{1,32})\.([0-9]{3})\.([0-9A-Z])$/;

/** The parts of a well-formed identifier whose check character holds; null otherwise. */
export function parseIdentifier(identifier: string): IdentifierParts | null {
  const m = PATTERN.exec(identifier);
  if (!m) return null;
  const [, typeCode, issuerCode, serial, version, check] = m;
  if (mod3736CheckChar(typeCode + issuerCode + serial + version) !== check) return null;
  return { typeCode, issuerCode, serial, version: Number(version) };
}
