// Who may do what with cases and tasks: one line each, tested in policy.test.ts. Someone else's
// case is not found (404), never forbidden; a staff role without the permission is forbidden (403).
import type { Actor, Role } from '../../platform/auth.js';

interface CaseLike {
  applicant_account_id: string; applicant_kind: 'person' | 'enterprise'; acting_agent_account_id: string | null; department_code: string; status: string;
}
interface TaskLike { department_code: string; assignee_account_id: string | null }

/** What ties a person to an enterprise's case: they act for the enterprise now (经办人 or legal representative). */
export interface ApplicantLinks { agentOfEnterprise: boolean }

const inDepartment = (actor: Actor, code: string, roles: Role[]) =>
  actor.departments.some((d) => d.code === code && d.roles.some((r) => roles.includes(r)));

const LIVE = ['submitted', 'in_review', 'supplement'];

/** The applicant of a person's case; for an enterprise's case, whoever acts for the enterprise now. */
export const actsAsApplicant = (actor: Actor, c: CaseLike, links?: ApplicantLinks) =>
  c.applicant_kind === 'enterprise' ? !!links?.agentOfEnterprise : actor.accountId === c.applicant_account_id;

/**
 * A person's case: its applicant, or whoever filed it for them (帮办代办 clerk). An enterprise's case
 * belongs to the enterprise: every current agent reads it, an agent removed since no longer does.
 */
export const canReadCase = (actor: Actor, c: CaseLike, links?: ApplicantLinks) =>
  actsAsApplicant(actor, c, links) || (c.applicant_kind === 'person' && actor.accountId === c.acting_agent_account_id);

/** The applicant (for an enterprise: any current agent) withdraws or supplements, only while the case is live. */
export const canWithdraw = (actor: Actor, c: CaseLike, links?: ApplicantLinks) => actsAsApplicant(actor, c, links) && LIVE.includes(c.status);
export const canSupplement = (actor: Actor, c: CaseLike, links?: ApplicantLinks) => actsAsApplicant(actor, c, links) && c.status === 'supplement';

/** 帮办代办: window clerks apply on behalf of a person who authorised it. */
export const canApplyOnBehalf = (actor: Actor) => actor.roles.includes('clerk');

/** People apply for themselves; staff only on someone's behalf. */
export const canApply = (actor: Actor) => actor.kind === 'person' || canApplyOnBehalf(actor);

/** 全市通办: any window clerk in the city accepts; the competent department's admin too. */
export const canAccept = (actor: Actor, c: Pick<CaseLike, 'department_code'>) =>
  actor.roles.includes('clerk') || inDepartment(actor, c.department_code, ['dept_admin']);

/** Sees the acceptance queue at all (clerks: every case; department admins: their departments'). */
export const canSeeAcceptanceQueue = (actor: Actor) => actor.roles.includes('clerk') || actor.roles.includes('dept_admin');

/** Reviewers and approvers of the task's department claim, release and decide it. */
export const canWorkTask = (actor: Actor, task: Pick<TaskLike, 'department_code'>) =>
  inDepartment(actor, task.department_code, ['reviewer', 'approver']);

/** A claimed task is decided by its assignee only. */
export const isClaimedByOther = (actor: Actor, task: TaskLike) => task.assignee_account_id !== null && task.assignee_account_id !== actor.accountId;

/** What ties a member of staff to a case: departments with a task on it, and whether they accepted or refused it. */
export interface StaffLinks { taskDepartments: string[]; handled: boolean }

/**
 * Staff see a case their department works on or is competent for (admins). A window clerk sees any
 * case awaiting acceptance (全市通办), afterwards only one they filed (帮办代办), accepted or refused.
 */
export const canSeeStaffCase = (actor: Actor, c: Pick<CaseLike, 'department_code' | 'status' | 'acting_agent_account_id'>, links: StaffLinks) =>
  actor.kind === 'staff' && (
    inDepartment(actor, c.department_code, ['dept_admin'])
    || links.taskDepartments.some((code) => actor.departments.some((d) => d.code === code))
    || (actor.roles.includes('clerk') && (c.status === 'submitted' || links.handled || c.acting_agent_account_id === actor.accountId)));

/** Departments whose inbox the caller may read. */
export const inboxDepartments = (actor: Actor) =>
  actor.departments.filter((d) => d.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'dept_admin')).map((d) => d.code);
