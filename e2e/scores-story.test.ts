/**
 * Browser story of 履职积分: a member on a phone opens 我的积分 from the menu; a proposal of theirs is filed as a key
 * proposal (立案, 重点) by the proposal office; the member reloads and sees the points appear (立案 +5, 重点 +5 under the
 * year's 济南 rules), and the item opens the proposal. The office opens 积分排名 (distribution chart, table) and
 * 积分规则 (copies a preset). Screenshots at phone and desktop widths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('履职积分 user story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  /** clicks a menu entry of the 委员履职 group, opening the group first (side menu, or the drawer on a phone) */
  const menu = async (page: Page, label: string) => {
    const nav = page.locator('aside nav, .ant-drawer nav').first();
    await nav.waitFor();
    const group = nav.locator('.ant-menu-submenu').filter({ has: page.locator('.ant-menu-submenu-title', { hasText: '委员履职' }) }).first();
    if (!(await group.evaluate((el) => el.classList.contains('ant-menu-submenu-open')))) await group.locator('.ant-menu-submenu-title').click();
    await group.locator('.ant-menu-item').filter({ hasText: label }).first().click();
  };
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  const points = async (page: Page, figure: string) => Number((await page.getByTestId(`item-${figure}`).getByTestId('item-points').innerText()).replace('+', ''));

  test('a member opens 我的积分 on a phone; after a proposal of theirs is filed as key, the points appear and open the proposal', async () => {
    const page = await as('member', phone);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '我的积分');
    await page.waitForURL(/\/scores\/mine/);
    await page.getByTestId('score-total').waitFor();
    const before = { total: Number(await page.getByTestId('score-total').innerText()), filed: await points(page, 'proposals.member.filed'), key: await points(page, 'proposals.member.key') };
    assert.ok(await fitsWidth(page), '我的积分 fits the phone screen');
    await shot(stage, page, 'scores-mine-phone-before');

    // the member submits a proposal; the proposal office files it as a key proposal (立案, 重点)
    const title = '关于完善老旧小区加装电梯补贴政策的建议';
    const member = await stage.started.login('member');
    const staff = await stage.started.login('proposal');
    const created = await member.post('/api/proposals', { title, background: '老旧小区居民出行困难。', analysis: '补贴标准偏低，审批环节多。', suggestions: '提高补贴标准，简化审批。' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const submitted = await member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const filed = await staff.post(`/api/proposals/${created.body.id}/transitions`, { action: 'file', version: submitted.body.version, input: { isKey: true } });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));

    await page.reload();
    await page.getByTestId('score-total').waitFor();
    const after = { total: Number(await page.getByTestId('score-total').innerText()), filed: await points(page, 'proposals.member.filed'), key: await points(page, 'proposals.member.key') };
    assert.equal(after.filed, before.filed + 5, '立案 +5');
    assert.equal(after.key, before.key + 5, '重点 +5');
    assert.equal(after.total, Math.min(120, before.total + 10), 'the total rises by the two items (济南: at most 120)');
    // the item opens its records: the proposal is among them
    await page.getByTestId('item-proposals.member.filed').getByRole('button').click();
    await page.getByTestId('records-proposals.member.filed').getByText(title).waitFor();
    assert.ok(await fitsWidth(page), 'the opened records fit the phone screen');
    await shot(stage, page, 'scores-mine-phone-after');
    await page.close();

    const wide = await as('member', desktop);
    await wide.goto(`${stage.baseUrl}/scores/mine`);
    await wide.getByTestId('score-total').waitFor();
    await shot(stage, wide, 'scores-mine-desktop');
    // the ranking is staff's, not the member's
    await wide.goto(`${stage.baseUrl}/scores`);
    await wide.getByText('无权访问').first().waitFor();
    await wide.close();
  });

  test('the office opens 积分排名 (distribution, ranking) and 积分规则 (copies a preset); the ranking works on a phone', async () => {
    const page = await as('office', desktop);
    await menu(page, '积分排名');
    await page.waitForURL(/\/scores$/);
    await page.getByTestId('grade-distribution').locator('canvas').first().waitFor();
    await page.locator('.ant-table tbody tr.ant-table-row').nth(3).waitFor();
    await shot(stage, page, 'scores-ranking-desktop');
    // a row opens the member's score
    const first = page.locator('.ant-table tbody tr.ant-table-row').first().getByRole('link').first();
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/\/scores\/members\//);
    await page.getByText(`${name}的履职积分`).waitFor();

    await menu(page, '积分规则');
    await page.waitForURL(/\/scores\/rules/);
    await page.getByTestId('rule-item').first().waitFor();
    await page.getByLabel('复制预设').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '宣威' }).click();
    await page.getByText('预设说明').waitFor();
    assert.equal(await page.getByTestId('rule-item').count(), 6, '宣威 has six items');
    await shot(stage, page, 'scores-rules-desktop');
    await page.close();

    const small = await as('office', phone);
    await small.goto(`${stage.baseUrl}/scores`);
    await small.locator('.ant-list-item').first().waitFor();
    assert.ok(await fitsWidth(small), 'the ranking fits the phone screen');
    await shot(stage, small, 'scores-ranking-phone');
    await small.goto(`${stage.baseUrl}/scores/rules`);
    await small.getByTestId('rule-item').first().waitFor();
    assert.ok(await fitsWidth(small), 'the rules fit the phone screen');
    await shot(stage, small, 'scores-rules-phone');
    await small.close();
  });
});
