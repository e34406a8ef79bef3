// `npm run seed:demo`: seed the fictional demo city into the configured database (also PostgreSQL).
import { loadConfig } from '../../config.js';
import { connect } from '../client.js';
import { migrate } from '../migrate.js';
import { seedDemo } from './index.js';

const config = loadConfig();
const db = await connect(config);
await migrate(db);
await seedDemo(db, config, console as any);
await db.close();
console.log(`demo city seeded into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
