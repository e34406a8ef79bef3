import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView } from '../../../contract/applications.js';
import { rows } from '../../db/client.js';
import { verifyAudit } from '../../platform/audit.js';
import { applicationBody, apply, count, publishItem, singleStage, startApplicationsApp, type ApplicationsContext } from './test-fixtures.js';

const attachedTo = async (t: ApplicationsContext, fileId: string) =>
  (await rows<{ attached_to: string }>(t.db.orm, sql`SELECT attached_to FROM files WHERE id = ${fileId}::uuid`))[0]?.attached_to;

describe('case numbers: a taken number (the daily sequence wrapped) draws again, and the files follow', () => {
  let t: ApplicationsContext;
  let item: string;
  let commitmentItem: string;
  before(async () => {
    t = await startApplicationsApp();
    item = await publishItem(t, singleStage('gaj'));
    commitmentItem = await publishItem(t, singleStage('wjw'), {
      commitment: { text: '本人承诺所填写信息及提供材料真实有效，如有不实，愿承担相应法律责任。', replacesMaterials: [0], postCheckDays: 20 },
    });
  });
  after(async () => { await t.close(); });

  it('files the second case under the next free number with its upload attached to it, the first case untouched', async () => {
    const first = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, item));
    const firstFile = first.materials[0].files[0].id;
    const seq = Number(first.caseNo.slice(-6));
    // the sequence has gone round once: its next value maps onto the first case's number
    await rows(t.db.orm, sql`SELECT setval('case_no_seq', ${seq - 1 + 1_000_000})`);
    const casesBefore = await count(t, 'cases');

    const second: CaseView = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, item));
    assert.equal(second.caseNo.slice(0, -6), first.caseNo.slice(0, -6));
    assert.equal(Number(second.caseNo.slice(-6)), seq + 1);
    assert.equal(await count(t, 'cases'), casesBefore + 1);
    const secondFile = second.materials[0].files[0].id;
    assert.equal(await attachedTo(t, secondFile), second.caseNo);
    assert.equal(await attachedTo(t, firstFile), first.caseNo);

    // each case reads back with its own materials and applicant, and the audit chains hold
    const again = (await t.as.citizen2.get(`/api/applications/${second.caseNo}`)).json() as CaseView;
    assert.deepEqual(again.materials[0].files.map((f) => f.id), [secondFile]);
    const firstAgain = (await t.as.citizen1.get(`/api/applications/${first.caseNo}`)).json() as CaseView;
    assert.deepEqual(firstAgain.materials[0].files.map((f) => f.id), [firstFile]);
    assert.equal((await t.as.citizen2.get(`/api/applications/${first.caseNo}`)).statusCode, 404);
    const audit = await verifyAudit(t.db.orm);
    assert.deepEqual(audit.breaks, []);
    const entries = await rows<{ stream: string; seq: number }>(t.db.orm, sql`SELECT stream, seq FROM audit_log
      WHERE stream IN (${`case:${first.caseNo}`}, ${`case:${second.caseNo}`}) ORDER BY stream, seq`);
    assert.deepEqual(entries.map((e) => [e.stream, Number(e.seq)]).sort(), [[`case:${first.caseNo}`, 1], [`case:${second.caseNo}`, 1]].sort());
  });

  it('draws the number inside the INSERT when no file is claimed, skipping a taken one, and the draft goes with it', async () => {
    const noUpload = { commitmentSigned: true, materials: [{ index: 1, fileIds: [], governmentHeld: true }] };
    const first = await apply(t.as.citizen1, await applicationBody(t.as.citizen1, commitmentItem, noUpload));
    const seq = Number(first.caseNo.slice(-6));
    await rows(t.db.orm, sql`SELECT setval('case_no_seq', ${seq - 1 + 1_000_000})`);
    const saved = await t.as.citizen2.put(`/api/drafts/${commitmentItem}`, { formData: { purpose: '草稿事由' }, materials: [] });
    assert.equal(saved.statusCode, 200, saved.body);
    const casesBefore = await count(t, 'cases');

    const second = await apply(t.as.citizen2, await applicationBody(t.as.citizen2, commitmentItem, noUpload));
    assert.equal(second.caseNo.slice(0, -6), first.caseNo.slice(0, -6));
    assert.equal(Number(second.caseNo.slice(-6)), seq + 1, 'the taken number was skipped');
    assert.equal(await count(t, 'cases'), casesBefore + 1);
    assert.equal((await t.as.citizen2.get(`/api/drafts/${commitmentItem}`)).statusCode, 404, 'the draft became the case');
    assert.equal((await t.as.citizen2.get(`/api/applications/${second.caseNo}`)).json().caseNo, second.caseNo);
  });
});
