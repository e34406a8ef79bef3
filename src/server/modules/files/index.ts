// Uploaded files (材料): owns the table `files` and the objects in the blob store. Other modules
// attach, describe and serve files through these functions; they never touch the table or store.
//
// Applicants upload with POST /api/uploads before they submit; the applications module claims the
// files for a case in its submission transaction (claimFiles) and serves them to staff through
// its own access-checked routes (sendFile). Unattached uploads are purged after a week.
import './errors.js';

export { filesRoutes } from './routes.js';
export { claimFiles, fileRefs, moveClaimedFiles, openFile, purgeUnattachedFiles, UNATTACHED_RETENTION_DAYS } from './service.js';
export { sendFile, safeFileHeaders } from './send.js';
export { useFileStore, fileStore } from './store.js';
