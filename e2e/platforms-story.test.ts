/**
 * Browser story of 有事来商量: a village convener (the demo member of 潞州区) on a phone opens their platform, records a
 * consultation with a result for the responsible body, and sees it on the platform's page; the county's platform
 * staff open the overview on a desktop and find the consultation counted in their county, and the city's office sees
 * every county in the overview's grid and chart. Screenshots at phone and desktop widths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('有事来商量 user story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  const countyActivities = async () => {
    const c = await stage.started.login('countyplat');
    const ov = (await c.get('/api/platforms/overview')).body;
    return { value: ov.counties[0].figures[1].value as number, name: ov.counties[0].countyName as string };
  };

  test('a village convener records a consultation and its result on a phone; the county staff see it in the overview', async () => {
    const before = await countyActivities();
    const page = await as('county', phone);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('.ant-drawer nav').getByText('协商议政', { exact: true }).click();
    await page.locator('.ant-drawer nav').getByText('有事来商量', { exact: true }).click();
    await page.waitForURL(/\/platforms$/);
    await page.getByText('我召集的平台').waitFor();
    const item = page.getByTestId('platform-item').first();
    await item.waitFor();
    assert.equal(await page.getByTestId('platform-item').count(), 1, 'the convener sees the one platform they convene');
    await item.click();
    await page.getByRole('button', { name: /记录协商活动/ }).click();
    await page.waitForURL(/\/record$/);
    await page.getByLabel('协商议题').fill('村口排水沟清淤');
    await page.getByLabel('参加群众人数').fill('23');
    await page.getByLabel('协商纪要').fill('群众反映雨季排水不畅，协商确定由村委会组织清淤，镇里支持机械。');
    await page.getByLabel('协商成果').fill('两周内完成排水沟清淤');
    await page.getByLabel('责任单位').fill('村民委员会');
    await page.getByLabel('落实期限').click();
    await page.locator('.ant-picker-dropdown:visible').getByText('今天').click();
    assert.ok(await fitsWidth(page), 'the form fits the phone screen');
    await shot(stage, page, 'platforms-record-phone');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.waitForURL(/\/platforms\/[^/]+$/);
    const activity = page.getByTestId('activity').filter({ hasText: '村口排水沟清淤' });
    await activity.waitFor();
    await activity.getByText('两周内完成排水沟清淤').waitFor();
    await activity.getByText('已交办').waitFor();
    assert.ok(await fitsWidth(page), 'the platform page fits the phone screen');
    await shot(stage, page, 'platforms-detail-phone');
    await page.close();

    // the county's platform staff: the overview counts the new consultation in their county
    const staff = await as('countyplat');
    await staff.goto(stage.baseUrl + '/platforms/overview');
    const cell = staff.getByTestId('county-cell').filter({ hasText: before.name });
    await cell.waitFor();
    assert.equal(await staff.getByTestId('county-cell').count(), 1, 'a county sees its own county only');
    const held = cell.getByRole('link', { name: '开展协商活动' });
    await held.getByText(String(before.value + 1), { exact: true }).waitFor();
    await staff.getByTestId('overview-chart').waitFor();
    await shot(stage, staff, 'platforms-overview-county-desktop');
    await staff.close();
  });

  test('the city office sees every county in the overview and the registry, on a desktop and a phone', async () => {
    const page = await as('office');
    await page.goto(stage.baseUrl + '/platforms/overview?year=2025');
    await page.getByTestId('county-cell').first().waitFor();
    assert.equal(await page.getByTestId('county-cell').count(), 12);
    await page.getByTestId('overview-total').getByText('2,311').waitFor();
    await page.getByTestId('overview-total').getByText('1,402').waitFor();
    await page.getByTestId('overview-total').getByText('513').waitFor();
    await shot(stage, page, 'platforms-overview-city-desktop');
    await page.goto(stage.baseUrl + '/platforms');
    await page.getByText('共 2311 条').waitFor();
    await shot(stage, page, 'platforms-registry-desktop');
    await page.close();
    const mobile = await as('office', phone);
    await mobile.goto(stage.baseUrl + '/platforms/overview?year=2025');
    await mobile.getByTestId('county-cell').first().waitFor();
    assert.ok(await fitsWidth(mobile), 'the overview fits the phone screen');
    await shot(stage, mobile, 'platforms-overview-city-phone');
  });
});
