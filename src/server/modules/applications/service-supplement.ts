// The applicant's commands on a live case: 补正 (supply what the departments asked for, which
// restarts the clock and reopens only the tasks that asked) and withdrawal before a decision.
import type { CaseView, MaterialSubmission, SupplementBody } from '../../../contract/applications.js';
import { tx, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { checkFormData } from '../../platform/forms.js';
import type { Lang } from '../../platform/i18n.js';
import { getApplicationSpec } from '../catalog/index.js';
import { claimFiles } from '../files/index.js';
import { clockOf, record, type Ctx, type EventInput } from './context.js';
import { resumeClock } from './engine.js';
import { actsAsApplicant, canReadCase, canSupplement, canWithdraw, type ApplicantLinks } from './policy.js';
import * as repo from './repo.js';
import * as tasks from './repo-tasks.js';
import { applicantLinks, caseView } from './service-views.js';
import { notices } from './texts.js';
import { notifyApplicant } from './notify-applicant.js';

const LIVE = ['submitted', 'in_review', 'supplement'];

/** The case for one of the applicant's commands (an enterprise's: any agent's): not theirs → 404; filed by them for someone else → 403; not now → 409. */
async function applicantCase(db: Executor, actor: Actor, c: repo.CaseRow | undefined, allowed: (a: Actor, c: repo.CaseRow, l: ApplicantLinks) => boolean): Promise<repo.CaseRow> {
  const links = c && await applicantLinks(db, actor, c);
  if (!c || !links || !canReadCase(actor, c, links)) throw new AppError('CASE_NOT_FOUND');
  if (!actsAsApplicant(actor, c, links)) throw new AppError('FORBIDDEN');
  if (!allowed(actor, c, links)) throw new AppError('CASE_STATUS_CONFLICT');
  return c;
}

function missingFromSupplement(asked: tasks.SupplementAsk[], body: SupplementBody, allowHeld: (index: number) => boolean, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const given = new Map<number, MaterialSubmission>(body.materials.map((m) => [m.index, m]));
  for (const index of new Set(asked.flatMap((a) => a.materials))) {
    const m = given.get(index);
    if (!m || (m.fileIds.length === 0 && !(m.governmentHeld && allowHeld(index)))) {
      errors.push({ path: `materials.${index}`, code: 'MATERIAL_REQUIRED', message: lang === 'en' ? 'This material was asked for' : '请补正此项材料' });
    }
  }
  for (const field of new Set(asked.flatMap((a) => a.fields))) {
    if (body.formData?.[field] === undefined) errors.push({ path: `formData.${field}`, code: 'FIELD_REQUIRED', message: lang === 'en' ? 'This field was asked for' : '请补正此项内容' });
  }
  return errors;
}

/** A supplement changes only the fields the departments asked for: verified, locked values stay as filed. */
function unrequestedFields(asked: tasks.SupplementAsk[], body: SupplementBody, lang: Lang): FieldError[] {
  const allowed = new Set(asked.flatMap((a) => a.fields));
  return Object.keys(body.formData ?? {}).filter((field) => !allowed.has(field)).map((field) => ({
    path: `formData.${field}`, code: 'FIELD_NOT_REQUESTED', message: lang === 'en' ? 'This field was not asked for and cannot be changed' : '此项未被要求补正，不能修改',
  }));
}

export async function supplement(ctx: Ctx, actor: Actor, caseNo: string, body: SupplementBody, lang: Lang): Promise<CaseView> {
  const found = await applicantCase(ctx.db, actor, await repo.findCaseByNo(ctx.db, caseNo), canSupplement);
  const spec = await getApplicationSpec(ctx.db, found.item_code, found.item_version);
  const clock = await clockOf(ctx);
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await applicantCase(t, actor, await repo.lockCaseByNo(t, caseNo), canSupplement);
    const returned = (await tasks.listTasksOfCase(t, c.id)).filter((k) => k.status === 'returned');
    const unknown = body.materials.findIndex((m) => !spec.materials[m.index]);
    if (unknown >= 0) throw new AppError('SUPPLEMENT_INCOMPLETE', undefined, [{ path: `materials.${unknown}.index`, code: 'UNKNOWN_MATERIAL', message: lang === 'en' ? 'The item has no such material' : '该事项没有这项材料' }]);
    const asked = returned.flatMap((k) => (k.supplement ? [k.supplement] : []));
    const unrequested = unrequestedFields(asked, body, lang);
    if (unrequested.length) throw new AppError('FORM_INVALID', undefined, unrequested);
    const missing = missingFromSupplement(asked, body, (i) => spec.materials[i].governmentHeld, lang);
    if (missing.length) throw new AppError('SUPPLEMENT_INCOMPLETE', undefined, missing);
    const form = checkFormData(spec.form, { ...c.form_data, ...(body.formData ?? {}) }, lang);
    if (form.errors.length) throw new AppError('FORM_INVALID', undefined, form.errors);
    const materials = c.materials.map((m) => ({ ...m, files: [...m.files] }));
    for (const m of body.materials) {
      const files = await claimFiles(t, actor.accountId, m.fileIds, caseNo);
      const entry = materials.find((x) => x.index === m.index);
      if (entry) entry.files.push(...files);
      else materials.push({ index: m.index, name: spec.materials[m.index].name, governmentHeld: !!m.governmentHeld && files.length === 0, files });
    }
    materials.sort((a, b) => a.index - b.index);
    await repo.updateCase(t, c.id, { formData: form.data, materials });
    const pausedDays = await resumeClock(t, clock, c);
    for (const k of returned) await tasks.reopenTask(t, k.id);
    const events: EventInput[] = [
      { action: 'supplement_submitted', comment: body.note?.trim() || null, data: { pausedDays, materials: body.materials.map((m) => m.index) } },
      ...returned.map((k) => ({ action: 'task_opened', departmentCode: k.department_code, taskId: k.id, data: { taskName: k.name } })),
    ];
    await record(t, c, actor, at, 'supplement_submitted', events, { formData: form.data, materials: body.materials, pausedDays });
  });
  return caseView(ctx, actor, caseNo, lang);
}

export async function withdraw(ctx: Ctx, actor: Actor, caseNo: string, reason: string, lang: Lang): Promise<CaseView> {
  await applicantCase(ctx.db, actor, await repo.findCaseByNo(ctx.db, caseNo), canWithdraw);
  const at = now();
  await tx(ctx.db, async (t) => {
    const c = await applicantCase(t, actor, await repo.lockCaseByNo(t, caseNo), canWithdraw);
    if (!LIVE.includes(c.status)) throw new AppError('CASE_STATUS_CONFLICT');
    const cancelled = await tasks.cancelLiveTasks(t, c.id, at);
    await repo.updateCase(t, c.id, { status: 'withdrawn', pausedOn: null });
    await notifyApplicant(t, c, (ref) => notices.withdrawn(ref));
    await record(t, c, actor, at, 'withdrawn', [
      ...cancelled.map((id) => ({ action: 'task_cancelled', taskId: id })), { action: 'withdrawn', comment: reason },
    ], { status: 'withdrawn', reason });
  });
  return caseView(ctx, actor, caseNo, lang);
}
