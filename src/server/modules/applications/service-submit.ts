// Submission (一网受理): who the applicant is (self, an enterprise, or a person a clerk serves at the
// counter), the checks of form, materials and delivery, and one transaction that numbers the case,
// claims its files, creates its tasks, and audits and announces it. Immediate items are accepted
// at once; signed commitments (告知承诺制) conclude at once and leave a post-check task.
import type { ApplicationBody, CaseView, VerifiedMaterial } from '../../../contract/applications.js';
import { sql, type SQL } from 'drizzle-orm';
import { rows, tx, withWrites, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { checkFormData } from '../../platform/forms.js';
import type { Lang } from '../../platform/i18n.js';
import { maskIdNumber } from '../../../contract/mask.js';
import { getApplicationSpec, type ApplicationSpec } from '../catalog/index.js';
import { claimFiles, moveClaimedFiles } from '../files/index.js';
import { agentEnterpriseByCreditCode, applicantProfile, creditCodeHash, findPersonByIdNumber } from '../identity/index.js';
import { checkDelivery, checkMaterials } from './checks.js';
import { dueOf } from './clock.js';
import { clockOf, idTailHash, newCaseRecord, record, type Clock, type Ctx, type EventInput } from './context.js';
import { conclude, openStage } from './engine.js';
import { heldToVerify, verifyHeldMaterials } from './held-materials.js';
import { applyLocked } from './prefill.js';
import { checkRegistryPrefilled } from './prefill-check.js';
import { canApply, canApplyOnBehalf } from './policy.js';
import * as repo from './repo.js';
import * as tasks from './repo-tasks.js';
import { newTaskRows, tasksInsert } from './repo-tasks.js';
import { notices } from './texts.js';
import { caseView, caseViewOf } from './service-views.js';
import { isImmediate, planTasks } from './workflow.js';
import { applicantNotices, notifyApplicant, type CaseRef } from './notify-applicant.js';

interface Applicant {
  accountId: string; kind: 'person' | 'enterprise'; name: string; idOrCode: string;
  person: Awaited<ReturnType<typeof applicantProfile>>;
  enterprise: Awaited<ReturnType<typeof agentEnterpriseByCreditCode>>;
  acting: { accountId: string; name: string; role: 'clerk' | 'enterprise_agent'; authorisation: string | null } | null;
}

/** Who the case is for, and who filed it when that is someone else. */
async function resolveApplicant(ctx: Ctx, actor: Actor, body: ApplicationBody): Promise<Applicant> {
  if (!canApply(actor)) throw new AppError('FORBIDDEN');
  if (body.onBehalfOf) {
    if (!canApplyOnBehalf(actor)) throw new AppError('FORBIDDEN');
    if (body.enterpriseCreditCode) throw new AppError('AUDIENCE_MISMATCH');
    const found = await findPersonByIdNumber(ctx.db, ctx.secretKey, body.onBehalfOf.idNumber);
    if (!found) throw new AppError('APPLICANT_NOT_REGISTERED');
    const person = await applicantProfile(ctx.db, ctx.secretKey, found.accountId);
    return {
      accountId: found.accountId, kind: 'person', name: found.name, idOrCode: body.onBehalfOf.idNumber, person, enterprise: null,
      acting: { accountId: actor.accountId, name: actor.name, role: 'clerk', authorisation: body.onBehalfOf.authorisation },
    };
  }
  if (actor.kind !== 'person') throw new AppError('FORBIDDEN');
  const person = await applicantProfile(ctx.db, ctx.secretKey, actor.accountId);
  if (!person?.idNumber) throw new AppError('FORBIDDEN');
  if (body.enterpriseCreditCode) {
    const enterprise = await agentEnterpriseByCreditCode(ctx.db, ctx.secretKey, actor.accountId, body.enterpriseCreditCode);
    if (!enterprise) throw new AppError('ENTERPRISE_NOT_AUTHORISED');
    return {
      accountId: actor.accountId, kind: 'enterprise', name: enterprise.name, idOrCode: enterprise.creditCode, person, enterprise,
      acting: { accountId: actor.accountId, name: actor.name, role: 'enterprise_agent', authorisation: null },
    };
  }
  return { accountId: actor.accountId, kind: 'person', name: person.name, idOrCode: person.idNumber, person, enterprise: null, acting: null };
}

/** Form, materials, commitment and delivery against the pinned version; the cleaned form values. */
function checkSubmission(spec: ApplicationSpec, applicant: Applicant, body: ApplicationBody, lang: Lang): Record<string, unknown> {
  if (!spec.audience.includes(applicant.kind)) throw new AppError('AUDIENCE_MISMATCH');
  if (body.commitmentSigned && !spec.commitment) throw new AppError('COMMITMENT_NOT_OFFERED');
  const form = checkFormData(spec.form, applyLocked(spec.form, body.formData, applicant.person, applicant.enterprise), lang);
  if (form.errors.length) throw new AppError('FORM_INVALID', undefined, form.errors);
  const replaced = body.commitmentSigned && spec.commitment ? spec.commitment.replacesMaterials : [];
  const materialErrors = checkMaterials({ materials: spec.materials, submitted: body.materials, replaced }, lang);
  if (materialErrors.length) throw new AppError('MATERIALS_INCOMPLETE', undefined, materialErrors);
  const deliveryErrors = checkDelivery(body.delivery, spec.deliveryModes, lang);
  if (deliveryErrors.length) throw new AppError('DELIVERY_INVALID', undefined, deliveryErrors);
  return form.data;
}

/** 'YYYYMMDD' of a civil date. */
const compactDate = (date: string) => date.replaceAll('-', '');

const drawCaseNo = async (db: Executor, regionCode: string, today: string) =>
  `${regionCode}${compactDate(today)}${String(await repo.nextCaseSequence(db)).padStart(6, '0')}`;

/** The case's materials: uploads claimed for the case number (whoever uploaded them: the applicant, or the clerk at the counter), 免提交 ones with their proofs. */
async function claimMaterials(t: Executor, actor: Actor, spec: ApplicationSpec, body: ApplicationBody,
  proofs: Map<number, VerifiedMaterial>, caseNo: string): Promise<repo.CaseMaterial[]> {
  const materials: repo.CaseMaterial[] = [];
  for (const m of [...body.materials].sort((a, b) => a.index - b.index)) {
    const files = await claimFiles(t, actor.accountId, m.fileIds, caseNo);
    const verified = proofs.get(m.index);
    materials.push({ index: m.index, name: spec.materials[m.index].name, governmentHeld: !!m.governmentHeld && files.length === 0, files, ...(verified ? { verified } : {}) });
  }
  return materials;
}

/**
 * Insert the case, its materials in the row, under a fresh number (or the one drawn beforehand); a
 * taken number (the sequence wrapped) draws again. Without files claimed for the number, the INSERT
 * draws it itself; with them, it is drawn first and the files follow a redrawn one. The returned row
 * is locked by this transaction.
 */
async function insertNumbered(t: Executor, c: Omit<repo.NewCase, 'caseNo' | 'materials'>, claim: (caseNo: string) => Promise<repo.CaseMaterial[]>,
  owner: { accountId: string; hasFiles: boolean }, today: string, drawn?: string): Promise<repo.CaseRow> {
  const prefix = { prefix: `${c.regionCode}${compactDate(today)}` };
  let caseNo: repo.NewCase['caseNo'] = drawn ?? (owner.hasFiles ? await drawCaseNo(t, c.regionCode, today) : prefix);
  const materials = await claim(typeof caseNo === 'string' ? caseNo : prefix.prefix); // no file is claimed for a bare prefix
  for (;;) {
    const row = await repo.insertCase(t, { ...c, caseNo, materials }, { dropDraftOf: owner.accountId });
    if (row) return row;
    if (!owner.hasFiles) {
      caseNo = prefix;
      continue;
    }
    const next = await drawCaseNo(t, c.regionCode, today);
    await moveClaimedFiles(t, owner.accountId, materials.flatMap((m) => m.files.map((f) => f.id)), caseNo as string, next);
    caseNo = next;
  }
}

async function createTasks(t: Executor, clock: Clock, spec: ApplicationSpec, c: { id: string; regionCode: string }, commitment: boolean, at: Date) {
  await tasks.insertTasks(t, commitment ? [postCheckTask(clock, spec, c, spec.commitment!.postCheckDays, at)] : plannedTasks(spec, c));
}

/** 告知承诺: the case concludes at once and its post-check (事后核查) opens now. */
const postCheckTask = (clock: Clock, spec: ApplicationSpec, c: { id: string; regionCode: string }, limit: number, at: Date): tasks.NewTask => ({
  caseId: c.id, regionCode: c.regionCode, itemCode: spec.code, kind: 'post_check', stage: 1, stageName: '事后核查', stageRule: 'all',
  name: '告知承诺事后核查', departmentCode: spec.departmentCode, status: 'open', limitDays: limit, openedOn: clock.today, openedAt: at,
  ...dueOf(clock.cal, clock.today, limit, 0),
});

/** The workflow's tasks of a new case, every one pending until its stage opens. */
const plannedTasks = (spec: ApplicationSpec, c: { id: string; regionCode: string }): tasks.NewTask[] => planTasks(spec.workflow).map((p) => ({
  caseId: c.id, regionCode: c.regionCode, itemCode: spec.code, kind: 'review' as const, stage: p.stage, stageName: p.stageName,
  stageRule: p.stageRule, name: p.name, departmentCode: p.departmentCode, status: 'pending' as const, limitDays: p.limitDays,
  openedOn: null, openedAt: null, dueOn: null, dueProvisional: false,
}));

/** The route's part in a submission: its Idempotency-Key is recorded with the case. */
export interface SubmitHooks {
  /** before any call to another system (免提交 by reference), which leaves records of its own */
  beforeOutsideWork?(): Promise<void>;
  /**
   * The write that records the answer under the request's key (idempotentAnswer), run in the
   * case's transaction so the key and the case commit together; null without a key.
   */
  answer?(view: CaseView): { write: SQL; claimed(rowCount: number): void } | null;
}

/** Submit an application. */
export async function submit(ctx: Ctx, actor: Actor, body: ApplicationBody, lang: Lang, hooks: SubmitHooks = {}): Promise<CaseView> {
  const applicant = await resolveApplicant(ctx, actor, body);
  const spec = await getApplicationSpec(ctx.db, body.itemCode);
  const formData = checkSubmission(spec, applicant, body, lang);
  const prefillChecked = await checkRegistryPrefilled(ctx, actor, spec, formData, body, lang);
  const { regionCode } = spec;
  const clock = await clockOf(ctx);
  const commitment = !!(body.commitmentSigned && spec.commitment);
  const immediate = !commitment && isImmediate(spec);
  const at = now();
  // 免提交 by reference: fetched for the case before its transaction (the exchange logs on its own)
  const subject = applicant.kind === 'enterprise' ? { creditCode: applicant.idOrCode } : { idNumber: applicant.idOrCode };
  const outside = heldToVerify(spec, body.materials, subject).length > 0;
  if (outside) await hooks.beforeOutsideWork?.();
  const drawn = outside ? await drawCaseNo(ctx.db, regionCode, clock.today) : undefined;
  const proofs = drawn ? await verifyHeldMaterials(ctx.db, { spec, materials: body.materials, subject, caseNo: drawn, actor }, lang) : new Map();
  return tx(ctx.db, async (t) => {
    const c = await insertNumbered(t, {
      regionCode, itemCode: spec.code, itemVersion: spec.version, itemName: spec.name, departmentCode: spec.departmentCode,
      applicantAccountId: applicant.accountId, applicantKind: applicant.kind, applicantName: applicant.name,
      applicantIdMasked: maskIdNumber(applicant.idOrCode), enterpriseName: applicant.enterprise?.name ?? null,
      enterpriseCreditCodeHash: applicant.enterprise ? creditCodeHash(ctx.secretKey, applicant.enterprise.creditCode) : null,
      idTailHash: idTailHash(ctx.secretKey, applicant.idOrCode), actingAgentAccountId: applicant.acting?.accountId ?? null,
      actingAgentName: applicant.acting?.name ?? null, actingRole: applicant.acting?.role ?? null,
      actingAuthorisation: applicant.acting?.authorisation ?? null, status: commitment || immediate ? 'in_review' : 'submitted',
      formData, delivery: body.delivery, commitment, startedOn: clock.today, limitDays: spec.promisedLimitDays,
      ...dueOf(clock.cal, clock.today, spec.promisedLimitDays, 0), submittedAt: at, ...(commitment || immediate ? { acceptedAt: at } : {}),
    }, (number) => claimMaterials(t, actor, spec, body, proofs, number),
    { accountId: actor.accountId, hasFiles: body.materials.some((m) => m.fileIds.length > 0) }, clock.today, drawn);
    const { id, case_no: caseNo, materials } = c;
    const makes = [(ref: CaseRef) => notices.submitted(ref, c.due_on), ...(immediate ? [(ref: CaseRef) => notices.accepted(ref)] : [])];
    const events: EventInput[] = [{ action: 'submitted', data: { itemVersion: spec.version } }, ...prefillChecked];
    const change = {
      itemCode: spec.code, itemVersion: spec.version, applicant: applicant.accountId, acting: applicant.acting?.accountId ?? null,
      commitment, formData, materials: materials.map((m) => ({ index: m.index, files: m.files.map((f) => f.sha256), governmentHeld: m.governmentHeld, verified: proofs.get(m.index)?.digest ?? null })),
    };
    if (!commitment && !immediate) {
      // a plain submission: its answer from the rows it is about to write, then every one of them
      // (tasks, timeline, audit entry, notices and the Idempotency-Key with the answer) in one statement
      const taskRows = newTaskRows(plannedTasks(spec, { id, regionCode }));
      const recorded = newCaseRecord(c, actor, at, 'submitted', events, change);
      const view = await caseViewOf(ctx, actor, { c, tasks: taskRows, events: recorded.events }, lang, t);
      const key = hooks.answer?.(view) ?? null;
      const writes = [tasksInsert(taskRows), ...recorded.writes, await applicantNotices(t, c, ...makes), ...(key ? [key.write] : [])];
      const [r] = await rows<{ claimed: number }>(t, withWrites(writes, key ? sql.raw(`SELECT count(*)::int AS claimed FROM w${writes.length - 1}`) : sql`SELECT 1 AS claimed`));
      key?.claimed(Number(r.claimed));
      return view;
    }
    await createTasks(t, clock, spec, { id, regionCode }, commitment, at);
    // accepted or concluded at once: its notices go before those of the commands below
    await notifyApplicant(t, c, ...makes);
    if (commitment) {
      events.push({ action: 'commitment_signed' }, { action: 'auto_accepted', departmentCode: spec.departmentCode });
      events.push(...(await conclude(t, c, 'approved', at)));
    } else {
      events.push({ action: 'auto_accepted', departmentCode: spec.departmentCode });
      events.push(...(await openStage(t, clock, c, 1, at)));
    }
    await record(t, c, actor, at, 'submitted', events, change, { newCase: true });
    // the commands above changed the rows: the answer reads them back
    const view = await caseView(ctx, actor, caseNo, lang, t);
    const key = hooks.answer?.(view);
    if (key) key.claimed((await rows(t, key.write)).length);
    return view;
  });
}
