/**
 * Browser story of 用车: a member of the committee staff asks for a car on a phone (menu 办公室 → 用车申请 → 申请用车);
 * the office head approves it on the desktop and dispatches a car and a driver from the ones free at that time; the
 * requester, back on the phone, sees the car, the driver and the driver's phone number.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { menuTexts, shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('vehicle request story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const purpose = `陪同委员视察沁河治理（${clock.nowMs().toString(36)}）`;
  const day = addDays(clock.today(), 1);
  let url = '';

  test('the committee staff asks for a car on a phone', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'committee');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const menu = await menuTexts(page);
    assert.ok(menu.includes('用车申请'), `menu: ${menu}`);
    assert.ok(!menu.includes('车辆安排') && !menu.includes('接待'), `the office's entries are not the committee's: ${menu}`);
    await page.getByRole('link', { name: '用车申请' }).click();
    await page.getByRole('button', { name: /申请用车/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '申请用车' });
    await dialog.getByLabel('用车事由').fill(purpose);
    await dialog.getByLabel('目的地').fill('沁源县');
    const inputs = dialog.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(`${day} 09:00`);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(`${day} 11:30`);
    await inputs.nth(1).press('Enter');
    await dialog.getByLabel('乘车人数').fill('3');
    await shot(stage, page, 'trip-request-390');
    await dialog.getByRole('button', { name: /提交申请/ }).click();
    await page.waitForURL(/\/office\/trips\/[^/]+$/);
    url = page.url();
    await page.getByText('待审批').first().waitFor();
    await page.getByText('09:00–11:30').first().waitFor();
    assert.ok(await fitsWidth(page), 'nothing runs off the phone screen');
    await shot(stage, page, 'trip-requested-390');
    await page.close();
  });

  test('the office head approves and dispatches a free car and driver on the desktop', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await menuTexts(page);
    await page.getByRole('link', { name: '用车申请' }).click();
    await page.getByRole('link', { name: purpose }).click();
    await page.waitForURL(url);
    await page.getByRole('button', { name: /^批\s*准$/ }).click();
    let dialog = page.getByRole('dialog');
    await shot(stage, page, 'trip-approve-1280');
    await dialog.getByLabel('审批意见').fill('同意，请安排商务车以外的车辆');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('待派车').first().waitFor();
    await page.getByRole('button', { name: /^派\s*车$/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('车辆').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '晋DA1001' }).click();
    await dialog.getByLabel('驾驶员').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '王建军' }).click();
    await shot(stage, page, 'trip-dispatch-1280');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已派车').first().waitFor();
    await page.getByTestId('trip-car').getByText('王建军').waitFor();
    await shot(stage, page, 'trip-dispatched-1280');

    // the board shows the car booked at that time
    await page.goto(`${stage.baseUrl}/office/board?date=${day}&days=1`);
    await page.getByText(purpose.slice(0, 8)).first().waitFor();
    await shot(stage, page, 'board-1280');
    await page.close();
  });

  test('the requester sees the car and the driver on the phone', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'committee');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menuTexts(page);
    await page.getByRole('link', { name: '用车申请' }).click();
    await page.getByRole('link', { name: purpose }).click();
    const car = page.getByTestId('trip-car');
    await car.getByText('王建军').waitFor();
    assert.match(await car.innerText(), /晋D·A1001/);
    assert.match(await car.innerText(), /13903550101/);
    assert.ok(await fitsWidth(page), 'nothing runs off the phone screen');
    await shot(stage, page, 'trip-car-390');
    await page.close();
  });

  test('the board on a phone', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/office/board?date=${day}&days=1`);
    await page.getByText(purpose.slice(0, 8)).first().waitFor();
    assert.ok(await fitsWidth(page), 'the board fits a phone');
    await shot(stage, page, 'board-390');
    // a new driver joins the fleet, registered from the board
    await page.getByRole('button', { name: /登记驾驶员/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('孙立新');
    await dialog.getByLabel('手机号').fill('1390355');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(/手机号/).first().waitFor();
    assert.match(await dialog.innerText(), /11 位手机号/, 'a short number is refused, named');
    await dialog.getByLabel('手机号').fill('13903550199');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('tab', { name: '驾驶员' }).click();
    await page.getByText('孙立新').waitFor();
    await shot(stage, page, 'board-drivers-390');
    await page.close();
  });
});
