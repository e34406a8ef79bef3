import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { CaseView, Delivery } from '../../../contract/applications.js';
import type { PickupList, PickupView } from '../../../contract/pickups.js';
import { rows } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { verifyAudit } from '../../platform/audit.js';
import { idCheckChar } from '../../platform/ids.js';
import { TEST_PASSWORD } from '../../test/accounts.js';
import { Client } from '../../test/harness.js';
import { seedAccounts } from '../identity/index.js';
import { canHandOver } from './policy-handover.js';
import {
  accept, applicationBody, apply, count, decide, newKey, problemOf, publishItem, singleStage, startApplicationsApp, taskOf,
  type ApplicationsContext,
} from './test-fixtures.js';

const TABLES = ['cases', 'case_events', 'audit_log', 'outbox', 'case_pickups'];
const WINDOW = '青川市政务服务中心 3 号窗口';
const CITIZEN1_ID = '419902198803150030';
/** a fictional agent's ID number with its GB 11643 check character */
const AGENT_ID = `41990219750611003${idCheckChar('41990219750611003')}`;
const POST: Delivery = { mode: 'post', recipient: '王秀英', mobile: '13800000002', address: '青川市青山县城关街道健康路45号' };

const inPerson = (idNumber = CITIZEN1_ID) => ({ collector: { kind: 'applicant', idNumber }, verification: 'id_card', window: WINDOW });

describe('窗口领取: a window clerk hands over an approved result', () => {
  let t: ApplicationsContext;
  let itemCode: string;
  let clerk2: Client;
  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (x) => [x, await count(t, x)])));
  const handover = (client: Client, caseNo: string, body: unknown, key = newKey()) =>
    client.post(`/api/workbench/cases/${caseNo}/handover`, body, { 'idempotency-key': key });

  /** Apply (citizen1 unless said), accept and, unless `stop` says otherwise, approve or deny; returns the case number. */
  async function caseOf(options: { delivery?: Delivery; applicant?: 'citizen1' | 'citizen2'; stop?: 'submitted' | 'in_review'; deny?: boolean } = {}) {
    const client = t.as[options.applicant ?? 'citizen1'];
    const view = await apply(client, await applicationBody(client, itemCode, { delivery: options.delivery ?? { mode: 'window' } }));
    if (options.stop === 'submitted') return view.caseNo;
    await accept(t, view.caseNo);
    if (options.stop === 'in_review') return view.caseNo;
    const task = await taskOf(t, view.caseNo, 'gaj');
    await decide(t, 'gaj', task, options.deny ? { decision: 'deny', comment: '不符合条件' } : { decision: 'approve', comment: '准予' });
    return view.caseNo;
  }

  before(async () => {
    t = await startApplicationsApp();
    itemCode = await publishItem(t, singleStage('gaj'));
    // a clerk at another window, who neither filed nor accepted any of these cases (全市通办)
    await seedAccounts(t.db, {
      people: [], enterprises: [], departmentCodes: [], password: TEST_PASSWORD, secretKey: t.config.secretKey,
      staff: [{ username: 'clerk2', name: '杜文静', mobile: '13800000299', departmentCode: null, roles: ['clerk'] }],
    });
    clerk2 = new Client(t.app);
    assert.equal((await clerk2.post('/api/auth/login', { login: 'clerk2', password: TEST_PASSWORD })).statusCode, 200);
  });
  after(async () => t?.close());

  it('hands the result to the applicant in person at any window: queue, record, timeline, progress, notice, replay', async () => {
    const caseNo = await caseOf();
    const before: CaseView = (await t.as.citizen1.get(`/api/applications/${caseNo}`)).json();
    assert.equal(before.timeline.at(-1)!.action, 'awaiting_pickup');

    const queue: PickupList = (await clerk2.get('/api/workbench/pickups')).json();
    const row = queue.items.find((r) => r.caseNo === caseNo);
    assert.ok(row, 'the result waits in every clerk\'s queue');
    assert.deepEqual([row.applicantName, row.applicantIdMasked, row.departmentName], ['李**', '419902********0030', '青川市公安局']);
    assert.ok((await clerk2.get(`/api/workbench/pickups?caseNo=${caseNo.slice(0, 14)}`)).json().items.some((r: { caseNo: string }) => r.caseNo === caseNo));
    assert.equal((await clerk2.get('/api/workbench/pickups?caseNo=999999')).json().total, 0);
    const waiting: PickupView = (await clerk2.get(`/api/workbench/cases/${caseNo}/pickup`)).json();
    assert.deepEqual([waiting.state, waiting.actions, waiting.handover], ['awaiting', ['hand_over'], null]);

    const key = newKey();
    const res = await handover(clerk2, caseNo, { ...inPerson(), note: '原件已核对' }, key);
    assert.equal(res.statusCode, 200, res.body);
    const done: PickupView = res.json();
    assert.equal(done.state, 'collected');
    assert.deepEqual(done.actions, []);
    assert.deepEqual({ ...done.handover, at: undefined }, {
      at: undefined, window: WINDOW, clerkName: '杜文静', verification: 'id_card',
      collector: { kind: 'applicant', name: '李**', idMasked: '419902********0030' }, authorisation: null, note: '原件已核对',
    });

    // a retry with the same key answers the same, writing nothing
    const counts = await snapshot();
    const replay = await handover(clerk2, caseNo, { ...inPerson(), note: '原件已核对' }, key);
    assert.equal(replay.statusCode, 200, replay.body);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.json(), done);
    assert.deepEqual(await snapshot(), counts);

    const view: CaseView = (await t.as.citizen1.get(`/api/applications/${caseNo}`)).json();
    const line = view.timeline.at(-1)!;
    assert.deepEqual([line.action, line.text, line.actorName, line.departmentName], ['picked_up', `结果已领取（${WINDOW}，本人领取）`, '杜文静', null]);
    const english: CaseView = (await t.as.citizen1.get(`/api/applications/${caseNo}`, { 'accept-language': 'en' })).json();
    assert.equal(english.timeline.at(-1)!.text, `Result collected at ${WINDOW}, by the applicant in person`);
    const progress = (await t.anonymous.get(`/api/progress?caseNo=${caseNo}&idTail=150030`)).json() as { steps: { text: string }[] };
    assert.equal(progress.steps.at(-1)!.text, `结果已领取（${WINDOW}，本人领取）`);

    const notices = await rows<{ kind: string; sms: string | null }>(t.db.orm, sql`SELECT payload->>'kind' AS kind, payload->>'sms' AS sms FROM outbox
      WHERE topic = 'notify' AND payload->>'link' = ${`/me/cases/${caseNo}`} AND payload->>'kind' = 'case.picked_up'`);
    assert.equal(notices.length, 1);
    assert.match(notices[0].sms ?? '', /12345/);
    assert.equal((await clerk2.get(`/api/workbench/pickups?caseNo=${caseNo}`)).json().total, 0, 'a collected result leaves the queue');
    assert.deepEqual((await clerk2.get(`/api/workbench/cases/${caseNo}/pickup`)).json(), done);
  });

  it('keeps the collector\'s ID number only masked and encrypted, and each audit chain whole', async () => {
    const caseNo = await caseOf();
    assert.equal((await handover(t.as.clerk1, caseNo, inPerson())).statusCode, 200);
    const digits = CITIZEN1_ID.slice(6, 14);
    const leaks = await rows<{ n: string | number }>(t.db.orm, sql`SELECT
      (SELECT count(*) FROM case_pickups p WHERE row_to_json(p)::text LIKE ${`%${digits}%`})
      + (SELECT count(*) FROM case_events e WHERE row_to_json(e)::text LIKE ${`%${digits}%`})
      + (SELECT count(*) FROM audit_log a WHERE row_to_json(a)::text LIKE ${`%${digits}%`}) AS n`);
    assert.equal(Number(leaks[0].n), 0);
    const stored = await rows<{ enc: string }>(t.db.orm, sql`SELECT collector_id_enc AS enc FROM case_pickups WHERE case_no = ${caseNo}`);
    assert.match(stored[0].enc, /^v1:/);
    const entries = await rows<{ action: string }>(t.db.orm, sql`SELECT action FROM audit_log WHERE stream = ${`case:${caseNo}`} ORDER BY seq`);
    assert.equal(entries.at(-1)!.action, 'case.picked_up');
    assert.deepEqual((await verifyAudit(t.db.orm)).breaks, []);
  });

  it('hands the result to an authorised agent, recording their masked name and ID number and the authorisation', async () => {
    const caseNo = await caseOf({ applicant: 'citizen2' });
    const res = await handover(clerk2, caseNo, {
      collector: { kind: 'agent', name: ' 王建军 ', idNumber: AGENT_ID.toLowerCase(), authorisation: '授权委托书（原件）' },
      verification: 'e_licence', window: WINDOW,
    });
    assert.equal(res.statusCode, 200, res.body);
    const view: PickupView = res.json();
    assert.deepEqual(view.handover!.collector, { kind: 'agent', name: '王**', idMasked: `419902********${AGENT_ID.slice(-4)}` });
    assert.deepEqual([view.handover!.verification, view.handover!.authorisation], ['e_licence', '授权委托书（原件）']);
    const mine: CaseView = (await t.as.citizen2.get(`/api/applications/${caseNo}`)).json();
    assert.equal(mine.timeline.at(-1)!.text, `结果已领取（${WINDOW}，代领人 王**）`);
    const body = await rows<{ body: string }>(t.db.orm, sql`SELECT payload->'body'->>'zh' AS body FROM outbox
      WHERE topic = 'notify' AND payload->>'kind' = 'case.picked_up' AND payload->>'link' = ${`/me/cases/${caseNo}`}`);
    assert.match(body[0].body, /由代领人 王\*\* 领取/);
  });

  it('refuses a second hand-over, also when two windows press at once, and writes nothing more', async () => {
    const caseNo = await caseOf();
    const both = await Promise.all([handover(t.as.clerk1, caseNo, inPerson()), handover(clerk2, caseNo, inPerson())]);
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal(problemOf(both.find((r) => r.statusCode === 409)!).code, 'RESULT_ALREADY_COLLECTED');
    const counts = await snapshot();
    const again = await handover(clerk2, caseNo, { collector: { kind: 'agent', name: '王建军', idNumber: AGENT_ID }, verification: 'id_card', window: WINDOW });
    assert.equal(again.statusCode, 409);
    assert.equal(problemOf(again).code, 'RESULT_ALREADY_COLLECTED');
    assert.deepEqual(await snapshot(), counts);
    const events = await rows<{ n: string | number }>(t.db.orm, sql`SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.case_no = ${caseNo} AND e.action = 'picked_up'`);
    assert.equal(Number(events[0].n), 1);
  });

  it('refuses cases whose result does not wait at a window: e-licence, post, denied, not yet concluded (409, nothing written)', async () => {
    const cases = [
      await caseOf({ delivery: { mode: 'elicence' } }), await caseOf({ delivery: POST, applicant: 'citizen2' }), await caseOf({ deny: true }),
      await caseOf({ stop: 'in_review' }), await caseOf({ stop: 'submitted' }),
    ];
    const counts = await snapshot();
    for (const caseNo of cases) {
      const res = await handover(clerk2, caseNo, inPerson());
      assert.equal(res.statusCode, 409, `${caseNo}: ${res.body}`);
      assert.equal(problemOf(res).code, 'CASE_NOT_AWAITING_PICKUP');
      assert.equal(problemOf(await clerk2.get(`/api/workbench/cases/${caseNo}/pickup`)).code, 'CASE_NOT_FOUND');
    }
    assert.deepEqual(await snapshot(), counts);
    const queue: PickupList = (await clerk2.get('/api/workbench/pickups?pageSize=100')).json();
    assert.deepEqual(queue.items.filter((r) => cases.includes(r.caseNo)), []);
  });

  it('hands over a signed commitment\'s result at once, and takes a result revoked by the post-check out of the queue', async () => {
    const commitmentItem = await publishItem(t, singleStage('wjw'), {
      commitment: { text: '本人承诺所填写信息及提供材料真实有效，如有不实，愿承担相应法律责任。', replacesMaterials: [0], postCheckDays: 20 },
    });
    const body = await applicationBody(t.as.citizen1, commitmentItem, { commitmentSigned: true, materials: [{ index: 1, fileIds: [], governmentHeld: true }] });
    const kept = await apply(t.as.citizen1, body);
    const revoked = await apply(t.as.citizen1, body);
    const waiting = (await clerk2.get('/api/workbench/pickups?pageSize=100')).json() as PickupList;
    assert.deepEqual([kept.caseNo, revoked.caseNo].filter((no) => waiting.items.some((r) => r.caseNo === no)), [kept.caseNo, revoked.caseNo]);

    const check = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${revoked.tasks[0].id}/post-check`, { outcome: 'false_commitment', comment: '现场核查发现承诺不实' });
    assert.equal(check.statusCode, 200, check.body);
    const after = (await clerk2.get('/api/workbench/pickups?pageSize=100')).json() as PickupList;
    assert.ok(!after.items.some((r) => r.caseNo === revoked.caseNo), 'a revoked result is no longer handed over');
    const view: PickupView = (await clerk2.get(`/api/workbench/cases/${revoked.caseNo}/pickup`)).json();
    assert.deepEqual([view.state, view.actions], ['revoked', []]);
    const counts = await snapshot();
    const refused = await handover(clerk2, revoked.caseNo, inPerson());
    assert.equal(problemOf(refused).code, 'CASE_NOT_AWAITING_PICKUP');
    assert.deepEqual(await snapshot(), counts);
    assert.equal((await handover(clerk2, kept.caseNo, inPerson())).statusCode, 200);
  });

  it('forbids citizens, reviewers and department admins (403) and reports an unknown case as not found (404)', async () => {
    const caseNo = await caseOf();
    const counts = await snapshot();
    for (const client of [t.as.citizen1, t.as['reviewer.gaj'], t.as['admin.gaj']]) {
      for (const res of [
        await handover(client, caseNo, inPerson()), await client.get('/api/workbench/pickups'), await client.get(`/api/workbench/cases/${caseNo}/pickup`),
      ]) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(problemOf(res).code, 'FORBIDDEN');
      }
    }
    assert.equal((await t.anonymous.get('/api/workbench/pickups')).statusCode, 401);
    const unknown = await handover(clerk2, '41990020260302999999', inPerson());
    assert.equal(unknown.statusCode, 404);
    assert.equal(problemOf(unknown).code, 'CASE_NOT_FOUND');
    assert.equal(problemOf(await clerk2.get('/api/workbench/cases/41990020260302999999/pickup')).code, 'CASE_NOT_FOUND');
    assert.deepEqual(await snapshot(), counts);
  });

  it('refuses bad input with 422 problem+json and stable field codes, writing nothing', async () => {
    const caseNo = await caseOf();
    const counts = await snapshot();
    const expect422 = async (body: unknown, errors: [string, string][], lang?: string) => {
      const res = await clerk2.post(`/api/workbench/cases/${caseNo}/handover`, body, { 'idempotency-key': newKey(), ...(lang ? { 'accept-language': lang } : {}) });
      assert.equal(res.statusCode, 422, res.body);
      const problem = problemOf(res);
      assert.equal(problem.code, 'HANDOVER_INVALID');
      assert.deepEqual(problem.errors!.map((e) => [e.path, e.code]), errors);
      return problem;
    };
    const noName = await expect422({ collector: { kind: 'agent', idNumber: AGENT_ID }, verification: 'id_card', window: WINDOW }, [['/collector/name', 'REQUIRED']]);
    assert.equal(noName.errors![0].message, '请填写代领人姓名');
    await expect422({ collector: { kind: 'agent', name: '  ', idNumber: `${AGENT_ID.slice(0, 17)}${AGENT_ID[17] === '0' ? '1' : '0'}` }, verification: 'id_card', window: ' ' },
      [['/collector/name', 'REQUIRED'], ['/collector/idNumber', 'CHECK_DIGIT'], ['/window', 'REQUIRED']]);
    await expect422({ collector: { kind: 'agent', name: '王建军', idNumber: '4199021975' }, verification: 'id_card', window: WINDOW }, [['/collector/idNumber', 'FORMAT']]);
    const english = await expect422(inPerson(AGENT_ID), [['/collector/idNumber', 'NOT_APPLICANT']], 'en');
    assert.match(english.title, /collector/);
    await expect422({ ...inPerson(), window: '3号\u202E窗口' }, [['/window', 'CONTROL_CHARACTERS']]);
    // shapes the schema refuses never reach the service
    const missing = await clerk2.post(`/api/workbench/cases/${caseNo}/handover`, { collector: { kind: 'applicant', idNumber: CITIZEN1_ID }, window: WINDOW });
    assert.equal(missing.statusCode, 400);
    assert.equal(problemOf(missing).code, 'VALIDATION_FAILED');
    const extra = await clerk2.post(`/api/workbench/cases/${caseNo}/handover`, { ...inPerson(), verification: 'face' });
    assert.equal(problemOf(extra).code, 'VALIDATION_FAILED');
    assert.deepEqual(await snapshot(), counts);
    assert.equal((await clerk2.get(`/api/workbench/cases/${caseNo}/pickup`)).json().state, 'awaiting');
  });

  it('lets only window clerks hand over (policy)', () => {
    const actor = (kind: Actor['kind'], roles: Actor['roles']): Actor => ({
      accountId: 'a', username: 'u', kind, name: 'n', roles, departments: [], realNameLevel: 0, sessionId: 's',
    });
    assert.equal(canHandOver(actor('staff', ['clerk'])), true);
    assert.equal(canHandOver(actor('staff', ['reviewer', 'approver'])), false);
    assert.equal(canHandOver(actor('staff', ['dept_admin'])), false);
    assert.equal(canHandOver(actor('person', ['citizen'])), false);
  });
});
