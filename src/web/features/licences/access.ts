// Who uses the licence register (证照管理): approvers and admins of an issuing department; only a
// department's admin rotates its signing key. The server decides; these only shape the UI.
import type { Me } from '../../../contract/identity';

type Role = Me['roles'][number];

export const LICENCE_ROLES: Role[] = ['approver', 'dept_admin'];

/** Departments whose licences this account manages. */
export const licenceDepartments = (me: Me | null | undefined) =>
  (me?.departments ?? []).filter((d) => d.roles.some((role) => LICENCE_ROLES.includes(role)));
