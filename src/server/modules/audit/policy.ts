// Who may read the audit trail: auditors only (等保 separation of duties: operators administer,
// auditors audit).
import { hasRole, type Actor } from '../../platform/auth.js';

export const canReadAudit = (actor: Actor | null): boolean => hasRole(actor, 'auditor');
