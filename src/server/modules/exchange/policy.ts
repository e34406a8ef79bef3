// Who may do what in the exchange: staff read the catalogue; operators approve and revoke grants;
// a department's admin may ask for grants for their own department; auditors read the whole log;
// everyone reads the uses of their own data.
import { hasRole, type Actor } from '../../platform/auth.js';

const STAFF_ROLES = ['clerk', 'reviewer', 'approver', 'dept_admin', 'operator', 'auditor'] as const;

export const canReadCatalogue = (actor: Actor | null): boolean => STAFF_ROLES.some((r) => hasRole(actor, r));

/** Operators and auditors see every grant; a department admin sees their departments' grants. */
export const canListGrants = (actor: Actor | null): boolean =>
  hasRole(actor, 'operator') || hasRole(actor, 'auditor') || hasRole(actor, 'dept_admin');

export const grantScope = (actor: Actor): string[] | undefined =>
  hasRole(actor, 'operator') || hasRole(actor, 'auditor') ? undefined : adminDepartments(actor);

const adminDepartments = (actor: Actor) => actor.departments.filter((d) => d.roles.includes('dept_admin')).map((d) => d.code);

export const canRequestGrant = (actor: Actor | null, consumerDepartment: string): boolean =>
  hasRole(actor, 'operator') || (!!actor && adminDepartments(actor).includes(consumerDepartment));

export const canDecideGrant = (actor: Actor | null): boolean => hasRole(actor, 'operator');

export const canReadExchangeLog = (actor: Actor | null): boolean => hasRole(actor, 'auditor');
