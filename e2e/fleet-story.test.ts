/**
 * Browser story of the fleet (车辆和驾驶员): the office registers a vehicle on the desktop, a wrong plate and too few
 * seats are named on their fields by the server, corrects the seats, retires the vehicle (it leaves the dispatch
 * choices), and on a phone reinstates it; a colleague's edit in between is a conflict and a reload, never a lost change.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { menuTexts, shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('fleet story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  // a plate of this run: 晋E + five characters
  const plate = `晋E${(clock.nowMs() % 100000).toString().padStart(5, '0')}`;
  const shown = `${plate.slice(0, 2)}·${plate.slice(2)}`;
  const row = (page: Page) => page.getByTestId('fleet-row').filter({ hasText: shown });

  test('the office registers a vehicle; bad input is named on its field; a change is saved; retiring takes it out of service', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    assert.ok((await menuTexts(page)).includes('车辆和驾驶员'));
    await page.getByRole('link', { name: '车辆和驾驶员' }).click();
    await page.getByRole('button', { name: /登记车辆/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记车辆' });
    await dialog.getByLabel('车牌号').fill('ABC');
    await dialog.getByLabel('车型').fill('商务车');
    await dialog.getByLabel('座位数').fill('7');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(/应为车牌号/).waitFor();
    await dialog.getByLabel('车牌号').fill(plate);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await row(page).waitFor();
    await row(page).getByText('在用').waitFor();

    await row(page).getByTestId('edit-vehicle').click();
    const edit = page.getByRole('dialog').filter({ hasText: '修改车辆' });
    await edit.getByLabel('座位数').fill('1');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.getByText(/座位数/).nth(1).waitFor();
    assert.match(await edit.locator('.ant-form-item-explain-error').first().innerText(), /座位数/);
    await edit.getByLabel('座位数').fill('6');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await row(page).getByText('6', { exact: true }).waitFor();

    await row(page).getByTestId('toggle-vehicle').click();
    await page.getByRole('button', { name: /^停\s*用$/ }).last().click();
    await row(page).getByText('已停用').waitFor();
    await shot(stage, page, 'fleet-1280');
    // the dispatch choices of the office: only vehicles in service
    const opts = await page.evaluate(async () => (await fetch('/api/office/board?date=2026-01-05')).json());
    assert.ok(!opts.vehicles.some((v: { label: string }) => v.label.includes(plate.slice(2))), 'a retired vehicle is not on the board');
    await page.close();
  });

  test('on a phone the office reinstates it; a colleague\'s change in between is a conflict and a reload', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/office/fleet`);
    await row(page).waitFor();
    assert.ok(await fitsWidth(page), 'nothing runs off the phone screen');
    await shot(stage, page, 'fleet-390');
    // a colleague edits the vehicle meanwhile (same account, another request)
    const colleague = await stage.started.login('office');
    const v = (await colleague.get('/api/office/options')).body.vehicles.find((x: { plate: string }) => x.plate === plate);
    assert.equal((await colleague.put(`/api/office/vehicles/${v.id}`, { plate, seats: 8, kind: v.kind, active: false, version: v.version })).status, 200);
    await row(page).getByTestId('toggle-vehicle').click();
    await page.getByRole('button', { name: /^恢\s*复$/ }).last().click();
    await page.getByRole('button', { name: /重新加载/ }).waitFor();
    await page.getByRole('button', { name: /重新加载/ }).click();
    await row(page).getByText(/·\s*8\s*座/).waitFor();
    await row(page).getByTestId('toggle-vehicle').click();
    await page.getByRole('button', { name: /^恢\s*复$/ }).last().click();
    await row(page).getByText('在用').waitFor();
    await page.close();
  });
});
