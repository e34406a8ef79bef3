// SQL of 窗口领取 (case_pickups): the row written when a window-delivery case is approved, the
// hand-over that completes it, and the clerks' queue of uncollected results. No rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';
import type { CollectorKind, Verification } from '../../../contract/pickups.js';
import type { CaseRow } from './repo.js';

export interface PickupRow {
  case_id: string; case_no: string; ready_at: Date | string; collected_at: Date | string | null;
  window_name: string | null; clerk_name: string | null; verification: Verification | null;
  collector_kind: CollectorKind | null; collector_name: string | null; collector_id_masked: string | null;
  authorisation: string | null; note: string | null;
  /** the case's keyed hash of the applicant's ID tail: the applicant in person must match it */
  id_tail_hash: string;
}

/** The result of this case now waits at the windows (in the concluding transaction). */
export async function insertPickup(t: Executor, c: Pick<CaseRow, 'id' | 'case_no' | 'region_code'>, at: Date): Promise<void> {
  await rows(t, sql`INSERT INTO case_pickups (case_id, case_no, region_code, ready_at)
    VALUES (${c.id}, ${c.case_no}, ${c.region_code}, ${at.toISOString()}) ON CONFLICT (case_id) DO NOTHING`);
}

export const findPickup = (db: Executor, caseId: string) => one<PickupRow>(db, sql`
  SELECT p.case_id, p.case_no, p.ready_at, p.collected_at, p.window_name, p.clerk_name, p.verification, p.collector_kind,
    p.collector_name, p.collector_id_masked, p.authorisation, p.note, c.id_tail_hash
  FROM case_pickups p JOIN cases c ON c.id = p.case_id WHERE p.case_id = ${caseId}`);

/** What the public progress lookup may show of a pick-up: when, and where, never who. */
export interface PickupStatusRow { ready_at: Date | string; collected_at: Date | string | null; window_name: string | null }

export const findPickupStatus = (db: Executor, caseId: string) => one<PickupStatusRow>(db, sql`
  SELECT ready_at, collected_at, window_name FROM case_pickups WHERE case_id = ${caseId}`);

export interface Handover {
  at: Date; window: string; clerkAccountId: string; clerkName: string; verification: Verification;
  collectorKind: CollectorKind; collectorName: string; collectorIdMasked: string; collectorIdEnc: string;
  authorisation: string | null; note: string | null;
}

/** Record the hand-over; false when the result was already collected (the caller holds the case lock). */
export async function markCollected(t: Executor, caseId: string, h: Handover): Promise<boolean> {
  const r = await rows(t, sql`UPDATE case_pickups SET collected_at = ${h.at.toISOString()}, window_name = ${h.window},
      clerk_account_id = ${h.clerkAccountId}, clerk_name = ${h.clerkName}, verification = ${h.verification},
      collector_kind = ${h.collectorKind}, collector_name = ${h.collectorName}, collector_id_masked = ${h.collectorIdMasked},
      collector_id_enc = ${h.collectorIdEnc}, authorisation = ${h.authorisation}, note = ${h.note}
    WHERE case_id = ${caseId} AND collected_at IS NULL RETURNING case_id`);
  return r.length === 1;
}

export interface AwaitingRow {
  case_no: string; ready_at: Date | string; item_name: string; department_code: string;
  applicant_name: string; applicant_kind: 'person' | 'enterprise'; applicant_id_masked: string;
}

/** Uncollected results of approved cases (a revoked result is no longer handed over), optionally by case-number prefix. */
function awaitingWhere(caseNoPrefix: string | undefined) {
  return sql`p.collected_at IS NULL AND c.status = 'concluded' AND c.result = 'approved'
    ${caseNoPrefix ? sql`AND p.case_no LIKE ${`${caseNoPrefix}%`}` : sql``}`;
}

/** The clerks' queue, longest waiting first. */
export const listAwaiting = (db: Executor, caseNoPrefix: string | undefined, limit: number, offset: number) => rows<AwaitingRow>(db, sql`
  SELECT p.case_no, p.ready_at, c.item_name, c.department_code, c.applicant_name, c.applicant_kind, c.applicant_id_masked
  FROM case_pickups p JOIN cases c ON c.id = p.case_id
  WHERE ${awaitingWhere(caseNoPrefix)}
  ORDER BY p.ready_at, p.case_id LIMIT ${limit} OFFSET ${offset}`);

export async function countAwaiting(db: Executor, caseNoPrefix: string | undefined): Promise<number> {
  const r = await one<{ n: string | number }>(db, sql`
    SELECT count(*) AS n FROM case_pickups p JOIN cases c ON c.id = p.case_id WHERE ${awaitingWhere(caseNoPrefix)}`);
  return Number(r?.n ?? 0);
}
