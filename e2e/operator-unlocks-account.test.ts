// Journey: five wrong passwords lock citizen2's account, so even the right password is refused;
// a platform operator finds the account in 账号管理, sees it locked and unlocks it, and citizen2
// logs in straight away.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const USERNAME = 'citizen2';

/**
 * Submit the login form once and return the status the server answered with. The form is idle
 * (enabled, not loading) and holds both values before the click, so a click can only be lost to a
 * real fault; if no answer comes, the failure says what the form showed.
 */
async function tryLogin(page: Page, password: string): Promise<number> {
  // the form's own submit button, ready (not disabled, not loading from the attempt before)
  const submit = page.locator('form button[type=submit]');
  await page.locator('form button[type=submit]:not([disabled]):not(.ant-btn-loading)').waitFor();
  assert.equal((await submit.innerText()).trim(), '登录', 'the submit button says 登录');
  const login = page.getByLabel('用户名或手机号');
  const secret = page.getByLabel('密码', { exact: true });
  await login.fill(USERNAME);
  await secret.fill(password);
  assert.equal(await login.inputValue(), USERNAME);
  assert.equal(await secret.inputValue(), password);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login' && r.request().method() === 'POST', { timeout: 30_000 });
  answered.catch(() => undefined); // a failed click must not leave it unhandled
  await submit.click();
  try {
    return (await answered).status();
  } catch (error) {
    const form = await page.locator('form').innerText().catch(() => '(no form)');
    throw new Error(`no answer to the login request; the form showed: ${form}`, { cause: error });
  }
}

describe('an operator unlocks a locked account', () => {
  const journey = new Journey();

  before(async () => { await journey.start(); });

  after(async () => { await journey.stop(); });

  it('locks citizen2 after five wrong passwords and then refuses the right one', async () => {
    const page = await journey.freshPage();
    await page.goto(`${journey.url}/login`);
    await page.getByRole('heading', { level: 1, name: '用户登录' }).waitFor();

    for (let attempt = 1; attempt <= 4; attempt++) {
      assert.equal(await tryLogin(page, `Wrong#Password${attempt}`), 401, `attempt ${attempt} is refused`);
      await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
    }
    assert.equal(await tryLogin(page, 'Wrong#Password5'), 423, 'the fifth wrong password locks the account');
    await page.getByRole('alert').filter({ hasText: '账号已临时锁定' }).waitFor();

    assert.equal(await tryLogin(page, DEMO_PASSWORD), 423, 'the right password is refused while locked');
    await page.getByRole('alert').filter({ hasText: '账号已临时锁定' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.close();
  });

  it('lets operator1 find citizen2 in 账号管理 and unlock it', async () => {
    const operator = await journey.freshPage();
    await logIn(operator, journey.url, 'operator1', DEMO_PASSWORD);
    await operator.getByRole('button', { name: /^用户菜单：/ }).click();
    await operator.getByRole('menuitem', { name: '账号管理' }).click();
    await operator.waitForURL((u) => u.pathname === '/admin/accounts');
    await operator.getByRole('heading', { level: 1, name: '账号管理' }).waitFor();

    const search = operator.getByLabel('搜索用户名、姓名或完整手机号');
    await search.fill(USERNAME);
    await search.press('Enter');
    await operator.waitForURL((u) => u.searchParams.get('q') === USERNAME);

    const row = operator.getByRole('row').filter({ has: operator.getByRole('cell', { name: USERNAME, exact: true }) });
    await row.getByText('已锁定', { exact: true }).waitFor();
    await row.getByText(/^至 .+ 自动解除$/).waitFor();
    await row.getByRole('button', { name: `解锁账号 ${USERNAME}` }).click();

    const confirm = operator.getByRole('tooltip').filter({ hasText: `确定解锁账号 ${USERNAME} 吗？` });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '解锁', exact: true }).click();

    await operator.getByText(`账号 ${USERNAME} 已解锁`).waitFor();
    await row.getByText('已锁定', { exact: true }).waitFor({ state: 'detached' });
    await row.getByText('正常', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: `解锁账号 ${USERNAME}` }).count(), 0);
    await operator.close();
  });

  it('lets citizen2 log in with the right password again', async () => {
    const page = await journey.freshPage();
    await logIn(page, journey.url, USERNAME, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    await page.close();
  });

  it('logged nothing unexpected in the console', () => {
    assert.deepEqual(unexpectedProblems(journey.problems, [
      { method: 'POST', status: 401, path: '/api/auth/login' },
      { method: 'POST', status: 423, path: '/api/auth/login' },
    ]), []);
  });
});
