// `npm run migrate`: apply pending migrations to the configured database (they also run at start).
import { loadConfig } from '../config.js';
import { connect } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const db = await connect(config);
const applied = await migrate(db);
await db.close();
console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
