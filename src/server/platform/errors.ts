// One registry of coded errors. Modules add theirs with defineErrors(); the global handler
// renders every error as RFC 9457 application/problem+json in the caller's language.
import type { Lang } from './i18n.js';

export interface ErrorDef { status: number; zh: string; en: string }
export interface FieldError { path: string; code: string; message: string }
type Localised = { zh: string; en: string };

const registry = new Map<string, ErrorDef>();

export function defineErrors<T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(code)) throw new Error(`bad error code ${code}`);
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorDef(code: string): ErrorDef | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()].sort();
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: Localised | string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
  get status() {
    return registry.get(this.code)?.status ?? 500;
  }
}

export const PlatformErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'The request has invalid fields' },
  MALFORMED_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request body could not be read' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired; please log in again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You do not have permission for this action' },
  CSRF_FAILED: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  NOT_FOUND: { status: 404, zh: '您访问的内容不存在', en: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '系统繁忙，请稍后再试', en: 'Internal error; please try again later' },
});

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export function toProblem(code: string, lang: Lang, detail?: Localised | string, errors?: FieldError[], instance?: string): Problem {
  const def = registry.get(code) ?? registry.get('INTERNAL')!;
  const text = typeof detail === 'string' ? detail : detail?.[lang];
  return {
    type: `/docs/api/errors#${code.toLowerCase()}`,
    title: def[lang],
    status: def.status,
    code,
    ...(text ? { detail: text } : {}),
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}
