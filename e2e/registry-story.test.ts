/**
 * Browser story of 委员管理: the office finds a member by name in the registry, opens their record, makes them a 常委 in
 * the 任职与职务 tab, adds a visit to their contact log, and imports an edited Excel of the registry (a file with a bad
 * row is refused whole, with the row named); committee staff see the member's phone masked; the member sees their own
 * record read-only from 我的履职, on a phone. Screenshots at desktop and phone widths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('委员管理 story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  let memberId: string, memberName: string;
  before(async () => {
    stage = await startStage();
    const u = await stage.started.zx.ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'member').executeTakeFirstOrThrow();
    memberId = String(u.id);
    memberName = String(u.display_name);
  });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };

  test('the office finds a member, makes them a 常委 and logs a visit', async () => {
    const page = await as('office');
    await page.goto(stage.baseUrl + '/members/registry');
    await page.getByTestId('registry-table').waitFor();
    await page.getByTestId('registry-search').fill(memberName);
    await page.getByTestId('registry-submit').click();
    await page.getByRole('link', { name: memberName, exact: true }).first().waitFor();
    await shot(stage, page, 'registry-list-1280');
    await page.getByRole('link', { name: memberName, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/members/registry/${memberId}$`));
    await page.getByTestId('member-phone').waitFor();
    await shot(stage, page, 'registry-member-basic-1280');

    await page.getByRole('tab', { name: '任职与职务' }).click();
    await page.getByTestId('edit-terms').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑任职与职务' });
    await dialog.getByTestId('term-posts').first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^常委$/ }).click();
    await page.keyboard.press('Escape');
    const standing = dialog.getByTestId('term-standing').first();
    if (!(await standing.isChecked())) await standing.check();
    await shot(stage, page, 'registry-edit-terms-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('terms-table').getByText('常委').first().waitFor();
    const office = await stage.started.login('office');
    const rec = (await office.get(`/api/members/registry/${memberId}`)).body;
    assert.equal(rec.standing, true);
    assert.ok(rec.posts.includes('常委'));

    await page.getByRole('tab', { name: '联络记录' }).click();
    await page.getByTestId('add-contact').click();
    const add = page.getByRole('dialog').filter({ hasText: '新增联络记录' });
    await add.getByTestId('contact-notes').fill('到委员单位走访，了解其参与调研的意向');
    await add.getByRole('button', { name: /保\s*存/ }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByTestId('contact-log').getByText('到委员单位走访，了解其参与调研的意向').waitFor();
    await shot(stage, page, 'registry-contact-log-1280');
    const log = (await office.get(`/api/members/registry/${memberId}/contacts`)).body.items;
    assert.equal(log[0].kind, 'visit');
    await page.close();
  });

  test('the office imports an edited registry; a file with a bad row is refused whole', async () => {
    const office = await stage.started.login('office');
    const res = await stage.started.app.inject({ method: 'GET', url: `/api/members/registry/export.xlsx?q=${encodeURIComponent(memberName)}`, headers: { cookie: office.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    ws.getRow(3).getCell(6).value = '长治市第二人民医院 副院长';
    const dir = fs.mkdtempSync(path.join(stage.screenshots, 'import-'));
    const good = path.join(dir, '委员档案.xlsx');
    await wb.xlsx.writeFile(good);
    ws.getRow(3).getCell(4).value = '不存在的界别';
    const bad = path.join(dir, '委员档案-有误.xlsx');
    await wb.xlsx.writeFile(bad);

    const page = await as('office');
    await page.goto(stage.baseUrl + '/members/registry');
    await page.getByTestId('registry-table').waitFor();
    await page.getByTestId('registry-file').setInputFiles(bad);
    await page.getByTestId('import-errors').getByText(/第 3 行：「界别」不存在的界别不是本级政协的界别/).waitFor();
    await shot(stage, page, 'registry-import-refused-1280');
    await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
    assert.notEqual((await office.get(`/api/members/registry/${memberId}`)).body.workplace, '长治市第二人民医院 副院长');
    await page.getByTestId('registry-file').setInputFiles(good);
    await page.getByText('已导入：更新 1 位，新增 0 位委员').waitFor();
    assert.equal((await office.get(`/api/members/registry/${memberId}`)).body.workplace, '长治市第二人民医院 副院长');

    // a new member from the template: their account and initial password shown once
    const tpl = await stage.started.app.inject({ method: 'GET', url: '/api/members/registry/import-template.xlsx', headers: { cookie: office.cookie } });
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(tpl.rawPayload as any);
    const tws = twb.worksheets[0];
    const colOf = (name: string) => { let at = 0; tws.getRow(2).eachCell((c, i) => { if (c.value === name) at = i; }); return at; };
    for (const [k, v] of Object.entries({ 姓名: '孙新委', 性别: '男', 届次: '十四届', 任职日期: '2026-03-01', 联系电话: '13900007777' })) tws.getRow(3).getCell(colOf(k)).value = v;
    const fresh = path.join(dir, '新增委员.xlsx');
    await twb.xlsx.writeFile(fresh);
    await page.getByTestId('registry-file').setInputFiles(fresh);
    await page.getByTestId('import-accounts').getByText('孙新委').waitFor();
    await shot(stage, page, 'registry-import-accounts-1280');
    await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
    const listed = (await office.get(`/api/members/registry?q=${encodeURIComponent('孙新委')}`)).body;
    assert.equal(listed.total, 1);
    assert.equal(listed.items[0].username, '13900007777');
    await page.close();

    const mobile = await as('office', phone);
    await mobile.goto(stage.baseUrl + '/members/registry');
    await mobile.getByTestId('registry-template').waitFor();
    await shot(stage, mobile, 'registry-import-template-390');
    await mobile.close();
  });

  test('committee staff see the phone masked; the member sees their own record from 我的履职 on a phone', async () => {
    const page = await as('committee');
    await page.goto(stage.baseUrl + `/members/registry/${memberId}`);
    assert.match(await page.getByTestId('member-phone').innerText(), /^\d{3}\*{4}\d{4}$/);
    await page.close();

    const mobile = await as('member', phone);
    await mobile.goto(stage.baseUrl + '/members/me');
    await mobile.getByTestId('my-registry').click();
    await mobile.waitForURL(/\/members\/me\/registry$/);
    assert.match(await mobile.getByTestId('member-phone').innerText(), /^\d{11}$/);
    assert.equal(await mobile.getByTestId('edit-basic').count(), 0, 'read-only for the member');
    await mobile.getByRole('tab', { name: '任职与职务' }).click();
    await mobile.getByTestId('terms-table').getByText('常委').first().waitFor();
    assert.equal(await mobile.getByRole('tab', { name: '联络记录' }).count(), 0, 'the staff\'s contact log is not the member\'s to read');
    await shot(stage, mobile, 'registry-mine-390');
    await mobile.close();
  });
});
