// Journey: 补正. 李明华's 基本医疗保险关系转移接续 is filed and accepted through the API. The 医保局
// reviewer opens it by its number (按办件编号查找), claims the task and returns it for 补正, asking
// for the 参保信息 that data sharing usually provides. On his phone 李明华 sees the 补正通知 with the
// department, its request and the paused clock, reads that this 免提交 material is wanted after all,
// uploads it and submits; the department's task is open again, the reviewer approves and he sees
// the case concluded. His pages pass an accessibility scan and fit the phone's width.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiAs, axeViolations, DEMO_PASSWORD, Journey, logIn, tinyPdf, toast, unexpectedProblems } from './support';

const ITEM = { code: '002049003000', department: 'ybj', departmentName: '青川市医疗保障局' };
const MATERIAL = '基本医疗保险参保信息';
const REQUEST = '原参保地的参保信息未能共享获取，请上传原参保地医保经办机构出具的参保凭证。';
const PHONE = { width: 390, height: 844 };

/** File and accept a case for citizen1; returns its number. */
async function acceptedCase(baseURL: string): Promise<string> {
  const citizen = await apiAs(baseURL, 'citizen1');
  const filed = await citizen.post('/api/applications', {
    itemCode: ITEM.code, delivery: { mode: 'elicence' },
    formData: { applicantName: '李明华', mobile: '13800000001', description: '由外省转入青川市，申请接续职工基本医疗保险关系和个人账户余额' },
    materials: [0, 1].map((index) => ({ index, fileIds: [], governmentHeld: true })),
  }) as { caseNo: string };
  const clerk = await apiAs(baseURL, 'clerk1');
  await clerk.post(`/api/workbench/cases/${filed.caseNo}/accept`, {});
  for (const session of [citizen, clerk]) await session.api.dispose();
  return filed.caseNo;
}

/** On the staff case page: claim the task when it is not yet the reviewer's. */
async function claimIfNeeded(page: Page, caseNo: string) {
  const claim = page.getByRole('button', { name: '认领', exact: true });
  await Promise.race([claim.waitFor(), page.getByRole('radio', { name: '通过', exact: true }).waitFor()]);
  if (await claim.isVisible()) {
    await claim.click();
    await toast(page, `已认领办件 ${caseNo}`);
  }
}

describe('补正: a department asks for a material, the citizen supplies it on a phone', () => {
  const journey = new Journey();
  const scratch = mkdtempSync(path.join(tmpdir(), 'tongban-e2e-supplement-'));
  const scanFile = path.join(scratch, '参保凭证.pdf');
  let caseNo = '';
  let reviewer: Page;

  before(async () => {
    writeFileSync(scanFile, tinyPdf());
    await journey.start();
    caseNo = await acceptedCase(journey.url);
  });
  after(async () => {
    await journey.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lets the reviewer find the case by its number and return it for 补正 naming the material', async () => {
    reviewer = await journey.freshPage();
    await logIn(reviewer, journey.url, `reviewer.${ITEM.department}`, DEMO_PASSWORD, '/workbench');
    await reviewer.getByRole('heading', { level: 1, name: '待办任务' }).waitFor();
    const lookup = reviewer.getByRole('search', { name: '按办件编号查找' });
    await lookup.getByRole('searchbox').fill(caseNo);
    await lookup.getByRole('searchbox').press('Enter');
    await reviewer.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
    await reviewer.getByRole('heading', { level: 1, name: '办件详情' }).waitFor();

    await claimIfNeeded(reviewer, caseNo);
    await reviewer.getByRole('radio', { name: '退回补正', exact: true }).check();
    await reviewer.getByRole('checkbox', { name: MATERIAL, exact: true }).check();
    await reviewer.getByRole('textbox', { name: '办理意见' }).fill(REQUEST);
    await reviewer.getByRole('button', { name: '提交办理结果' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '确认退回补正？' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await toast(reviewer, '已退回申请人补正');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the citizen what to supplement on his phone and takes the upload', async () => {
    const page = await journey.freshPage(PHONE);
    await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD, `/me/cases/${caseNo}`);
    const notice = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '补正通知' }) });
    await notice.getByText(ITEM.departmentName, { exact: true }).waitFor();
    await notice.getByText(REQUEST, { exact: true }).waitFor();
    await notice.getByText(`需补正的材料：${MATERIAL}`, { exact: true }).waitFor();
    await notice.getByText('请按要求补正。补正期间办理时限暂停计算，提交后恢复。').waitFor();
    await page.getByText('待补正', { exact: true }).first().waitFor();
    // the material's own text says 免于提交: here it must say the department wants it uploaded
    const material = notice.locator('.tb-checklist-item', { has: page.getByRole('heading', { level: 3, name: `2. ${MATERIAL}` }) });
    await material.getByText('该材料通常由政府部门共享获取、免于提交；办理部门要求补正，请上传本材料。').waitFor();
    assert.equal(await material.getByText(/免于提交$/).count(), 0);

    // nothing uploaded yet: sending is refused beside the material
    await page.getByRole('button', { name: '提交补正' }).click();
    await material.getByText('请上传补正后的材料').waitFor();

    const chooser = page.waitForEvent('filechooser');
    await material.getByRole('button', { name: `为“${MATERIAL}”选择文件上传` }).click();
    await (await chooser).setFiles(scanFile);
    await material.getByRole('list', { name: `“${MATERIAL}”已上传的文件` }).getByText('参保凭证.pdf').waitFor();

    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axeViolations(page), [], 'the 补正 form has no serious accessibility violations');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the 补正 form fits a ${PHONE.width} px screen (overflow ${overflow} px)`);

    await page.getByRole('button', { name: '提交补正' }).click();
    await toast(page, '补正材料已提交，相关部门将继续办理');
    await page.getByRole('heading', { level: 2, name: '补正通知' }).waitFor({ state: 'hidden' });
    await page.getByText('审查中', { exact: true }).first().waitFor();
    await page.close();
  });

  it('reopens the department\'s task with the new file, and the approval concludes the case', async () => {
    await reviewer.reload();
    await reviewer.getByRole('heading', { level: 1, name: '办件详情' }).waitFor();
    await reviewer.getByText('参保凭证.pdf', { exact: true }).first().waitFor();
    await claimIfNeeded(reviewer, caseNo);
    await reviewer.getByRole('radio', { name: '通过', exact: true }).check();
    await reviewer.getByRole('textbox', { name: '办理意见' }).fill('参保凭证已核验，准予转移接续。');
    await reviewer.getByRole('button', { name: '提交办理结果' }).click();
    await reviewer.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await toast(reviewer, '已通过');

    const page = await journey.freshPage(PHONE);
    await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD, `/me/cases/${caseNo}`);
    await page.getByText('已办结（通过）', { exact: true }).first().waitFor();
    await page.getByText('参保凭证已核验，准予转移接续。', { exact: true }).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the concluded case page has no serious accessibility violations');
    await page.close();
  });

  it('logged nothing unexpected in the console', async () => {
    await reviewer.close();
    assert.deepEqual(unexpectedProblems(journey.problems), []);
  });
});
