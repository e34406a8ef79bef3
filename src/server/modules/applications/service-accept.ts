// 受理: window clerks anywhere in the city (全市通办) and the competent department's admin accept a
// submitted case, which opens the first stage's tasks in their departments, or refuse it with a
// reason (不予受理). Both are named commands on the locked case row.
import type { CaseList, StaffCaseView } from '../../../contract/applications.js';
import { tx, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { departmentNames } from '../catalog/index.js';
import { clockOf, record, type Ctx } from './context.js';
import { openStage } from './engine.js';
import { canAccept, canSeeAcceptanceQueue, canSeeStaffCase } from './policy.js';
import * as repo from './repo.js';
import * as tasks from './repo-tasks.js';
import { staffCaseView, staffLinks } from './service-views.js';
import { notices } from './texts.js';
import { toCaseSummary } from './views.js';
import { notifyApplicant } from './notify-applicant.js';

/**
 * Lock the case for an acceptance decision: unseen → 404, seen but not acceptable by the caller →
 * 403, no longer awaiting acceptance → 409.
 */
async function lockForAcceptance(t: Executor, actor: Actor, caseNo: string) {
  const c = await repo.lockCaseByNo(t, caseNo);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (canAccept(actor, c) && c.status === 'submitted') return c;
  if (!canSeeStaffCase(actor, c, await staffLinks(t, actor, c))) throw new AppError('CASE_NOT_FOUND');
  throw new AppError(canAccept(actor, c) ? 'CASE_STATUS_CONFLICT' : 'FORBIDDEN');
}

/** Who took the case in: the department, when its own staff did; a city window (综合窗口) names none. */
const windowOf = (actor: Actor, c: repo.CaseRow) => (actor.departments.some((d) => d.code === c.department_code) ? c.department_code : null);


export async function accept(ctx: Ctx, actor: Actor, caseNo: string, lang: Lang): Promise<StaffCaseView> {
  const clock = await clockOf(ctx);
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await lockForAcceptance(t, actor, caseNo);
    await repo.updateCase(t, c.id, { status: 'in_review', acceptedAt: at });
    const opened = await openStage(t, clock, c, 1, at);
    await notifyApplicant(t, c, (r) => notices.accepted(r));
    await record(t, c, actor, at, 'accepted', [{ action: 'accepted', departmentCode: windowOf(actor, c) }, ...opened], { status: 'in_review' });
  });
  return staffCaseView(ctx, actor, caseNo, lang);
}

export async function notAccept(ctx: Ctx, actor: Actor, caseNo: string, reason: string, lang: Lang): Promise<StaffCaseView> {
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await lockForAcceptance(t, actor, caseNo);
    await tasks.cancelLiveTasks(t, c.id, at);
    await repo.updateCase(t, c.id, { status: 'not_accepted', notAcceptedReason: reason });
    await notifyApplicant(t, c, (r) => notices.notAccepted(r, reason));
    await record(t, c, actor, at, 'not_accepted', [{ action: 'not_accepted', departmentCode: windowOf(actor, c), comment: reason }], { status: 'not_accepted', reason });
  });
  return staffCaseView(ctx, actor, caseNo, lang);
}

/** 待受理: clerks see every submitted case; department admins those of their departments. */
export async function acceptanceQueue(ctx: Ctx, actor: Actor, q: { page?: number; pageSize?: number }): Promise<CaseList> {
  if (!canSeeAcceptanceQueue(actor)) throw new AppError('FORBIDDEN');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const departments = actor.roles.includes('clerk') ? null
    : actor.departments.filter((d) => d.roles.includes('dept_admin')).map((d) => d.code);
  const [cases, total, clock] = await Promise.all([
    repo.listSubmitted(ctx.db, departments, pageSize, (page - 1) * pageSize), repo.countSubmitted(ctx.db, departments), clockOf(ctx),
  ]);
  const names = await departmentNames(ctx.db, [...new Set(cases.map((c) => c.department_code))]);
  return { total, page, pageSize, items: cases.map((c) => toCaseSummary(c, [], clock, names)) };
}
