// Journey: logging in safely and reaching the site from any device — a wrong password is refused
// with a clear message, a mobile number works as the login, 退出所有设备 ends every session and
// lands on the login page with its notice, the phone layout fits 375 px with a
// working menu, and the English switch changes the interface and the page language.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

describe('login and site security basics', () => {
  const journey = new Journey();

  before(async () => { await journey.start(); });

  after(async () => { await journey.stop(); });

  it('refuses a wrong password with the server’s message and stays on the login page', async () => {
    const page = await journey.freshPage();
    await page.goto(`${journey.url}/login`);
    await page.getByRole('heading', { level: 1, name: '用户登录' }).waitFor();
    await page.getByLabel('用户名或手机号').fill('citizen1');
    await page.getByLabel('密码', { exact: true }).fill('Wrong#Password1');
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByRole('banner').getByRole('link', { name: '登录', exact: true }).waitFor();
    await page.close();
  });

  it('logs in with the mobile number 13800000001 as 李明华', async () => {
    const page = await journey.freshPage();
    await page.goto(`${journey.url}/login`);
    await page.getByLabel('用户名或手机号').fill('13800000001');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    await page.getByTestId('profile').getByText('citizen1', { exact: true }).waitFor();
    await page.getByRole('button', { name: '用户菜单：李明华' }).waitFor();
    await page.close();
  });

  it('signs out of every device from 个人中心 and lands on the login page with the notice, the other session ended too', async () => {
    const other = await journey.freshPage();
    await logIn(other, journey.url, 'citizen3', DEMO_PASSWORD);
    const page = await journey.freshPage();
    await logIn(page, journey.url, 'citizen3', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('button', { name: '退出所有设备' }).click();
    const confirm = page.getByRole('tooltip').filter({ hasText: '将退出您在所有设备上的登录' });
    await confirm.getByRole('button', { name: /^确\s?定$/ }).click();
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('notice') === 'logged-out-all');
    await page.getByText('已退出所有设备上的登录').waitFor();

    await other.goto(`${journey.url}/me`);
    await other.waitForURL((u) => u.pathname === '/login');
    await page.close();
    await other.close();
  });

  it('fits a 375 px phone screen without sideways scrolling and opens the menu', async () => {
    const page = await journey.freshPage({ width: 375, height: 740 });
    await page.goto(journey.url);
    await page.getByRole('heading', { level: 1, name: /一网通办/ }).waitFor();
    // the home page's lists load after the frame; measure once they are on screen
    await page.getByRole('heading', { name: '热门服务' }).waitFor();
    await page.getByRole('heading', { name: '部门服务' }).waitFor();
    await page.waitForLoadState('networkidle');

    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= 375, `the page is ${widths.scroll} px wide on a 375 px screen`);

    const menuButton = page.getByRole('button', { name: '打开菜单' });
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
    await menuButton.click();
    const menu = page.getByRole('dialog', { name: '菜单' });
    await menu.waitFor();
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
    await menu.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '主题服务' }).waitFor();
    await menu.getByRole('link', { name: '登录', exact: true }).waitFor();

    await menu.getByRole('link', { name: '部门服务' }).click();
    await page.waitForURL((u) => u.pathname === '/departments');
    await menu.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: '部门服务' }).waitFor();
    await page.close();
  });

  it('switches the interface to English and sets <html lang="en">', async () => {
    const page = await journey.freshPage();
    await page.goto(journey.url);
    await page.getByRole('heading', { level: 1, name: /一网通办/ }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');

    const switcher = page.getByRole('banner').getByRole('group', { name: '语言 / Language' });
    await switcher.getByRole('button', { name: 'English' }).click();

    await page.getByRole('heading', { level: 1, name: /One-stop government services/ }).waitFor();
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await switcher.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');

    // the choice holds on the next page load
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /One-stop government services/ }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await switcher.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: /一网通办/ }).waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.close();
  });

  it('logged nothing unexpected in the console', () => {
    // the refused login, and the other device asking for its ended session, are the requests this journey means to fail
    assert.deepEqual(unexpectedProblems(journey.problems, [{ status: 401, path: '/api/auth/login' }, { status: 401, path: '/api/me' }]), []);
  });
});
