// A real platform process for the crash-recovery test: the configuration comes from the environment
// the test passes in (data directory, database, schema, lease), the app listens on a free port and
// prints one JSON line `{"crashServerUrl": …}` to stdout. SIGTERM closes it cleanly; the test also
// kills it with SIGKILL, which nothing here can soften.
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
const app = await buildApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
console.log(JSON.stringify({ crashServerUrl: `http://127.0.0.1:${port}`, database: app.db.kind }));

process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0), () => process.exit(1));
});
