/**
 * Browser story of a 民主评议: the office sets up an appraisal of 市住建局 and 市教育局 on a desktop, starts the self-check
 * and opens the vote, showing the room's QR code and printing a representative's one-time code; two members vote on
 * their phones through the QR link (a second opening says they have voted), an invited representative votes on a phone
 * without an account; the turnout and the results appear on the office's page, which publishes them; the department
 * appraised sees the ranked results and no one's ballot.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { DEMO_PASSWORD } from '../src/server/seed.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('democratic appraisal story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `对市住建局、市教育局工作的民主评议（${clock.nowMs().toString(36)}）`;
  let office: Page;
  let appraisalUrl = '';
  let voteUrl = '';
  let tokenUrl = '';

  /** A member of the seeded CPPCC (m0001 …) signs in on the login page, as on their phone. */
  async function signInMember(page: Page, username: string) {
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  async function fireAction(page: Page, name: RegExp, fields: Record<string, string> = {}) {
    await page.getByRole('button', { name }).click();
    const dialog = page.getByRole('dialog');
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: /^(提\s*交|确认.+)$/ }).click();
  }

  test('the office sets the appraisal up, starts the self-check and opens the vote on the spot', async () => {
    office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    await office.goto(stage.baseUrl + '/appraisals');
    await office.getByRole('button', { name: /新建民主评议/ }).click();
    const dialog = office.getByRole('dialog').filter({ hasText: '新建民主评议' });
    await dialog.getByLabel('评议名称').fill(title);
    await dialog.getByLabel('被评议单位').click();
    await office.locator('.ant-select-item-option').filter({ hasText: /^市住建局$/ }).click();
    await office.locator('.ant-select-item-option').filter({ hasText: /^市教育局$/ }).click();
    await dialog.getByLabel('评议名称').click();
    const today = stage.started.zx.ctx.calendar.today();
    await dialog.getByLabel('评议会议日期').click();
    await dialog.getByLabel('评议会议日期').fill(today);
    await dialog.getByLabel('评议会议日期').press('Enter');
    await dialog.getByLabel('会议地点').fill('市政协三楼会议室');
    await shot(stage, office, 'appraisal-new-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await office.waitForURL(/\/appraisals\/[^/]+$/);
    await office.getByText('筹备中').first().waitFor();
    appraisalUrl = office.url();

    await fireAction(office, /启动自查/, { 自查报告截止日期: today });
    await office.getByText('自查中').first().waitFor();
    await fireAction(office, /开始测评/);
    await office.getByText('现场测评').waitFor();
    voteUrl = (await office.locator('[data-vote-url]').getAttribute('data-vote-url'))!;
    assert.match(voteUrl, /\/appraisals\/[^/]+\/vote\?c=/);

    await office.getByRole('button', { name: /生成代表测评码/ }).click();
    const tokens = office.getByRole('dialog').filter({ hasText: '代表类别' });
    await tokens.getByLabel('数量').fill('2');
    await tokens.getByRole('button', { name: /生\s*成/ }).click();
    await office.locator('[data-token-url]').first().waitFor();
    tokenUrl = (await office.locator('[data-token-url]').first().getAttribute('data-token-url'))!;
    await shot(stage, office, 'appraisal-tokens-1280');
    await office.keyboard.press('Escape');
    await shot(stage, office, 'appraisal-voting-1280');
  });

  test('members vote on their phones through the QR link, once each; a representative votes without an account', async () => {
    for (const [i, username] of ['m0001', 'm0002'].entries()) {
      const page = await stage.freshPage(phone);
      await signInMember(page, username);
      await page.goto(voteUrl);
      await page.getByText('满意度测评：请对每个单位的每个项目作出选择').waitFor();
      if (i === 0) await shot(stage, page, 'appraisal-ballot-390');
      // 市住建局: all 满意 at once; 市教育局: item by item
      await page.locator('[data-unit="市住建局"]').getByRole('button', { name: /全部满意/ }).click();
      const edu = page.locator('[data-unit="市教育局"]');
      for (const item of ['工作作风', '办事效率', '服务质量', '廉洁自律']) {
        await edu.getByRole('radiogroup', { name: `市教育局 ${item}` }).getByText(i === 0 ? '基本满意' : '满意', { exact: true }).click();
      }
      await page.getByRole('button', { name: /提交测评（8\/8）/ }).click();
      await page.getByText('投票成功').waitFor();
      if (i === 0) await shot(stage, page, 'appraisal-voted-390');
      // a second opening of the link: they have voted
      await page.goto(voteUrl);
      await page.getByText('投票成功').waitFor();
      await page.close();
    }
    const guest = await stage.freshPage(phone);
    await guest.goto(tokenUrl);
    await guest.locator('[data-unit="市住建局"]').getByRole('button', { name: /全部满意/ }).click();
    await guest.locator('[data-unit="市教育局"]').getByRole('button', { name: /全部满意/ }).click();
    await guest.getByRole('button', { name: /提交测评（8\/8）/ }).click();
    await guest.getByText('投票成功').waitFor();
    await guest.goto(tokenUrl);
    await guest.getByText('投票成功').waitFor();
    await guest.close();
  });

  test('the turnout and results appear to the office, which publishes them; the department sees results, no ballot', async () => {
    // (the pages of a stage share one cookie jar: the office signs in again after the voters)
    office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    await office.goto(appraisalUrl);
    await office.locator('[data-testid="appraisal-turnout"]').getByText('3').first().waitFor({ timeout: 20_000 });
    const results = office.locator('[data-testid="appraisal-results"]');
    // 市住建局: 3 × 满意 → 100; 市教育局: 基本满意 once, 满意 twice → (60 + 100 + 100) / 3 = 86.67
    await results.getByRole('row').filter({ hasText: '市住建局' }).getByText('100.00').first().waitFor();
    await results.getByRole('row').filter({ hasText: '市教育局' }).getByText('86.67').first().waitFor();
    await fireAction(office, /结束测评并公布结果/);
    await office.getByText('结果已公布').first().waitFor();
    await shot(stage, office, 'appraisal-published-1280');

    const dept = await stage.freshPage(phone);
    await signIn(stage, dept, 'unit');
    await dept.goto(appraisalUrl);
    const rows = dept.locator('[data-testid="appraisal-results"]').getByRole('row');
    await rows.filter({ hasText: '市住建局' }).getByText('100.00').first().waitFor();
    const text = await dept.locator('main').innerText();
    assert.ok(!/参评情况|已投票/.test(text), 'a department sees no turnout');
    await shot(stage, dept, 'appraisal-department-390');
  });
});
