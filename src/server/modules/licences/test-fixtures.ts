// Set-up of the e-licence tests: the applications test app, a fictional item of gaj mapped to the
// driving-licence type, and a helper that runs a case of it to approval (which issues the licence).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { LicenceSummary } from '../../../contract/licences.js';
import type { Config } from '../../config.js';
import { rows } from '../../db/client.js';
import {
  accept, applicationBody, apply, decide, publishItem, singleStage, startApplicationsApp, taskOf, type ApplicationsContext,
} from '../applications/test-fixtures.js';
import { mapItemToLicenceType } from './index.js';

export interface LicencesContext extends ApplicationsContext { itemCode: string }

export async function startLicencesApp(overrides: Partial<Config> = {}): Promise<LicencesContext> {
  const t = await startApplicationsApp(overrides);
  const itemCode = await publishItem(t, singleStage('gaj'));
  const unmap = mapItemToLicenceType(itemCode, 'driving_licence');
  return { ...t, itemCode, async close() { unmap(); await t.close(); } };
}

/** citizen1 applies for an e-licence result, gaj approves; returns the new licence of the case. */
export async function issueLicence(t: LicencesContext, purpose = '驾驶证有效期满换证'): Promise<LicenceSummary & { caseNo: string }> {
  const c = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, t.itemCode, { delivery: { mode: 'elicence' }, formData: { mobile: '13800000009', purpose } }));
  await accept(t, c.caseNo);
  await decide(t, 'gaj', await taskOf(t, c.caseNo, 'gaj'), { decision: 'approve' });
  const list = (await t.as.citizen1.get('/api/licences')).json().items as LicenceSummary[];
  const [{ id }] = await rows<{ id: string }>(t.db.orm, sql`SELECT id FROM licences WHERE case_no = ${c.caseNo}`);
  const l = list.find((x) => x.id === id);
  assert.ok(l, 'the licence is in the wallet');
  return { ...l, caseNo: c.caseNo };
}

export const verdictOf = async (t: LicencesContext, id: string) => {
  const res = await t.anonymous.get(`/api/licences/verify/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().verdict as string;
};
