// An enterprise's cases and licences belong to the enterprise: every account that acts for it now
// reads and acts on them (我的办件, the case page, 补正, withdrawal, its files, 我的证照); agents of
// other enterprises and other people get 404; a person's own cases stay their own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseList, CaseView } from '../../../contract/applications.js';
import type { LicenceSummary } from '../../../contract/licences.js';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { seedEnterprises, seedPersons } from '../../db/seed/data/people.js';
import { TEST_PASSWORD } from '../../test/accounts.js';
import { Client } from '../../test/harness.js';
import { seedAccounts } from '../identity/index.js';
import { mapItemToLicenceType } from '../licences/index.js';
import {
  accept, applicationBody, apply, decide, DEPARTMENTS, problemOf, publishItem, singleStage, startApplicationsApp, taskOf, upload,
  type ApplicationsContext,
} from './test-fixtures.js';

const YUNQI = '91419900MA9C4K7R6N'; // 青川市云栖数字科技有限公司: agent company1 (周婷), legal representative citizen3 (赵志强)
const HEXIANG = '92419902MA9D2H6L2X'; // 青川市清源区禾香面馆: citizen5 (刘建国) alone

describe('enterprise cases and licences are shared by the enterprise\'s agents', () => {
  let t: ApplicationsContext;
  let enterpriseItem: string;
  let personItem: string;
  let unmap: () => void;
  /** citizen3 (赵志强), the legal representative of 云栖: its second account */
  let agent2: Client;
  /** citizen5, the agent of another enterprise */
  let other: Client;
  let yunqiId: string;
  let hexiangId: string;

  const fileFor = async (client: Client, overrides: Record<string, unknown> = {}): Promise<CaseView> => apply(client, {
    itemCode: enterpriseItem, enterpriseCreditCode: YUNQI, delivery: { mode: 'elicence' }, formData: { mobile: '13800000101' },
    materials: [{ index: 0, fileIds: [await upload(client)] }], ...overrides,
  });
  const list = async (client: Client, query = ''): Promise<CaseList> => {
    const res = await client.get(`/api/applications${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const caseNos = (l: CaseList) => l.items.map((x) => x.caseNo);

  before(async () => {
    t = await startApplicationsApp();
    await seedAccounts(t.db, {
      people: seedPersons.filter((p) => p.username === 'citizen5'), enterprises: seedEnterprises.filter((e) => e.creditCode === HEXIANG),
      staff: [], departmentCodes: [...DEPARTMENTS], password: TEST_PASSWORD, secretKey: t.config.secretKey,
    });
    const login = async (username: string) => {
      const client = new Client(t.app);
      assert.equal((await client.post('/api/auth/login', { login: username, password: TEST_PASSWORD })).statusCode, 200);
      return client;
    };
    agent2 = await login('citizen3');
    other = await login('citizen5');
    enterpriseItem = await publishItem(t, singleStage('scjg'), {
      audience: ['enterprise'], form: undefined,
      materials: [{ name: '食品经营许可申请书', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'applicant', governmentHeld: false }],
    });
    unmap = mapItemToLicenceType(enterpriseItem, 'food_business');
    personItem = await publishItem(t, singleStage('gaj'));
    yunqiId = (await list(t.as.company1)).enterprises!.find((e) => e.name === '青川市云栖数字科技有限公司')!.id;
    hexiangId = (await list(other)).enterprises![0].id;
  });
  after(async () => {
    unmap?.();
    await t?.close();
  });

  it('shows a case filed by one agent to the enterprise\'s other agent, on the case page and in 我的办件 under the enterprise', async () => {
    const filed = await fileFor(t.as.company1);
    const second = agent2;
    const res = await second.get(`/api/applications/${filed.caseNo}`);
    assert.equal(res.statusCode, 200, res.body);
    const view: CaseView = res.json();
    assert.deepEqual(view.applicant, { name: '青川市云栖数字科技有限公司', kind: 'enterprise' });
    assert.deepEqual(view.actingAgent, { name: '周婷', role: 'enterprise_agent' });
    assert.deepEqual(view.actions, ['withdraw'], 'the other agent may act on it too');

    const all = await list(second);
    const row = all.items.find((x) => x.caseNo === filed.caseNo);
    assert.deepEqual(row?.enterprise, { name: '青川市云栖数字科技有限公司', filedBy: '周婷' });
    assert.deepEqual(all.enterprises, [{ id: yunqiId, name: '青川市云栖数字科技有限公司' }]);
    assert.ok(caseNos(await list(second, `?scope=${yunqiId}`)).includes(filed.caseNo));
    assert.ok(!caseNos(await list(second, '?scope=person')).includes(filed.caseNo), 'not among the agent\'s own cases');
    assert.ok(caseNos(await list(t.as.company1)).includes(filed.caseNo), 'the filing agent still lists it');
    assert.ok(caseNos(await list(second, `?scope=${yunqiId}&status=submitted`)).includes(filed.caseNo));
    assert.ok(!caseNos(await list(second, `?scope=${yunqiId}&status=concluded`)).includes(filed.caseNo));
  });

  it('serves the enterprise case\'s files to the other agent', async () => {
    const filed = await fileFor(t.as.company1);
    const fileId = filed.materials[0].files[0].id;
    const res = await agent2.get(`/api/applications/${filed.caseNo}/files/${fileId}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
  });

  it('hides the enterprise\'s case from an agent of another enterprise and from other people: 404 on every route', async () => {
    const filed = await fileFor(t.as.company1);
    const fileId = filed.materials[0].files[0].id;
    for (const stranger of [other, t.as.citizen1]) {
      for (const res of [
        await stranger.get(`/api/applications/${filed.caseNo}`),
        await stranger.post(`/api/applications/${filed.caseNo}/withdraw`, { reason: '不是本企业的办件' }),
        await stranger.post(`/api/applications/${filed.caseNo}/supplements`, { materials: [] }),
        await stranger.get(`/api/applications/${filed.caseNo}/files/${fileId}`),
      ]) {
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(problemOf(res).code, 'CASE_NOT_FOUND');
      }
      assert.ok(!caseNos(await list(stranger)).includes(filed.caseNo));
    }
    const foreign = await other.get(`/api/applications?scope=${yunqiId}`);
    assert.equal(foreign.statusCode, 404, 'another enterprise\'s list is not found');
    assert.equal(problemOf(foreign).code, 'NOT_FOUND');
    assert.equal((await t.as.company1.get(`/api/applications?scope=${hexiangId}`)).statusCode, 404);
    assert.equal((await t.as.citizen1.get(`/api/applications?scope=${yunqiId}`)).statusCode, 404);
    assert.equal((await t.as.company1.get(`/api/applications/${filed.caseNo}`)).json().status, 'submitted', 'nothing changed');
  });

  it('refuses a malformed list filter with a coded 400', async () => {
    for (const query of ['?scope=enterprise', '?scope=123', `?scope=${yunqiId}x`]) {
      const res = await agent2.get(`/api/applications${query}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(problemOf(res).code, 'VALIDATION_FAILED');
    }
  });

  it('keeps a person\'s own case private from the agents they share an enterprise with', async () => {
    const own = await apply(agent2, await applicationBody(agent2, personItem));
    const enterpriseCase = await fileFor(t.as.company1);
    const res = await t.as.company1.get(`/api/applications/${own.caseNo}`);
    assert.equal(res.statusCode, 404);
    assert.equal(problemOf(res).code, 'CASE_NOT_FOUND');
    assert.equal((await t.as.company1.post(`/api/applications/${own.caseNo}/withdraw`, { reason: '代为撤回' })).statusCode, 404);
    for (const query of ['', '?scope=person', `?scope=${yunqiId}`]) assert.ok(!caseNos(await list(t.as.company1, query)).includes(own.caseNo));
    const mine = await list(agent2);
    assert.ok(caseNos(mine).includes(own.caseNo) && caseNos(mine).includes(enterpriseCase.caseNo), 'the person sees their own and the enterprise\'s');
    assert.equal(mine.items.find((x) => x.caseNo === own.caseNo)?.enterprise, undefined);
    const personal = await list(agent2, '?scope=person');
    assert.deepEqual(caseNos(personal), [own.caseNo]);
    assert.equal(personal.total, 1);
    const newestFirst = mine.items.map((x) => x.submittedAt);
    assert.deepEqual(newestFirst, [...newestFirst].sort().reverse());
  });

  it('lets the other agent supplement a case the department returned, and withdraw another', async () => {
    const returned = await fileFor(t.as.company1);
    await accept(t, returned.caseNo);
    await decide(t, 'scjg', await taskOf(t, returned.caseNo, 'scjg'), { decision: 'return', comment: '请补充加盖公章的申请书', materials: [0] });
    const paused: CaseView = (await agent2.get(`/api/applications/${returned.caseNo}`)).json();
    assert.deepEqual(paused.actions, ['withdraw', 'supplement']);
    const supplied = await agent2.post(`/api/applications/${returned.caseNo}/supplements`, {
      materials: [{ index: 0, fileIds: [await upload(agent2)] }], note: '已补充盖章申请书',
    });
    assert.equal(supplied.statusCode, 200, supplied.body);
    const afterSupplement: CaseView = supplied.json();
    assert.equal(afterSupplement.status, 'in_review');
    assert.equal(afterSupplement.timeline.find((e) => e.action === 'supplement_submitted')?.actorName, '赵志强');
    assert.equal(afterSupplement.materials[0].files.length, 2);

    const later = await fileFor(t.as.company1);
    const withdrawn = await agent2.post(`/api/applications/${later.caseNo}/withdraw`, { reason: '企业决定暂缓申请' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal((await t.as.company1.get(`/api/applications/${later.caseNo}`)).json().status, 'withdrawn', 'the filing agent sees the withdrawal');
  });

  it('tells every agent of the enterprise what happens to its case, and nobody else; a person\'s case only its applicant', async () => {
    const accountOf = async (username: string) => (await rows<{ id: string }>(t.db.orm, sql`SELECT id FROM accounts WHERE username = ${username}`))[0].id;
    const [filer, second, stranger] = await Promise.all([accountOf('company1'), accountOf('citizen3'), accountOf('citizen5')]);
    const recipients = async (caseNo: string, kind: string) => (await rows<{ account_id: string }>(t.db.orm, sql`SELECT payload->>'accountId' AS account_id
      FROM outbox WHERE topic = 'notify' AND payload->>'kind' = ${kind} AND payload->>'link' = ${`/me/cases/${caseNo}`}`)).map((r) => r.account_id).sort();

    const filed = await fileFor(t.as.company1);
    assert.deepEqual(await recipients(filed.caseNo, 'case.submitted'), [filer, second].sort());
    await accept(t, filed.caseNo);
    assert.deepEqual(await recipients(filed.caseNo, 'case.accepted'), [filer, second].sort());
    await decide(t, 'scjg', await taskOf(t, filed.caseNo, 'scjg'), { decision: 'return', comment: '请补充加盖公章的申请书', materials: [0] });
    const asked = await recipients(filed.caseNo, 'case.supplement_requested');
    assert.deepEqual(asked, [filer, second].sort());
    assert.ok(!asked.includes(stranger));

    const own = await apply(agent2, await applicationBody(agent2, personItem));
    assert.deepEqual(await recipients(own.caseNo, 'case.submitted'), [second], 'a person\'s case is told to that person alone');
  });

  it('puts the enterprise\'s licence in the wallet of every agent, and no one else\'s', async () => {
    const filed = await fileFor(t.as.company1, { formData: { mobile: '13800000101', description: '申请食品经营许可' } });
    await accept(t, filed.caseNo);
    await decide(t, 'scjg', await taskOf(t, filed.caseNo, 'scjg'), { decision: 'approve' });
    const wallet = async (client: Client) => (await client.get('/api/licences')).json().items as LicenceSummary[];
    const held = (await wallet(t.as.company1)).find((l) => l.holderName === '青川市云栖数字科技有限公司');
    assert.ok(held, 'the filing agent\'s wallet');
    assert.equal(held.holderCodeType, '001');
    assert.ok((await wallet(agent2)).some((l) => l.id === held.id), 'the other agent\'s wallet');
    assert.ok(!(await wallet(other)).some((l) => l.id === held.id));
    assert.ok(!(await wallet(t.as.citizen1)).some((l) => l.id === held.id));
    const opened = await agent2.get(`/api/licences/${held.id}`);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().caseNo, filed.caseNo);
    assert.equal((await agent2.get(`/api/licences/${held.id}/uses`)).statusCode, 200);
    for (const res of [await other.get(`/api/licences/${held.id}`), await other.get(`/api/licences/${held.id}/uses`)]) {
      assert.equal(res.statusCode, 404);
      assert.equal(problemOf(res).code, 'LICENCE_NOT_FOUND');
    }
  });

  it('stops showing the enterprise\'s cases to an agent once removed, even those they filed', async () => {
    const filed = await fileFor(t.as.company1);
    const me = (await t.as.company1.get('/api/me')).json().id as string;
    const removed = await agent2.delete(`/api/enterprises/${yunqiId}/agents/${me}`);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal(problemOf(await t.as.company1.get(`/api/applications/${filed.caseNo}`)).code, 'CASE_NOT_FOUND');
    const after = await list(t.as.company1);
    assert.ok(!caseNos(after).includes(filed.caseNo));
    assert.deepEqual(after.enterprises, []);
    assert.equal((await agent2.get(`/api/applications/${filed.caseNo}`)).statusCode, 200, 'the enterprise keeps it');
  });
});
