// SQL of the exchange's tables exchange_grants and exchange_log. find* may return nothing; no rules.
import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';

export interface GrantRow {
  id: string; consumer_department: string; item_code: string; registry: string; fields: string[]; legal_basis: string;
  status: 'pending' | 'approved' | 'revoked';
  requested_by_name: string; requested_at: Date | string;
  approved_by_name: string | null; approved_at: Date | string | null;
  revoked_by_name: string | null; revoked_at: Date | string | null; revoke_reason: string | null;
}

/** A PostgreSQL array literal, sent as one text parameter (drizzle would expand a JS array). */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

const GRANT_COLUMNS = sql.raw(`id::text AS id, consumer_department, item_code, registry, fields, legal_basis, status,
  requested_by_name, requested_at, approved_by_name, approved_at, revoked_by_name, revoked_at, revoke_reason`);

export interface NewGrantRow {
  consumerDepartment: string; itemCode: string; registry: string; fields: string[]; legalBasis: string;
  status: 'pending' | 'approved'; by: { accountId: string | null; name: string }; at: Date;
}

export async function insertGrant(t: Executor, g: NewGrantRow): Promise<GrantRow> {
  const at = g.at.toISOString();
  const approved = g.status === 'approved';
  return (await one<GrantRow>(t, sql`
    INSERT INTO exchange_grants (consumer_department, item_code, registry, fields, legal_basis, status,
      requested_by, requested_by_name, requested_at, approved_by, approved_by_name, approved_at)
    VALUES (${g.consumerDepartment}, ${g.itemCode}, ${g.registry}, ${textArray(g.fields)}::text[], ${g.legalBasis}, ${g.status},
      ${g.by.accountId}, ${g.by.name}, ${at}::timestamptz,
      ${approved ? g.by.accountId : null}, ${approved ? g.by.name : null}, ${approved ? at : null}::timestamptz)
    RETURNING ${GRANT_COLUMNS}`))!;
}

/** The grant, locked for a change of status. */
export const findGrantForUpdate = (t: Executor, id: string) =>
  one<GrantRow>(t, sql`SELECT ${GRANT_COLUMNS} FROM exchange_grants WHERE id = ${id} FOR UPDATE`);

export const findGrant = (db: Executor, id: string) => one<GrantRow>(db, sql`SELECT ${GRANT_COLUMNS} FROM exchange_grants WHERE id = ${id}`);

export async function approveGrant(t: Executor, id: string, by: { accountId: string; name: string }, at: Date): Promise<GrantRow> {
  return (await one<GrantRow>(t, sql`
    UPDATE exchange_grants SET status = 'approved', approved_by = ${by.accountId}, approved_by_name = ${by.name}, approved_at = ${at.toISOString()}::timestamptz
    WHERE id = ${id} RETURNING ${GRANT_COLUMNS}`))!;
}

export async function revokeGrant(t: Executor, id: string, by: { accountId: string; name: string }, reason: string, at: Date): Promise<GrantRow> {
  return (await one<GrantRow>(t, sql`
    UPDATE exchange_grants SET status = 'revoked', revoked_by = ${by.accountId}, revoked_by_name = ${by.name},
      revoked_at = ${at.toISOString()}::timestamptz, revoke_reason = ${reason}
    WHERE id = ${id} RETURNING ${GRANT_COLUMNS}`))!;
}

export interface GrantFilter { status?: string; consumer?: string; registry?: string; consumers?: string[] }

function grantWhere(f: GrantFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.consumer) parts.push(sql`consumer_department = ${f.consumer}`);
  if (f.registry) parts.push(sql`registry = ${f.registry}`);
  if (f.consumers) parts.push(f.consumers.length ? sql`consumer_department IN (${sql.join(f.consumers.map((c) => sql`${c}`), sql`, `)})` : sql`false`);
  return sql.join(parts, sql` AND `);
}

export const listGrants = (db: Executor, f: GrantFilter, limit: number, offset: number) => rows<GrantRow>(db, sql`
  SELECT ${GRANT_COLUMNS} FROM exchange_grants WHERE ${grantWhere(f)} ORDER BY requested_at DESC, exchange_grants.id DESC LIMIT ${limit} OFFSET ${offset}`);

export async function countGrants(db: Executor, f: GrantFilter): Promise<number> {
  return Number((await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM exchange_grants WHERE ${grantWhere(f)}`))?.n ?? 0);
}

/** The fields approved for this consumer, item and registry, with the grants' legal bases. */
export async function approvedFields(db: Executor, consumer: string, itemCode: string, registry: string): Promise<{ fields: string[]; legalBasis: string[] }> {
  const list = await rows<{ fields: string[]; legal_basis: string }>(db, sql`
    SELECT fields, legal_basis FROM exchange_grants
    WHERE consumer_department = ${consumer} AND item_code = ${itemCode} AND registry = ${registry} AND status = 'approved'`);
  return { fields: [...new Set(list.flatMap((g) => g.fields))], legalBasis: list.map((g) => g.legal_basis) };
}

export const countAllGrants = async (db: Executor) =>
  Number((await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM exchange_grants`))?.n ?? 0);

// --- the exchange log ---------------------------------------------------------------------

export interface NewLogRow {
  at: Date; actorId: string | null; actorName: string; consumer: string; purpose: 'case' | 'prefill' | 'verification'; itemCode: string;
  caseNo: string | null; legalBasis: string | null; registry: string; subjectKind: 'person' | 'enterprise'; subjectHash: string;
  subjectAccountId: string | null; fieldsAsked: string[]; fieldsGranted: string[]; outcome: string; digest: string;
}

export async function insertLog(db: Executor, r: NewLogRow): Promise<string> {
  const row = await one<{ id: string }>(db, sql`
    INSERT INTO exchange_log (at, actor_id, actor_name, consumer_department, purpose, item_code, case_no, legal_basis, registry,
      subject_kind, subject_hash, subject_account_id, fields_asked, fields_granted, outcome, digest)
    VALUES (${r.at.toISOString()}::timestamptz, ${r.actorId}, ${r.actorName}, ${r.consumer}, ${r.purpose}, ${r.itemCode}, ${r.caseNo},
      ${r.legalBasis}, ${r.registry}, ${r.subjectKind}, ${r.subjectHash}, ${r.subjectAccountId}, ${textArray(r.fieldsAsked)}::text[],
      ${textArray(r.fieldsGranted)}::text[], ${r.outcome}, ${r.digest})
    RETURNING id::text AS id`);
  return row!.id;
}

export interface LogRow {
  id: string; at: Date | string; actor_id: string | null; actor_name: string; consumer_department: string; purpose: 'case' | 'prefill' | 'verification';
  item_code: string; case_no: string | null; legal_basis: string | null; registry: string; subject_hash: string;
  fields_asked: string[]; fields_granted: string[]; outcome: 'granted' | 'partial' | 'denied' | 'not_found' | 'error'; digest: string;
}

const LOG_COLUMNS = sql.raw(`id::text AS id, at, actor_id::text AS actor_id, actor_name, consumer_department, purpose, item_code, case_no,
  legal_basis, registry, subject_hash, fields_asked, fields_granted, outcome, digest`);

/** A person's own uses: by their account, or by the subject hashes of enterprises they act for. */
export interface SubjectFilter { accountId: string; subjectHashes: string[] }

function subjectWhere(f: SubjectFilter): SQL {
  const byAccount = sql`subject_account_id = ${f.accountId}`;
  if (!f.subjectHashes.length) return byAccount;
  return sql`(${byAccount} OR subject_hash IN (${sql.join(f.subjectHashes.map((h) => sql`${h}`), sql`, `)}))`;
}

export const listLogForSubject = (db: Executor, f: SubjectFilter, limit: number, offset: number) => rows<LogRow>(db, sql`
  SELECT ${LOG_COLUMNS} FROM exchange_log WHERE ${subjectWhere(f)} ORDER BY at DESC, exchange_log.id DESC LIMIT ${limit} OFFSET ${offset}`);

export async function countLogForSubject(db: Executor, f: SubjectFilter): Promise<number> {
  return Number((await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM exchange_log WHERE ${subjectWhere(f)}`))?.n ?? 0);
}

export interface LogFilter { registry?: string; consumer?: string; outcome?: string; from?: Date; to?: Date }

function logWhere(f: LogFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.registry) parts.push(sql`registry = ${f.registry}`);
  if (f.consumer) parts.push(sql`consumer_department = ${f.consumer}`);
  if (f.outcome) parts.push(sql`outcome = ${f.outcome}`);
  if (f.from) parts.push(sql`at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`at < ${f.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

export const listLog = (db: Executor, f: LogFilter, limit: number, offset: number) => rows<LogRow>(db, sql`
  SELECT ${LOG_COLUMNS} FROM exchange_log WHERE ${logWhere(f)} ORDER BY at DESC, exchange_log.id DESC LIMIT ${limit} OFFSET ${offset}`);

export async function countLog(db: Executor, f: LogFilter): Promise<number> {
  return Number((await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM exchange_log WHERE ${logWhere(f)}`))?.n ?? 0);
}
