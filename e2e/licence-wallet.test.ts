// Journey: 李明华 applies online for 出生登记（新生儿入户）with the result as an e-licence (电子证照).
// The 数据授权 card first tells him which registries would fill which fields and why, fetching
// nothing; he agrees, and his daughter's birth-certificate data and his wife's name and ID number
// fill the form, read-only and marked 已核验 with their source. The government-held materials are
// left to data sharing (免提交). The window clerk accepts; the four departments' reviewers approve at
// the same time, the 卫健委's seeing the verified birth-certificate data; the 公安局 signs a
// 居民户口簿（户籍登记页）licence. A message tells him; his wallet (我的证照) shows it, its PDF
// downloads, and he presents (亮证) two of its fields. A stranger opens the presentation link once
// (only those fields, 真实有效), a second time (used), and verifies the licence on the public page
// (有效). His usage log and 数据使用记录 list what happened, the form prefill included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fillBirthHouseholdAndInsurance } from './birth-registration';
import { axeViolations, DEMO_PASSWORD, eventually, Journey, logIn, unexpectedProblems, type ExpectedFailure } from './support';

const ITEM = { code: '000704001000', name: '出生登记（新生儿入户）' };
const LICENCE = '居民户口簿（户籍登记页）';
const CASE_NO = /^\/me\/cases\/(\d{20})$/;
const DEPARTMENTS = ['wjw', 'gaj', 'ybj', 'rsj'] as const;
/** what the registries hold for 李明华's daughter and his wife, as text boxes once filled */
const PREFILLED = [
  { label: '新生儿姓名', value: '李小禾', from: '青川市卫生健康委员会 出生医学证明信息' },
  { label: '出生日期', value: '2026-03-02', from: '青川市卫生健康委员会 出生医学证明信息' },
  { label: '出生医学证明编号', value: 'R410000123', from: '青川市卫生健康委员会 出生医学证明信息' },
  { label: '另一方姓名', value: '陈静', from: '青川市民政局 婚姻登记信息' },
  { label: '另一方公民身份号码', value: '419902199005120042', from: '青川市民政局 婚姻登记信息' },
];

/** Wait for Ant Design's message (toast) with exactly this text. */
const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text, { exact: true }).waitFor();

/** Open the signed-in user's menu in the header and follow one of its entries. */
async function fromUserMenu(page: Page, entry: string): Promise<void> {
  await page.getByRole('button', { name: /^用户菜单：/ }).click();
  await page.getByRole('menuitem', { name: entry, exact: true }).click();
}

/** A reviewer claims the department's task, opens the case, looks at it (`check`) and approves it. */
async function approveAs(page: Page, baseUrl: string, department: string, caseNo: string, check?: (page: Page) => Promise<void>): Promise<void> {
  await logIn(page, baseUrl, `reviewer.${department}`, DEMO_PASSWORD, '/workbench');
  await page.getByRole('heading', { level: 1, name: '待办任务' }).waitFor();
  await page.getByRole('button', { name: `认领 ${caseNo}` }).click();
  await toast(page, `已认领办件 ${caseNo}`);
  await page.getByRole('link', { name: `办理 ${caseNo}` }).click();
  await page.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
  await check?.(page);
  await page.getByRole('radio', { name: '通过', exact: true }).check();
  await page.getByRole('textbox', { name: '办理意见' }).fill('材料齐全，核验无误，准予办理。');
  await page.getByRole('button', { name: '提交办理结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确定' }).click();
  await toast(page, '已通过');
}

describe('apply with registry prefill, then an e-licence from the approved case: wallet, PDF, 亮证 and public verification', () => {
  const journey = new Journey();
  let citizen: Page;
  let stranger: Page;
  let caseNo = '';
  let licenceId = '';
  let presentationUrl = '';
  /** the requests that fail on purpose: the second look at the one-time presentation */
  const expected: ExpectedFailure[] = [];
  const scans = new Map<string, Awaited<ReturnType<typeof axeViolations>>>();
  const scan = async (page: Page, where: string) => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('.ant-skeleton, [aria-busy="true"]'));
    scans.set(where, await axeViolations(page));
  };

  before(async () => {
    await journey.start();
    citizen = await journey.freshPage();
  });

  after(async () => { await journey.stop(); });

  it('shows the citizen which data would be fetched, from where and why, and fetches nothing before consent', async () => {
    const page = citizen;
    await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD, `/apply/${ITEM.code}`);
    await page.getByRole('heading', { level: 1, name: `在线办理：${ITEM.name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: '第 1 步，共 4 步： 填写申请表' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: '申请人姓名' }).inputValue(), '李明华');

    const consent = page.getByRole('region', { name: '数据授权' });
    const why = await consent.getByText(/^本次申请将从以下部门获取您的信息，用于/).innerText();
    assert.ok(why.endsWith(`办理“${ITEM.name}”：`), `the card says what for: ${why}`);
    const sources = await consent.getByRole('list', { name: '将获取的信息' }).getByRole('listitem').allInnerTexts();
    assert.equal(sources.length, 2, `two registries: ${JSON.stringify(sources)}`);
    assert.match(sources.find((s) => s.includes('出生医学证明信息')) ?? '', /^青川市卫生健康委员会 · 出生医学证明信息\s+获取：.*出生医学证明编号/);
    assert.match(sources.find((s) => s.includes('婚姻登记信息')) ?? '', /^青川市民政局 · 婚姻登记信息\s+获取：.*配偶姓名/);
    await consent.getByRole('button', { name: '手动填写' }).waitFor();

    for (const field of PREFILLED) assert.equal(await page.getByRole('textbox', { name: field.label, exact: true }).inputValue(), '', `${field.label} is empty before consent`);
    assert.equal(await page.getByRole('radio', { name: '女', exact: true }).isChecked(), false);
    assert.equal(await page.getByRole('radio', { name: '男', exact: true }).isChecked(), false);
    const uses = await (await page.request.get(`${journey.url}/api/me/data-uses?pageSize=50`)).json() as { items: { purpose: string; itemCode: string }[] };
    assert.deepEqual(uses.items.filter((u) => u.purpose === 'prefill' && u.itemCode === ITEM.code), [], 'no registry was asked before consent');
  });

  it('with consent fills the baby\'s and the other parent\'s fields from the registries, read-only and marked 已核验', async () => {
    const page = citizen;
    const consent = page.getByRole('region', { name: '数据授权' });
    await consent.getByRole('button', { name: '同意并获取' }).click();
    await consent.getByRole('status').getByText('已从数据共享获取 6 项信息并填入表单。', { exact: true }).waitFor();
    for (const field of [...PREFILLED, { label: '性别', value: '女', from: '青川市卫生健康委员会 出生医学证明信息' }]) {
      const box = page.getByRole('textbox', { name: field.label, exact: true });
      assert.equal(await box.inputValue(), field.value, field.label);
      assert.equal(await box.isEditable(), false, `${field.label} is read-only`);
      await page.locator('.ant-input-affix-wrapper', { has: box }).getByText('已核验', { exact: true }).waitFor();
      const described = await box.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      assert.ok(described.includes(`来自 ${field.from}`), `${field.label} says where it came from: ${described}`);
    }
  });

  it('lets the citizen complete the form, leave the held materials to data sharing and ask for an e-licence', async () => {
    const page = citizen;
    await fillBirthHouseholdAndInsurance(page);

    // materials: the government holds the first four, nothing to upload
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 2 步，共 4 步： 上传材料' }).waitFor();
    const birthCert = page.getByRole('list', { name: '材料清单' }).getByRole('listitem', { name: '1. 出生医学证明' });
    assert.equal(await birthCert.getByRole('switch', { name: '政府部门已持有，免提交' }).getAttribute('aria-checked'), 'true');
    await birthCert.getByText('已由政府部门核验：提交时由受理部门通过数据共享调取核验，您无需上传。', { exact: true }).waitFor();

    // the result as an e-licence
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 3 步，共 4 步： 结果领取方式' }).waitFor();
    await page.getByRole('radio', { name: /^电子证照/ }).check();

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 4 步，共 4 步： 确认提交' }).waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL((u) => CASE_NO.test(u.pathname));
    caseNo = CASE_NO.exec(new URL(page.url()).pathname)![1];
    await page.getByText('待受理', { exact: true }).first().waitFor();
  });

  it('has the window clerk accept the case and the four departments approve it', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const clerk = await journey.freshPage();
    await logIn(clerk, journey.url, 'clerk1', DEMO_PASSWORD, '/workbench/acceptance');
    await clerk.getByRole('link', { name: `审核 ${caseNo}` }).click();
    await clerk.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
    await clerk.getByRole('button', { name: '受理', exact: true }).click();
    await clerk.getByRole('dialog').getByRole('button', { name: '受理', exact: true }).click();
    await toast(clerk, `已受理办件 ${caseNo}`);
    await clerk.close();

    const reviewers = await Promise.all(DEPARTMENTS.map(() => journey.freshPage()));
    // the 卫健委 reviewer sees what the exchange returned for the birth certificate instead of a scan
    const birthCertVerified = async (page: Page) => {
      const material = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: '出生医学证明', exact: true }) });
      const verified = material.getByRole('region', { name: /^已核验（来自 青川市卫生健康委员会 出生医学证明信息） · / });
      for (const row of ['出生医学证明编号 R410000123', '新生儿姓名 李小禾', '出生日期 2026-03-02']) {
        await verified.getByRole('table').getByRole('row', { name: row, exact: true }).waitFor();
      }
      await scan(page, 'the workbench case page');
    };
    await Promise.all(DEPARTMENTS.map((d, i) => approveAs(reviewers[i], journey.url, d, caseNo, d === 'wjw' ? birthCertVerified : undefined)));
    await Promise.all(reviewers.map((p) => p.close()));
  });

  it('tells the citizen the licence was issued and shows it in 我的证照 with the ID number masked', async () => {
    assert.ok(caseNo, 'the case was approved');
    const page = citizen;
    await eventually(async () => {
      const list = await (await page.request.get(`${journey.url}/api/messages`)).json() as { items: { title: string }[] };
      return list.items.some((m) => m.title === `您的${LICENCE}已签发`);
    }, 'the issue notice to be delivered');
    await page.goto(`${journey.url}/messages`);
    await page.getByRole('button', { name: new RegExp(`您的${LICENCE}已签发`) }).click();
    await page.getByText(`青川市公安局已签发${LICENCE}（第1版），可在“我的证照”中查看、下载和亮证。`).waitFor();

    await fromUserMenu(page, '我的证照');
    await page.waitForURL((u) => u.pathname === '/me/licences');
    await page.getByRole('heading', { level: 1, name: '我的证照' }).waitFor();
    const card = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: LICENCE }) });
    await card.getByText('有效', { exact: true }).waitFor();
    await card.getByText('李明华（419902********0030）', { exact: true }).waitFor();
    await card.getByText('青川市公安局', { exact: true }).waitFor();
    const verifyHref = await card.getByRole('link', { name: `核验真伪 ${LICENCE}` }).getAttribute('href');
    licenceId = /^\/verify\/([0-9a-f-]{36})$/.exec(verifyHref ?? '')?.[1] ?? '';
    assert.ok(licenceId, `the verify link names the licence: ${verifyHref}`);
    await scan(page, 'the wallet');
  });

  it('downloads the licence as a PDF', async () => {
    assert.ok(licenceId, 'the licence is in the wallet');
    const page = citizen;
    const link = page.getByRole('link', { name: `下载 PDF ${LICENCE}` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    const res = await page.request.get(`${journey.url}${await link.getAttribute('href')}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
  });

  it('presents two of the licence\'s fields (李小禾, 性别 女 as a label) as a one-time QR code and link with a countdown', async () => {
    assert.ok(licenceId, 'the licence is in the wallet');
    const page = citizen;
    // the wallet loads the whole licence to offer its fields: the registry's values, choices as their labels
    const [loaded] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/licences/${licenceId}` && r.request().method() === 'GET'),
      page.getByRole('button', { name: `亮证 ${LICENCE}` }).click(),
    ]);
    const fields = Object.fromEntries(((await loaded.json()) as { fields: { label: string; value: string | null }[] }).fields.map((f) => [f.label, f.value]));
    assert.equal(fields['姓名'], '李小禾', JSON.stringify(fields));
    assert.equal(fields['性别'], '女', JSON.stringify(fields));
    const dialog = page.getByRole('dialog', { name: `亮证 · ${LICENCE}` });
    await dialog.getByRole('checkbox', { name: '姓名', exact: true }).check();
    await dialog.getByRole('checkbox', { name: '出生日期', exact: true }).check();
    await dialog.getByRole('button', { name: '生成亮证码' }).click();
    const qr = dialog.getByRole('img', { name: /^亮证二维码/ });
    await qr.waitFor();
    const size = await qr.evaluate((img: HTMLImageElement) => ({ loaded: img.complete && img.naturalWidth > 0, width: img.getBoundingClientRect().width }));
    assert.ok(size.loaded && size.width >= 200, `the QR code is shown large enough to scan: ${JSON.stringify(size)}`);
    await dialog.getByRole('timer').filter({ hasText: /^\d+ 秒后失效$/ }).waitFor();
    await dialog.getByText('出示：姓名、出生日期', { exact: true }).waitFor();
    presentationUrl = (await dialog.getByRole('link', { name: /\/presentations\// }).getAttribute('href')) ?? '';
    assert.match(presentationUrl, /^http:\/\/[^/]+\/presentations\/[A-Za-z0-9_-]{32}$/);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows a stranger only the chosen fields and 真实有效, once; the second look says it was used', async () => {
    assert.ok(presentationUrl, 'the citizen presented the licence');
    stranger = await journey.freshPage();
    await stranger.goto(presentationUrl);
    await stranger.getByRole('heading', { level: 1, name: `亮证核验 · ${LICENCE}` }).waitFor();
    await stranger.getByRole('heading', { level: 2, name: '真实有效' }).waitFor();
    const shown = stranger.locator('.tb-presented');
    await shown.getByText('李小禾', { exact: true }).waitFor();
    await shown.getByText('2026-03-02', { exact: true }).waitFor();
    const labels = await shown.locator('th, .ant-descriptions-item-label').allTextContents();
    assert.deepEqual(labels, ['姓名', '出生日期', '证照类型', '颁发机构', '有效期至'], 'only the chosen fields, then the licence\'s type, issuer and validity');
    assert.equal(await stranger.getByText('府前路 18 号 2 号楼 302 室').count(), 0, 'the address was not chosen');
    await scan(stranger, 'the presentation page');

    expected.push({ status: 410, path: `/api/presentations/${new URL(presentationUrl).pathname.split('/').pop()}` });
    await stranger.reload();
    await stranger.getByRole('heading', { level: 2, name: '此亮证码已使用或已过期' }).waitFor();
    await stranger.getByText('亮证码只能查看一次，且有效时间很短。请持证人重新亮证。').waitFor();
    assert.equal(await stranger.getByText('李小禾').count(), 0);
  });

  it('verifies the licence on the public page as 有效', async () => {
    assert.ok(licenceId, 'the licence is in the wallet');
    await stranger.goto(`${journey.url}/verify/${licenceId}`);
    await stranger.getByRole('heading', { level: 1, name: '电子证照核验' }).waitFor();
    const verdict = stranger.getByRole('status').filter({ has: stranger.getByRole('heading', { level: 2, name: '真实有效' }) });
    await verdict.getByText('签名验证通过，证照在有效期内，未被注销。').waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'authentic');
    await stranger.getByText(LICENCE, { exact: true }).waitFor();
    await stranger.getByText('李**', { exact: true }).waitFor();
    await scan(stranger, 'the verify page');
    await stranger.close();
  });

  it('lists the issue, the presentation, its viewing and the verification in the licence\'s usage log', async () => {
    assert.ok(licenceId, 'the licence is in the wallet');
    const page = citizen;
    await page.reload();
    await page.getByRole('button', { name: `使用记录 ${LICENCE}` }).click();
    const drawer = page.getByRole('dialog', { name: `使用记录 · ${LICENCE}` });
    for (const kind of ['签发', '生成亮证码', '亮证码被查看', '被核验']) await drawer.getByText(kind, { exact: true }).first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows the citizen in 数据使用记录 the form prefill he agreed to and the reads for the case', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const page = citizen;
    type Use = { purpose: string; itemCode: string; caseNo: string | null; consumerDepartmentName: string; registryName: string; providerDepartmentName: string; fieldsGranted: string[] };
    const uses = await (await page.request.get(`${journey.url}/api/me/data-uses?pageSize=50`)).json() as { total: number; items: Use[] };
    const prefills = uses.items.filter((u) => u.purpose === 'prefill' && u.itemCode === ITEM.code);
    const forCase = uses.items.filter((u) => u.purpose === 'case' && u.caseNo === caseNo);
    // each registry he agreed to was read when he agreed, and again when the submission checked the prefilled values
    assert.deepEqual(prefills.map((u) => u.registryName).sort(), ['出生医学证明信息', '出生医学证明信息', '婚姻登记信息', '婚姻登记信息'],
      'two prefill reads per registry the citizen agreed to: the fill and the check at submission');
    assert.ok(prefills.every((u) => u.caseNo === null && u.fieldsGranted.length > 0), JSON.stringify(prefills));
    assert.ok(forCase.some((u) => u.registryName === '出生医学证明信息'), `the 免提交 materials were read through the exchange for ${caseNo}: ${JSON.stringify(uses.items)}`);
    const firstPage = uses.items.slice(0, 10);
    assert.ok([...prefills, ...forCase].every((u) => firstPage.includes(u)), 'the journey\'s uses are the newest, on the first page');

    await fromUserMenu(page, '数据使用记录');
    await page.waitForURL((u) => u.pathname === '/me/data-uses');
    await page.getByRole('heading', { level: 1, name: '数据使用记录' }).waitFor();
    await page.getByRole('status').filter({ hasText: `共 ${uses.total} 条记录` }).waitFor();
    const shownUse = (use: Use, why: string) => page.getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 2, name: use.consumerDepartmentName, exact: true }) })
      .filter({ hasText: why })
      .filter({ hasText: `${use.registryName}（${use.providerDepartmentName}）` });
    for (const registryName of new Set(prefills.map((u) => u.registryName))) {
      const reads = prefills.filter((u) => u.registryName === registryName);
      const articles = shownUse(reads[0], `表单预填：${ITEM.name}`);
      await articles.first().waitFor();
      assert.equal(await articles.count(), reads.length, `${registryName}: one entry per read`);
      for (const [i, use] of reads.entries()) {
        const article = articles.nth(i);
        assert.equal(await article.getByText('办件编号').count(), 0, 'a prefill happens before there is a case');
        for (const field of use.fieldsGranted) await article.getByText(field, { exact: true }).waitFor();
      }
    }
    for (const use of forCase) await shownUse(use, `办件审查：${ITEM.name}（办件编号 ${caseNo}）`).first().waitFor();
  });

  it('has no serious accessibility violations on the workbench case page, the wallet, the presentation page and the verify page', () => {
    assert.deepEqual([...scans.keys()], ['the workbench case page', 'the wallet', 'the presentation page', 'the verify page']);
    const found = [...scans].filter(([, violations]) => violations.length > 0);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  });

  it('logged nothing unexpected in the console', async () => {
    await citizen.close();
    assert.deepEqual(unexpectedProblems(journey.problems, expected), []);
  });
});
