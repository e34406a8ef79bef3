// SQL of cases (办件). Tasks, events and drafts have their own repo-*.ts. Civil dates travel as
// 'YYYY-MM-DD' text both ways, so no driver turns them into local-time instants. find* may return
// nothing; get* throws CASE_NOT_FOUND. No rules here. Form values are sealed as they are written
// and opened as they are read (sealing.ts).
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { CaseResult, CaseStatus, Delivery } from '../../../contract/applications.js';
import { inList } from './repo-tasks.js';
import { openRow, sealForm } from './sealing.js';

export interface CaseMaterial {
  index: number; name: string; governmentHeld: boolean;
  files: { id: string; name: string; contentType: string; size: number; sha256: string }[];
}

export interface CaseRow {
  id: string; case_no: string; region_code: string; item_code: string; item_version: number; item_name: string;
  department_code: string; applicant_account_id: string; applicant_kind: 'person' | 'enterprise'; applicant_name: string;
  applicant_id_masked: string; enterprise_name: string | null; enterprise_credit_code_hash: string | null;
  acting_agent_account_id: string | null; acting_agent_name: string | null; acting_role: 'clerk' | 'enterprise_agent' | null;
  status: CaseStatus; result: CaseResult | null; form_data: Record<string, unknown>; materials: CaseMaterial[]; delivery: Delivery;
  tracking_no: string | null; commitment: boolean; started_on: string; limit_days: number; paused_on: string | null;
  paused_days: number; due_on: string | null; due_provisional: boolean; submitted_at: Date | string;
  accepted_at: Date | string | null; concluded_at: Date | string | null; not_accepted_reason: string | null; version: number;
}

export const CASE_COLUMNS = sql.raw(`id, case_no, region_code, item_code, item_version, item_name, department_code, applicant_account_id,
  applicant_kind, applicant_name, applicant_id_masked, enterprise_name, enterprise_credit_code_hash, acting_agent_account_id, acting_agent_name, acting_role,
  status, result, form_data, materials, delivery, tracking_no, commitment, to_char(started_on, 'YYYY-MM-DD') AS started_on,
  limit_days, to_char(paused_on, 'YYYY-MM-DD') AS paused_on, paused_days, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_provisional,
  submitted_at, accepted_at, concluded_at, not_accepted_reason, version`);

export const findCaseByNo = async (db: Executor, caseNo: string) =>
  openRow(await one<CaseRow>(db, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE case_no = ${caseNo}`));

export const findCaseById = async (db: Executor, id: string) =>
  openRow(await one<CaseRow>(db, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ${id}`));

/** Lock the case row for the rest of the transaction: every command on a case starts here. */
export async function lockCaseByNo(t: Executor, caseNo: string): Promise<CaseRow | undefined> {
  return openRow(await one<CaseRow>(t, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE case_no = ${caseNo} FOR UPDATE`));
}

export async function lockCaseById(t: Executor, id: string): Promise<CaseRow> {
  const row = await one<CaseRow>(t, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ${id} FOR UPDATE`);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  return openRow(row);
}

/** The next case number sequence value (0 … 999999). */
export async function nextCaseSequence(t: Executor): Promise<number> {
  const r = await one<{ n: string | number }>(t, sql`SELECT nextval('case_no_seq') % 1000000 AS n`);
  return Number(r!.n);
}

export interface NewCase {
  /** the number, or its prefix (region code and date) for the INSERT to draw the sequence */
  caseNo: string | { prefix: string }; regionCode: string; itemCode: string; itemVersion: number; itemName: string; departmentCode: string;
  applicantAccountId: string; applicantKind: 'person' | 'enterprise'; applicantName: string; applicantIdMasked: string;
  enterpriseName: string | null; enterpriseCreditCodeHash: string | null; idTailHash: string;
  actingAgentAccountId: string | null; actingAgentName: string | null; actingRole: 'clerk' | 'enterprise_agent' | null;
  actingAuthorisation: string | null; status: CaseStatus; formData: Record<string, unknown>; materials: CaseMaterial[];
  delivery: Delivery; commitment: boolean; startedOn: string; limitDays: number; dueOn: string; dueProvisional: boolean;
  submittedAt: Date; acceptedAt?: Date;
}

/**
 * Insert a case and return its row, which this transaction now holds locked as lockCaseBy* would;
 * undefined when the case number is taken (the caller draws another). One statement, one round trip;
 * only the id and the number come back, the rest of the row is what was written (insertedRow).
 */
export async function insertCase(t: Executor, c: NewCase, options: { dropDraftOf?: string } = {}): Promise<CaseRow | undefined> {
  // a number drawn here: the region and date prefix, then the sequence's next value in six digits
  const caseNo = typeof c.caseNo === 'string' ? sql`${c.caseNo}` : sql`${c.caseNo.prefix} || lpad((nextval('case_no_seq') % 1000000)::text, 6, '0')`;
  // the applicant's draft of this item became the case: it goes in the same statement
  const dropDraft = options.dropDraftOf
    ? sql`WITH draft AS (DELETE FROM application_drafts WHERE account_id = ${options.dropDraftOf} AND item_code = ${c.itemCode}) `
    : sql``;
  const r = await one<{ id: string; case_no: string }>(t, sql`${dropDraft}INSERT INTO cases (case_no, region_code, item_code, item_version, item_name, department_code,
      applicant_account_id, applicant_kind, applicant_name, applicant_id_masked, enterprise_name, enterprise_credit_code_hash, id_tail_hash,
      acting_agent_account_id, acting_agent_name, acting_role, acting_authorisation, status, form_data, materials, delivery, commitment,
      started_on, limit_days, due_on, due_provisional, submitted_at, accepted_at)
    VALUES (${caseNo}, ${c.regionCode}, ${c.itemCode}, ${c.itemVersion}, ${c.itemName}, ${c.departmentCode},
      ${c.applicantAccountId}, ${c.applicantKind}, ${c.applicantName}, ${c.applicantIdMasked}, ${c.enterpriseName}, ${c.enterpriseCreditCodeHash},
      ${c.idTailHash}, ${c.actingAgentAccountId}, ${c.actingAgentName}, ${c.actingRole}, ${c.actingAuthorisation}, ${c.status},
      ${JSON.stringify(sealForm(c.formData))}::jsonb, ${JSON.stringify(c.materials)}::jsonb, ${JSON.stringify(c.delivery)}::jsonb, ${c.commitment},
      ${c.startedOn}::date, ${c.limitDays}, ${c.dueOn}::date, ${c.dueProvisional}, ${c.submittedAt.toISOString()},
      ${c.acceptedAt?.toISOString() ?? null})
    ON CONFLICT (case_no) DO NOTHING
    RETURNING id, case_no`);
  return r && insertedRow(c, r);
}

/** A case just inserted as CASE_COLUMNS read it back: what was written, every other column at its default. */
const insertedRow = (c: NewCase, r: { id: string; case_no: string }): CaseRow => ({
  id: r.id, case_no: r.case_no, region_code: c.regionCode, item_code: c.itemCode, item_version: c.itemVersion, item_name: c.itemName,
  department_code: c.departmentCode, applicant_account_id: c.applicantAccountId, applicant_kind: c.applicantKind,
  applicant_name: c.applicantName, applicant_id_masked: c.applicantIdMasked, enterprise_name: c.enterpriseName,
  enterprise_credit_code_hash: c.enterpriseCreditCodeHash, acting_agent_account_id: c.actingAgentAccountId,
  acting_agent_name: c.actingAgentName, acting_role: c.actingRole, status: c.status, result: null,
  // as jsonb hands them back (no undefined members)
  form_data: JSON.parse(JSON.stringify(c.formData)), materials: JSON.parse(JSON.stringify(c.materials)), delivery: JSON.parse(JSON.stringify(c.delivery)),
  tracking_no: null, commitment: c.commitment, started_on: c.startedOn, limit_days: c.limitDays, paused_on: null, paused_days: 0,
  due_on: c.dueOn, due_provisional: c.dueProvisional, submitted_at: c.submittedAt, accepted_at: c.acceptedAt ?? null,
  concluded_at: null, not_accepted_reason: null, version: 1,
});

/** The columns a command may change; unspecified ones stay. Bumps the row version. */
export interface CasePatch {
  status?: CaseStatus; result?: CaseResult | null; acceptedAt?: Date; concludedAt?: Date; notAcceptedReason?: string;
  pausedOn?: string | null; pausedDays?: number; dueOn?: string | null; dueProvisional?: boolean; trackingNo?: string;
  formData?: Record<string, unknown>; materials?: CaseMaterial[];
}

export async function updateCase(t: Executor, id: string, p: CasePatch): Promise<void> {
  const sets = [sql`version = version + 1`];
  if (p.status !== undefined) sets.push(sql`status = ${p.status}`);
  if (p.result !== undefined) sets.push(sql`result = ${p.result}`);
  if (p.acceptedAt) sets.push(sql`accepted_at = ${p.acceptedAt.toISOString()}`);
  if (p.concludedAt) sets.push(sql`concluded_at = ${p.concludedAt.toISOString()}`);
  if (p.notAcceptedReason !== undefined) sets.push(sql`not_accepted_reason = ${p.notAcceptedReason}`);
  if (p.pausedOn !== undefined) sets.push(sql`paused_on = ${p.pausedOn}::date`);
  if (p.pausedDays !== undefined) sets.push(sql`paused_days = ${p.pausedDays}`);
  if (p.dueOn !== undefined) sets.push(sql`due_on = ${p.dueOn}::date`);
  if (p.dueProvisional !== undefined) sets.push(sql`due_provisional = ${p.dueProvisional}`);
  if (p.trackingNo !== undefined) sets.push(sql`tracking_no = ${p.trackingNo}`);
  if (p.formData !== undefined) sets.push(sql`form_data = ${JSON.stringify(sealForm(p.formData))}::jsonb`);
  if (p.materials !== undefined) sets.push(sql`materials = ${JSON.stringify(p.materials)}::jsonb`);
  await rows(t, sql`UPDATE cases SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

/**
 * 我的办件: the person's own cases (`personal`) and those of the enterprises they act for (the keyed
 * credit-code hashes the cases carry).
 */
export interface CaseListFilter { accountId: string; status?: CaseStatus; personal: boolean; enterpriseHashes: string[] }

/** One index range per source: cases_applicant for the person's own, cases_enterprise per enterprise. */
function listSources(f: CaseListFilter) {
  const status = f.status ? sql`AND status = ${f.status}` : sql``;
  const sources = f.personal ? [sql`applicant_account_id = ${f.accountId} AND applicant_kind = 'person' ${status}`] : [];
  for (const hash of f.enterpriseHashes) sources.push(sql`enterprise_credit_code_hash = ${hash} ${status}`);
  return sources;
}

/**
 * The cases of the filter, newest first. With several sources each is read only as far as the page
 * reaches (its own LIMIT on its index range) and the pieces are merged, rather than sorting every
 * case of every source.
 */
export async function listCasesOf(db: Executor, f: CaseListFilter, limit: number, offset: number): Promise<CaseRow[]> {
  const sources = listSources(f);
  if (!sources.length) return [];
  if (sources.length === 1) {
    return (await rows<CaseRow>(db, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE ${sources[0]} ORDER BY submitted_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`)).map(openRow);
  }
  const reach = limit + offset;
  const pieces = sources.map((where) => sql`(SELECT ${CASE_COLUMNS} FROM cases WHERE ${where} ORDER BY submitted_at DESC, id DESC LIMIT ${reach})`);
  return (await rows<CaseRow>(db, sql`SELECT * FROM (${sql.join(pieces, sql` UNION ALL `)}) merged
    ORDER BY submitted_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`)).map(openRow);
}

export async function countCasesOf(db: Executor, f: CaseListFilter): Promise<number> {
  const sources = listSources(f);
  if (!sources.length) return 0;
  const r = await one<{ n: string | number }>(db, sql`SELECT ${sql.join(sources.map((where) => sql`(SELECT count(*) FROM cases WHERE ${where})`), sql` + `)} AS n`);
  return Number(r?.n ?? 0);
}

/** The acceptance queue (待受理), oldest first; optionally only cases of some competent departments. */
export const listSubmitted = async (db: Executor, departments: string[] | null, limit: number, offset: number) => (await rows<CaseRow>(db, sql`
  SELECT ${CASE_COLUMNS} FROM cases
  WHERE status = 'submitted' ${departments ? sql`AND department_code IN ${inList(departments)}` : sql``}
  ORDER BY submitted_at, id LIMIT ${limit} OFFSET ${offset}`)).map(openRow);

export async function countSubmitted(db: Executor, departments: string[] | null): Promise<number> {
  const r = await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM cases WHERE status = 'submitted'
    ${departments ? sql`AND department_code IN ${inList(departments)}` : sql``}`);
  return Number(r?.n ?? 0);
}

/** Public progress lookup: the case only when the ID tail hash matches too. */
export const findCaseByNoAndTail = async (db: Executor, caseNo: string, idTailHash: string) =>
  openRow(await one<CaseRow>(db, sql`SELECT ${CASE_COLUMNS} FROM cases WHERE case_no = ${caseNo} AND id_tail_hash = ${idTailHash}`));

/** Live cases whose clock runs (for a calendar change): id, start, limit, paused days and the current due date. */
export const listRunningCases = (db: Executor, afterId: string, limit: number) => rows<{
  id: string; started_on: string; limit_days: number; paused_days: number; due_on: string | null; due_provisional: boolean;
}>(db, sql`
  SELECT id, to_char(started_on, 'YYYY-MM-DD') AS started_on, limit_days, paused_days, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_provisional
  FROM cases
  WHERE status IN ('submitted', 'in_review', 'supplement') AND id > ${afterId}::uuid
  ORDER BY id LIMIT ${limit}`);

/**
 * Set a running case's recomputed due date, unless a command moved its clock since `pausedDays` was
 * read (a supplement's resumption set the due date itself): false then.
 */
export async function setCaseDue(t: Executor, id: string, pausedDays: number, dueOn: string, provisional: boolean): Promise<boolean> {
  const r = await rows(t, sql`UPDATE cases SET due_on = ${dueOn}::date, due_provisional = ${provisional}
    WHERE id = ${id} AND paused_days = ${pausedDays} AND status IN ('submitted', 'in_review', 'supplement') RETURNING id`);
  return r.length === 1;
}
