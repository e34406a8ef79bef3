// One Idempotency-Key per submission attempt of an item, kept in sessionStorage so that a retry
// after a lost answer (network error, 5xx) sends the same key and cannot file the case twice.
import { isApiError } from '../../../lib/api';

const storageKey = (itemCode: string) => `tb_apply_key:${itemCode}`;

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-HTTP intranet deployments still get 122 random bits
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key of the attempt in progress, or a new one when there is none. */
export function attemptKey(itemCode: string): string {
  try {
    const stored = window.sessionStorage.getItem(storageKey(itemCode));
    if (stored) return stored;
    const key = newKey();
    window.sessionStorage.setItem(storageKey(itemCode), key);
    return key;
  } catch {
    return newKey();
  }
}

export function forgetAttempt(itemCode: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(itemCode));
  } catch {
    // storage blocked: nothing was kept
  }
}

/**
 * Whether the server's answer settles the attempt. A 4xx is stored against the key and replayed,
 * so a corrected form needs a new key; a lost answer, a 5xx, a rate limit or a key still being
 * processed may be retried with the same one.
 */
export function settlesAttempt(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408) return false;
  return error.code !== 'IDEMPOTENCY_IN_PROGRESS';
}
