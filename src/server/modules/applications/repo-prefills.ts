// SQL of registry prefill records: which form fields a registry filled for an application the
// applicant is preparing (ADR 0013). Field names only, never values. No rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';

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

/**
 * One window of the purge: the next `limit` rows after id `afterId`, of which those filled before
 * `filledBefore` or used up by a submission go. A row is used up exactly when the read above no
 * longer sees it: a case of the same account and item was submitted at or after it was filled.
 * Returns how many rows the window held, its last id, and how many of them went.
 */
export async function deletePrefillWindow(db: Executor, afterId: string, limit: number, filledBefore: Date): Promise<{ seen: number; lastId: string | null; removed: number }> {
  const r = await one<{ seen: number; last_id: string | null; removed: number }>(db, sql`
    WITH win AS (SELECT id FROM application_prefills WHERE id > ${afterId}::bigint ORDER BY id LIMIT ${limit}),
    gone AS (
      DELETE FROM application_prefills p USING win WHERE p.id = win.id
        AND (p.filled_at < ${filledBefore.toISOString()} OR EXISTS (SELECT 1 FROM cases c
          WHERE c.applicant_account_id = p.account_id AND c.item_code = p.item_code AND c.submitted_at >= p.filled_at))
      RETURNING 1)
    SELECT (SELECT count(*)::int FROM win) AS seen, (SELECT max(id)::text FROM win) AS last_id, (SELECT count(*)::int FROM gone) AS removed`);
  return { seen: Number(r?.seen ?? 0), lastId: r?.last_id ?? null, removed: Number(r?.removed ?? 0) };
}
