// The exchange's keys: the field cipher for registry records and the keyed subject hash. Set once
// from config when the module registers (configureExchange); used by every call afterwards.
import { cipherFor, type FieldCipher } from '../../platform/crypto.js';
import type { ExchangeSubject } from './provider.js';

let cipher: FieldCipher | null = null;
let configuredKey: string | null = null;

export function configureExchange(options: { secretKey: string }): void {
  if (configuredKey === options.secretKey) return;
  cipher = cipherFor(options.secretKey);
  configuredKey = options.secretKey;
}

export function exchangeCipher(): FieldCipher {
  if (!cipher) throw new Error('the exchange is not configured: register exchangeRoutes or call configureExchange first');
  return cipher;
}

export function exchangeSecretKey(): string {
  if (!configuredKey) throw new Error('the exchange is not configured: register exchangeRoutes or call configureExchange first');
  return configuredKey;
}

/** Keyed hash of the subject's identifier; registries and the log store only this. */
export function subjectHash(subject: ExchangeSubject): string {
  return 'idNumber' in subject
    ? exchangeCipher().lookupHash('exchange.person', subject.idNumber.toUpperCase())
    : exchangeCipher().lookupHash('exchange.enterprise', subject.creditCode.toUpperCase());
}
