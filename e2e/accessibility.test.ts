// Journey: every page of the portal, scanned with axe-core for serious and critical WCAG 2.1 A/AA
// violations, with one main landmark, one page heading and a page language — public pages, the
// citizen's account, licence and data-use pages, the operator's catalogue, calendar, account and
// data-sharing pages, and the auditor's exchange log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const GUIDE_CODE = '000133001000';
const MISSING_PATH = '/no-such-page'; // served with the app's not-found page and a real 404
/** a well-formed licence id and presentation token that do not exist: their pages answer 404 */
const UNKNOWN_LICENCE = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

interface PageCase { name: string; path: string; heading: string | RegExp; ready?: (page: Page) => Promise<unknown> }

/** Wait until the page has loaded its data and finished its transitions, so axe sees the final state. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, [aria-busy="true"]')
    && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

/** Scan the page and check its landmarks; returns a readable list of what is wrong. */
async function audit(page: Page, { path, heading, ready }: PageCase, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await ready?.(page);
  await settle(page);

  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe found serious/critical violations on ${path}:\n${JSON.stringify(violations, null, 2)}`);

  const structure = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main, [role="main"]').length,
  }));
  assert.ok(structure.lang, `${path} declares its language`);
  assert.equal(structure.h1, 1, `${path} has exactly one <h1>`);
  assert.equal(structure.main, 1, `${path} has one main landmark`);
}

describe('accessibility of every page', () => {
  const journey = new Journey();
  let departmentCode = '';

  before(async () => {
    await journey.start();
    const departments = await (await fetch(`${journey.url}/api/catalog/departments`)).json() as { code: string }[];
    departmentCode = departments[0].code;
  });

  after(async () => { await journey.stop(); });

  describe('public pages', () => {
    let page: Page;
    before(async () => { page = await journey.freshPage(); });
    after(async () => { await page.close(); });

    const cases: PageCase[] = [
      { name: 'home', path: '/', heading: /一网通办/, ready: (p) => p.getByRole('heading', { name: '热门服务' }).waitFor() },
      {
        name: 'search results for 营业执照', path: `/items?q=${encodeURIComponent('营业执照')}`, heading: '“营业执照”的搜索结果',
        ready: (p) => p.getByTestId('result-item').first().waitFor(),
      },
      {
        name: 'a search without results', path: `/items?q=${encodeURIComponent('火星移民')}`, heading: '“火星移民”的搜索结果',
        ready: (p) => p.getByRole('heading', { name: '没有找到与“火星移民”相关的事项' }).waitFor(),
      },
      { name: 'a guide', path: `/items/${GUIDE_CODE}`, heading: '企业设立登记', ready: (p) => p.getByTestId('materials-table').waitFor() },
      { name: 'themes', path: '/themes', heading: '主题服务' },
      { name: 'departments', path: '/departments', heading: '部门服务' },
      { name: 'login', path: '/login', heading: '用户登录' },
      { name: 'register', path: '/register', heading: '个人用户注册' },
      { name: 'accessibility statement', path: '/accessibility', heading: '无障碍声明' },
      { name: 'case progress lookup', path: '/progress', heading: '办件进度查询' },
      { name: 'page not found', path: MISSING_PATH, heading: '页面不存在' },
      {
        name: 'licence verification of an unknown licence', path: `/verify/${UNKNOWN_LICENCE}`, heading: '电子证照核验',
        ready: (p) => p.getByRole('heading', { level: 2, name: '未找到该电子证照' }).waitFor(),
      },
      {
        name: 'an invalid presentation code', path: `/presentations/${UNKNOWN_TOKEN}`, heading: '亮证核验',
        ready: (p) => p.getByRole('heading', { level: 2, name: '亮证码无效' }).waitFor(),
      },
    ];
    for (const c of cases) {
      it(`has no serious violations on ${c.name} (${c.path})`, async () => audit(page, c, journey.url));
    }

    it('has no serious violations on a department page', async () => {
      await audit(page, {
        name: 'a department', path: `/departments/${encodeURIComponent(departmentCode)}`, heading: /.+/,
        ready: (p) => p.getByTestId('result-item').first().waitFor(),
      }, journey.url);
    });
  });

  describe('as citizen1', () => {
    it('has no serious violations on 个人中心 (/me)', async () => {
      const page = await journey.freshPage();
      await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD);
      await audit(page, { name: 'my account', path: '/me', heading: '个人中心', ready: (p) => p.getByTestId('profile').waitFor() }, journey.url);
      await page.close();
    });

    it('has no serious violations on 我的办件 (/me/cases)', async () => {
      const page = await journey.freshPage();
      await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD);
      await audit(page, { name: 'my cases', path: '/me/cases', heading: '我的办件', ready: (p) => p.getByRole('heading', { name: '办件列表' }).waitFor() }, journey.url);
      await page.close();
    });

    it('has no serious violations on 我的证照 (/me/licences) and 数据使用记录 (/me/data-uses)', async () => {
      const page = await journey.freshPage();
      await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD);
      await audit(page, { name: 'my licences', path: '/me/licences', heading: '我的证照', ready: (p) => p.getByText(/您还没有电子证照|有效/).first().waitFor() }, journey.url);
      await audit(page, { name: 'uses of my data', path: '/me/data-uses', heading: '数据使用记录', ready: (p) => p.getByRole('status').filter({ hasText: /^共 \d+ 条记录$/ }).waitFor() }, journey.url);
      await page.close();
    });
  });

  describe('as operator1', () => {
    let page: Page;
    before(async () => {
      page = await journey.freshPage();
      await logIn(page, journey.url, 'operator1', DEMO_PASSWORD);
    });
    after(async () => { await page.close(); });

    it('has no serious violations on 事项管理 (/admin/items)', async () => {
      await audit(page, {
        name: 'item list', path: '/admin/items', heading: '事项管理',
        ready: (p) => p.getByRole('link', { name: /^编辑“/ }).first().waitFor(),
      }, journey.url);
    });

    it('has no serious violations on an item editor', async () => {
      await audit(page, {
        name: 'item editor', path: `/admin/items/${GUIDE_CODE}`, heading: '编辑事项：企业设立登记',
        ready: (p) => p.getByLabel('事项名称').waitFor(),
      }, journey.url);
    });

    it('has no serious violations on 工作日历 (/admin/calendar)', async () => {
      await audit(page, {
        name: 'working-day calendar', path: '/admin/calendar', heading: '工作日历',
        ready: (p) => p.getByRole('tab', { name: /2026/ }).first().waitFor(),
      }, journey.url);
    });

    it('has no serious violations on 账号管理 (/admin/accounts)', async () => {
      await audit(page, {
        name: 'account list', path: '/admin/accounts', heading: '账号管理',
        ready: (p) => p.locator('.ant-table-tbody .ant-table-row').first().waitFor(),
      }, journey.url);
    });

    it('has no serious violations on 共享交换管理 (/admin/exchange)', async () => {
      await audit(page, {
        name: 'sharing grants', path: '/admin/exchange', heading: '共享交换管理',
        ready: (p) => p.locator('.ant-table-tbody .ant-table-row').first().waitFor(),
      }, journey.url);
    });
  });

  describe('as auditor1', () => {
    it('has no serious violations on 数据交换日志 (/admin/exchange/log)', async () => {
      const page = await journey.freshPage();
      await logIn(page, journey.url, 'auditor1', DEMO_PASSWORD);
      await audit(page, {
        name: 'exchange log', path: '/admin/exchange/log', heading: '数据交换日志',
        ready: (p) => p.locator('.ant-table-tbody').first().waitFor(),
      }, journey.url);
      await page.close();
    });
  });

  it('logged nothing unexpected in the console', () => {
    assert.deepEqual(unexpectedProblems(journey.problems, [
      { status: 404, path: MISSING_PATH },
      { status: 404, path: `/api/licences/verify/${UNKNOWN_LICENCE}` },
      { status: 404, path: `/api/presentations/${UNKNOWN_TOKEN}` },
    ]), []);
  });
});
