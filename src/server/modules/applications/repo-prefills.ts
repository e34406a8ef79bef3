// SQL of registry prefill records: which form fields a registry filled for an application the
// applicant is preparing (ADR 0013). Field names only, never values. No rules here.
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.js';

export async function insertPrefill(db: Executor, p: { accountId: string; itemCode: string; enterpriseCreditCodeHash: string | null; fields: string[]; at: Date }) {
  await db.execute(sql`INSERT INTO application_prefills (account_id, item_code, enterprise_credit_code_hash, fields, filled_at)
    VALUES (${p.accountId}, ${p.itemCode}, ${p.enterpriseCreditCodeHash}, ARRAY[${sql.join(p.fields.map((f) => sql`${f}`), sql`, `)}]::text[], ${p.at.toISOString()})`);
}

/**
 * The fields registries filled for the application the account is preparing for this item (for
 * itself, or for the enterprise with this keyed code): every fill since the account last submitted
 * the item, when a submission used them up.
 */
export async function prefilledSinceLastSubmission(db: Executor, accountId: string, itemCode: string, enterpriseCreditCodeHash: string | null): Promise<string[]> {
  const list = await rows<{ field: string }>(db, sql`SELECT DISTINCT unnest(fields) AS field FROM application_prefills
    WHERE account_id = ${accountId} AND item_code = ${itemCode} AND enterprise_credit_code_hash IS NOT DISTINCT FROM ${enterpriseCreditCodeHash}
      AND filled_at > coalesce((SELECT max(submitted_at) FROM cases WHERE applicant_account_id = ${accountId} AND item_code = ${itemCode}), '-infinity')`);
  return list.map((r) => r.field).sort();
}
