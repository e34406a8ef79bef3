// Audit: read-only views of the platform's audit log for auditors (verification, stream history).
export { auditRoutes } from './routes.js';
