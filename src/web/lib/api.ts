// The one fetch wrapper: JSON in and out, the UI language as Accept-Language, the CSRF token on
// every write, and problem+json errors turned into ApiError.
import type { Problem } from '../../contract/common';
import i18n from '../i18n';

export type FieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly retryAfterSeconds?: number) {
    super(problem.title);
    this.name = 'ApiError';
  }
  get code() { return this.problem.code; }
  get status() { return this.problem.status; }
  get fieldErrors(): FieldError[] { return this.problem.errors ?? []; }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

/** Fired when the server says the session timed out, so the app can send the user to login. */
export const SESSION_EXPIRED_EVENT = 'tongban:session-expired';
let sessionExpiredAt = 0;
/** True shortly after the server said the session timed out (to word the login prompt). */
export const sessionJustExpired = () => Date.now() - sessionExpiredAt < 10_000;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The server sets tb_csrf beside the HttpOnly session cookie and clears both together. */
export const hasSessionCookie = () => readCookie('tb_csrf') !== undefined;

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values; '' when nothing is left. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body.code === 'string' && typeof body.title === 'string') {
        return { type: body.type ?? 'about:blank', status: body.status ?? response.status, ...body } as Problem;
      }
    } catch {
      // fall through to a generic problem
    }
  }
  return {
    type: 'about:blank',
    status: response.status,
    code: response.status === 404 ? 'NOT_FOUND' : `HTTP_${response.status}`,
    title: i18n.t('common.httpError', { status: response.status }),
  };
}

export async function request<T>(method: string, path: string, body?: unknown, retried = false, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie('tb_csrf');
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', status: 0, code: 'NETWORK', title: i18n.t('common.networkError') });
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem.code === 'SESSION_EXPIRED') {
      sessionExpiredAt = Date.now();
      window.dispatchEvent(new CustomEvent(SESSION_EXPIRED_EVENT));
      // the answer also cleared the stale cookies, so a read is simply asked again, now anonymously
      if (SAFE_METHODS.has(method) && !retried && path !== '/api/me') return request<T>(method, path, body, true);
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params: Record<string, QueryValue> = {}) => request<T>('GET', path + queryString(params)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** a POST with extra headers, e.g. Idempotency-Key for a write the caller may retry */
  postWith: <T>(path: string, body: unknown, headers: Record<string, string>) => request<T>('POST', path, body, false, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
