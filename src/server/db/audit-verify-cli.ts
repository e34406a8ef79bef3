// `npm run audit:verify`: walk every audit hash chain of the configured database; exit 1 on a break.
import { loadConfig } from '../config.js';
import { verifyAudit } from '../platform/audit.js';
import { connect } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const db = await connect(config);
await migrate(db);
const result = await verifyAudit(db.orm);
await db.close();
console.log(`audit log: ${result.entries} entries in ${result.streams} streams`);
for (const b of result.breaks) console.log(`BROKEN stream ${b.stream} at seq ${b.seq} (entry id ${b.id}): ${b.reason}`);
console.log(result.breaks.length ? 'verification FAILED' : 'every chain verifies');
process.exit(result.breaks.length ? 1 : 0);
