// Who hears about a case: its applicant, or for an enterprise's case every account that acts for
// the enterprise now (the same people who may read it, policy.ts), so an agent who did not file
// the case still learns that it needs a supplement or has concluded. One notice per person.
import type { SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.js';
import { agentsOfEnterprise } from '../identity/index.js';
import { noticesInsert, type Notice } from '../notifications/index.js';
import type { CaseRow } from './repo.js';

export type CaseRef = { caseNo: string; itemName: string; accountId: string };
type Owned = Pick<CaseRow, 'case_no' | 'item_name' | 'applicant_account_id' | 'applicant_kind' | 'enterprise_credit_code_hash'>;

/** The accounts a case's notices go to (the filer alone when the enterprise has nobody left). */
export async function applicantRecipients(t: Executor, c: Owned): Promise<string[]> {
  const agents = c.applicant_kind === 'enterprise' && c.enterprise_credit_code_hash ? await agentsOfEnterprise(t, c.enterprise_credit_code_hash) : [];
  return agents.length ? agents : [c.applicant_account_id];
}

/** Queue the notices the `makes` write, in order, for each recipient of the case (looked up once), in the caller's transaction. */
export async function notifyApplicant(t: Executor, c: Owned, ...makes: ((ref: CaseRef) => Notice)[]): Promise<void> {
  if (makes.length) await rows(t, await applicantNotices(t, c, ...makes));
}

/** The same notices as one INSERT, for the caller to run or to let ride on another statement of its transaction. */
export async function applicantNotices(t: Executor, c: Owned, ...makes: ((ref: CaseRef) => Notice)[]): Promise<SQL> {
  const recipients = await applicantRecipients(t, c);
  return noticesInsert(makes.flatMap((make) => recipients.map((accountId) => make({ caseNo: c.case_no, itemName: c.item_name, accountId }))));
}
