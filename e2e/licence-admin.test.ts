// Journey: the 卫健委's department admin (沈雨桐, admin.wjw) keeps the licences her department issued.
// Two 生育服务登记凭证 are issued first through the API (李明华's and 赵志强's 生育登记, accepted by the
// window clerk and approved by the 卫健委 reviewer), the fastest path to a signed licence. She opens
// 证照管理 from the workbench navigation, finds 李明华's licence by name, opens it, revokes it with a
// reason (the dialog insists on one), and a stranger's public verification page then says 已注销
// with the reason. She rotates the department's signing key behind a confirmation; the retired key
// stays listed, and 赵志强's earlier licence still verifies as 真实有效. On a phone she replaces that
// licence with a corrected field; the old version then shows 已被替换 on the verify page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { axeViolations, DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const ITEM = '002031002000'; // 生育登记: one 卫健委 task, delivered as an e-licence
const LICENCE = '生育服务登记凭证';
const PHONE = { width: 360, height: 780 };

/** A signed-in API client: the session cookie in its jar and the CSRF token on every write. */
/** A one-page scanned document, for a material the exchange cannot supply. */
const SCAN = { file: { name: '户口簿.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1') } };

type Multipart = typeof SCAN;
interface ApiClient {
  api: APIRequestContext; csrf: string;
  post: (path: string, data?: unknown, headers?: Record<string, string>, multipart?: Multipart) => Promise<any>;
  get: (path: string) => Promise<any>;
}

async function apiAs(baseURL: string, login: string): Promise<ApiClient> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
  const res = await api.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } });
  assert.equal(res.status(), 200, `${login}: ${await res.text()}`);
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'tb_csrf')!.value;
  const check = async (what: string, r: Awaited<ReturnType<APIRequestContext['get']>>) => {
    assert.ok(r.ok(), `${what}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  return {
    api, csrf,
    post: async (path, data = {}, headers = {}, multipart) =>
      check(`POST ${path}`, await api.post(path, { ...(multipart ? { multipart } : { data }), headers: { 'x-csrf-token': csrf, ...headers } })),
    get: async (path) => check(`GET ${path}`, await api.get(path)),
  };
}

/** The applicant files 生育登记 for an e-licence, the clerk accepts, the 卫健委 reviewer approves; returns the licence id. */
async function issueBirthServiceLicence(baseURL: string, applicant: string, formData: Record<string, unknown>): Promise<string> {
  const citizen = await apiAs(baseURL, applicant);
  const clerk = await apiAs(baseURL, 'clerk1');
  const reviewer = await apiAs(baseURL, 'reviewer.wjw');
  try {
    const spec = await citizen.get(`/api/catalog/items/${ITEM}`) as { materials: unknown[] };
    const body = (uploads: Map<number, string>) => ({
      itemCode: ITEM, formData, delivery: { mode: 'elicence' },
      materials: spec.materials.map((_, index) => (uploads.has(index) ? { index, fileIds: [uploads.get(index)] } : { index, fileIds: [], governmentHeld: true })),
    });
    const submit = (uploads: Map<number, string>) => citizen.api.post('/api/applications', {
      data: body(uploads), headers: { 'x-csrf-token': citizen.csrf, 'idempotency-key': `licence-admin-${applicant}-${uploads.size}-${Date.now()}` },
    });
    // 免提交 where the exchange holds the material; a scan of the ones it does not (the demo grants no household read for this item)
    let res = await submit(new Map());
    if (res.status() === 422) {
      const problem = await res.json() as { code: string; errors: { path: string }[] };
      assert.equal(problem.code, 'HELD_MATERIAL_NOT_AVAILABLE', JSON.stringify(problem));
      const uploads = new Map<number, string>();
      for (const e of problem.errors) uploads.set(Number(e.path.split('/').pop()), (await citizen.post('/api/uploads', undefined, {}, SCAN)).id);
      res = await submit(uploads);
    }
    assert.equal(res.status(), 201, await res.text());
    const filed = await res.json() as { caseNo: string; status: string };
    if (filed.status === 'submitted') await clerk.post(`/api/workbench/cases/${filed.caseNo}/accept`);
    const view = await reviewer.get(`/api/workbench/cases/${filed.caseNo}`) as { tasks: { id: string; status: string; department: { code: string } }[] };
    const task = view.tasks.find((k) => k.department.code === 'wjw' && k.status === 'open')!;
    await reviewer.post(`/api/workbench/tasks/${task.id}/claim`);
    await reviewer.post(`/api/workbench/tasks/${task.id}/decision`, { decision: 'approve', comment: '婚姻和户籍信息核验无误，予以登记。' });
    const wallet = await citizen.get('/api/licences') as { items: { id: string; typeName: string }[] };
    const licence = wallet.items.find((l) => l.typeName === LICENCE);
    assert.ok(licence, `${applicant}'s wallet holds the ${LICENCE}: ${JSON.stringify(wallet.items)}`);
    return licence.id;
  } finally {
    await Promise.all([citizen, clerk, reviewer].map((c) => c.api.dispose()));
  }
}

/** Wait for Ant Design's message (toast) with exactly this text. */
const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text, { exact: true }).waitFor();

describe('a department admin finds, revokes and replaces her department\'s e-licences and rotates its signing key', () => {
  const journey = new Journey();
  let admin: Page;
  let stranger: Page;
  let revokedId = '';
  let earlierId = '';
  let licenceNo = '';
  const scans = new Map<string, Awaited<ReturnType<typeof axeViolations>>>();
  const scan = async (page: Page, where: string) => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('.ant-skeleton, [aria-busy="true"]'));
    scans.set(where, await axeViolations(page));
  };
  const verdictOn = async (page: Page, id: string, heading: string) => {
    await page.goto(`${journey.url}/verify/${id}`);
    const verdict = page.getByRole('status').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });
    await verdict.waitFor();
    return verdict;
  };

  before(async () => {
    await journey.start();
    const birth = { childOrder: '1', livingChildren: 0, residenceRegion: '419902001', residenceAddress: '府前路 18 号 2 号楼 302 室' };
    earlierId = await issueBirthServiceLicence(journey.url, 'citizen3', { ...birth, mobile: '13800000003', spouseName: '林慧', spouseIdNumber: '41990319810917002X' });
    revokedId = await issueBirthServiceLicence(journey.url, 'citizen1', { ...birth, mobile: '13800000001', spouseName: '陈静', spouseIdNumber: '419902199005120042' });
    admin = await journey.freshPage();
    stranger = await journey.freshPage();
  });

  after(async () => { await journey.stop(); });

  it('opens 证照管理 from the workbench and finds 李明华\'s licence by name, ID number masked', async () => {
    await logIn(admin, journey.url, 'admin.wjw', DEMO_PASSWORD, '/workbench');
    await admin.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '证照管理' }).click();
    await admin.waitForURL((u) => u.pathname === '/workbench/licences');
    await admin.getByRole('heading', { level: 1, name: '证照管理' }).waitFor();
    await admin.getByText('共 2 个证照', { exact: true }).waitFor();
    await scan(admin, 'the licence register');

    await admin.getByRole('textbox', { name: '关键词' }).fill('李明华');
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.getByText('共 1 个证照', { exact: true }).waitFor();
    const row = admin.getByRole('row').filter({ hasText: '李明华' });
    await row.getByText('419902********0030', { exact: true }).waitFor();
    await row.getByText('有效', { exact: true }).waitFor();
    licenceNo = (await row.locator('.tb-licence-id').innerText()).trim();
    await row.getByRole('link', { name: `查看 ${licenceNo}` }).click();
    await admin.waitForURL((u) => u.pathname === `/workbench/licences/${revokedId}`);
    await admin.getByRole('heading', { level: 1, name: LICENCE }).waitFor();
    await admin.getByText('第 1 版签发', { exact: true }).waitFor();
    await scan(admin, 'a licence in the register');
  });

  it('revokes it only with a reason, and shows the revocation in its status history', async () => {
    assert.ok(licenceNo, 'the licence was found');
    await admin.getByRole('button', { name: `注销 ${licenceNo}` }).click();
    const dialog = admin.getByRole('dialog', { name: '注销证照' });
    await dialog.getByText(/^注销后证照立即失效/).waitFor();
    await dialog.getByRole('button', { name: '确认注销' }).click();
    await dialog.getByText('请填写注销原因', { exact: true }).waitFor();
    await scan(admin, 'the revoke dialog');
    await dialog.getByRole('textbox', { name: '注销原因' }).fill('登记信息与婚姻登记记录不符，依申请人申请注销');
    await dialog.getByRole('button', { name: '确认注销' }).click();
    await toast(admin, `已注销证照 ${licenceNo}`);
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByText('此证照已注销。', { exact: true }).waitFor();
    await admin.getByText('第 1 版注销', { exact: true }).waitFor();
    assert.equal(await admin.getByRole('button', { name: `注销 ${licenceNo}` }).count(), 0, 'nothing more to do with a revoked licence');
  });

  it('shows a stranger the licence as 已注销 with the reason on the public verification page', async () => {
    const verdict = await verdictOn(stranger, revokedId, '已注销');
    assert.equal(await verdict.getAttribute('data-verdict'), 'revoked');
    await verdict.getByText('原因：登记信息与婚姻登记记录不符，依申请人申请注销').waitFor();
  });

  it('rotates the department\'s signing key after a confirmation; the retired key stays listed and the earlier licence still verifies', async () => {
    await admin.goto(`${journey.url}/workbench/licences`);
    const keys = admin.getByRole('list', { name: '签名密钥列表' });
    await keys.getByRole('listitem').filter({ hasText: '使用中' }).getByText('2 个', { exact: true }).waitFor();
    const oldKey = (await keys.locator('.lr-key-id').first().innerText()).trim();
    await admin.getByRole('button', { name: '轮换密钥' }).click();
    const dialog = admin.getByRole('dialog', { name: '确认轮换签名密钥？' });
    await dialog.getByText(new RegExp(`将停用当前密钥 ${oldKey}`)).waitFor();
    await dialog.getByRole('button', { name: '确认轮换' }).click();
    await admin.locator('.ant-message').getByText(/^已轮换签名密钥，新密钥 wjw-/).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await keys.getByRole('listitem').filter({ hasText: oldKey }).getByText('已停用', { exact: true }).waitFor();
    assert.equal(await keys.getByRole('listitem').count(), 2);
    assert.equal(await keys.getByRole('listitem').filter({ hasText: '使用中' }).getByText('0 个', { exact: true }).count(), 1, 'the new key has signed nothing yet');
    await scan(admin, 'the licence register after rotation');

    const verdict = await verdictOn(stranger, earlierId, '真实有效');
    await verdict.getByText('签名验证通过，证照在有效期内，未被注销。').waitFor();
    await stranger.getByText(oldKey, { exact: true }).waitFor();
  });

  it('on a phone, replaces the earlier licence with a corrected field; the old version shows 已被替换', async () => {
    const phone = await journey.freshPage(PHONE);
    await logIn(phone, journey.url, 'admin.wjw', DEMO_PASSWORD, `/workbench/licences?q=${encodeURIComponent('赵志强')}`);
    await phone.getByRole('heading', { level: 1, name: '证照管理' }).waitFor();
    const item = phone.getByRole('listitem').filter({ hasText: '赵志强' });
    await item.getByRole('link', { name: /^查看 / }).click();
    await phone.waitForURL((u) => u.pathname === `/workbench/licences/${earlierId}`);
    await phone.getByRole('heading', { level: 1, name: LICENCE }).waitFor();
    await scan(phone, 'a licence in the register on a phone');
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');

    await phone.getByRole('button', { name: /^换发 / }).click();
    const dialog = phone.getByRole('dialog', { name: '换发证照' });
    assert.equal(await dialog.getByRole('textbox', { name: '登记人' }).isDisabled(), true, 'the holder\'s name is locked');
    await dialog.getByRole('textbox', { name: '登记事由' }).fill('第一个子女生育登记');
    await dialog.getByRole('textbox', { name: '换发原因' }).fill('登记事由漏填，补充后换发');
    await dialog.getByRole('button', { name: '签发新版本' }).click();
    await toast(phone, '已换发，新版本为第 2 版');
    await phone.waitForURL((u) => /^\/workbench\/licences\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(earlierId));
    await phone.getByText('第一个子女生育登记', { exact: true }).waitFor();
    await phone.getByText('第 1 版换发为新版本', { exact: true }).waitFor();
    await phone.getByText('原因：登记事由漏填，补充后换发', { exact: true }).waitFor();
    await phone.close();

    const verdict = await verdictOn(stranger, earlierId, '已被替换（已换发新版，请以新版证照为准）');
    assert.equal(await verdict.getAttribute('data-verdict'), 'replaced');
    await scan(stranger, 'the verify page of a replaced licence');
  });

  it('has no serious accessibility violations on the register, a licence, the revoke dialog and the phone layout', () => {
    const found = [...scans].filter(([, violations]) => violations.length > 0);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    assert.equal(scans.size, 6);
  });

  it('logged nothing unexpected in the console', async () => {
    await admin.close();
    await stranger.close();
    assert.deepEqual(unexpectedProblems(journey.problems), []);
  });
});
