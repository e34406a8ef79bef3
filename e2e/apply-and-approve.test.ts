// Journey: 李明华 applies online for 出生登记（新生儿入户）— the 出生“一件事” whose one stage runs four
// departments in parallel (卫健委, 公安局, 医保局, 人社局; every one must approve). He fills the form
// with his verified identity locked, uploads a scanned birth certificate, leaves the other
// government-held materials to data sharing (免提交), chooses postal delivery and submits. The
// window clerk accepts the case; the departments' reviewers, two at a time in their own browsers,
// claim and approve it with an opinion; he then sees the case concluded, every department's opinion,
// the timeline in order and the message telling him so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fillBirthHouseholdAndInsurance } from './birth-registration';
import { axeViolations, DEMO_PASSWORD, eventually, Journey, logIn, tinyPdf, toast, unexpectedProblems } from './support';

const ITEM = { code: '000704001000', name: '出生登记（新生儿入户）' };
const CASE_NO = /^\/me\/cases\/(\d{20})$/;

/** The stage's four departments, each with its reviewer account, task and the opinion it writes. */
const DEPARTMENTS = [
  { code: 'wjw', name: '青川市卫生健康委员会', task: '出生医学证明核验', opinion: '出生医学证明编号与助产机构签发记录一致。' },
  { code: 'gaj', name: '青川市公安局', task: '户口登记', opinion: '随父落户，户籍地址核实无误，准予登记。' },
  { code: 'ybj', name: '青川市医疗保障局', task: '城乡居民医保参保登记', opinion: '已办理城乡居民医保参保登记。' },
  { code: 'rsj', name: '青川市人力资源和社会保障局', task: '社会保障卡申领', opinion: '社保卡由农商银行制卡，寄送至户籍地址。' },
] as const;

/** A department's task on the applicant's case page (部门办理进度). */
const taskCard = (page: Page, department: typeof DEPARTMENTS[number]) =>
  page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: '部门办理进度' }) })
    .locator('li.tb-task-card').filter({ has: page.getByText(department.task, { exact: true }) });

/** A reviewer claims the department's task in the inbox, opens the case and approves it with an opinion. */
async function approveAs(page: Page, baseUrl: string, department: typeof DEPARTMENTS[number], caseNo: string,
  beforeDeciding?: (page: Page) => Promise<void>): Promise<void> {
  await logIn(page, baseUrl, `reviewer.${department.code}`, DEMO_PASSWORD, '/workbench');
  await page.getByRole('heading', { level: 1, name: '待办任务' }).waitFor();
  await page.getByRole('tab', { name: /^待办 \d+$/ }).waitFor();
  await page.getByRole('button', { name: `认领 ${caseNo}` }).click();
  await toast(page, `已认领办件 ${caseNo}`);
  await page.getByRole('link', { name: `办理 ${caseNo}` }).click();

  await page.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
  await page.getByRole('heading', { level: 1, name: '办件详情' }).waitFor();
  await page.getByText(`${department.name} · ${department.task}`).first().waitFor();
  await page.getByRole('radio', { name: '通过', exact: true }).waitFor();
  await beforeDeciding?.(page);
  await page.getByRole('radio', { name: '通过', exact: true }).check();
  await page.getByRole('textbox', { name: '办理意见' }).fill(department.opinion);
  await page.getByRole('button', { name: '提交办理结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确定' }).click();
  await toast(page, '已通过');
  await dialog.waitFor({ state: 'hidden' });
}

describe('apply with an upload, accept, approve in parallel and conclude', () => {
  const journey = new Journey();
  const scratch = mkdtempSync(path.join(tmpdir(), 'tongban-e2e-upload-'));
  const scanFile = path.join(scratch, '出生医学证明.pdf');
  let citizen: Page;
  let caseNo = '';
  /** the number the clerk looks up that no case has (its 404 is expected) */
  let unknownCaseNo = '';
  /** axe-core findings by page, asserted together at the end so one finding does not hide the rest of the journey */
  const scans = new Map<string, Awaited<ReturnType<typeof axeViolations>>>();
  const scan = async (page: Page, where: string) => {
    await page.waitForLoadState('networkidle');
    scans.set(where, await axeViolations(page));
  };

  before(async () => {
    writeFileSync(scanFile, tinyPdf());
    await journey.start();
    citizen = await journey.freshPage();
  });

  after(async () => {
    await journey.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lets the citizen apply online: verified fields locked, a PDF uploaded, 免提交, post, the due date, then 待受理', async () => {
    const page = citizen;
    await logIn(page, journey.url, 'citizen1', DEMO_PASSWORD, `/items/${ITEM.code}`);
    await page.getByRole('heading', { level: 1, name: ITEM.name }).waitFor();
    await page.getByRole('main').getByRole('link', { name: '在线办理', exact: true }).click();

    // step 1: the form, with the verified identity prefilled and locked
    await page.waitForURL((u) => u.pathname === `/apply/${ITEM.code}`);
    await page.getByRole('heading', { level: 1, name: `在线办理：${ITEM.name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: '第 1 步，共 4 步： 填写申请表' }).waitFor();
    const idNumber = page.getByRole('textbox', { name: '公民身份号码', exact: true });
    await idNumber.waitFor();
    assert.equal(await idNumber.inputValue(), '419902198803150030');
    assert.equal(await idNumber.isEditable(), false, 'the verified ID number is read-only');
    assert.equal(await idNumber.getAttribute('aria-readonly'), 'true');
    await page.locator('.ant-input-affix-wrapper', { has: idNumber }).getByText('已核验', { exact: true }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: '申请人姓名' }).inputValue(), '李明华');

    await scan(page, 'the apply page, step 1');

    await page.getByRole('textbox', { name: '新生儿姓名' }).fill('李小禾');
    await page.getByRole('radio', { name: '女', exact: true }).check();
    const birthDate = page.getByRole('textbox', { name: '出生日期' });
    await birthDate.click();
    await birthDate.fill('2026-03-02');
    await birthDate.press('Enter');
    await page.getByRole('textbox', { name: '出生医学证明编号' }).fill('R410000123');
    await page.getByRole('textbox', { name: '另一方姓名' }).fill('王秀英');
    await page.getByRole('textbox', { name: '另一方公民身份号码' }).fill('419921195308210046');
    await fillBirthHouseholdAndInsurance(page);
    assert.equal(await birthDate.inputValue(), '2026-03-02');
    await page.getByRole('status').filter({ hasText: /草稿已保存 \d{2}:\d{2}/ }).waitFor();

    // step 2: the materials checklist
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 2 步，共 4 步： 上传材料' }).waitFor();
    const checklist = page.getByRole('list', { name: '材料清单' });
    const birthCert = checklist.getByRole('listitem', { name: '1. 出生医学证明' });
    const held = (item: ReturnType<Page['getByRole']>) => item.getByRole('switch', { name: '政府部门已持有，免提交' });
    // the government holds the first four; he uploads the paper certificate's scan for the first anyway
    await held(birthCert).click();
    assert.equal(await held(birthCert).getAttribute('aria-checked'), 'false');
    const chooser = page.waitForEvent('filechooser');
    await birthCert.getByRole('button', { name: '为“出生医学证明”选择文件上传' }).click();
    await (await chooser).setFiles(scanFile);
    const uploaded = birthCert.getByRole('list', { name: '“出生医学证明”已上传的文件' });
    await uploaded.getByText('出生医学证明.pdf', { exact: true }).waitFor();
    await uploaded.getByText(/^SHA-256 [0-9a-f]{12}$/).waitFor();
    for (const name of ['2. 父母双方居民身份证', '3. 随迁方户口簿（户籍信息）', '4. 婚姻状况证明']) {
      const item = checklist.getByRole('listitem', { name });
      assert.equal(await held(item).getAttribute('aria-checked'), 'true', `${name} is 免提交`);
      await item.getByText(/通过数据共享提供，您无需上传此材料/).waitFor();
    }

    // step 3: the result by post
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 3 步，共 4 步： 结果领取方式' }).waitFor();
    await page.getByRole('radio', { name: /^邮寄送达/ }).check();
    await page.getByLabel('收件人', { exact: true }).fill('李明华');
    await page.getByLabel('收件人手机号', { exact: true }).fill('13800000001');
    await page.getByLabel('收件地址', { exact: true }).fill('青川市清源区府前路 18 号 2 号楼 302 室');

    // step 4: everything to be sent, with the date it should be done by
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 4 步，共 4 步： 确认提交' }).waitFor();
    const estimate = page.getByRole('note', { name: '预计办结日期' });
    const due = estimate.getByText(/^预计 \d{4}\/\d{2}\/\d{2} 前办结$/);
    await due.waitFor();
    const dueDate = /\d{4}\/\d{2}\/\d{2}/.exec((await due.textContent())!)![0];
    await estimate.getByText('承诺时限 1 个工作日，自受理之日起计算').waitFor();
    await page.getByText('已上传 1 个文件', { exact: true }).waitFor();
    await page.getByText('李小禾', { exact: true }).waitFor();
    // checked before sending, so shown whole here
    await page.getByText('419921195308210046', { exact: true }).waitFor();

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL((u) => CASE_NO.test(u.pathname));
    caseNo = CASE_NO.exec(new URL(page.url()).pathname)![1];
    await page.getByRole('heading', { level: 1, name: ITEM.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: '办件概况' }).waitFor();
    await page.getByText(`办件编号 ${caseNo}，承诺于 ${dueDate} 前办结。`, { exact: false }).waitFor();
    await page.getByText('待受理', { exact: true }).first().waitFor();
    await page.getByRole('row', { name: new RegExp(`^办件编号 ${caseNo} `) }).waitFor();
    await page.getByRole('button', { name: '撤回申请' }).waitFor();
    // once filed, the case page only reminds: ID and mobile numbers masked (脱敏)
    await page.getByText('419921********0046', { exact: true }).waitFor();
    assert.equal(await page.getByText('419921195308210046').count(), 0, 'no ID number in full on the case page');
  });

  it('lets the window clerk find the case in 受理, see the uploaded scan and accept it', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const page = await journey.freshPage();
    await logIn(page, journey.url, 'clerk1', DEMO_PASSWORD, '/workbench/acceptance');
    await page.getByRole('heading', { level: 1, name: '受理' }).waitFor();
    await page.getByRole('link', { name: `审核 ${caseNo}` }).click();

    await page.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
    await page.getByRole('heading', { level: 1, name: '办件详情' }).waitFor();
    const materials = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: '申请材料' }) });
    const birthCert = materials.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: '出生医学证明' }) });
    await birthCert.getByText('出生医学证明.pdf', { exact: true }).waitFor();
    await birthCert.getByRole('button', { name: '预览 出生医学证明.pdf' }).waitFor();
    await materials.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: '婚姻状况证明' }) })
      .getByText(/^免提交/).waitFor();

    await scan(page, 'the workbench case page, before acceptance');

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '受理', exact: true }).click();
    await toast(page, `已受理办件 ${caseNo}`);

    // 按办件编号查找: a number too short is refused in place, one nobody may see is a 404 page,
    // and the real one read out with spaces and full-width digits opens the case again
    const lookup = page.getByRole('search', { name: '按办件编号查找' });
    const box = lookup.getByRole('searchbox', { name: '按办件编号查找' });
    await box.fill(caseNo.slice(1));
    await lookup.getByRole('button', { name: '查找' }).click();
    await lookup.getByRole('alert').getByText('办件编号为 20 位数字，请核对后重新输入。').waitFor();
    assert.equal(new URL(page.url()).pathname, `/workbench/cases/${caseNo}`);
    unknownCaseNo = `${caseNo.slice(0, 14)}999999`;
    await box.fill(unknownCaseNo);
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === `/workbench/cases/${unknownCaseNo}`);
    await page.getByText('办件不存在，或您无权查看。').waitFor();
    const spoken = caseNo.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/(.{6})(.{8})/, '$1 $2 ');
    await page.getByRole('search', { name: '按办件编号查找' }).getByRole('searchbox').fill(spoken);
    await page.getByRole('search', { name: '按办件编号查找' }).getByRole('button', { name: '查找' }).click();
    await page.waitForURL((u) => u.pathname === `/workbench/cases/${caseNo}`);
    await page.getByText('审查中', { exact: true }).first().waitFor();
    await page.close();
  });

  it('has two departments approve at the same time, then the other two, the case concluding only after the last', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const [first, second] = await Promise.all([journey.freshPage(), journey.freshPage()]);
    await Promise.all([approveAs(first, journey.url, DEPARTMENTS[0], caseNo), approveAs(second, journey.url, DEPARTMENTS[1], caseNo)]);

    // the stage needs every department: the case stays in review; each department sees the other's opinion
    await Promise.all([first.reload(), second.reload()]);
    await first.getByText(`办理意见：${DEPARTMENTS[1].opinion}`, { exact: true }).waitFor();
    await second.getByText(`办理意见：${DEPARTMENTS[0].opinion}`, { exact: true }).waitFor();
    await first.getByText('审查中', { exact: true }).first().waitFor();
    await citizen.reload();
    await citizen.getByRole('heading', { level: 2, name: '部门办理进度' }).waitFor();
    await citizen.getByText('审查中', { exact: true }).first().waitFor();
    for (const [i, d] of DEPARTMENTS.entries()) await taskCard(citizen, d).getByText(i < 2 ? '同意' : '办理中', { exact: true }).waitFor();
    await Promise.all([first.close(), second.close()]);

    const [third, fourth] = await Promise.all([journey.freshPage(), journey.freshPage()]);
    await Promise.all([approveAs(third, journey.url, DEPARTMENTS[2], caseNo, (p) => scan(p, 'the workbench case page with the decision panel')), approveAs(fourth, journey.url, DEPARTMENTS[3], caseNo)]);
    await Promise.all([third.close(), fourth.close()]);
  });

  it('shows the citizen 已办结 with 审批通过, every department’s opinion and the timeline in order', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const page = citizen;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: ITEM.name }).waitFor();
    await page.getByText('已办结（通过）', { exact: true }).first().waitFor();
    // the postal adapter may already have posted it
    const result = page.getByRole('alert').filter({ hasText: '审批通过' });
    await result.getByText(/^结果(已寄出，运单号：[0-9A-Z]+|将通过邮政寄送，寄出后在此显示运单号。)$/).waitFor();
    await result.getByText('收件人：李明华，地址：青川市清源区府前路 18 号 2 号楼 302 室', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: '撤回申请' }).count(), 0, 'a concluded case cannot be withdrawn');

    for (const d of DEPARTMENTS) {
      const card = taskCard(page, d);
      await card.getByText('同意', { exact: true }).waitFor();
      await card.getByText(d.opinion).waitFor();
    }

    const timeline = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: '办理过程' }) });
    await timeline.getByText(/办结：准予$/).waitFor();
    // newest first on the page; read it oldest first. Case-level lines carry the item's department.
    const lines = (await timeline.locator('.tb-timeline-text').allTextContents()).reverse();
    const at = (line: RegExp) => {
      const index = lines.findIndex((l) => line.test(l));
      assert.ok(index >= 0, `the timeline has a line like ${line}: ${lines.join(' | ')}`);
      return index;
    };
    const submitted = at(/^(青川市公安局 )?提交申请$/);
    const accepted = at(/^(青川市公安局 )?受理$/);
    const approvals = DEPARTMENTS.map((d) => at(new RegExp(`^${d.name} 审查通过（${d.task}）$`)));
    const concluded = at(/^(青川市公安局 )?办结：准予$/);
    assert.ok(submitted < accepted, `submitted before accepted: ${lines.join(' | ')}`);
    for (const approval of approvals) assert.ok(accepted < approval && approval < concluded, `each approval between acceptance and conclusion: ${lines.join(' | ')}`);
  });

  it('tells the citizen in 消息中心 that the case is concluded', async () => {
    assert.ok(caseNo, 'the citizen submitted the application');
    const page = citizen;
    await eventually(async () => {
      const res = await page.request.get(`${journey.url}/api/messages`);
      const list = await res.json() as { items: { title: string }[] };
      return list.items.some((m) => m.title === '办件已办结（准予）');
    }, 'the conclusion notice to be delivered');
    await page.goto(`${journey.url}/messages`);
    await page.getByRole('heading', { level: 1, name: '消息中心' }).waitFor();
    await page.getByRole('button', { name: /办件已办结（准予）/ }).click();
    await page.getByText(`您的办件 ${caseNo}（${ITEM.name}）已办结，结果：准予。`).waitFor();
  });

  it('has no serious accessibility violations on the pages it scanned', () => {
    assert.equal(scans.size, 3, `scanned: ${[...scans.keys()].join(', ')}`);
    const found = [...scans].filter(([, violations]) => violations.length > 0);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  });

  it('logged nothing unexpected in the console', async () => {
    await citizen.close();
    assert.deepEqual(unexpectedProblems(journey.problems, [{ status: 404, path: `/api/workbench/cases/${unknownCaseNo}` }]), []);
  });
});
