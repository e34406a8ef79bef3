// What other modules may know about applicants and staff: a person's verified profile (to prefill
// forms), the enterprises an account acts for, a person found by ID number (帮办代办), and the staff
// of a department with a role (escalations). Values are decrypted here and never logged.
import { sql } from 'drizzle-orm';
import { one, rows, type Database, type Executor } from '../../db/client.js';
import { cipherFor } from '../../platform/crypto.js';
import { invalidatedCache } from '../../platform/invalidation.js';
import type { Role } from '../../platform/auth.js';
import { CREDIT_CODE_KIND } from './enterprise-service.js';
import { findAccountById, type AccountRow } from './repo.js';
import { ID_NUMBER_KIND } from './service.js';


export interface ApplicantProfile {
  accountId: string; kind: 'person' | 'staff'; name: string;
  /** in clear; null for staff */
  idNumber: string | null; mobile: string; email: string | null; realNameLevel: number;
}

/** What a profile is made of, still encrypted: kept in memory per account (no password hash, ADR 0015). */
type StoredProfile = Pick<AccountRow, 'id' | 'kind' | 'name' | 'id_number_enc' | 'mobile_enc' | 'email' | 'real_name_level'>;
const profiles = invalidatedCache<StoredProfile>('account', 20_000);

/** Keep applicants' profiles in memory for this database until the returned stop; a change to an account drops its own. */
export const cacheProfiles = (db: Database) => profiles.start(db);

/** The account's profile in clear (ID number, mobile); null when there is no such account. */
export async function applicantProfile(db: Executor, secretKey: string, accountId: string): Promise<ApplicantProfile | null> {
  const a = await profiles.get(db, accountId, async () => {
    const row = await findAccountById(db, accountId);
    return row && { id: row.id, kind: row.kind, name: row.name, id_number_enc: row.id_number_enc, mobile_enc: row.mobile_enc, email: row.email, real_name_level: row.real_name_level };
  });
  if (!a) return null;
  const cipher = cipherFor(secretKey);
  return {
    accountId: a.id, kind: a.kind, name: a.name, idNumber: a.id_number_enc ? cipher.decrypt(a.id_number_enc) : null,
    mobile: cipher.decrypt(a.mobile_enc), email: a.email, realNameLevel: a.real_name_level,
  };
}

export interface AgentEnterprise {
  id: string; name: string; creditCode: string; legalRepresentative: string; address: string | null; regionCode: string;
  relation: 'legal_representative' | 'agent';
}

/** Every enterprise the account is an agent (or the legal representative) of, credit codes in clear. */
export async function enterprisesOfAgent(db: Executor, secretKey: string, accountId: string): Promise<AgentEnterprise[]> {
  const list = await rows<{ id: string; name: string; credit_code_enc: string; legal_representative: string; address: string | null; region_code: string; relation: AgentEnterprise['relation'] }>(db, sql`
    SELECT e.id, e.name, e.credit_code_enc, e.legal_representative, e.address, e.region_code, m.relation
    FROM enterprise_agents m JOIN enterprises e ON e.id = m.enterprise_id
    WHERE m.account_id = ${accountId} ORDER BY e.name`);
  const cipher = cipherFor(secretKey);
  return list.map((e) => ({
    id: e.id, name: e.name, creditCode: cipher.decrypt(e.credit_code_enc), legalRepresentative: e.legal_representative,
    address: e.address, regionCode: e.region_code, relation: e.relation,
  }));
}

/** The enterprise with this credit code when the account acts for it; null otherwise. */
export async function agentEnterpriseByCreditCode(db: Executor, secretKey: string, accountId: string, creditCode: string): Promise<AgentEnterprise | null> {
  const hash = cipherFor(secretKey).lookupHash(CREDIT_CODE_KIND, creditCode);
  const e = await one<{ id: string; name: string; legal_representative: string; address: string | null; region_code: string; relation: AgentEnterprise['relation'] }>(db, sql`
    SELECT e.id, e.name, e.legal_representative, e.address, e.region_code, m.relation
    FROM enterprises e JOIN enterprise_agents m ON m.enterprise_id = e.id AND m.account_id = ${accountId}
    WHERE e.credit_code_hash = ${hash}`);
  return e ? { id: e.id, name: e.name, creditCode, legalRepresentative: e.legal_representative, address: e.address, regionCode: e.region_code, relation: e.relation } : null;
}

/** The enterprises the account acts for now, by id, name and the keyed credit-code hash cases store; nothing decrypted. */
export const enterpriseHashesOfAgent = (db: Executor, accountId: string) => rows<{ id: string; name: string; creditCodeHash: string }>(db, sql`
  SELECT e.id, e.name, e.credit_code_hash AS "creditCodeHash"
  FROM enterprise_agents m JOIN enterprises e ON e.id = m.enterprise_id
  WHERE m.account_id = ${accountId} ORDER BY e.name, e.id`);

/** Whether the account is now an agent (or the legal representative) of the enterprise with this keyed credit-code hash. */
export async function actsForEnterprise(db: Executor, accountId: string, creditCodeHash: string): Promise<boolean> {
  return !!(await one(db, sql`SELECT 1 FROM enterprises e JOIN enterprise_agents m ON m.enterprise_id = e.id AND m.account_id = ${accountId}
    WHERE e.credit_code_hash = ${creditCodeHash}`));
}

/** The accounts that act for the enterprise with this keyed credit-code hash now (agents and the legal representative). */
export const agentsOfEnterprise = async (db: Executor, creditCodeHash: string): Promise<string[]> =>
  (await rows<{ account_id: string }>(db, sql`SELECT m.account_id FROM enterprises e JOIN enterprise_agents m ON m.enterprise_id = e.id
    WHERE e.credit_code_hash = ${creditCodeHash} ORDER BY m.account_id`)).map((r) => r.account_id);

/** The keyed lookup hash of a credit code, as identity stores it. */
export const creditCodeHash = (secretKey: string, creditCode: string) => cipherFor(secretKey).lookupHash(CREDIT_CODE_KIND, creditCode);

/** A registered person with this ID number (through the keyed lookup hash); null when none. */
export async function findPersonByIdNumber(db: Executor, secretKey: string, idNumber: string): Promise<{ accountId: string; name: string; realNameLevel: number } | null> {
  const hash = cipherFor(secretKey).lookupHash(ID_NUMBER_KIND, idNumber);
  const a = await one<{ id: string; name: string; real_name_level: number }>(db, sql`
    SELECT id, name, real_name_level FROM accounts WHERE id_number_hash = ${hash} AND kind = 'person' AND status = 'active'`);
  return a ? { accountId: a.id, name: a.name, realNameLevel: Number(a.real_name_level) } : null;
}

/** Active staff accounts holding the role in the department. */
export const staffOfDepartment = (db: Executor, departmentCode: string, role: Role) => rows<{ accountId: string; name: string }>(db, sql`
  SELECT a.id AS "accountId", a.name FROM account_roles r JOIN accounts a ON a.id = r.account_id
  WHERE r.department_code = ${departmentCode} AND r.role = ${role} AND a.status = 'active' ORDER BY a.username`);
