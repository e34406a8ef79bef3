// The public progress lookup tells whether a result collected at a window (窗口领取) waits (待领取)
// or was collected (已领取), where and when, and never who collected it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Delivery, ProgressView } from '../../../contract/applications.js';
import { seedPersons } from '../../db/seed/data/people.js';
import { idCheckChar } from '../../platform/ids.js';
import {
  accept, applicationBody, apply, decide, newKey, problemOf, publishItem, singleStage, startApplicationsApp, taskOf,
  type ApplicationsContext,
} from './test-fixtures.js';

const WINDOW = '青川市政务服务中心 3 号窗口';
const idOf = (u: string) => seedPersons.find((p) => p.username === u)!.idNumber;
const nameOf = (u: string) => seedPersons.find((p) => p.username === u)!.name;
const AGENT = { name: '王建军', idNumber: `41990219750611003${idCheckChar('41990219750611003')}` };
const POST: Delivery = { mode: 'post', recipient: '王秀英', mobile: '13800000002', address: '青川市青山县城关街道健康路45号' };

type Who = 'citizen1' | 'citizen2';

describe('public progress of a result collected at a window', () => {
  let t: ApplicationsContext;
  let itemCode: string;

  /** Apply, accept and (unless stopped) approve; returns the case number. */
  async function caseOf(who: Who, options: { delivery?: Delivery; stop?: 'in_review'; deny?: boolean } = {}) {
    const client = t.as[who];
    const view = await apply(client, await applicationBody(client, itemCode, { delivery: options.delivery ?? { mode: 'window' } }));
    await accept(t, view.caseNo);
    if (options.stop) return view.caseNo;
    const task = await taskOf(t, view.caseNo, 'gaj');
    await decide(t, 'gaj', task, options.deny ? { decision: 'deny', comment: '不符合条件' } : { decision: 'approve', comment: '准予' });
    return view.caseNo;
  }
  let address = 0;
  /** GET /api/progress from a new address each time: the lookup's own rate limit is tested elsewhere */
  const get = (caseNo: string, idTail: string, lang = 'zh-CN') =>
    t.app.inject({ method: 'GET', url: `/api/progress?caseNo=${caseNo}&idTail=${idTail}`, headers: { 'accept-language': lang }, remoteAddress: `10.0.0.${++address}` });
  const lookup = async (who: Who, caseNo: string, lang = 'zh-CN') => {
    const res = await get(caseNo, idOf(who).slice(-6), lang);
    assert.equal(res.statusCode, 200, res.body);
    return { view: res.json() as ProgressView, body: res.body };
  };
  const handOver = async (caseNo: string, collector: Record<string, string>) => {
    const res = await t.as.clerk1.post(`/api/workbench/cases/${caseNo}/handover`,
      { collector, verification: 'id_card', window: WINDOW, note: '原件已核对' }, { 'idempotency-key': newKey() });
    assert.equal(res.statusCode, 200, res.body);
  };

  before(async () => {
    t = await startApplicationsApp();
    itemCode = await publishItem(t, singleStage('gaj'));
  });
  after(async () => t?.close());

  it('shows 待领取 while the result waits at the windows, without a window yet', async () => {
    const caseNo = await caseOf('citizen1');
    const { view } = await lookup('citizen1', caseNo);
    assert.equal(view.status, 'concluded');
    assert.deepEqual({ ...view.pickup, readyAt: undefined }, { status: 'waiting', readyAt: undefined, window: null, collectedAt: null });
    assert.ok(!Number.isNaN(Date.parse(view.pickup!.readyAt)));
  });

  it('shows 已领取 with the window and the time once the applicant collected it, and nothing of the collector', async () => {
    const caseNo = await caseOf('citizen1');
    await handOver(caseNo, { kind: 'applicant', idNumber: idOf('citizen1') });
    const { view, body } = await lookup('citizen1', caseNo);
    assert.equal(view.pickup?.status, 'collected');
    assert.equal(view.pickup?.window, WINDOW);
    const collectedAt = Date.parse(view.pickup!.collectedAt!);
    assert.ok(collectedAt >= Date.parse(view.pickup!.readyAt));
    assert.equal(view.steps.at(-1)!.text, `结果已领取（${WINDOW}，本人领取）`);
    assert.equal(view.applicantName, '李**');
    const id = idOf('citizen1');
    for (const secret of [nameOf('citizen1'), id, `${id.slice(0, 6)}********${id.slice(-4)}`, id.slice(6, 14), '原件已核对', '孙晓梅']) {
      assert.ok(!body.includes(secret), `the public answer holds no ${secret}`);
    }
    const english = await lookup('citizen1', caseNo, 'en');
    assert.deepEqual(english.view.pickup, view.pickup);
  });

  it('never names an agent who collected it, not even masked', async () => {
    const caseNo = await caseOf('citizen2');
    await handOver(caseNo, { kind: 'agent', name: AGENT.name, idNumber: AGENT.idNumber, authorisation: '授权委托书（原件）' });
    const { view, body } = await lookup('citizen2', caseNo);
    assert.deepEqual([view.pickup?.status, view.pickup?.window], ['collected', WINDOW]);
    assert.equal(view.steps.at(-1)!.text, '结果已领取', 'the public step leaves out who collected it');
    const mine = (await t.as.citizen2.get(`/api/applications/${caseNo}`)).json() as { timeline: { text: string }[] };
    assert.equal(mine.timeline.at(-1)!.text, `结果已领取（${WINDOW}，代领人 王**）`, 'the applicant still sees it');
    // the agent's masked name (王**) equals the applicant's here, which the lookup shows: no step says 代领人 instead
    for (const secret of [AGENT.name, '代领人', AGENT.idNumber, `${AGENT.idNumber.slice(0, 6)}********${AGENT.idNumber.slice(-4)}`,
      AGENT.idNumber.slice(6, 14), '授权委托书', nameOf('citizen2')]) {
      assert.ok(!body.includes(secret), `the public answer holds no ${secret}`);
    }
  });

  it('has no pick-up for results delivered otherwise, denied, or not yet decided', async () => {
    const cases = [
      await caseOf('citizen1', { delivery: { mode: 'elicence' } }), await caseOf('citizen2', { delivery: POST }),
      await caseOf('citizen1', { deny: true }), await caseOf('citizen1', { stop: 'in_review' }),
    ];
    for (const caseNo of cases) {
      const who = caseNo === cases[1] ? 'citizen2' : 'citizen1';
      const { view } = await lookup(who, caseNo);
      assert.ok(!('pickup' in view), `${caseNo}: ${JSON.stringify(view)}`);
    }
  });

  it('has no pick-up for a result revoked before it was collected', async () => {
    const commitmentItem = await publishItem(t, singleStage('wjw'), {
      commitment: { text: '本人承诺所填写信息及提供材料真实有效，如有不实，愿承担相应法律责任。', replacesMaterials: [0], postCheckDays: 20 },
    });
    const body = await applicationBody(t.as.citizen1, commitmentItem, { commitmentSigned: true, materials: [{ index: 1, fileIds: [], governmentHeld: true }] });
    const revoked = await apply(t.as.citizen1, body);
    assert.equal((await lookup('citizen1', revoked.caseNo)).view.pickup?.status, 'waiting');
    const check = await t.as['reviewer.wjw'].post(`/api/workbench/tasks/${revoked.tasks[0].id}/post-check`, { outcome: 'false_commitment', comment: '现场核查发现承诺不实' });
    assert.equal(check.statusCode, 200, check.body);
    const { view } = await lookup('citizen1', revoked.caseNo);
    assert.deepEqual([view.result, 'pickup' in view], ['revoked', false]);
  });

  it('answers a wrong ID tail with 404 and no pick-up, and a malformed query with 400', async () => {
    const caseNo = await caseOf('citizen1');
    const wrong = await get(caseNo, '000000');
    assert.equal(wrong.statusCode, 404);
    assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
    assert.equal(problemOf(wrong).code, 'PROGRESS_NOT_FOUND');
    assert.ok(!wrong.body.includes('pickup'));
    const bad = await get(caseNo, 'abc');
    assert.equal(bad.statusCode, 400);
    assert.equal(problemOf(bad).code, 'VALIDATION_FAILED');
  });
});
