// Filling the 出生登记 (000704001000) form's household and insurance part, as both journeys that
// apply for it do: who declares, how the baby is registered, the address, 医保 and the 社保卡 bank.
import type { Page } from 'playwright-core';

export async function fillBirthHouseholdAndInsurance(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '父亲', exact: true }).check();
  await page.getByRole('radio', { name: '随父落户', exact: true }).check();
  await page.getByRole('combobox', { name: '户籍地址' }).click();
  for (const place of ['河南省', '青川市', '清源区', '人民路街道', '府前社区']) {
    // a level that opens the next one carries its arrow icon's name ("right") too
    await page.getByRole('menuitemcheckbox', { name: new RegExp(`^${place}( right)?$`) }).click();
  }
  await page.getByRole('textbox', { name: '详细地址' }).fill('府前路 18 号 2 号楼 302 室');
  await page.getByRole('radio', { name: '城乡居民基本医疗保险', exact: true }).check();
  await page.getByRole('combobox', { name: '社保卡合作银行' }).click();
  await page.getByRole('option', { name: '农商银行' }).click();
}
