// SQL of enterprises and their agents (经办人). find* may return nothing; no rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import { invalidate } from '../../platform/invalidation.js';

export type Relation = 'legal_representative' | 'agent';

export interface EnterpriseRow {
  id: string; name: string; credit_code_enc: string; legal_representative: string; region_code: string;
}

export interface MembershipRow extends EnterpriseRow {
  /** the caller's relation to the enterprise */
  relation: Relation;
  /** whether any agent is recorded as the legal representative */
  has_legal_representative: boolean;
}

export interface AgentRow { account_id: string; username: string; name: string; mobile_enc: string; relation: Relation; added_at: Date | string }

const iso = (d: Date) => d.toISOString();

export const creditCodeRegistered = async (db: Executor, creditCodeHash: string) =>
  !!(await one(db, sql`SELECT 1 FROM enterprises WHERE credit_code_hash = ${creditCodeHash}`));

export interface NewEnterprise {
  name: string; creditCodeEnc: string; creditCodeHash: string; legalRepresentative: string;
  regionCode: string; address: string | null; createdBy: string | null; at: Date;
}

export async function insertEnterprise(t: Executor, e: NewEnterprise): Promise<string> {
  const r = await one<{ id: string }>(t, sql`INSERT INTO enterprises
    (name, credit_code_enc, credit_code_hash, legal_representative, region_code, address, created_by, created_at)
    VALUES (${e.name}, ${e.creditCodeEnc}, ${e.creditCodeHash}, ${e.legalRepresentative}, ${e.regionCode}, ${e.address}, ${e.createdBy}, ${iso(e.at)})
    RETURNING id`);
  return r!.id;
}

export async function insertAgent(t: Executor, a: { enterpriseId: string; accountId: string; relation: Relation; addedBy: string | null; at: Date }) {
  invalidate('account', a.accountId);
  await t.execute(sql`INSERT INTO enterprise_agents (enterprise_id, account_id, relation, added_by, added_at)
    VALUES (${a.enterpriseId}, ${a.accountId}, ${a.relation}, ${a.addedBy}, ${iso(a.at)})`);
}

export async function deleteAgent(t: Executor, enterpriseId: string, accountId: string): Promise<boolean> {
  invalidate('account', accountId);
  const r = await rows(t, sql`DELETE FROM enterprise_agents WHERE enterprise_id = ${enterpriseId} AND account_id = ${accountId} RETURNING account_id`);
  return r.length > 0;
}

/** The enterprise as seen by one account; nothing when the account is not its agent. */
export const findMembership = (db: Executor, enterpriseId: string, accountId: string) => one<MembershipRow>(db, sql`
  SELECT e.id, e.name, e.credit_code_enc, e.legal_representative, e.region_code, m.relation,
    EXISTS (SELECT 1 FROM enterprise_agents l WHERE l.enterprise_id = e.id AND l.relation = 'legal_representative') AS has_legal_representative
  FROM enterprise_agents m JOIN enterprises e ON e.id = m.enterprise_id
  WHERE m.enterprise_id = ${enterpriseId} AND m.account_id = ${accountId}`);

/** Lock the enterprise row so concurrent agent changes see each other (the last-agent rule). */
export async function lockEnterprise(t: Executor, enterpriseId: string): Promise<void> {
  await t.execute(sql`SELECT id FROM enterprises WHERE id = ${enterpriseId} FOR UPDATE`);
}

export const listAgents = (db: Executor, enterpriseId: string) => rows<AgentRow>(db, sql`
  SELECT a.id AS account_id, a.username, a.name, a.mobile_enc, m.relation, m.added_at
  FROM enterprise_agents m JOIN accounts a ON a.id = m.account_id
  WHERE m.enterprise_id = ${enterpriseId}
  ORDER BY m.added_at, a.username`);

export const findAgent = (db: Executor, enterpriseId: string, accountId: string) => one<AgentRow>(db, sql`
  SELECT a.id AS account_id, a.username, a.name, a.mobile_enc, m.relation, m.added_at
  FROM enterprise_agents m JOIN accounts a ON a.id = m.account_id
  WHERE m.enterprise_id = ${enterpriseId} AND m.account_id = ${accountId}`);

export async function countAgents(t: Executor, enterpriseId: string): Promise<number> {
  const r = await one<{ n: number | string }>(t, sql`SELECT count(*) AS n FROM enterprise_agents WHERE enterprise_id = ${enterpriseId}`);
  return Number(r?.n ?? 0);
}

/** Every enterprise the account acts for, with its relation. */
export const listEnterprisesOf = (db: Executor, accountId: string) => rows<EnterpriseRow & { relation: Relation }>(db, sql`
  SELECT e.id, e.name, e.credit_code_enc, e.legal_representative, e.region_code, m.relation
  FROM enterprise_agents m JOIN enterprises e ON e.id = m.enterprise_id
  WHERE m.account_id = ${accountId}
  ORDER BY e.name`);
