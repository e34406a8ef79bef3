// Who hears about a case: its applicant, or for an enterprise's case every account that acts for
// the enterprise now (the same people who may read it, policy.ts), so an agent who did not file
// the case still learns that it needs a supplement or has concluded. One notice per person.
import type { Executor } from '../../db/client.js';
import { agentsOfEnterprise } from '../identity/index.js';
import { queueNotice, type Notice } from '../notifications/index.js';
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
  const recipients = await applicantRecipients(t, c);
  for (const make of makes) {
    for (const accountId of recipients) await queueNotice(t, make({ caseNo: c.case_no, itemName: c.item_name, accountId }));
  }
}
