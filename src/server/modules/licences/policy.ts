// Who may do what with a licence: the holder reads, downloads and presents their own; staff of the
// issuing department with the approver or dept_admin role revoke and replace. Verification is public.
import type { Actor } from '../../platform/auth.js';

/**
 * Read, download, present and read the usage log of a licence: its holder, and for an enterprise's
 * licence whoever acts for the enterprise now (`enterpriseHolderHashes`: their enterprises' holder-code hashes).
 */
export const isHolder = (actor: Actor | null, licence: { holder_account_id: string; holder_code_hash?: string }, enterpriseHolderHashes: string[] = []): boolean =>
  !!actor && (actor.accountId === licence.holder_account_id || (!!licence.holder_code_hash && enterpriseHolderHashes.includes(licence.holder_code_hash)));

const MANAGING_ROLES = ['approver', 'dept_admin'] as const;
const manages = (d: Actor['departments'][number]) => MANAGING_ROLES.some((r) => d.roles.includes(r));

/** Revoke or replace a licence issued by the department. */
export const canManageLicence = (actor: Actor | null, licence: { issuer_department: string }): boolean =>
  !!actor && actor.departments.some((d) => d.code === licence.issuer_department && manages(d));

/** Departments whose register of issued licences (证照管理) the actor reads and keeps. */
export const licenceDepartments = (actor: Actor | null): string[] =>
  actor ? actor.departments.filter(manages).map((d) => d.code) : [];

/** Staff who could manage some department's licences (the route guard; the rule above decides per licence). */
export const isLicenceStaff = (actor: Actor | null): boolean => licenceDepartments(actor).length > 0;

/** Rotate the department's signing key. */
export const canRotateKeys = (actor: Actor | null, departmentCode: string): boolean =>
  !!actor && actor.departments.some((d) => d.code === departmentCode && d.roles.includes('dept_admin'));
