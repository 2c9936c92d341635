/**
 * Browser story of 文史资料: a member of the public opens the submission page on a phone without signing in, writes
 * a memory of the 上党战役 (with a line of markup in it), attaches a photo and submits; the 文史委 staff, on a desktop,
 * open 办公室 → 文史资料征集 from the menu, find it, start the review, accept it, select it into 第41辑 under a section,
 * open the issue, move it to the top of the contents, save the order and download the contents as Word. The markup
 * the citizen wrote is shown as text and never runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import JSZip from 'jszip';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('historical materials story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `父亲讲述的上党战役担架队（${clock.nowMs().toString(36)}）`;

  test('a member of the public submits a memory with a photo on a phone, without signing in', async () => {
    const page = await stage.freshPage(phone);
    await page.goto(stage.baseUrl + '/public/wenshi');
    await page.getByRole('heading', { name: '文史资料征集' }).waitFor();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('正文').fill(`1945年秋，父亲随村里的担架队上了老顶山，冒雨把伤员抬下山。${HOSTILE}他说那一夜走了四十里山路。`);
    await page.getByLabel('时期').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '解放战争时期' }).click();
    await page.getByLabel('地点').fill('老顶山');
    await page.getByLabel('主题').fill('上党战役');
    await page.locator('input[type=file]').setInputFiles({ name: '担架队合影.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('担架队合影.png').waitFor();
    await page.getByLabel('您的姓名').fill('郭志强');
    await page.getByLabel('联系方式').fill('13935512345');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the form fits the phone (${width}px)`);
    await shot(stage, page, 'wenshi-public-390');
    await page.getByTestId('wenshi-public-submit').click();
    await page.getByText('投稿已收到').first().waitFor();
    await page.getByText(/稿件编号：WS-/).waitFor();
    await shot(stage, page, 'wenshi-public-done-390');
    await page.close();
  });

  test('the 文史委 staff accept it, select it into 第41辑, put it first and download the contents on a desktop', async () => {
    // 第41辑 already holds one piece (selected by the staff earlier), so the new one has something to move above
    const api = await stage.started.login('committee');
    const waiting = (await api.get('/api/wenshi?state=accepted&pageSize=1')).body.items[0];
    const issue41 = (await api.get('/api/wenshi/issues?published=false')).body.items.find((i: any) => i.number === 41);
    assert.ok(waiting && issue41, 'the demo has an accepted material and 第41辑');
    assert.equal((await api.post(`/api/wenshi/${waiting.id}/transitions`, { action: 'select', version: waiting.version, input: { issueId: issue41.id, section: '口述历史' } })).status, 200);

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.locator('.ant-menu-submenu-title').filter({ hasText: '办公室' }).click();
    await page.getByRole('menuitem', { name: /文史资料征集/ }).click();
    await page.waitForURL(/\/wenshi$/);
    await page.getByLabel('关键词').fill('担架队');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/wenshi\/[^/]+$/);
    // the citizen's markup is on the page as text, and it did not run
    await page.getByText(HOSTILE, { exact: false }).first().waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.getByText('13935512345').waitFor();
    await page.locator('.ant-image img').first().waitFor();
    await shot(stage, page, 'wenshi-detail-received-1280');

    await page.locator('[data-action=review]').click();
    await page.locator('[data-action=accept]').waitFor();
    await page.locator('[data-action=accept]').click();
    const acceptDialog = page.getByRole('dialog').filter({ hasText: '采用' });
    await acceptDialog.getByLabel('审核意见').fill('亲历者后人口述，细节可信');
    await acceptDialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.locator('[data-action=select]').waitFor();
    await page.locator('[data-action=select]').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '选入辑刊' });
    await dialog.getByLabel('辑刊').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '第41辑' }).click();
    await dialog.getByLabel('栏目').fill('红色');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '红色记忆' }).click();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已入辑').first().waitFor();
    await shot(stage, page, 'wenshi-detail-selected-1280');

    await page.getByRole('link', { name: /第41辑/ }).click();
    await page.waitForURL(/\/wenshi\/issues\/[^/]+$/);
    const entries = page.getByTestId('wenshi-entry');
    await entries.nth(1).waitFor();
    assert.match(await entries.nth(1).innerText(), new RegExp(title.slice(0, 10)), 'the new piece comes last');
    await entries.nth(1).getByRole('button', { name: '上移' }).click();
    assert.match(await entries.nth(0).innerText(), new RegExp(title.slice(0, 10)), 'and moves to the top');
    await page.getByTestId('wenshi-save-order').click();
    await page.getByText('目录已保存').waitFor();
    await shot(stage, page, 'wenshi-issue-1280');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wenshi-export').click()]);
    const file = await download.path();
    assert.ok(file, 'the contents were downloaded');
    assert.match(download.suggestedFilename(), /第41辑目录\.docx$/);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file!))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes('长治文史 第41辑'));
    assert.ok(text.indexOf(title) >= 0 && text.indexOf(title) < text.indexOf(waiting.title), 'the new piece first in the Word contents');
    assert.ok(text.indexOf('【红色记忆】') < text.indexOf('【口述历史】'));
    await page.close();
  });

  test('the pages at a phone\'s width: the archive as cards, an issue\'s contents with buttons', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(stage.baseUrl + '/wenshi/archive');
    await page.getByText(/共 42 条|上党/).first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the archive fits the phone (${width}px)`);
    await shot(stage, page, 'wenshi-archive-390');
    await page.goto(stage.baseUrl + '/wenshi/mine');
    await page.getByText('我的投稿').first().waitFor();
    await shot(stage, page, 'wenshi-mine-390');
    await page.close();
  });
});
