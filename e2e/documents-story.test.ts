/**
 * Browser story of 公文, "a document from draft to signed Word": the office drafts a 通知 from its template on a desktop
 * (办公室 → 公文 → 拟稿) and sends it for review; the 秘书长 reviews it on a phone, corrects a word (a new version,
 * and the diff shows the insertion) and approves; the leader signs it on a desktop, which gives it its 文号, and
 * downloads the Word file, whose document.xml carries the 文号 and the official fonts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('official document story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `关于做好年终总结工作的通知（${clock.nowMs().toString(36)}）`;
  let id = '';

  async function openFromMenu(page: Page, entry: string) {
    const nav = page.locator('aside nav').first();
    await nav.getByText('办公室', { exact: true }).click();
    await nav.getByText(entry, { exact: true }).click();
  }

  test('the office drafts a 通知 from its template and sends it for review', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await openFromMenu(page, '公文');
    await page.waitForURL(/\/office\/documents$/);
    await page.getByRole('button', { name: /拟\s*稿/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '拟稿' });
    await dialog.getByLabel('文种').click();
    await page.locator('.ant-select-dropdown').getByText('通知', { exact: true }).click();
    // the template fills the body; the drafter writes the title and the text
    await assert.doesNotReject(dialog.getByLabel('正文').inputValue().then((v) => assert.match(v, /请认真贯彻执行/)));
    await dialog.getByLabel('标题').fill(title);
    await dialog.getByLabel('主送机关').fill('各专门委员会，机关各部门');
    await dialog.getByLabel('正文').fill('为全面总结本年度工作，现就有关事项通知如下：\n一、总结范围\n各专门委员会全年履职情况。\n二、报送时间\n请于12月20日前报送。\n请认真贯彻执行。');
    await shot(stage, page, 'documents-draft-1280');
    await dialog.getByRole('button', { name: /保存草稿/ }).click();
    await page.waitForURL(/\/office\/documents\/[^/]+$/);
    id = page.url().split('/').pop()!;
    await page.getByText('拟稿中').first().waitFor();
    await page.getByTestId('action-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: /送核稿/ }).click();
    await page.getByText('核稿中').first().waitFor();
    await page.close();
  });

  test('the 秘书长 reviews it on a phone: corrects the text, sees the diff, approves', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'secgen');
    await page.goto(`${stage.baseUrl}/office/documents?state=reviewing`);
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new RegExp(`/office/documents/${id}$`));
    await page.getByTestId('action-edit').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改' });
    const body = dialog.getByLabel('正文');
    await body.fill((await body.inputValue()).replace('12月20日前', '12月20日下班前'));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('版本（共 2 版）').waitFor();
    await page.locator('.ant-select').filter({ hasText: '原版本' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('第1版', { exact: true }).click();
    await page.locator('.ant-select').filter({ hasText: '新版本' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('第2版', { exact: true }).click();
    await page.getByTestId('show-diff').click();
    await page.locator('[data-testid=diff] ins', { hasText: '下班' }).waitFor();
    await shot(stage, page, 'documents-review-diff-390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `the page fits the phone (${width}px)`);
    await page.getByTestId('action-approve').click();
    await page.getByRole('dialog').getByLabel('意见').fill('文字已核，同意报签。');
    await page.getByRole('dialog').getByRole('button', { name: /核稿通过/ }).click();
    await page.getByText('待签发').first().waitFor();
    await page.close();
  });

  test('the leader signs it, which numbers it, and downloads the Word file in the official layout', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'leader');
    await openFromMenu(page, '公文');
    await page.getByRole('link', { name: title }).first().click();
    await page.getByTestId('action-sign').click();
    await page.getByRole('dialog').getByRole('button', { name: /签\s*发/ }).click();
    await page.getByText('已签发').first().waitFor();
    const number = (await page.locator('.ant-descriptions-item').filter({ hasText: '文号' }).locator('.ant-descriptions-item-content').innerText()).trim();
    assert.match(number, /^长政协发〔\d{4}〕\d+号$/);
    await page.getByText('文字已核，同意报签。').waitFor();
    await shot(stage, page, 'documents-signed-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('docx').click()]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes(number), 'the 文号 in the Word file');
    assert.ok(text.includes('12月20日下班前'), 'the reviewed text');
    assert.match(xml, /方正小标宋简体/);
    assert.match(xml, /仿宋_GB2312/);
    await page.close();
  });
});
