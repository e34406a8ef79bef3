// Journey: 窗口领取. 李明华's 基本医疗保险关系转移接续 is filed, accepted and approved through the API
// with the result to be collected at a window (the fastest way to a concluded window-delivery case).
// His case page says 待领取. At phone width the window clerk finds it in 待领取 by case number, opens
// 办理领取, first types someone else's ID number (refused beside the field: not the applicant's),
// then his own, and records the hand-over; the staff case page shows the record, and his case page
// and timeline say 已领取 with the time and the window. Every page passes an accessibility scan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiAs, axeViolations, DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const ITEM = { code: '002049003000', department: 'ybj' };
const APPLICANT = { username: 'citizen1', name: '李明华', idNumber: '419902198803150030' };
const OTHER_ID = '419921195308210046';
const WINDOW = '青川市政务服务中心 3 号窗口';
const PHONE = { width: 360, height: 740 };

/** File, accept and approve a case whose result waits at the window; returns its number. */
async function concludedWindowCase(baseURL: string): Promise<string> {
  const citizen = await apiAs(baseURL, APPLICANT.username);
  const filed = await citizen.post('/api/applications', {
    itemCode: ITEM.code, delivery: { mode: 'window' },
    formData: { applicantName: APPLICANT.name, mobile: '13800000001', description: '由外省转入青川市，申请接续职工基本医疗保险关系和个人账户余额' },
    materials: [0, 1].map((index) => ({ index, fileIds: [], governmentHeld: true })),
  }) as { caseNo: string };
  const clerk = await apiAs(baseURL, 'clerk1');
  await clerk.post(`/api/workbench/cases/${filed.caseNo}/accept`, {});
  const reviewer = await apiAs(baseURL, `reviewer.${ITEM.department}`);
  const view = await (await reviewer.api.get(`/api/workbench/cases/${filed.caseNo}`)).json() as { myTasks: { id: string; status: string }[] };
  const task = view.myTasks.find((k) => k.status === 'open')!;
  await reviewer.post(`/api/workbench/tasks/${task.id}/decision`, { decision: 'approve', comment: '转移接续手续齐全，准予办理。' });
  for (const session of [citizen, clerk, reviewer]) await session.api.dispose();
  return filed.caseNo;
}

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `${what} has no serious accessibility violations`);
}

async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${what} fits a 360 px screen (overflow ${overflow} px)`);
}

describe('窗口领取: a window clerk hands over an approved result', () => {
  const journey = new Journey();
  let caseNo: string;
  let citizen: Page;
  let clerk: Page;

  before(async () => {
    await journey.start();
    caseNo = await concludedWindowCase(journey.url);
    citizen = await journey.freshPage(PHONE);
    clerk = await journey.freshPage(PHONE);
  });
  after(async () => {
    await journey.stop();
    const expected = [{ status: 422, path: `/api/workbench/cases/${caseNo}/handover` }];
    assert.deepEqual(unexpectedProblems(journey.problems, expected), [], 'no console errors or warnings');
  });

  it('tells the applicant the result waits at the window (待领取)', async () => {
    await logIn(citizen, journey.url, APPLICANT.username, DEMO_PASSWORD, `/me/cases/${caseNo}`);
    await citizen.getByText('待领取', { exact: true }).waitFor();
    await citizen.getByText('请携带本人有效身份证件到办理窗口领取结果。').waitFor();
    await expectAccessible(citizen, 'the applicant\'s case page awaiting pick-up');
  });

  it('lets the clerk find the result by case number and refuses an ID number that is not the applicant\'s', async () => {
    await logIn(clerk, journey.url, 'clerk1', DEMO_PASSWORD, '/workbench/pickup');
    await clerk.getByRole('heading', { level: 1, name: '待领取' }).waitFor();
    await clerk.getByLabel('办件编号', { exact: true }).fill(caseNo.slice(0, 16));
    await clerk.getByLabel('办件编号', { exact: true }).press('Enter');
    await clerk.waitForURL((u) => u.searchParams.get('caseNo') === caseNo.slice(0, 16));
    const handOver = clerk.getByRole('button', { name: `办理领取 ${caseNo}` });
    await handOver.waitFor();
    await clerk.getByText('李**', { exact: true }).waitFor();
    await expectAccessible(clerk, 'the pick-up queue at phone width');
    await expectNoHorizontalScroll(clerk, 'the pick-up queue');

    await handOver.click();
    const dialog = clerk.getByRole('dialog', { name: '办理领取' });
    await dialog.getByRole('radio', { name: '申请人本人' }).waitFor();
    assert.equal(await dialog.getByRole('radio', { name: '申请人本人' }).isChecked(), true);
    await dialog.getByRole('textbox', { name: '申请人身份证号码' }).fill(OTHER_ID);
    await dialog.getByRole('textbox', { name: '领取窗口' }).fill(WINDOW);
    await expectAccessible(clerk, 'the 办理领取 form');
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await dialog.getByText('证件号码与申请人不一致；由他人代领时请选择“代领人”并登记其身份').waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: '申请人身份证号码' }).getAttribute('aria-invalid'), 'true');
  });

  it('records the hand-over to the applicant in person and shows it on the staff case page', async () => {
    const dialog = clerk.getByRole('dialog', { name: '办理领取' });
    await dialog.getByRole('textbox', { name: '申请人身份证号码' }).fill(APPLICANT.idNumber);
    await dialog.getByRole('radio', { name: '电子证照亮证' }).check();
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await clerk.locator('.ant-message').getByText(`已登记办件 ${caseNo} 的结果领取`, { exact: true }).waitFor();
    await clerk.getByText('没有找到该编号的待领取结果').waitFor();

    await clerk.goto(`${journey.url}/workbench/cases/${caseNo}`);
    const panel = clerk.locator('.ant-card', { has: clerk.getByRole('heading', { level: 2, name: '结果领取' }) });
    await panel.getByText('已领取', { exact: true }).waitFor();
    await panel.getByText(WINDOW, { exact: true }).waitFor();
    await panel.getByText('申请人本人：李**（419902********0030）', { exact: true }).waitFor();
    await panel.getByText('电子证照亮证', { exact: true }).waitFor();
    await expectAccessible(clerk, 'the staff case page after the hand-over');
  });

  it('shows the applicant 已领取 with the time and the window, in the result and the timeline', async () => {
    await citizen.reload();
    await citizen.getByText('已领取', { exact: true }).waitFor();
    await citizen.getByText(/领取时间：\d{4}/).waitFor();
    const line = `结果已领取（${WINDOW}，本人领取）`;
    assert.ok(await citizen.getByText(line, { exact: true }).count() >= 2, 'the result block and the timeline both name the window');
    await expectAccessible(citizen, 'the applicant\'s case page after the hand-over');
    await expectNoHorizontalScroll(citizen, 'the applicant\'s case page');
  });
});
