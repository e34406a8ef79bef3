// Typed configuration: the environment is read once, validated, and frozen.
// A bad value stops the process at start with a message naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  /** PostgreSQL server; when absent the embedded PGlite database in dataDir is used */
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** a schema to use on PostgreSQL (tests isolate themselves this way) */
  databaseSchema: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' })),
  dataDir: Type.String({ minLength: 1 }),
  /** 'memory' keeps PGlite in memory (tests) */
  embeddedStorage: Type.Union([Type.Literal('disk'), Type.Literal('memory')]),
  /** seed the fictional demo city and demo accounts on start */
  demo: Type.Boolean(),
  /** 32-byte key for field encryption and keyed hashes (hex) */
  secretKey: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')]),
  /** set Secure on cookies (behind HTTPS) */
  cookieSecure: Type.Boolean(),
  trustProxy: Type.Boolean(),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  /** serve the built web app from this folder when it exists */
  webDir: Type.String(),
  staffIdleMinutes: Type.Integer({ minimum: 1 }),
  staffAbsoluteHours: Type.Integer({ minimum: 1 }),
  citizenIdleMinutes: Type.Integer({ minimum: 1 }),
  /** how long a session read from the database may serve from memory; 0 reads it on every request */
  sessionCacheSeconds: Type.Integer({ minimum: 0 }),
  rateLimitPerMinute: Type.Integer({ minimum: 1 }),
  /** server processes sharing the port (node:cluster, ADR 0017); more than one needs PostgreSQL */
  workers: Type.Integer({ minimum: 1, maximum: 64 }),
  /** run the outbox worker in this process (every process may; the database keeps them apart) */
  outboxWorker: Type.Boolean(),
  /** how often the outbox worker looks for due rows */
  outboxPollMs: Type.Integer({ minimum: 50, maximum: 60_000 }),
  /** tries of an outbox row before it is marked dead */
  outboxMaxAttempts: Type.Integer({ minimum: 1, maximum: 100 }),
  /** seconds after which an unfinished Idempotency-Key claim is taken to belong to a dead process */
  idempotencyLeaseSeconds: Type.Integer({ minimum: 1, maximum: 3600 }),
  /** seconds a catalogue search result may be served from memory (0 = off) */
  searchCacheSeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
  /** where uploaded files are kept: a folder on disk, or process memory (tests); platform/storage.ts */
  fileStorage: Type.Union([Type.Literal('disk'), Type.Literal('memory')]),
  fileStorageDir: Type.String({ minLength: 1 }),
  /** largest accepted upload, and uploads per account per minute */
  maxUploadBytes: Type.Integer({ minimum: 1024, maximum: 1024 * 1024 * 1024 }),
  uploadsPerMinute: Type.Integer({ minimum: 1 }),
  /** remote registries of the data exchange as a JSON array (modules/exchange/remote-config.ts); empty: none */
  exchangeRemoteRegistries: Type.String(),
  /** origin of the public site for links and QR codes printed on licences (e.g. https://zwfw.example.gov.cn); else the request's */
  publicUrl: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+$' })),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

const bool = (v: string | undefined, fallback: boolean) =>
  v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
const int = (v: string | undefined, fallback: number) => (v === undefined || v === '' ? fallback : Number(v));

/** The public site's origin: an absolute http(s) URL with nothing after the host but an optional '/'. */
function publicUrl(v: string | undefined): string | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const problem = `TONGBAN_PUBLIC_URL must be an absolute http(s) URL of the site's root, like https://zwfw.example.gov.cn (got ${JSON.stringify(v)})`;
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    throw new ConfigError(problem);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.pathname !== '/' || url.search || url.hash || /[?#]$/.test(v.trim())) {
    throw new ConfigError(problem);
  }
  return url.origin;
}

/** In embedded mode a key is generated once and kept beside the data; a server deployment must set one. */
function resolveSecretKey(env: NodeJS.ProcessEnv, dataDir: string, embeddedDisk: boolean): string {
  if (env.TONGBAN_SECRET_KEY) return env.TONGBAN_SECRET_KEY.toLowerCase();
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new ConfigError('TONGBAN_SECRET_KEY is required with DATABASE_URL in production (64 hex characters).');
  }
  if (!embeddedDisk) return randomBytes(32).toString('hex');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.TONGBAN_DATA_DIR ?? './data');
  const embeddedStorage = (env.TONGBAN_EMBEDDED_STORAGE ?? 'disk') as Config['embeddedStorage'];
  const embeddedDisk = !env.DATABASE_URL && embeddedStorage === 'disk';
  const candidate: Config = {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.TONGBAN_DB_SCHEMA || undefined,
    dataDir,
    embeddedStorage,
    // demo data only by default on the embedded database; a production server opts in with `npm run seed:demo`
    demo: bool(env.TONGBAN_DEMO, !env.DATABASE_URL),
    secretKey: overrides.secretKey ?? resolveSecretKey(env, dataDir, embeddedDisk),
    logLevel: (env.LOG_LEVEL ?? 'info') as Config['logLevel'],
    cookieSecure: bool(env.COOKIE_SECURE, env.NODE_ENV === 'production'),
    trustProxy: bool(env.TRUST_PROXY, false),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024),
    webDir: path.resolve(env.TONGBAN_WEB_DIR ?? './dist/web'),
    staffIdleMinutes: int(env.STAFF_IDLE_MINUTES, 30),
    staffAbsoluteHours: int(env.STAFF_ABSOLUTE_HOURS, 8),
    citizenIdleMinutes: int(env.CITIZEN_IDLE_MINUTES, 120),
    sessionCacheSeconds: int(env.SESSION_CACHE_SECONDS, 30),
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 600),
    // auto: one per core, on a PostgreSQL server; the embedded database runs in one process
    workers: env.TONGBAN_WORKERS === 'auto' ? (env.DATABASE_URL ? availableParallelism() : 1) : int(env.TONGBAN_WORKERS, 1),
    outboxWorker: bool(env.OUTBOX_WORKER, true),
    outboxPollMs: int(env.OUTBOX_POLL_MS, 500),
    outboxMaxAttempts: int(env.OUTBOX_MAX_ATTEMPTS, 10),
    idempotencyLeaseSeconds: int(env.IDEMPOTENCY_LEASE_SECONDS, 120),
    searchCacheSeconds: int(env.SEARCH_CACHE_SECONDS, 30),
    fileStorage: (env.TONGBAN_FILE_STORAGE || embeddedStorage) as Config['fileStorage'],
    fileStorageDir: path.resolve(env.TONGBAN_FILES_DIR ?? path.join(dataDir, 'files')),
    maxUploadBytes: int(env.MAX_UPLOAD_BYTES, 20 * 1024 * 1024),
    uploadsPerMinute: int(env.UPLOADS_PER_MINUTE, 30),
    exchangeRemoteRegistries: env.EXCHANGE_REMOTE_REGISTRIES ?? '',
    publicUrl: publicUrl(env.TONGBAN_PUBLIC_URL),
    ...overrides,
  };
  if (!Value.Check(ConfigSchema, candidate)) {
    const problems = [...Value.Errors(ConfigSchema, candidate)]
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  if (candidate.workers > 1 && !candidate.databaseUrl) {
    throw new ConfigError(`TONGBAN_WORKERS=${candidate.workers} needs a PostgreSQL server (DATABASE_URL): the embedded database belongs to one process.`);
  }
  return Object.freeze(candidate);
}

/**
 * A per-minute limit as each server process enforces it: counters live in process memory and the
 * processes share the clients' connections, so each holds its share, rounded up (ADR 0017).
 */
export const perProcess = (config: Pick<Config, 'workers'>, limit: number) => Math.max(1, Math.ceil(limit / config.workers));
