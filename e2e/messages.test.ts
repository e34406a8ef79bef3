// Journey: a citizen changes the password and finds the security notice in 消息中心 — the bell
// shows the unread count, the page passes an axe-core scan, opening the message marks it read,
// and the phone layout shows the bell beside the menu button.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, DEMO_PASSWORD, eventually, Journey, logIn, unexpectedProblems } from './support';

const NEW_PASSWORD = 'Tongban#2026new';

describe('the message centre', () => {
  const journey = new Journey();
  let page: Page;

  before(async () => {
    await journey.start();
    page = await journey.freshPage();
    await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD, '/me');
  });

  after(async () => { await journey.stop(); });

  it('delivers a notice for a password change to 消息中心 with an unread badge', async () => {
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();

    // the outbox worker delivers within moments; the page shows it on its next visit
    await eventually(async () => {
      const res = await page.request.get(`${journey.url}/api/messages/unread-count`);
      return (await res.json()).unread === 1;
    }, 'the notice to be delivered');
    await page.goto(`${journey.url}/messages`);
    await page.getByRole('heading', { level: 1, name: '消息中心' }).waitFor();
    await page.getByRole('link', { name: '消息中心，1 条未读' }).waitFor();
    const toggle = page.getByRole('button', { name: /密码已修改/ });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await page.getByText('共 1 条消息，1 条未读').waitFor();
  });

  it('has no serious accessibility violations on 消息中心', async () => {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    const structure = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main, [role="main"]').length }));
    assert.deepEqual(structure, { h1: 1, main: 1 });
  });

  it('marks the message read when it is opened, and the badge goes away', async () => {
    await page.getByRole('button', { name: /密码已修改/ }).click();
    await page.getByText(/如非本人操作/).waitFor();
    await page.getByRole('link', { name: '消息中心', exact: true }).waitFor();
    await page.getByText('共 1 条消息，0 条未读').waitFor();
    assert.equal(await page.getByRole('button', { name: '全部已读' }).isDisabled(), true);

    await page.locator('label').filter({ hasText: '未读消息' }).click();
    await page.getByText('没有未读消息').waitFor();
    assert.equal(await page.getByRole('radio', { name: '未读消息' }).isChecked(), true);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });

  it('shows the bell beside the menu button on a phone', async () => {
    const phone = await journey.freshPage({ width: 375, height: 740 });
    await logIn(phone, journey.url, 'citizen1', NEW_PASSWORD, '/messages');
    await phone.getByRole('heading', { level: 1, name: '消息中心' }).waitFor();
    await phone.getByRole('banner').getByRole('link', { name: '消息中心', exact: true }).waitFor();
    const widths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth }));
    assert.ok(widths.scroll <= 375, `the page is ${widths.scroll} px wide on a 375 px screen`);
    await phone.close();
  });

  it('logged nothing unexpected in the console', async () => {
    await page.close();
    assert.deepEqual(unexpectedProblems(journey.problems), []);
  });
});
