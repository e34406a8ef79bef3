// Signed exchange requests in the manner of X-Road: who asks (X-Road-Client), which service
// (X-Road-Service), a message id (X-Road-Id), the end user (X-Road-UserId), why (X-Road-Purpose,
// X-Road-Issue), and an HMAC-SHA256 over method, path, date, body digest and those headers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNED_HEADERS = ['x-road-client', 'x-road-service', 'x-road-id', 'x-road-userid', 'x-road-purpose', 'x-road-issue'] as const;
export const SIGNATURE_SCHEME = 'TB-HMAC-SHA256';
/** a signed request older or newer than this is refused (replay window) */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface SignInput {
  method: string;
  /** path and query as sent, e.g. /registries/housing_fund/query */
  path: string;
  body: string;
  /** lowercase header names → values; the X-Road headers above */
  headers: Record<string, string>;
  date: Date;
  keyId: string;
  secret: string;
}

/** RFC 9530 Content-Digest of the body. */
export const contentDigest = (body: string) => `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;

/** The text that is signed: one line per element, the X-Road headers in a fixed order. */
export function signingString(method: string, path: string, date: string, digest: string, headers: Record<string, string | undefined>): string {
  return [method.toUpperCase(), path, date, digest, ...SIGNED_HEADERS.map((h) => `${h}:${headers[h] ?? ''}`)].join('\n');
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64');

/** The headers to send: Date, Content-Digest, the X-Road headers and Authorization. */
export function signRequest(input: SignInput): Record<string, string> {
  const date = input.date.toUTCString();
  const digest = contentDigest(input.body);
  const signature = hmac(input.secret, signingString(input.method, input.path, date, digest, input.headers));
  return {
    ...input.headers,
    date,
    'content-digest': digest,
    authorization: `${SIGNATURE_SCHEME} keyId="${input.keyId}", signature="${signature}"`,
  };
}

export type VerifyFailure = 'NO_SIGNATURE' | 'UNKNOWN_KEY' | 'BAD_DIGEST' | 'STALE_DATE' | 'BAD_SIGNATURE';

/**
 * Check a signed request as the receiving side does. `secretOf` returns the shared secret of a key
 * id (undefined when unknown). Returns null when the request is authentic.
 */
export function verifySignedRequest(
  req: { method: string; path: string; body: string; headers: Record<string, string | string[] | undefined> },
  secretOf: (keyId: string) => string | undefined,
  at: Date = new Date(),
): VerifyFailure | null {
  const header = (name: string) => { const v = req.headers[name]; return Array.isArray(v) ? v[0] : v; };
  const auth = /^TB-HMAC-SHA256 keyId="([^"]+)", signature="([^"]+)"$/.exec(header('authorization') ?? '');
  if (!auth) return 'NO_SIGNATURE';
  const secret = secretOf(auth[1]);
  if (!secret) return 'UNKNOWN_KEY';
  const digest = header('content-digest') ?? '';
  if (digest !== contentDigest(req.body)) return 'BAD_DIGEST';
  const date = header('date') ?? '';
  const sent = Date.parse(date);
  if (!Number.isFinite(sent) || Math.abs(at.getTime() - sent) > MAX_CLOCK_SKEW_MS) return 'STALE_DATE';
  const headers: Record<string, string | undefined> = {};
  for (const h of SIGNED_HEADERS) headers[h] = header(h);
  const expected = Buffer.from(hmac(secret, signingString(req.method, req.path, date, digest, headers)));
  const given = Buffer.from(auth[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'BAD_SIGNATURE';
}
