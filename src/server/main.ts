// CLI entry: start the platform, print where it is, drain on SIGTERM/SIGINT. With TONGBAN_WORKERS
// above 1 (PostgreSQL only) this process becomes the primary of several server processes (ADR 0017).
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { isClusterWorker, runPrimary } from './platform/cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DEMO_PASSWORD, demoAccountList } from './db/seed/index.js';

function banner(config: Config, port: number, started: number, database: string) {
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  通办 Tongban is running at ${url}   (ready in ${((Date.now() - started) / 1000).toFixed(1)} s${config.workers > 1 ? `, ${config.workers} server processes` : ''})`,
    `  API docs: ${url}/api/docs    database: ${database}`,
  ];
  if (config.demo) {
    lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccountList()) lines.push(`    ${a.username.padEnd(18)} ${a.description}`);
  }
  console.log(lines.join('\n') + '\n');
}

/** One server process: the whole platform, or one worker of several. */
async function serve(config: Config, started: number) {
  const app = await buildApp(config);
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down: draining requests');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  if (isClusterWorker()) return;
  const port = (app.server.address() as { port: number }).port;
  banner(config, port, started, app.db.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL');
}

/** Prepare the database once, then run the workers until a signal drains them. */
async function primary(config: Config, started: number) {
  const code = await runPrimary({
    workers: config.workers,
    // the workers use the primary's key even when it was generated for this run
    env: { TONGBAN_SECRET_KEY: config.secretKey },
    prepare: async () => {
      const app = await buildApp({ ...config, outboxWorker: false }, { logger: false });
      await app.close();
    },
    onListening: (port) => banner(config, port, started, 'PostgreSQL'),
    log: (message) => console.error(`tongban: ${message}`),
  });
  process.exit(code);
}

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`tongban: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (config.workers > 1 && !isClusterWorker()) await primary(config, started);
  else await serve(config, started);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
