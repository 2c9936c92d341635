/**
 * Browser stories of 社情民意 roles and 编期: each role's menu offers only what it may open (系统管理员, 提案委, 县区提案委,
 * 承办单位); a unit's clerk reports on a phone and the report, credited to the unit, shows its step bar; the editor
 * searches the verified reports, chooses reports on two pages and compiles them into one issue.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, menuTexts, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const opinionEntries = ['社情民意', '报送信息', '社情民意期刊', '社情民意统计', '选题研判', '年度通报'];

describe('社情民意 menus, unit reports and 编期 (chromium)', { skip, timeout: 480_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  /** the menu as the person sees it: the side menu, or on a phone the drawer its button opens */
  const menuOf = async (page: Page, mobile = false) => {
    if (mobile) await page.getByRole('button', { name: '打开菜单' }).click();
    return menuTexts(page);
  };
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  test('each role\'s menu shows only what it may open: the system administrator, proposal staff and county staff see no 社情民意; a unit clerk reports', async () => {
    for (const [username, mobile] of [['sysadmin', false], ['sysadmin', true], ['proposal', false], ['countystaff', false], ['countystaff', true], ['unit', false]] as const) {
      const page = await as(username, mobile ? phone : desktop);
      const menu = await menuOf(page, mobile);
      if (username === 'unit') {
        for (const m of ['我的待办', '提案', '社情民意', '报送信息', '选题研判']) assert.ok(menu.includes(m), `${username}: ${m} in ${menu}`);
        assert.ok(!menu.includes('社情民意期刊') && !menu.includes('年度通报'), `${username}: no editors' entries in ${menu}`);
      } else {
        assert.deepEqual(menu.filter((m) => opinionEntries.includes(m)), [], `${username} sees no 社情民意 entries: ${menu}`);
      }
      if (username === 'sysadmin') {
        for (const m of ['组织机构', '用户管理', '工作日历']) assert.ok(menu.includes(m), `${m} in ${menu}`);
        assert.ok(!menu.includes('提案'), `三员分立: ${menu}`);
      }
      if (username === 'proposal' || username === 'countystaff') assert.ok(menu.includes('审查队列'), `${username}: ${menu}`);
      await shot(stage, page, `menu-${username}-${mobile ? 390 : 1280}`);
      await page.close();
    }
  });

  test('a unit clerk reports on a phone; the report is the unit\'s and its page shows where it stands', async () => {
    let page = await as('unit', phone);
    const menu = await menuOf(page, true);
    assert.ok(menu.includes('报送信息'), `menu: ${menu}`);
    await shot(stage, page, 'menu-unit-390');
    await page.getByRole('link', { name: '报送信息' }).click();
    await page.getByLabel('标题').fill('关于建筑工地夜间施工扰民的情况反映');
    await page.getByLabel('正文').fill('近期多个小区居民反映周边工地夜间施工噪声大，影响休息。建议加强夜间施工审批和巡查，畅通投诉渠道。');
    await page.getByRole('button', { name: /报\s*送/ }).click();
    await page.waitForURL(/\/opinions\/[0-9A-Z]{26}$/);
    const url = page.url();
    await page.getByTestId('opinion-steps').waitFor();
    await page.getByText('市住建局').first().waitFor();
    assert.ok(await fitsWidth(page), 'the report page fits the phone screen');
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'opinion-detail-unit-390');
    // the clerk's own reports
    await page.goto(`${stage.baseUrl}/opinions`);
    await page.getByText('关于建筑工地夜间施工扰民的情况反映').first().waitFor();
    await page.close();

    // the editor sees the same report with its unit and its road at desktop width
    page = await as('editor', desktop);
    await page.goto(url);
    const steps = page.getByTestId('opinion-steps');
    await steps.waitFor();
    assert.deepEqual((await steps.locator('.ant-steps-item-title').allInnerTexts()).map((s) => s.trim()), ['报送', '处理', '核稿', '编期', '刊发']);
    assert.match(await steps.locator('.ant-steps-item-process, .ant-steps-item-active').first().innerText(), /处理/);
    await page.getByText('市住建局').first().waitFor();
    await shot(stage, page, 'opinion-detail-editor-1280');
    await page.close();
  });

  test('the editor pages through all verified reports, filters them, chooses reports on two pages and compiles one issue', async () => {
    const page = await as('editor', desktop);
    await page.goto(`${stage.baseUrl}/opinions/issues/new`);
    const totalOf = async () => Number((await page.locator('.ant-pagination-total-text').innerText()).replace(/[^\d]/g, ''));
    await page.locator('.ant-pagination-total-text').waitFor();
    const all = await totalOf();
    assert.ok(all > 100, `every verified report is offered, not the first 100 (共 ${all} 条)`);

    // 急报 only: fewer, and each one marked
    await page.getByLabel('急事急报').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^急报$/ }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/urgent=true/);
    await page.waitForFunction((n) => { const el = document.querySelector('.ant-pagination-total-text'); return !!el && Number(el.textContent?.replace(/[^\d]/g, '')) < n; }, all);
    const urgent = await totalOf();
    assert.ok(urgent > 0 && urgent < all, `urgent ${urgent} of ${all}`);

    // choose the first report on page 1 as piece 1, then one on page 2 as piece 2
    const pick = async (row: number, piece: string) => {
      await page.locator('.ant-table-tbody tr.ant-table-row').nth(row).getByLabel('篇目').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: piece }).click();
    };
    const firstTitle = await page.locator('.ant-table-tbody tr.ant-table-row').first().locator('a').first().innerText();
    await pick(0, '第 1 篇');
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await page.waitForFunction((t) => !document.querySelector('.ant-table-tbody tr.ant-table-row a')?.textContent?.includes(t), firstTitle);
    const secondTitle = await page.locator('.ant-table-tbody tr.ant-table-row').first().locator('a').first().innerText();
    await pick(0, '第 2 篇');
    // back to page 1: the first choice is still there
    await page.locator('.ant-pagination-item-1').click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByText('第 1 篇').waitFor();
    const chosen = page.getByTestId('compile-chosen');
    await chosen.getByText('已选信息（2 条，2 篇）').waitFor();
    await chosen.getByText(firstTitle).waitFor();
    await chosen.getByText(secondTitle).waitFor();
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'compile-1280');

    // the same page on a phone keeps the choice
    await page.setViewportSize(phone);
    await page.reload();
    await page.getByTestId('compile-chosen').getByText('已选信息（2 条，2 篇）').waitFor();
    assert.ok(await fitsWidth(page), 'the 编期 page fits the phone screen');
    await shot(stage, page, 'compile-390');
    await page.setViewportSize(desktop);

    await page.getByTestId('compile-issue').click();
    await page.waitForURL(/\/opinions\/issues\/[0-9A-Z]{26}$/);
    await page.getByTestId('issue-steps').waitFor();
    await page.getByText(firstTitle).first().waitFor();
    await page.getByText(secondTitle).first().waitFor();
    await shot(stage, page, 'issue-1280');
    await page.close();
  });
});
