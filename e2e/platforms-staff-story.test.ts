/**
 * Browser story of the 有事来商量 staff's registry work: the county's platform staff register a platform with a member
 * picked as convener (the convener's name follows the pick), correct it in the platform page's edit dialog, find the
 * Excel of the consultations and results next to their lists, and see which colleague is limited to a town; that town's
 * staff (`townplat`) on a phone see only their town's platforms. Screenshots at desktop and phone widths.
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

describe('有事来商量 staff story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  const tag = clock.nowMs().toString(36).slice(-4);
  const town = `新建镇${tag}`;

  test('the county staff register a platform with a member as convener and correct it in the edit dialog', async () => {
    const page = await as('countyplat');
    await page.goto(stage.baseUrl + '/platforms');
    await page.getByRole('button', { name: /登记平台/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记平台' });
    await dialog.getByLabel('乡镇（街道）').fill(town);
    await dialog.getByLabel('村（社区）').fill('前进村');
    await dialog.getByLabel('平台名称').fill(`${town}前进村议事点`);
    // the demo's member of 潞州区, found by name
    const member = await stage.started.zx.ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'county').executeTakeFirstOrThrow();
    const name = String(member.display_name);
    await dialog.getByLabel('召集人（委员）').fill(name);
    await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    assert.equal(await dialog.getByLabel('召集人', { exact: true }).inputValue(), name, 'the convener\'s name follows the member picked');
    await dialog.getByLabel('设立日期').click();
    await page.locator('.ant-picker-dropdown:visible').getByText('今天').click();
    await shot(stage, page, 'platforms-register-convener-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/platforms\/[^/]+$/);
    await page.getByText(`${town}前进村议事点`).first().waitFor();
    const id = page.url().split('/').pop()!;
    const staff = await stage.started.login('countyplat');
    const saved = (await staff.get(`/api/platforms/${id}`)).body;
    assert.equal(saved.convenerUserId, String(member.id), 'the convener is the member, who can record on a phone');

    await page.getByRole('button', { name: /修改平台/ }).click();
    const edit = page.getByRole('dialog').filter({ hasText: '修改平台' });
    await edit.getByLabel('平台名称').fill(`${town}前进村“有事来商量”议事点`);
    await edit.getByLabel('召集人电话').fill('13900001111');
    await shot(stage, page, 'platforms-edit-1280');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`${town}前进村“有事来商量”议事点`).first().waitFor();
    await page.getByText('13900001111').first().waitFor();
    await page.close();
  });

  test('the lists offer their Excel; the county staff see who is limited to a town, and that town\'s staff see only it', async () => {
    const page = await as('countyplat');
    await page.goto(stage.baseUrl + '/platforms/activities');
    assert.match(String(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')), /^\/api\/platforms\/activities\/export\.xlsx/);
    await page.goto(stage.baseUrl + '/platforms/results?state=handed');
    assert.equal(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href'), '/api/platforms/results/export.xlsx?state=handed');

    const staff = await stage.started.login('countyplat');
    const towns = (await staff.get('/api/platforms/staff')).body;
    const limited = towns.items.find((x: any) => x.town);
    assert.ok(limited, 'the demo has a town\'s staff');
    await page.goto(stage.baseUrl + '/platforms');
    await page.getByRole('button', { name: /乡镇工作人员/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '乡镇工作人员' });
    await dialog.getByRole('row').filter({ hasText: limited.name }).getByText(limited.town).waitFor();
    await shot(stage, page, 'platforms-town-staff-1280');
    await page.close();

    const inTown = (await staff.get(`/api/platforms?town=${encodeURIComponent(limited.town)}&pageSize=1`)).body.total;
    const mobile = await as('townplat', phone);
    await mobile.goto(stage.baseUrl + '/platforms');
    await mobile.getByText(`共 ${inTown} 条`).or(mobile.getByTestId('platform-item').first()).first().waitFor();
    const mine = (await (await stage.started.login('townplat')).get('/api/platforms?pageSize=200')).body;
    assert.equal(mine.total, inTown);
    assert.ok(mine.items.every((p: any) => p.town === limited.town));
    assert.ok(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the list fits the phone screen');
    await shot(stage, mobile, 'platforms-town-staff-390');
    await mobile.close();
  });
});
