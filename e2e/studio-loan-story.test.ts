/**
 * Browser story of 委员工作室 and 公益: the finance studio's convener (the demo member) on a phone opens 委员工作室 from
 * the menu, records an enterprise's financing need, a bank's offer and the loan that matches them; the studio's 助力贷款
 * figure rises by one and its list opens with the loan on top. Then a member reads the 金秋助学 drive on a phone: the
 * totals, and the students helped with masked names only; the office reads the names on a desktop.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('finance studio loan story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  const enterprise = `长治市潞州区精工机械有限公司（${clock.nowMs().toString(36)}）`;
  const openMenu = async (page: Page, label: string) => {
    await page.getByRole('button', { name: '打开菜单' }).click();
    const nav = page.locator('.ant-drawer nav');
    const item = nav.getByText(label, { exact: true });
    if (!(await item.isVisible())) await nav.getByText('委员履职', { exact: true }).click();
    await item.click();
  };
  const dialogSave = async (page: Page, title: string) => {
    const dialog = page.getByRole('dialog').filter({ hasText: title });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const loansFigure = async (page: Page) => Number((await page.getByTestId('figure-studios.loans').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));

  test('the convener records a need, an offer and the loan on a phone; the figure rises and its list shows the loan', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await openMenu(page, '委员工作室');
    await page.waitForURL(/\/studios$/);
    await page.getByTestId('studio-card').filter({ hasText: '金融委员工作室' }).click();
    await page.waitForURL(/\/studios\/[^/?]+/);
    await page.getByTestId('figure-studios.loans').waitFor();
    const before = await loansFigure(page);
    assert.ok(before >= 2065, `the demo's loans are counted (${before})`);
    assert.ok(await fitsWidth(page), 'the studio page fits the phone');
    await shot(stage, page, 'studio-finance-390');

    // 登记融资需求
    await page.getByRole('button', { name: /登记融资需求/ }).click();
    let dialog = page.getByRole('dialog').filter({ hasText: '登记融资需求' });
    await dialog.getByLabel('企业名称').fill(enterprise);
    await dialog.getByLabel('融资金额').fill('120');
    await dialog.getByLabel('资金用途').fill('购置数控机床');
    assert.ok(await fitsWidth(page), 'the form fits the phone');
    await shot(stage, page, 'studio-need-form-390');
    await dialogSave(page, '登记融资需求');
    await page.getByText(enterprise).first().waitFor();

    // 登记银行产品
    await page.getByRole('button', { name: /登记银行产品/ }).click();
    dialog = page.getByRole('dialog').filter({ hasText: '登记银行产品' });
    await dialog.getByLabel('银行').fill('长治银行');
    await dialog.getByLabel('金融产品').fill('科技贷');
    await dialog.getByLabel('授信额度').fill('5000');
    await dialogSave(page, '登记银行产品');

    // 记录放贷: the need picked fills the enterprise and the amount; the offer the bank
    await page.getByRole('button', { name: /记录放贷/ }).click();
    dialog = page.getByRole('dialog').filter({ hasText: '记录放贷' });
    await dialog.getByLabel('对接的融资需求').click();
    await page.locator('.ant-select-dropdown:visible').getByText(enterprise).click();
    await dialog.getByLabel('银行产品').click();
    await page.locator('.ant-select-dropdown:visible').getByText('长治银行 · 科技贷').first().click();
    assert.equal(await dialog.getByLabel('企业名称').inputValue(), enterprise);
    assert.equal(await dialog.getByLabel('放贷金额').inputValue(), '120');
    assert.equal(await dialog.getByLabel('银行', { exact: true }).inputValue(), '长治银行');
    await shot(stage, page, 'studio-loan-form-390');
    await dialogSave(page, '记录放贷');

    // the figure rises; it opens its list, the loan on top
    await page.waitForFunction((n) => {
      const el = document.querySelector('[data-testid="figure-studios.loans"] .ant-statistic-content-value');
      return el && Number(el.textContent!.replace(/,/g, '')) === n;
    }, before + 1);
    await page.getByTestId('figure-studios.loans').click();
    const first = page.getByTestId('loan-list').locator('.ant-list-item').first();
    await first.getByText(enterprise).waitFor();
    await first.getByText('120万元').waitFor();
    assert.ok(await fitsWidth(page), 'the list fits the phone');
    await shot(stage, page, 'studio-loans-390');

    // the need is now 已放贷
    await page.getByRole('tab', { name: '融资需求' }).click();
    await page.locator('.ant-list-item').filter({ hasText: enterprise }).getByText('已放贷').waitFor();
    await page.close();

    // the office reads the same studio on a desktop
    const office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    await office.goto(stage.baseUrl + '/studios');
    await office.getByTestId('studio-card').first().waitFor();
    await shot(stage, office, 'studios-list-1280');
    await office.getByTestId('studio-card').filter({ hasText: '法律委员工作室' }).click();
    await office.getByRole('tab', { name: '调解案件' }).click();
    await office.getByText('调解成功').first().waitFor();
    await shot(stage, office, 'studio-legal-cases-1280');
    await office.close();
  });

  test('a member reads the 金秋助学 drive on a phone: the totals, and students\' names masked; the office reads them', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await openMenu(page, '公益');
    await page.waitForURL(/\/charity$/);
    await page.getByTestId('drive').filter({ hasText: '金秋助学' }).click();
    await page.getByTestId('total-raised').getByText('84.3万元').waitFor();
    await page.getByTestId('total-beneficiaries').getByText('220').waitFor();
    await page.getByRole('tab', { name: '受助学生' }).click();
    await page.getByText('受助学生的姓名和学校仅办公室可见').waitFor();
    const names = await page.getByTestId('beneficiary').locator('.ant-list-item-meta-title').allInnerTexts();
    assert.ok(names.length > 0 && names.every((n) => /^.\*\*$/u.test(n.trim())), names.join(','));
    assert.ok(await fitsWidth(page), 'the drive fits the phone');
    await shot(stage, page, 'charity-drive-390');
    await page.close();

    const office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    await office.goto(stage.baseUrl + '/charity');
    await office.getByTestId('drive').filter({ hasText: '金秋助学' }).click();
    await office.getByRole('tab', { name: '受助学生' }).click();
    await office.getByTestId('beneficiary').first().waitFor();
    const full = await office.getByTestId('beneficiary').locator('.ant-list-item-meta-title').allInnerTexts();
    assert.ok(full.every((n) => !n.includes('*')), 'the office reads the names');
    await shot(stage, office, 'charity-drive-1280');
    await office.close();
  });
});
