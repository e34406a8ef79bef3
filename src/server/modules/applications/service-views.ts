// Reads: the applicant's case page and list, the public progress lookup, and the staff's case view.
// Someone else's case is CASE_NOT_FOUND, exactly like a case that does not exist. An enterprise's
// cases are read by every account that acts for the enterprise now.
import type { CaseList, CaseView, ProgressPickup, ProgressView, StaffCaseView } from '../../../contract/applications.js';
import { isoTimestamp, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { maskName } from '../../../contract/mask.js';
import { departmentNames } from '../catalog/index.js';
import { actsForEnterprise, enterpriseHashesOfAgent } from '../identity/index.js';
import { clockOf, idTailHash, type Ctx } from './context.js';
import { canAccept, canReadCase, canSeeStaffCase, type ApplicantLinks, type StaffLinks } from './policy.js';
import * as repo from './repo.js';
import { findCasePage, type CasePage } from './repo-page.js';
import { findPickupStatus } from './repo-handover.js';
import { hasHandled, listEvents, type EventRow } from './repo-events.js';
import { listTasksOfCase, listTasksOfCases, type TaskRow } from './repo-tasks.js';
import { holdersOf, timeline, toCaseSummary, toCaseView, toInboxTask, type TimelineRow } from './views.js';

async function namesFor(db: Executor, c: repo.CaseRow, tasks: TaskRow[], extra: (string | null)[] = []) {
  const codes = new Set([c.department_code, ...tasks.map((k) => k.department_code), ...extra.filter((x): x is string => !!x)]);
  return departmentNames(db, [...codes]);
}

async function assemble(ctx: Ctx, actor: Actor | null, c: repo.CaseRow, lang: Lang, db: Executor = ctx.db): Promise<CaseView & { __tasks: TaskRow[] }> {
  // one after another: `db` may be a transaction, which runs one statement at a time
  const tasks = await listTasksOfCase(db, c.id);
  const events = await listEvents(db, c.id);
  const clock = await clockOf(ctx);
  const names = await namesFor(db, c, tasks, events.map((e) => e.department_code));
  return Object.assign(toCaseView(actor, c, tasks, events, clock, names, lang), { __tasks: tasks });
}

/** Whether the caller acts for the enterprise whose case it is; asked only of a person reading an enterprise's case. */
export async function applicantLinks(db: Executor, actor: Actor, c: Pick<repo.CaseRow, 'applicant_kind' | 'enterprise_credit_code_hash'>): Promise<ApplicantLinks> {
  const hash = c.applicant_kind === 'enterprise' && actor.kind === 'person' ? c.enterprise_credit_code_hash : null;
  return { agentOfEnterprise: !!hash && (await actsForEnterprise(db, actor.accountId, hash)) };
}

/** The case page of its applicant (or of whoever filed it for them); `db` may be the command's transaction. */
export async function caseView(ctx: Ctx, actor: Actor, caseNo: string, lang: Lang, db: Executor = ctx.db): Promise<CaseView> {
  const page = await findCasePage(db, caseNo);
  if (!page) throw new AppError('CASE_NOT_FOUND');
  return caseViewOf(ctx, actor, page, lang, db);
}

/** The same from the case's rows in hand (a command that has just written all of them). */
export async function caseViewOf(ctx: Ctx, actor: Actor, { c, tasks, events }: Omit<CasePage, 'events'> & { events: TimelineRow[] }, lang: Lang,
  db: Executor = ctx.db): Promise<CaseView> {
  const links = await applicantLinks(db, actor, c);
  if (!canReadCase(actor, c, links)) throw new AppError('CASE_NOT_FOUND');
  const clock = await clockOf(ctx);
  const names = await namesFor(db, c, tasks, events.map((e) => e.department_code));
  return toCaseView(actor, c, tasks, events, clock, names, lang, links);
}

export interface CaseListQuery {
  status?: repo.CaseRow['status'];
  /** all (default): the caller's own and every enterprise's they act for; person: their own; or one enterprise's id */
  scope?: string;
  page?: number; pageSize?: number;
}

/**
 * 我的办件: newest first, one index range per source and one batch read of their tasks, with the
 * enterprises the caller acts for (the list's filter). An enterprise they do not act for is NOT_FOUND.
 */
export async function listMine(ctx: Ctx, actor: Actor, q: CaseListQuery): Promise<CaseList> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const scope = q.scope ?? 'all';
  const enterprises = actor.kind === 'person' ? await enterpriseHashesOfAgent(ctx.db, actor.accountId) : [];
  const chosen = scope === 'all' ? enterprises : enterprises.filter((e) => e.id === scope);
  if (scope !== 'all' && scope !== 'person' && !chosen.length) throw new AppError('NOT_FOUND');
  const filter: repo.CaseListFilter = {
    accountId: actor.accountId, status: q.status, personal: scope === 'all' || scope === 'person', enterpriseHashes: chosen.map((e) => e.creditCodeHash),
  };
  const [cases, total, clock] = await Promise.all([
    repo.listCasesOf(ctx.db, filter, pageSize, (page - 1) * pageSize), repo.countCasesOf(ctx.db, filter), clockOf(ctx),
  ]);
  const tasks = await listTasksOfCases(ctx.db, cases.map((c) => c.id));
  const names = await departmentNames(ctx.db, [...new Set([...cases.map((c) => c.department_code), ...tasks.map((k) => k.department_code)])]);
  return {
    total, page, pageSize,
    items: cases.map((c) => toCaseSummary(c, tasks.filter((k) => k.case_id === c.id), clock, names, true)),
    enterprises: enterprises.map((e) => ({ id: e.id, name: e.name })),
  };
}

/**
 * 窗口领取 for the public: waiting, or collected with the window and time; nothing of who collected
 * it. None for other delivery modes, and none for a revoked result that was never collected.
 */
async function publicPickup(db: Executor, c: repo.CaseRow): Promise<ProgressPickup | undefined> {
  if (c.delivery.mode !== 'window' || c.status !== 'concluded') return undefined;
  const p = await findPickupStatus(db, c.id);
  if (!p || (p.collected_at === null && c.result !== 'approved')) return undefined;
  return p.collected_at === null
    ? { status: 'waiting', readyAt: isoTimestamp(p.ready_at), window: null, collectedAt: null }
    : { status: 'collected', readyAt: isoTimestamp(p.ready_at), window: p.window_name, collectedAt: isoTimestamp(p.collected_at) };
}

/** A public step names no one: a result collected by an agent reads 结果已领取, without the agent's (masked) name. */
const publicEvent = (e: EventRow): EventRow =>
  (e.action === 'picked_up' && typeof e.data?.agentName === 'string' ? { ...e, data: null } : e);

/** Public progress (no login): the case number and the last 6 characters of the ID number must both match. */
export async function progress(ctx: Ctx, caseNo: string, idTail: string, lang: Lang): Promise<ProgressView> {
  const c = await repo.findCaseByNoAndTail(ctx.db, caseNo, idTailHash(ctx.secretKey, idTail));
  if (!c) throw new AppError('PROGRESS_NOT_FOUND');
  const [tasks, events, pickup] = await Promise.all([listTasksOfCase(ctx.db, c.id), listEvents(ctx.db, c.id), publicPickup(ctx.db, c)]);
  const names = await namesFor(ctx.db, c, tasks, events.map((e) => e.department_code));
  return {
    caseNo: c.case_no, itemName: c.item_name, applicantName: c.applicant_kind === 'person' ? maskName(c.applicant_name) : c.applicant_name,
    status: c.status, result: c.result, submittedAt: isoTimestamp(c.submitted_at), dueOn: c.due_on,
    holders: holdersOf(c, tasks).map((code) => names.get(code) ?? code),
    // who decided and their comments stay with the applicant; the public sees the steps
    steps: timeline(events.map(publicEvent), names, lang).map((e) => ({ at: e.at, text: e.text })),
    ...(pickup ? { pickup } : {}),
  };
}

/** The case as staff see it: clerks, the competent department's admin, or a department with a task on it. */
export async function staffCaseView(ctx: Ctx, actor: Actor, caseNo: string, lang: Lang): Promise<StaffCaseView> {
  const c = await repo.findCaseByNo(ctx.db, caseNo);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const { __tasks: tasks, ...view } = await assemble(ctx, null, c, lang);
  if (!canSeeStaffCase(actor, c, await staffLinks(ctx.db, actor, c, tasks))) throw new AppError('CASE_NOT_FOUND');
  const clock = await clockOf(ctx);
  const names = await namesFor(ctx.db, c, tasks);
  const mine = tasks.filter((k) => actor.departments.some((d) => d.code === k.department_code));
  return {
    ...view, actions: [],
    applicantIdMasked: c.applicant_id_masked,
    staffActions: c.status === 'submitted' && canAccept(actor, c) ? ['accept', 'not_accept'] : [],
    myTasks: mine.map((k) => toInboxTask(actor, { ...k, case_no: c.case_no, item_name: c.item_name, applicant_name: c.applicant_name, applicant_kind: c.applicant_kind, case_status: c.status, case_paused_on: c.paused_on }, clock, names)),
  };
}

/** What ties the staff member to the case; the timeline is read only for a window clerk. */
export async function staffLinks(db: Executor, actor: Actor, c: repo.CaseRow, tasks?: TaskRow[]): Promise<StaffLinks> {
  const list = tasks ?? await listTasksOfCase(db, c.id);
  return {
    taskDepartments: list.map((k) => k.department_code),
    handled: actor.roles.includes('clerk') && c.status !== 'submitted' && (await hasHandled(db, c.id, actor.accountId)),
  };
}

/** Whether the staff member may see the case (for its files). */
export async function staffMaySee(ctx: Ctx, actor: Actor, c: repo.CaseRow): Promise<boolean> {
  return canSeeStaffCase(actor, c, await staffLinks(ctx.db, actor, c));
}
