// SQL of the e-licence module: signing keys, licences, presentation tokens and the usage log.
import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';

export interface KeyRow {
  id: string; department_code: string; public_key: string; private_key_enc: string;
  status: 'active' | 'retired'; created_at: Date | string; retired_at: Date | string | null;
}

export const findActiveKey = (db: Executor, departmentCode: string) =>
  one<KeyRow>(db, sql`SELECT * FROM licence_keys WHERE department_code = ${departmentCode} AND status = 'active'`);

export const findKey = (db: Executor, id: string) => one<KeyRow>(db, sql`SELECT * FROM licence_keys WHERE id = ${id}`);

export const listKeys = (db: Executor) => rows<KeyRow>(db, sql`SELECT * FROM licence_keys ORDER BY department_code, created_at`);

/** Serialise key creation and rotation per department for the rest of the transaction. */
export const lockDepartmentKeys = (t: Executor, departmentCode: string) =>
  t.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`licence-keys:${departmentCode}`}))`);

export async function insertKey(t: Executor, k: { id: string; departmentCode: string; publicKey: string; privateKeyEnc: string; at: Date }) {
  await t.execute(sql`INSERT INTO licence_keys (id, department_code, public_key, private_key_enc, status, created_at)
    VALUES (${k.id}, ${k.departmentCode}, ${k.publicKey}, ${k.privateKeyEnc}, 'active', ${k.at.toISOString()})`);
}

export const retireKey = (t: Executor, id: string, at: Date) =>
  t.execute(sql`UPDATE licence_keys SET status = 'retired', retired_at = ${at.toISOString()} WHERE id = ${id}`);

export interface LicenceRow {
  id: string; identifier: string; licence_no: string; type_key: string; type_code: string; serial: string; version: number;
  holder_account_id: string; holder_name: string; holder_code_enc: string; holder_code_hash: string; holder_code_type: string;
  issuer_department: string; issuer_name: string; issuer_code: string; region_code: string;
  item_code: string; item_name: string; case_no: string; issued_on: string; valid_from: string; valid_to: string | null;
  fields: Record<string, string>; signature: string; key_id: string; status: 'valid' | 'revoked' | 'replaced';
  status_reason: string | null; status_changed_at: Date | string | null; replaced_by: string | null; issued_at: Date | string;
}

const COLUMNS = sql.raw(`id, identifier, licence_no, type_key, type_code, serial, version, holder_account_id, holder_name, holder_code_enc,
  holder_code_hash, holder_code_type, issuer_department, issuer_name, issuer_code, region_code, item_code, item_name, case_no,
  to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
  fields, signature, key_id, status, status_reason, status_changed_at, replaced_by, issued_at`);

export type NewLicence = Omit<LicenceRow, 'id' | 'status' | 'status_reason' | 'status_changed_at' | 'replaced_by' | 'issued_at'> & { issued_at: Date };

export async function insertLicence(t: Executor, l: NewLicence): Promise<string> {
  const r = await one<{ id: string }>(t, sql`INSERT INTO licences (identifier, licence_no, type_key, type_code, serial, version, holder_account_id,
      holder_name, holder_code_enc, holder_code_hash, holder_code_type, issuer_department, issuer_name, issuer_code, region_code, item_code,
      item_name, case_no, issued_on, valid_from, valid_to, fields, signature, key_id, status, issued_at)
    VALUES (${l.identifier}, ${l.licence_no}, ${l.type_key}, ${l.type_code}, ${l.serial}, ${l.version}, ${l.holder_account_id}, ${l.holder_name},
      ${l.holder_code_enc}, ${l.holder_code_hash}, ${l.holder_code_type}, ${l.issuer_department}, ${l.issuer_name}, ${l.issuer_code}, ${l.region_code},
      ${l.item_code}, ${l.item_name}, ${l.case_no}, ${l.issued_on}, ${l.valid_from}, ${l.valid_to}, ${JSON.stringify(l.fields)}::jsonb,
      ${l.signature}, ${l.key_id}, 'valid', ${l.issued_at.toISOString()})
    RETURNING id`);
  return r!.id;
}

export const nextSerial = async (t: Executor) => Number((await one<{ n: string }>(t, sql`SELECT nextval('licence_serial_seq') AS n`))!.n);

export const findLicence = (db: Executor, id: string) => one<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE id = ${id}`);

export const findLicenceByIdentifier = (db: Executor, identifier: string) =>
  one<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE identifier = ${identifier}`);

export const lockLicence = (t: Executor, id: string) => one<LicenceRow>(t, sql`SELECT ${COLUMNS} FROM licences WHERE id = ${id} FOR UPDATE`);

/**
 * The wallet: licences held by the account, and those of the enterprises it acts for (the keyed
 * hashes of their credit codes as holder codes of `enterpriseCodeType`), newest first.
 */
export const listWallet = (db: Executor, accountId: string, enterpriseCodeType: string, enterpriseHolderHashes: string[]) =>
  rows<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE holder_account_id = ${accountId}
    ${enterpriseHolderHashes.length ? sql`UNION ALL SELECT ${COLUMNS} FROM licences
      WHERE holder_code_hash IN (${sql.join(enterpriseHolderHashes.map((h) => sql`${h}`), sql`, `)})
        AND holder_code_type = ${enterpriseCodeType} AND holder_account_id <> ${accountId}` : sql``}
    ORDER BY issued_at DESC, version DESC`);

/** Valid licences of a holder found by the keyed hash of their ID number or credit code. */
export const listValidLicencesByHolderCode = (db: Executor, holderCodeHash: string) =>
  rows<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE holder_code_hash = ${holderCodeHash} AND status = 'valid' ORDER BY issued_at DESC`);

export const listLicencesOfCase = (db: Executor, caseNo: string) =>
  rows<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE case_no = ${caseNo} ORDER BY version`);

export async function setStatus(t: Executor, id: string, s: { status: 'revoked' | 'replaced'; reason: string; at: Date; replacedBy?: string }) {
  await t.execute(sql`UPDATE licences SET status = ${s.status}, status_reason = ${s.reason}, status_changed_at = ${s.at.toISOString()},
    replaced_by = ${s.replacedBy ?? null} WHERE id = ${id}`);
}

export async function insertPresentation(t: Executor, p: { tokenHash: string; licenceId: string; fields: string[]; at: Date; expiresAt: Date }) {
  await t.execute(sql`INSERT INTO licence_presentations (token_hash, licence_id, fields, created_at, expires_at)
    VALUES (${p.tokenHash}, ${p.licenceId}, ${JSON.stringify(p.fields)}::jsonb, ${p.at.toISOString()}, ${p.expiresAt.toISOString()})`);
}

/** Mark the token used when it is unused and unexpired; returns it then, or null (the caller reads why). */
export const consumePresentation = (t: Executor, tokenHash: string, at: Date) =>
  one<{ licence_id: string; fields: string[] }>(t, sql`UPDATE licence_presentations SET used_at = ${at.toISOString()}
    WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${at.toISOString()} RETURNING licence_id, fields`);

export const findPresentation = (db: Executor, tokenHash: string) =>
  one<{ licence_id: string }>(db, sql`SELECT licence_id FROM licence_presentations WHERE token_hash = ${tokenHash}`);

export async function insertUse(t: Executor, licenceId: string, kind: string, detail: Record<string, unknown>, at: Date) {
  await t.execute(sql`INSERT INTO licence_uses (licence_id, kind, detail, at) VALUES (${licenceId}, ${kind}, ${JSON.stringify(detail)}::jsonb, ${at.toISOString()})`);
}

export const listUses = (db: Executor, licenceId: string) =>
  rows<{ kind: string; detail: Record<string, unknown>; at: Date | string }>(db, sql`SELECT kind, detail, at FROM licence_uses
    WHERE licence_id = ${licenceId} ORDER BY id DESC LIMIT 200`);

// The issuing department's register (证照管理).

const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export interface RegisterFilter {
  departments: string[]; today: string; type?: string; status?: 'valid' | 'expired' | 'revoked' | 'replaced';
  /** matched exactly against identifier, licence number and case number, and as part of the holder's name */
  q?: string;
  /** keyed hashes of the holder code the query could be (an ID number or a credit code) */
  codeHashes?: string[];
}

function registerWhere(f: RegisterFilter): SQL {
  const parts = [sql`issuer_department = ANY(${textArray(f.departments)}::text[])`];
  if (f.type) parts.push(sql`type_key = ${f.type}`);
  if (f.status === 'valid') parts.push(sql`status = 'valid' AND (valid_to IS NULL OR valid_to >= ${f.today}::date)`);
  else if (f.status === 'expired') parts.push(sql`status = 'valid' AND valid_to < ${f.today}::date`);
  else if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.q) {
    const any = [sql`identifier = ${f.q}`, sql`licence_no = ${f.q}`, sql`case_no = ${f.q}`, sql`strpos(holder_name, ${f.q}) > 0`];
    if (f.codeHashes?.length) any.push(sql`holder_code_hash = ANY(${textArray(f.codeHashes)}::text[])`);
    parts.push(sql`(${sql.join(any, sql` OR `)})`);
  }
  return sql.join(parts, sql` AND `);
}

export const searchRegister = (db: Executor, f: RegisterFilter, limit: number, offset: number) =>
  rows<LicenceRow>(db, sql`SELECT ${COLUMNS} FROM licences WHERE ${registerWhere(f)} ORDER BY issued_at DESC, version DESC LIMIT ${limit} OFFSET ${offset}`);

export const countRegister = async (db: Executor, f: RegisterFilter) =>
  Number((await one<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM licences WHERE ${registerWhere(f)}`))!.n);

export const listVersions = (db: Executor, serial: string) =>
  rows<{ id: string; identifier: string; version: number; status: LicenceRow['status']; issued_at: Date | string }>(db, sql`
    SELECT id, identifier, version, status, issued_at FROM licences WHERE serial = ${serial} ORDER BY version`);

/** Issue, replacement and revocation of every version of a serial, oldest first. */
export const listStatusEvents = (db: Executor, serial: string) =>
  rows<{ licence_id: string; version: number; kind: 'issued' | 'revoked' | 'replaced'; detail: Record<string, unknown>; at: Date | string }>(db, sql`
    SELECT u.licence_id, l.version, u.kind, u.detail, u.at FROM licences l JOIN licence_uses u ON u.licence_id = l.id
    WHERE l.serial = ${serial} AND u.kind IN ('issued', 'revoked', 'replaced') ORDER BY u.at, u.id`);

/** The department's keys, newest first, with the number of licence versions each signed. */
export const listDepartmentKeys = (db: Executor, departmentCode: string) =>
  rows<KeyRow & { licences: string | number }>(db, sql`
    SELECT k.*, (SELECT count(*) FROM licences l WHERE l.key_id = k.id) AS licences
    FROM licence_keys k WHERE k.department_code = ${departmentCode} ORDER BY k.created_at DESC, k.status, k.id`);
