// Security headers (CSP, HSTS, nosniff, frame and referrer policies…) as helmet computes them.
// They depend only on the options, so they are computed once at start-up and copied onto every
// reply; @fastify/helmet instead ran helmet's whole middleware, CSP parsing included, on every
// request (about 2 % of the server's CPU on the case page). A route may still override one
// header with reply.header (the file download sets its own sandboxing CSP).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The headers helmet would set on a response with these options. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()]; },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => { failure = err; });
  if (failure) throw failure;
  return headers;
}

export const securityHeadersPlatform = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
