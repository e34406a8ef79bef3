// Department tasks: claim, release, decide (approve / deny / return for 补正) and post-check. Each
// locks the case row, re-reads the task under the lock and changes it only in the version it read,
// so of two concurrent decisions exactly one wins and the other gets TASK_ALREADY_DECIDED.
import type { DecisionBody, InboxTask, StaffCaseView } from '../../../contract/applications.js';
import { tx, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { departmentNames, getApplicationSpec } from '../catalog/index.js';
import { checkSupplementRequest } from './checks.js';
import { clockOf, record, type Ctx, type EventInput } from './context.js';
import { settleStage } from './engine.js';
import { canWorkTask, isClaimedByOther } from './policy.js';
import * as repo from './repo.js';
import * as tasks from './repo-tasks.js';
import { staffCaseView } from './service-views.js';
import { notices } from './texts.js';
import { toInboxTask } from './views.js';
import { notifyApplicant } from './notify-applicant.js';

/** The task, if the caller may work it: unknown → 404, another department's → 403. */
async function workableTask(ctx: Ctx, actor: Actor, id: string, kind: 'review' | 'post_check' | null) {
  const task = await tasks.findTask(ctx.db, id);
  if (!task) throw new AppError('TASK_NOT_FOUND');
  if (!canWorkTask(actor, task)) throw new AppError('FORBIDDEN');
  if (kind && task.kind !== kind) throw new AppError('TASK_KIND_MISMATCH');
  return task;
}

/** Under the case lock: the task as it is now, open and not someone else's. */
async function openTaskUnderLock(t: Executor, actor: Actor, id: string): Promise<tasks.TaskRow> {
  const k = (await tasks.findTask(t, id))!;
  if (k.status === 'approved' || k.status === 'denied' || k.status === 'cancelled') throw new AppError('TASK_ALREADY_DECIDED');
  if (k.status !== 'open') throw new AppError('TASK_NOT_OPEN');
  if (isClaimedByOther(actor, k)) throw new AppError('TASK_CLAIMED_BY_OTHER');
  return k;
}

async function inboxTask(ctx: Ctx, actor: Actor, id: string): Promise<InboxTask> {
  const k = (await tasks.findTask(ctx.db, id))!;
  const c = (await repo.findCaseById(ctx.db, k.case_id))!;
  const [clock, names] = await Promise.all([clockOf(ctx), departmentNames(ctx.db, [k.department_code])]);
  return toInboxTask(actor, { ...k, case_no: c.case_no, item_name: c.item_name, applicant_name: c.applicant_name, applicant_kind: c.applicant_kind, case_status: c.status, case_paused_on: c.paused_on }, clock, names);
}

export async function claimTask(ctx: Ctx, actor: Actor, id: string): Promise<InboxTask> {
  const task = await workableTask(ctx, actor, id, null);
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await repo.lockCaseById(t, task.case_id);
    const k = await openTaskUnderLock(t, actor, id);
    if (k.assignee_account_id === actor.accountId) return;
    if (!(await tasks.setAssignee(t, id, k.version, { id: actor.accountId, name: actor.name }))) throw new AppError('TASK_CLAIMED_BY_OTHER');
    await record(t, c, actor, at, 'task_claimed', [{ action: 'task_claimed', departmentCode: k.department_code, taskId: id, data: { taskName: k.name } }], { taskId: id });
  });
  return inboxTask(ctx, actor, id);
}

export async function releaseTask(ctx: Ctx, actor: Actor, id: string): Promise<InboxTask> {
  const task = await workableTask(ctx, actor, id, null);
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await repo.lockCaseById(t, task.case_id);
    const k = await openTaskUnderLock(t, actor, id);
    if (k.assignee_account_id === null) return;
    if (!(await tasks.setAssignee(t, id, k.version, null))) throw new AppError('TASK_ALREADY_DECIDED');
    await record(t, c, actor, at, 'task_released', [{ action: 'task_released', departmentCode: k.department_code, taskId: id, data: { taskName: k.name } }], { taskId: id });
  });
  return inboxTask(ctx, actor, id);
}

/** A return must ask for what the applicant can supply: materials and fields of the case's item version. */
async function checkReturn(ctx: Ctx, caseId: string, body: DecisionBody, lang: Lang): Promise<void> {
  const c = (await repo.findCaseById(ctx.db, caseId))!;
  const errors = checkSupplementRequest(body, await getApplicationSpec(ctx.db, c.item_code, c.item_version), lang);
  if (errors.length) throw new AppError('SUPPLEMENT_REQUEST_INVALID', undefined, errors);
}

const DECIDED = { approve: 'approved', deny: 'denied', return: 'returned' } as const;
const EVENT = { approve: 'task_approved', deny: 'task_denied', return: 'supplement_requested' } as const;

export async function decideTask(ctx: Ctx, actor: Actor, id: string, body: DecisionBody, lang: Lang): Promise<StaffCaseView> {
  const task = await workableTask(ctx, actor, id, 'review');
  const comment = body.comment?.trim() || null;
  if (body.decision !== 'approve' && !comment) throw new AppError('COMMENT_REQUIRED');
  if (body.decision === 'return') await checkReturn(ctx, task.case_id, body, lang);
  const clock = await clockOf(ctx);
  const at = now();
  const caseNo = await tx(ctx.db, async (t) => {
    const c = await repo.lockCaseById(t, task.case_id);
    const k = await openTaskUnderLock(t, actor, id);
    if (c.status !== 'in_review' && c.status !== 'supplement') throw new AppError('CASE_STATUS_CONFLICT');
    const supplement = body.decision === 'return'
      ? { comment: comment!, materials: body.materials ?? [], fields: body.fields ?? [], requestedAt: at.toISOString() } : null;
    const decided = await tasks.decideTask(t, id, k.version, { status: DECIDED[body.decision], at, by: actor.accountId, byName: actor.name, comment, supplement });
    if (!decided) throw new AppError('TASK_ALREADY_DECIDED');
    const events: EventInput[] = [{
      action: EVENT[body.decision], departmentCode: k.department_code, taskId: id, comment,
      data: { taskName: k.name, ...(supplement ? { materials: supplement.materials, fields: supplement.fields } : {}) },
    }];
    if (body.decision === 'return') {
      if (c.status === 'in_review') await repo.updateCase(t, c.id, { status: 'supplement', pausedOn: clock.today });
      const names = await departmentNames(t, [k.department_code]);
      await notifyApplicant(t, c, (ref) => notices.supplement(ref, names.get(k.department_code) ?? k.department_code, comment!));
    } else {
      events.push(...(await settleStage(t, clock, c.id, k.stage, at)));
    }
    await record(t, c, actor, at, `task_${DECIDED[body.decision]}`, events, { taskId: id, decision: body.decision, comment, supplement });
    return c.case_no;
  });
  return staffCaseView(ctx, actor, caseNo, lang);
}

/** 事后核查 of a commitment: confirmed, or false — which revokes the result. */
export async function postCheck(ctx: Ctx, actor: Actor, id: string, body: { outcome: 'confirmed' | 'false_commitment'; comment: string }, lang: Lang): Promise<StaffCaseView> {
  const task = await workableTask(ctx, actor, id, 'post_check');
  const comment = body.comment.trim();
  if (!comment) throw new AppError('COMMENT_REQUIRED');
  const at = now();
  const caseNo = await tx(ctx.db, async (t) => {
    const c = await repo.lockCaseById(t, task.case_id);
    const k = await openTaskUnderLock(t, actor, id);
    const confirmed = body.outcome === 'confirmed';
    const decided = await tasks.decideTask(t, id, k.version, { status: confirmed ? 'approved' : 'denied', at, by: actor.accountId, byName: actor.name, comment, supplement: null });
    if (!decided) throw new AppError('TASK_ALREADY_DECIDED');
    if (!confirmed) {
      await repo.updateCase(t, c.id, { result: 'revoked' });
      await notifyApplicant(t, c, (ref) => notices.revoked(ref, comment));
    }
    const action = confirmed ? 'post_check_confirmed' : 'commitment_revoked';
    await record(t, c, actor, at, action, [{ action, departmentCode: k.department_code, taskId: id, comment, data: { taskName: k.name } }], { taskId: id, outcome: body.outcome, comment });
    return c.case_no;
  });
  return staffCaseView(ctx, actor, caseNo, lang);
}
