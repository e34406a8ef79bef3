// Builds the Fastify application: platform plugins first, then every module.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { perProcess, type Config } from './config.js';
import { isWebRoute } from '../contract/web-routes.js';
import { connect, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './db/seed/index.js';
import { authPlatform } from './platform/auth.js';
import { healthRoutes } from './platform/health.js';
import { httpPlatform, logRequest } from './platform/http.js';
import { idempotencyPlatform, purgeExpiredIdempotencyKeys } from './platform/idempotency.js';
import { metricsPlatform } from './platform/metrics.js';
import { outboxWorker } from './platform/outbox.js';
import { securityHeadersPlatform } from './platform/security-headers.js';
import { now } from './platform/clock.js';
import { contactOf, createActorResolver, identityRoutes } from './modules/identity/index.js';
import { catalogRoutes } from './modules/catalog/index.js';
import { calendarRoutes, seedCalendar } from './modules/calendar/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { LoggingEmailAdapter, LoggingSmsAdapter, notificationHandlers, notificationRoutes } from './modules/notifications/index.js';
import { filesRoutes, purgeUnattachedFiles, UNATTACHED_RETENTION_DAYS } from './modules/files/index.js';
import { exchangeRoutes } from './modules/exchange/index.js';
import { licenceRoutes } from './modules/licences/index.js';
import { realNameRoutes } from './modules/realname/index.js';
import { applicationHandlers, applicationRoutes, escalateOverdueTasks, LoggingDeliveryAdapter, purgeApplicationPrefills } from './modules/applications/index.js';

declare module 'fastify' {
  interface FastifyInstance { db: Database; config: Config }
}

export interface BuildOptions {
  /** reuse an open database (tests, benchmarks) instead of connecting from config */
  db?: Database;
  logger?: boolean;
}

export async function buildApp(config: Config, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
      serializers: { req: logRequest },
    },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{8,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID()),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = options.db ?? (await connect(config));
  await migrate(db);
  // the official holiday calendars are reference data every deployment needs, demo or not
  await seedCalendar(db);
  app.decorate('db', db);
  app.decorate('config', config);
  if (!options.db) app.addHook('onClose', async () => db.close());

  await app.register(httpPlatform);
  await app.register(metricsPlatform);
  await app.register(securityHeadersPlatform, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(rateLimit, { max: perProcess(config, config.rateLimitPerMinute), timeWindow: '1 minute', allowList: (req) => !req.url.startsWith('/api/') });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tongban 通办 API', version: '0.1.0', description: '一网通办 platform API. Errors are application/problem+json with a stable `code`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  const actors = await createActorResolver(db, config);
  app.addHook('onClose', () => actors.close());
  await app.register(authPlatform, { resolve: actors.resolve });
  await app.register(idempotencyPlatform);
  await app.register(identityRoutes);
  await app.register(catalogRoutes);
  await app.register(calendarRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(filesRoutes);
  await app.register(applicationRoutes);
  await app.register(exchangeRoutes);
  await app.register(licenceRoutes);
  await app.register(realNameRoutes);
  // after the modules: the demo grants name registries that modules register as they load (电子证照库)
  if (config.demo) await seedDemo(db, config, app.log);

  if (config.outboxWorker) {
    await app.register(outboxWorker, {
      db: db.orm, pollMs: config.outboxPollMs, maxAttempts: config.outboxMaxAttempts,
      housekeeping: {
        'expired idempotency keys': (x) => purgeExpiredIdempotencyKeys(x),
        'unattached uploads': (x) => purgeUnattachedFiles(x, new Date(now().getTime() - UNATTACHED_RETENTION_DAYS * 86_400_000)),
        'overdue tasks escalated': (x) => escalateOverdueTasks(x),
        'registry prefill records': (x) => purgeApplicationPrefills(x),
      },
      handlers: {
        ...notificationHandlers({
          contactOf: (accountId) => contactOf(db.orm, config.secretKey, accountId),
          sms: new LoggingSmsAdapter(app.log), email: new LoggingEmailAdapter(app.log),
        }),
        ...applicationHandlers({ delivery: new LoggingDeliveryAdapter(app.log) }),
      },
    });
  }

  await registerWebApp(app, config);
  return app;
}

/** Serve the built web app; unknown non-API paths fall back to index.html for client routing. */
async function registerWebApp(app: FastifyInstance, config: Config) {
  const index = path.join(config.webDir, 'index.html');
  if (!existsSync(index)) return;
  await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false, maxAge: '1h' });
  const sendIndex = (_req: unknown, reply: any, status = 200) =>
    reply.status(status).header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw Object.assign(new Error('not found'), { statusCode: 404 });
    const file = request.url.split('?')[0];
    if (/\.[a-z0-9]+$/i.test(file)) return reply.sendFile(file.slice(1));
    return sendIndex(request, reply, isWebRoute(file) ? 200 : 404);
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
