// Read models: a case row, its tasks and events turned into the contract's CaseView, task summaries
// and inbox rows, with the working days left on today's calendar. No access rules here.
import type { CaseSummary, CaseTaskSummary, CaseView, InboxTask, TimelineEntry } from '../../../contract/applications.js';
import { isoTimestamp } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import type { Lang } from '../../platform/i18n.js';
import { maskName } from '../../../contract/mask.js';
import { deadlineOf } from './clock.js';
import type { Clock } from './context.js';
import { canSupplement, canWithdraw, canWorkTask, isClaimedByOther, type ApplicantLinks } from './policy.js';
import type { CaseRow } from './repo.js';
import type { EventRow } from './repo-events.js';
import { byTaskOrder, type InboxRow, type TaskRow } from './repo-tasks.js';
import { timelineText } from './texts.js';
import { PREFILL_CHECK_ACTIONS, prefillCheckText } from './texts-prefill.js';

export type Names = Map<string, string>;
const dept = (names: Names, code: string) => ({ code, name: names.get(code) ?? code });
const isoOrNull = (v: Date | string | null) => (v ? isoTimestamp(v) : null);
const running = (c: Pick<CaseRow, 'status'>) => c.status === 'submitted' || c.status === 'in_review' || c.status === 'supplement';

export function taskSummary(k: TaskRow, c: Pick<CaseRow, 'paused_on'>, clock: Clock, names: Names): CaseTaskSummary {
  const live = k.status === 'open' || k.status === 'returned';
  return {
    id: k.id, kind: k.kind, stage: k.stage, stageName: k.stage_name, name: k.name, department: dept(names, k.department_code),
    status: k.status, dueOn: k.due_on, ...deadlineOf(clock.cal, clock.today, k.due_on, k.status === 'returned' ? c.paused_on ?? clock.today : c.paused_on, live),
    decidedAt: isoOrNull(k.decided_at), comment: k.status === 'open' ? null : k.comment,
  };
}

/** Departments holding the case now: those with open tasks; the competent one before acceptance. */
export function holdersOf(c: Pick<CaseRow, 'status' | 'department_code'>, tasks: TaskRow[]): string[] {
  if (c.status === 'submitted') return [c.department_code];
  if (!running(c)) return [];
  return [...new Set(tasks.filter((k) => k.status === 'open' && k.kind === 'review').map((k) => k.department_code))];
}

/** Lines the platform writes as a consequence of someone's command: no person did them. */
const SYSTEM_ACTIONS = new Set([
  'auto_accepted', 'task_opened', 'task_cancelled', 'concluded', 'awaiting_pickup', 'elicence_pending', 'delivered', 'escalated',
  ...PREFILL_CHECK_ACTIONS,
]);

/** The view shows no event's id: an answer built before its rows are written has none yet. */
export type TimelineRow = Omit<EventRow, 'id'>;

export function timeline(events: TimelineRow[], names: Names, lang: Lang): TimelineEntry[] {
  return events.map((e) => {
    const departmentName = e.department_code ? names.get(e.department_code) ?? e.department_code : null;
    return {
      at: isoTimestamp(e.at), action: e.action,
      text: PREFILL_CHECK_ACTIONS.has(e.action) ? prefillCheckText(e.action, lang, e.data) : timelineText(e.action, lang, departmentName, e.data),
      actorName: SYSTEM_ACTIONS.has(e.action) ? null : e.actor_name, departmentName, comment: e.comment,
    };
  });
}

export function toCaseView(actor: Actor | null, c: CaseRow, unordered: TaskRow[], events: TimelineRow[], clock: Clock, names: Names, lang: Lang,
  links?: ApplicantLinks): CaseView {
  const tasks = [...unordered].sort(byTaskOrder);
  const actions: CaseView['actions'] = [];
  if (actor && canWithdraw(actor, c, links)) actions.push('withdraw');
  if (actor && canSupplement(actor, c, links)) actions.push('supplement');
  return {
    caseNo: c.case_no, item: { code: c.item_code, name: c.item_name, version: c.item_version },
    applicant: { name: c.applicant_name, kind: c.applicant_kind },
    actingAgent: c.acting_agent_name && c.acting_role ? { name: c.acting_agent_name, role: c.acting_role } : null,
    status: c.status, result: c.result, submittedAt: isoTimestamp(c.submitted_at), acceptedAt: isoOrNull(c.accepted_at),
    concludedAt: isoOrNull(c.concluded_at), dueOn: c.due_on, dueProvisional: c.due_provisional,
    ...deadlineOf(clock.cal, clock.today, c.due_on, c.paused_on, running(c)),
    holders: holdersOf(c, tasks).map((code) => dept(names, code)),
    tasks: tasks.map((k) => taskSummary(k, c, clock, names)),
    timeline: timeline(events, names, lang),
    formData: c.form_data, materials: c.materials,
    supplementRequests: tasks.filter((k) => k.status === 'returned' && k.supplement).map((k) => ({
      taskId: k.id, departmentName: names.get(k.department_code) ?? k.department_code, comment: k.supplement!.comment,
      requestedAt: k.supplement!.requestedAt, materials: k.supplement!.materials, fields: k.supplement!.fields,
    })),
    delivery: c.delivery, trackingNo: c.tracking_no, commitment: c.commitment, notAcceptedReason: c.not_accepted_reason, actions,
  };
}

/** A list row; `forApplicant` adds, on an enterprise's case, the enterprise and the agent who filed it (我的办件). */
export function toCaseSummary(c: CaseRow, tasks: TaskRow[], clock: Clock, names: Names, forApplicant = false): CaseSummary {
  return {
    caseNo: c.case_no, itemName: c.item_name, itemCode: c.item_code, status: c.status, result: c.result,
    submittedAt: isoTimestamp(c.submitted_at), dueOn: c.due_on, ...deadlineOf(clock.cal, clock.today, c.due_on, c.paused_on, running(c)),
    holders: holdersOf(c, tasks).map((code) => names.get(code) ?? code),
    ...(forApplicant && c.applicant_kind === 'enterprise' ? { enterprise: { name: c.enterprise_name ?? c.applicant_name, filedBy: c.acting_agent_name } } : {}),
  };
}

export function taskActions(actor: Actor, k: Pick<TaskRow, 'status' | 'kind' | 'department_code' | 'assignee_account_id'>): InboxTask['actions'] {
  if (k.status !== 'open' || !canWorkTask(actor, k)) return [];
  if (isClaimedByOther(actor, k)) return [];
  const actions: InboxTask['actions'] = k.assignee_account_id ? ['release'] : ['claim'];
  if (k.kind === 'review') actions.push('approve', 'deny', 'return');
  return actions;
}

export function toInboxTask(actor: Actor, k: InboxRow, clock: Clock, names: Names): InboxTask {
  const live = k.status === 'open' || k.status === 'returned';
  return {
    id: k.id, kind: k.kind, name: k.name, caseNo: k.case_no, itemName: k.item_name, itemCode: k.item_code,
    // a person's name is personal data; an enterprise's registered name is public
    applicantName: k.applicant_kind === 'enterprise' ? k.applicant_name : maskName(k.applicant_name), department: dept(names, k.department_code), status: k.status,
    assignee: k.assignee_account_id ? { id: k.assignee_account_id, name: k.assignee_name ?? '' } : null,
    openedAt: isoOrNull(k.opened_at), dueOn: k.due_on, ...deadlineOf(clock.cal, clock.today, k.due_on, k.case_paused_on, live),
    escalated: k.escalated_at !== null, actions: taskActions(actor, k),
  };
}
