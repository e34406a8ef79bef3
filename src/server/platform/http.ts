// HTTP plumbing shared by every module: request language, the global error handler that turns
// anything thrown into problem+json, and the not-found handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, toProblem, type FieldError } from './errors.js';
import { pickLang, type Lang } from './i18n.js';

declare module 'fastify' {
  interface FastifyRequest { lang: Lang }
}

interface AjvError { instancePath: string; keyword: string; params: Record<string, any>; message?: string }

const fieldMessages: Record<string, (p: Record<string, any>) => { zh: string; en: string }> = {
  required: () => ({ zh: '此项为必填项', en: 'This field is required' }),
  maxLength: (p) => ({ zh: `长度不能超过 ${p.limit} 个字符`, en: `At most ${p.limit} characters` }),
  minLength: (p) => (p.limit === 1 ? { zh: '此项不能为空', en: 'This field must not be empty' } : { zh: `长度不能少于 ${p.limit} 个字符`, en: `At least ${p.limit} characters` }),
  pattern: () => ({ zh: '格式不正确', en: 'Invalid format' }),
  format: (p) => ({ zh: `格式不正确（应为 ${p.format}）`, en: `Invalid ${p.format}` }),
  type: (p) => ({ zh: `类型不正确（应为 ${p.type}）`, en: `Must be ${p.type}` }),
  minimum: (p) => ({ zh: `不能小于 ${p.limit}`, en: `Must be ≥ ${p.limit}` }),
  maximum: (p) => ({ zh: `不能大于 ${p.limit}`, en: `Must be ≤ ${p.limit}` }),
  maxItems: (p) => ({ zh: `最多 ${p.limit} 项`, en: `At most ${p.limit} entries` }),
  minItems: (p) => ({ zh: `至少 ${p.limit} 项`, en: `At least ${p.limit} entries` }),
  uniqueItems: () => ({ zh: '不能有重复项', en: 'Entries must be unique' }),
  enum: () => ({ zh: '不是可选的值', en: 'Not an allowed value' }),
  const: () => ({ zh: '不是可选的值', en: 'Not an allowed value' }),
  anyOf: () => ({ zh: '不是可选的值', en: 'Not an allowed value' }),
  additionalProperties: (p) => ({ zh: `不允许的字段 ${p.additionalProperty}`, en: `Unknown field ${p.additionalProperty}` }),
};

const toCode = (keyword: string) => keyword.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export function ajvFieldErrors(errors: AjvError[], lang: Lang): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'not') continue;
    const path = e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}`
      : e.keyword === 'additionalProperties' ? `${e.instancePath}/${e.params.additionalProperty}` : e.instancePath || '/';
    // a union failing reports each branch; one message per field is enough
    if (seen.has(path)) continue;
    seen.add(path);
    const message = fieldMessages[e.keyword]?.(e.params)[lang] ?? e.message ?? 'invalid';
    out.push({ path, code: toCode(e.keyword), message });
  }
  return out;
}

function send(reply: FastifyReply, request: FastifyRequest, code: string, detail?: AppError['detail'], errors?: FieldError[]) {
  const problem = toProblem(code, request.lang ?? 'zh', detail, errors, request.url.split('?')[0]);
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Credentials that travel in URLs (the progress lookup's ID tail, one-time presentation tokens) never reach the logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&]idTail=)[^&#]*/gi, '$1[redacted]')
    .replace(/^(\/api\/presentations\/)[^/?#]+/, '$1[redacted]');
}

/** The request as logged: pino's usual fields, with the URL redacted. */
export function logRequest(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), hostname: req.hostname, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

export const httpPlatform = fp(async (app: FastifyInstance) => {
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (request, reply) => {
    request.lang = pickLang(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError & Partial<AppError>, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return send(reply, request, error.code, error.detail, error.fieldErrors);
    }
    if (error.validation) {
      return send(reply, request, 'VALIDATION_FAILED', undefined, ajvFieldErrors(error.validation as AjvError[], request.lang));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE': return send(reply, request, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return send(reply, request, 'MALFORMED_REQUEST');
    }
    if (error.statusCode === 429) return send(reply, request, 'RATE_LIMITED');
    if (error instanceof SyntaxError || (error.statusCode === 400 && !error.code?.startsWith('FST_'))) {
      return send(reply, request, 'MALFORMED_REQUEST');
    }
    if (error.statusCode === 413) return send(reply, request, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 405 ? 'METHOD_NOT_ALLOWED' : 'MALFORMED_REQUEST');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, 'NOT_FOUND'));
});
