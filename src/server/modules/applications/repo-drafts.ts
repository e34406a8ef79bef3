// SQL of application drafts: one per account and item, resumed on any device. Form values are
// sealed at rest like a case's (sealing.ts).
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import type { Delivery, MaterialSubmission } from '../../../contract/applications.js';
import { openRow, sealForm } from './sealing.js';

export interface DraftRow {
  account_id: string; item_code: string; item_version: number; form_data: Record<string, unknown>;
  materials: MaterialSubmission[]; delivery: Delivery | null; updated_at: Date | string;
}

const COLUMNS = sql.raw('account_id, item_code, item_version, form_data, materials, delivery, updated_at');

export const findDraft = async (db: Executor, accountId: string, itemCode: string) =>
  openRow(await one<DraftRow>(db, sql`SELECT ${COLUMNS} FROM application_drafts WHERE account_id = ${accountId} AND item_code = ${itemCode}`));

export const listDrafts = async (db: Executor, accountId: string) =>
  (await rows<DraftRow>(db, sql`SELECT ${COLUMNS} FROM application_drafts WHERE account_id = ${accountId} ORDER BY updated_at DESC LIMIT 100`)).map(openRow);

export async function upsertDraft(db: Executor, d: { accountId: string; itemCode: string; itemVersion: number; formData: Record<string, unknown>; materials: unknown; delivery: unknown; at: Date }) {
  return openRow((await one<DraftRow>(db, sql`INSERT INTO application_drafts (account_id, item_code, item_version, form_data, materials, delivery, updated_at)
    VALUES (${d.accountId}, ${d.itemCode}, ${d.itemVersion}, ${JSON.stringify(sealForm(d.formData))}::jsonb, ${JSON.stringify(d.materials)}::jsonb,
      ${d.delivery === null ? null : JSON.stringify(d.delivery)}::jsonb, ${d.at.toISOString()})
    ON CONFLICT (account_id, item_code) DO UPDATE SET item_version = EXCLUDED.item_version, form_data = EXCLUDED.form_data,
      materials = EXCLUDED.materials, delivery = EXCLUDED.delivery, updated_at = EXCLUDED.updated_at
    RETURNING ${COLUMNS}`))!);
}

export async function deleteDraft(db: Executor, accountId: string, itemCode: string): Promise<boolean> {
  const r = await rows(db, sql`DELETE FROM application_drafts WHERE account_id = ${accountId} AND item_code = ${itemCode} RETURNING item_code`);
  return r.length > 0;
}
