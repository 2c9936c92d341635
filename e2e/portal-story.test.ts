/**
 * Browser story of the public portal (门户) on a phone: a citizen opens /portal without signing in, taps 已公开提案 in
 * the section menu, opens the newest proposal and reads it (its own page title, no sideways scrolling anywhere). The
 * office then opens 门户设置 from the 办公室 menu on a desktop, renames the portal and hides 协商议政; the citizen's next
 * visit shows the change at once (the cached pages were dropped by the settings' event), and an accessibility check
 * of the pages finds nothing serious.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** The page is no wider than the screen. */
async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `page ${page.url()} is ${scroll}px wide on a ${client}px screen`);
}

async function seriousA11y(page: Page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('public portal story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  test('a citizen reads a published proposal on the portal on a phone', async () => {
    const page = await stage.freshPage(phone);
    await page.goto(stage.baseUrl + '/portal');
    assert.equal(await page.title(), '长治市政协门户网站');
    await noSidewaysScroll(page);
    assert.deepEqual(await seriousA11y(page), []);
    await shot(stage, page, 'portal-home-phone');

    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '已公开提案' }).click();
    await page.waitForURL(/\/portal\/proposals\.public$/);
    assert.equal(await page.title(), '已公开提案 - 长治市政协门户网站');
    await noSidewaysScroll(page);
    const first = page.locator('ul.items li a.t').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/portal\/proposals\.public\/[^/]+$/);
    assert.equal(await page.title(), `${title} - 长治市政协门户网站`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { name: '答复' }).waitFor();
    assert.ok((await page.locator('meta[name="description"]').getAttribute('content'))?.length, 'a description for shared links');
    assert.equal(await page.locator('meta[property="og:type"]').getAttribute('content'), 'article');
    await noSidewaysScroll(page);
    assert.deepEqual(await seriousA11y(page), []);
    await shot(stage, page, 'portal-item-phone');
    await page.close();
  });

  test('the office renames the portal and hides a section; the next visit shows it at once', async () => {
    // the citizen's visit caches the home page first
    const visitor = await stage.freshPage(phone);
    await visitor.goto(stage.baseUrl + '/portal');
    await visitor.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '协商议政' }).waitFor();

    const office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    const menu = office.locator('aside nav').first();
    await menu.getByText('办公室', { exact: true }).click();
    await menu.getByText('门户设置', { exact: true }).click();
    await office.waitForURL(/\/portal-settings$/);
    await office.getByLabel('门户名称').fill('长治政协网');
    await office.getByRole('checkbox', { name: '协商议政' }).uncheck();
    await shot(stage, office, 'portal-settings-desktop');
    await office.getByRole('button', { name: /保\s*存/ }).click();
    await office.getByText('门户设置已保存').waitFor();

    await visitor.reload();
    assert.equal(await visitor.title(), '长治政协网');
    assert.equal(await visitor.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '协商议政' }).count(), 0);
    await noSidewaysScroll(visitor);
    // the settings page on a phone: its form stands in one column
    await office.setViewportSize(phone);
    await office.reload();
    await office.getByLabel('门户名称').waitFor();
    await noSidewaysScroll(office);
    await shot(stage, office, 'portal-settings-phone');
  });
});
