import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView } from '../../../contract/applications.js';
import { rows } from '../../db/client.js';
import { applicationBody, apply, publishItem, singleStage, startApplicationsApp, type ApplicationsContext } from './test-fixtures.js';

const MOBILE = '13912345678';
const PURPOSE = '为女儿办理入学手续';

const stored = async (t: ApplicationsContext, table: 'cases' | 'application_drafts', where: ReturnType<typeof sql>) =>
  (await rows<{ form_data: string }>(t.db.orm, sql`SELECT form_data::text AS form_data FROM ${sql.raw(table)} WHERE ${where}`))[0].form_data;

describe('form values are sealed at rest and opened only for readers of the case', () => {
  let t: ApplicationsContext;
  let item: string;
  before(async () => {
    t = await startApplicationsApp();
    item = await publishItem(t, singleStage('gaj'));
  });
  after(async () => { await t.close(); });

  it('keeps a case\'s form values out of the stored row, and shows them in full to the applicant and the reviewer', async () => {
    const view = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, item, { formData: { mobile: MOBILE, purpose: PURPOSE } }));
    const raw = await stored(t, 'cases', sql`case_no = ${view.caseNo}`);
    assert.doesNotMatch(raw, new RegExp(MOBILE));
    assert.doesNotMatch(raw, new RegExp(PURPOSE));
    assert.match(raw, /"\$sealed": "v1:/);

    assert.equal(view.formData.mobile, MOBILE);
    const mine = (await t.as.citizen1.get(`/api/applications/${view.caseNo}`)).json() as CaseView;
    assert.deepEqual([mine.formData.mobile, mine.formData.purpose, mine.formData.applicantName], [MOBILE, PURPOSE, '李明华']);
    const staff = await t.as.clerk1.get(`/api/workbench/cases/${view.caseNo}`);
    assert.equal(staff.statusCode, 200, staff.body);
    assert.deepEqual((staff.json() as CaseView).formData, mine.formData);
    // a stranger still learns nothing
    assert.equal((await t.as.citizen2.get(`/api/applications/${view.caseNo}`)).statusCode, 404);
  });

  it('seals a draft the same way and resumes it in full', async () => {
    const saved = await t.as.citizen2.put(`/api/drafts/${item}`, { formData: { mobile: MOBILE, purpose: PURPOSE }, materials: [] });
    assert.equal(saved.statusCode, 200, saved.body);
    const account = (await rows<{ id: string }>(t.db.orm, sql`SELECT id FROM accounts WHERE username = 'citizen2'`))[0].id;
    const raw = await stored(t, 'application_drafts', sql`account_id = ${account} AND item_code = ${item}`);
    assert.doesNotMatch(raw, new RegExp(MOBILE));
    assert.match(raw, /"\$sealed"/);
    const back = await t.as.citizen2.get(`/api/drafts/${item}`);
    assert.deepEqual(back.json().formData, { mobile: MOBILE, purpose: PURPOSE });
  });

  it('still reads a case written before sealing (plain values)', async () => {
    const view = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, item));
    await rows(t.db.orm, sql`UPDATE cases SET form_data = ${JSON.stringify({ mobile: '13800000001', purpose: '旧数据' })}::jsonb WHERE case_no = ${view.caseNo}`);
    const back = (await t.as.citizen1.get(`/api/applications/${view.caseNo}`)).json() as CaseView;
    assert.deepEqual(back.formData, { mobile: '13800000001', purpose: '旧数据' });
  });
});
