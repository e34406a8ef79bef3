// Journey: a resident finds the business-licence guide from the home page, sees which materials the
// government already holds, registers a new account, logs in, checks the masked profile and logs out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, startPlatformAndBrowser, unexpectedProblems, watchConsole, type Platform } from './support';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits of an ID number. */
function idCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

/** A fictional ID number: region 419902 (青川市清源区), the given birth date, a random sequence. */
function fictionalIdNumber(birthDate: string): string {
  const sequence = String(100 + Math.floor(Math.random() * 900));
  const first17 = `419902${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** The same number with a check character that cannot be right. */
function withWrongCheckCharacter(idNumber: string): string {
  const wrong = [...ID_CHECK].find((c) => c !== idNumber[17])!;
  return idNumber.slice(0, 17) + wrong;
}

/**
 * The registration form's submit button. Matched by the end of its name because, after a quickly
 * refused submission, Ant Design's leaving loading icon can stay in the button and keep its name
 * at "loading 注册" (reported as a product bug; the journey itself must still go on).
 */
const registerButton = (page: Page) => page.getByRole('main').getByRole('button', { name: /注册$/ });

/** The text of everything the field's aria-describedby points at (its error and help lines). */
async function describedText(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((input) => (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' '));
}

describe('find a service and register', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const suffix = Date.now().toString(36).slice(-6);
  const citizen = {
    username: `linxc_${suffix}`,
    name: '林晓川',
    idNumber: fictionalIdNumber('1990-05-17'),
    mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    password: 'Qingchuan#2026',
  };

  before(async () => {
    [platform, browser] = await startPlatformAndBrowser();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await platform?.stop();
  });

  it('finds 营业执照 from the home page with the matched words highlighted', async () => {
    await page.goto(platform.url);
    await page.getByRole('heading', { level: 1, name: /一网通办/ }).waitFor();
    await page.getByRole('searchbox', { name: '搜索办事事项' }).fill('营业执照');
    await page.getByRole('search', { name: '站内办事搜索' }).getByRole('button', { name: '搜索', exact: true }).click();

    await page.waitForURL((u) => u.pathname === '/items' && u.searchParams.get('q') === '营业执照');
    await page.getByRole('heading', { level: 1, name: '“营业执照”的搜索结果' }).waitFor();
    const results = page.getByTestId('result-item');
    await results.first().waitFor();
    assert.ok(await results.count() >= 2, 'several items match 营业执照');

    const marks = await results.locator('mark').allTextContents();
    const names = await results.getByRole('heading', { level: 3 }).allTextContents();
    assert.ok(marks.length > 0, `the matched words are marked (<mark>) in the results; none in: ${names.join('、')}`);
    for (const mark of marks) assert.ok('营业执照'.includes(mark) || mark.includes('执照'), `marked text "${mark}" is part of the query`);
  });

  it('opens the first result’s guide, whose materials table marks government-held materials 免提交', async () => {
    const first = page.getByTestId('result-item').first();
    const name = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();
    await first.getByRole('link', { name }).click();

    await page.waitForURL(/\/items\/[0-9A-Z]{12}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: '申请材料' }).waitFor();
    const materials = page.getByTestId('materials-table');
    await materials.waitFor();
    await materials.getByRole('table').waitFor();
    // the tag itself, not the note above the table that quotes it
    const held = materials.getByText('免提交', { exact: true });
    await held.first().waitFor();
    assert.ok(await held.count() >= 1, 'at least one material carries the 免提交 tag');
    await materials.getByText(/共享获取，您无需提交/).first().waitFor();
  });

  it('keeps the applicant on the form and explains a wrong ID check digit in Chinese next to the field', async () => {
    await page.getByRole('link', { name: '注册', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/register');
    await page.getByRole('heading', { level: 1, name: '个人用户注册' }).waitFor();

    await page.getByLabel('用户名', { exact: true }).fill(citizen.username);
    await page.getByLabel('真实姓名').fill(citizen.name);
    await page.getByLabel('身份证号码').fill(withWrongCheckCharacter(citizen.idNumber));
    await page.getByLabel('手机号码').fill(citizen.mobile);
    await page.getByLabel('密码', { exact: true }).fill(citizen.password);
    await page.getByLabel('确认密码').fill(citizen.password);
    await page.getByRole('checkbox', { name: '我已阅读并同意' }).check();
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/register/citizen'));
    await registerButton(page).click();
    assert.equal((await refused).status(), 400, 'the server refuses the ID number');

    const idField = page.getByLabel('身份证号码');
    await eventually(async () => await idField.getAttribute('aria-invalid') === 'true', 'the ID number field to be marked invalid');
    const text = await describedText(page, '身份证号码');
    assert.match(text, /身份证号码校验[码位]不正确/, `the field explains the check digit in Chinese: ${text}`);
    assert.equal(new URL(page.url()).pathname, '/register', 'the form stays on screen');
    await page.getByRole('heading', { level: 1, name: '个人用户注册' }).waitFor();
  });

  it('registers with a valid ID number and is sent to login', async () => {
    const idField = page.getByLabel('身份证号码');
    await idField.fill(citizen.idNumber);
    await eventually(async () => !/不正确/.test(await describedText(page, '身份证号码')), 'the ID number error to clear');
    assert.notEqual(await idField.getAttribute('aria-invalid'), 'true');
    await registerButton(page).click();

    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('registered') === citizen.username);
    await page.getByText(`注册成功！请使用用户名 ${citizen.username} 登录。`).waitFor();
  });

  it('logs in with the new username and shows the masked profile in 个人中心', async () => {
    await page.getByLabel('用户名或手机号').fill(citizen.username);
    await page.getByLabel('密码', { exact: true }).fill(citizen.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    const profile = page.getByTestId('profile');
    await profile.waitFor();
    const maskedId = `${citizen.idNumber.slice(0, 6)}********${citizen.idNumber.slice(14)}`;
    const maskedMobile = `${citizen.mobile.slice(0, 3)}****${citizen.mobile.slice(7)}`;
    await profile.getByText(maskedId, { exact: true }).waitFor();
    await profile.getByText(maskedMobile, { exact: true }).waitFor();
    await profile.getByText('一级实名（本人注册）').waitFor();
    await profile.getByText(citizen.username, { exact: true }).waitFor();

    const body = await page.locator('body').innerText();
    assert.ok(!body.includes(citizen.idNumber), 'the full ID number is never shown');
    assert.ok(!body.includes(citizen.mobile), 'the full mobile number is never shown');
  });

  it('logs out from the user menu', async () => {
    await page.getByRole('button', { name: `用户菜单：${citizen.name}` }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByText('您已安全退出').waitFor();
    await page.getByRole('banner').getByRole('link', { name: '登录', exact: true }).waitFor();

    await page.goto(`${platform.url}/me`);
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('reason') === 'required');
  });

  it('logged nothing unexpected in the console', () => {
    // the rejected registration is the one request this journey means to fail
    assert.deepEqual(unexpectedProblems(problems, [{ status: 400, path: '/api/auth/register/citizen' }]), []);
  });
});
