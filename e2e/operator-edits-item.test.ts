// Journey: a platform operator renames a published item, validates and publishes the change with
// a note; the public guide shows the new version and still offers the old one. A citizen who
// types the admin address gets a no-permission page, never the editor.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, Journey, logIn, unexpectedProblems } from './support';

const ITEM_CODE = '000133003000';
const OLD_NAME = '企业变更登记';
const NEW_NAME = `${OLD_NAME}（测试版本）`;

describe('an operator edits and publishes an item', () => {
  const journey = new Journey();

  let operator: Page;

  before(async () => {
    await journey.start();
    operator = await journey.freshPage();
  });

  after(async () => { await journey.stop(); });

  it('lets operator1 find the item in 事项管理 and open its editor', async () => {
    await logIn(operator, journey.url, 'operator1', DEMO_PASSWORD);
    await operator.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '事项管理' }).click();
    await operator.waitForURL((u) => u.pathname === '/admin/items');
    await operator.getByRole('heading', { level: 1, name: '事项管理' }).waitFor();

    await operator.getByLabel('搜索事项名称或编码').fill(OLD_NAME);
    await operator.getByLabel('搜索事项名称或编码').press('Enter');
    await operator.waitForURL((u) => u.searchParams.get('q') === OLD_NAME);
    const row = operator.getByRole('row').filter({ hasText: ITEM_CODE });
    await row.waitFor();
    await row.getByText('第 1 版').waitFor();
    await row.getByRole('link', { name: `编辑“${OLD_NAME}”` }).click();

    await operator.waitForURL((u) => u.pathname === `/admin/items/${ITEM_CODE}`);
    await operator.getByRole('heading', { level: 1, name: `编辑事项：${OLD_NAME}` }).waitFor();
    await operator.getByText('基于第 1 版').waitFor();
    assert.equal(await operator.getByLabel('事项名称').inputValue(), OLD_NAME);
  });

  it('renames the item, validates it and publishes version 2 with a change note', async () => {
    const name = operator.getByLabel('事项名称');
    await name.fill(NEW_NAME);
    await operator.getByText('有未保存的修改').waitFor();

    await operator.getByRole('button', { name: '校验', exact: true }).click();
    await operator.getByText('校验通过，可以发布').waitFor();

    await operator.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = operator.getByRole('dialog', { name: '发布新版本' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: '发布', exact: true });
    assert.ok(await confirm.isDisabled(), 'publishing needs a change note');
    await dialog.getByLabel('变更说明（必填）').fill('事项名称增加“测试版本”字样，用于验证版本发布。');
    await confirm.click();

    await operator.getByText('已发布第 2 版').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await operator.getByRole('heading', { level: 1, name: `编辑事项：${NEW_NAME}` }).waitFor();
    await operator.getByText('基于第 2 版').waitFor();
  });

  it('shows the new name on the public guide with a selector listing versions 2 and 1', async () => {
    await operator.getByRole('link', { name: '查看办事指南' }).click();
    await operator.waitForURL((u) => u.pathname === `/items/${ITEM_CODE}`);
    await operator.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();
    assert.equal(await operator.getByRole('status').filter({ hasText: '您正在查看历史版本' }).count(), 0);

    const selector = operator.getByLabel('指南版本');
    await selector.click();
    const options = operator.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    const labels = await options.allTextContents();
    assert.equal(labels.length, 2, `two versions offered: ${labels.join(' / ')}`);
    assert.match(labels[0], /^第 2 版（.+，现行）$/);
    assert.match(labels[1], /^第 1 版（[^，]+）$/);
  });

  it('opens version 1 with the old name and the older-version banner', async () => {
    await operator.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '第 1 版' }).click();
    await operator.waitForURL((u) => u.pathname === `/items/${ITEM_CODE}` && u.searchParams.get('version') === '1');
    await operator.getByRole('heading', { level: 1, name: OLD_NAME, exact: true }).waitFor();
    const banner = operator.getByRole('status').filter({ hasText: '您正在查看历史版本：第 1 版' });
    await banner.waitFor();
    await banner.getByRole('link', { name: '查看现行版本（第 2 版）' }).click();
    await operator.waitForURL((u) => u.pathname === `/items/${ITEM_CODE}` && !u.searchParams.has('version'));
    await operator.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();
    await operator.close();
  });

  it('shows citizen1 a no-permission page at /admin/items, not the editor', async () => {
    const citizen = await journey.freshPage();
    await logIn(citizen, journey.url, 'citizen1', DEMO_PASSWORD);
    await citizen.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    assert.equal(await citizen.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '事项管理' }).count(), 0);

    for (const path of ['/admin/items', `/admin/items/${ITEM_CODE}`]) {
      await citizen.goto(`${journey.url}${path}`);
      await citizen.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
      assert.equal(new URL(citizen.url()).pathname, path);
      assert.equal(await citizen.getByRole('heading', { name: /事项管理|编辑事项/ }).count(), 0);
      assert.equal(await citizen.getByRole('button', { name: '校验' }).count(), 0);
      assert.equal(await citizen.getByRole('table').count(), 0);
    }
    await citizen.close();
  });

  it('logged nothing unexpected in the console', () => {
    assert.deepEqual(unexpectedProblems(journey.problems), []);
  });
});
