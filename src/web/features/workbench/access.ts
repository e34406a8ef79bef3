// Who sees which part of the workbench: staff roles, the departments whose inbox they work, and
// where the 工作台 link leads.
import type { Me } from '../../../contract/identity';
import { hasRole } from '../identity/api';

type Role = Me['roles'][number];

export const STAFF_ROLES: Role[] = ['clerk', 'reviewer', 'approver', 'dept_admin'];
/** window clerks accept submissions; department admins may too */
export const ACCEPTANCE_ROLES: Role[] = ['clerk', 'dept_admin'];

export const isStaff = (me: Me | null | undefined) => STAFF_ROLES.some((role) => hasRole(me, role));
export const canAccept = (me: Me | null | undefined) => ACCEPTANCE_ROLES.some((role) => hasRole(me, role));
/** window clerks hand over results waiting at a window (窗口领取), any window in the city */
export const PICKUP_ROLES: Role[] = ['clerk'];
export const canHandOver = (me: Me | null | undefined) => PICKUP_ROLES.some((role) => hasRole(me, role));

/** roles that work a department's task inbox */
const INBOX_ROLES: Role[] = ['reviewer', 'approver', 'dept_admin'];

/** Departments with an inbox for this account. */
export const inboxDepartments = (me: Me | null | undefined) =>
  (me?.departments ?? []).filter((d) => d.roles.some((role) => INBOX_ROLES.includes(role)));

/** A window clerk of the 综合窗口 belongs to no department: their workbench starts at acceptance. */
export const workbenchHome = (me: Me | null | undefined) =>
  inboxDepartments(me).length === 0 && canAccept(me) ? '/workbench/acceptance' : '/workbench';
