// Journey: an enterprise's case is the enterprise's. 周婷 (company1), an agent of 青川市云栖数字科技有限公司,
// files 移出经营异常名录 for it through the API. 赵志强 (citizen3), its legal representative, signs in
// at phone width: 我的办件 lists the case as 企业办件 with the enterprise and 经办人 周婷; the 申请主体
// filter hides it under 本人办件 and shows it under the enterprise; on the case page (经办人 周婷) he
// withdraws it. 刘建国 (citizen5), the agent of another enterprise, opening the same case number is
// told it is not found. Every page passes an accessibility scan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request, type Page } from 'playwright-core';
import { axeViolations, DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const ITEM = '001033001000'; // 移出经营异常名录 (scjg), one uploaded application form
const ENTERPRISE = { name: '青川市云栖数字科技有限公司', creditCode: '91419900MA9C4K7R6N' };
const PHONE = { width: 360, height: 740 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/** 周婷 files the enterprise's application through the API; returns its case number. */
async function fileForEnterprise(baseURL: string): Promise<string> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
  const login = await api.post('/api/auth/login', { data: { login: 'company1', password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'tb_csrf')!.value;
  const uploaded = await api.post('/api/uploads', { multipart: { file: { name: '移出经营异常名录申请书.pdf', mimeType: 'application/pdf', buffer: PDF } }, headers: { 'x-csrf-token': csrf } });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  const filed = await api.post('/api/applications', {
    headers: { 'x-csrf-token': csrf, 'idempotency-key': `e2e-enterprise-${Date.now()}` },
    data: {
      itemCode: ITEM, enterpriseCreditCode: ENTERPRISE.creditCode, delivery: { mode: 'window' },
      formData: { mobile: '13800000101', description: '已补报2025年度年度报告，申请移出经营异常名录' },
      materials: [{ index: 0, fileIds: [(await uploaded.json()).id] }],
    },
  });
  assert.equal(filed.status(), 201, await filed.text());
  const caseNo = (await filed.json()).caseNo as string;
  await api.dispose();
  return caseNo;
}

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `${what} has no serious accessibility violations`);
}

async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${what} fits a 360 px screen (overflow ${overflow} px)`);
}

/** Choose an option of an Ant Design select by its label, and wait for its list to close. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.ant-select-dropdown')].some((d) => d.checkVisibility()));
}

describe('an enterprise\'s case is shared by its agents', () => {
  const journey = new Journey();
  let caseNo: string;
  let owner: Page;

  before(async () => {
    await journey.start();
    caseNo = await fileForEnterprise(journey.url);
    owner = await journey.freshPage(PHONE);
  });
  after(async () => {
    await journey.stop();
    assert.deepEqual(unexpectedProblems(journey.problems, [{ status: 404, path: `/api/applications/${caseNo}` }]), [], 'no console errors or warnings');
  });

  it('lists the case for the enterprise\'s other account, as the enterprise\'s, filed by 周婷', async () => {
    await logIn(owner, journey.url, 'citizen3', DEMO_PASSWORD, '/me/cases');
    const row = owner.locator('article.tb-case-row').filter({ hasText: caseNo });
    await row.waitFor();
    for (const text of ['企业办件', ENTERPRISE.name, '周婷', '移出经营异常名录']) await row.getByText(text, { exact: true }).waitFor();
    await expectAccessible(owner, '我的办件 with an enterprise case');
    await expectNoHorizontalScroll(owner, '我的办件');
  });

  it('filters by applicant: not among his own cases, among the enterprise\'s', async () => {
    await choose(owner, '申请主体', '本人办件');
    await owner.waitForURL((u) => u.searchParams.get('scope') === 'person');
    await owner.getByText('该申请主体下没有符合条件的办件').waitFor();
    await choose(owner, '申请主体', `企业：${ENTERPRISE.name}`);
    await owner.locator('article.tb-case-row').filter({ hasText: caseNo }).waitFor();
    await expectAccessible(owner, '我的办件 filtered by enterprise');
  });

  it('opens the case page, names the agent who filed it, and lets him withdraw it', async () => {
    await owner.getByRole('link', { name: '移出经营异常名录' }).first().click();
    await owner.waitForURL((u) => u.pathname === `/me/cases/${caseNo}`);
    await owner.getByText('经办人', { exact: true }).waitFor();
    await owner.getByText('周婷', { exact: true }).first().waitFor();
    await expectAccessible(owner, 'the enterprise\'s case page');
    await expectNoHorizontalScroll(owner, 'the case page');
    await owner.getByRole('button', { name: '撤回申请' }).click();
    await owner.getByLabel('撤回原因').fill('年度报告信息有误，更正后重新申请');
    await owner.getByRole('button', { name: '确认撤回' }).click();
    await owner.getByText('已撤回', { exact: true }).first().waitFor();
  });

  it('tells the agent of another enterprise the case is not found', async () => {
    const stranger = await journey.freshPage(PHONE);
    await logIn(stranger, journey.url, 'citizen5', DEMO_PASSWORD, `/me/cases/${caseNo}`);
    await stranger.getByText('未找到该办件').waitFor();
    await stranger.getByText('该办件不存在，或不属于当前登录的账号及其经办的企业。').waitFor();
    await expectAccessible(stranger, 'the not-found case page');
  });
});
