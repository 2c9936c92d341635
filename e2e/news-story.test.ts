/**
 * Browser stories of 新闻 and 通知公告 (Chromium):
 * 1. hostile HTML saved by a news editor and by the notice sender renders in the app's pages as inert text: no script
 *    runs (`window.__xss` stays undefined, no dialog opens), no handler or javascript: URL reaches the page;
 * 2. the office staff writes a news item with a heading and a list in the editor on the desktop, another reviewer
 *    (秦秘书长) publishes it and it is on the public column; the office drafts and sends a notice to all members; a
 *    member reads it on a phone (我的通知, unread first, badge) and the staff member sees the read receipt.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { menuTexts, shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { newsModule } from '../src/modules/news/module.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 800 };

const HOSTILE = [
  '<h2 onmouseover="window.__xss=1">标题<script>window.__xss=1</script></h2>',
  '<p>正文<img src="x" onerror="window.__xss=1;alert(1)"><img src="https://127.0.0.1:1/x.png" onerror="window.__xss=1"></p>',
  '<p><a href="javascript:window.__xss=1">链接一</a> <a href="jav&#x61;script:window.__xss=1">链接二</a></p>',
  '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<math><maction xlink:href="javascript:window.__xss=1">x</maction></math><style>*{background:url(javascript:window.__xss=1)}</style>',
  '<details open ontoggle="window.__xss=1">x</details><input autofocus onfocus="window.__xss=1"><object data="javascript:window.__xss=1"></object>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt><!--<img src="--><img src=x onerror=window.__xss=1>-->',
].join('');

describe('news story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  /** a page that records dialogs: none may open */
  async function guarded(size: { width: number; height: number }) {
    const page = await stage.freshPage(size);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    return { page, dialogs };
  }
  async function assertInert(page: Page, dialogs: string[], root: string) {
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, 'no payload ran');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    const found = await page.locator(root).evaluate((el) => ({
      scripts: el.querySelectorAll('script, iframe, svg, math, object, style, input, details').length,
      handlers: [...el.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on') || /javascript:/i.test(a.value)).map((a) => `${n.tagName}.${a.name}`)),
    }));
    assert.deepEqual(found, { scripts: 0, handlers: [] }, 'nothing active in the rendered body');
  }

  test('hostile HTML from an editor and a notice sender renders inert in the app', async () => {
    const office = await stage.started.login('office');
    const secgen = await stage.started.login('secgen');
    let r = (await office.post('/api/news', { column: 'headlines', title: '含恶意内容的测试稿', body: HOSTILE, channels: ['website'] })).body;
    assert.ok(r.id, JSON.stringify(r));
    r = (await office.post(`/api/news/${r.id}/transitions`, { action: 'submit', version: r.version, input: {} })).body;
    r = (await secgen.post(`/api/news/${r.id}/transitions`, { action: 'publish', version: r.version, input: {} })).body;
    assert.equal(r.state, 'published');
    const { page, dialogs } = await guarded(desk);
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/news/${r.id}`);
    await page.getByTestId('news-body').getByText('链接一').waitFor();
    await page.getByTestId('news-body').hover();
    await assertInert(page, dialogs, '[data-testid=news-body]');
    await shot(stage, page, 'news-hostile-1280');
    await page.close();

    // the notice sender's body, read by a member on a phone
    let n = (await office.post('/api/news/notices', { title: '含恶意内容的测试通知', body: HOSTILE, audience: 'members' })).body;
    n = (await office.post(`/api/news/notices/${n.id}/send`, { version: n.version })).body;
    const m = await guarded(phone);
    await signIn(stage, m.page, 'member');
    await m.page.goto(`${stage.baseUrl}/news/my-notices/${n.id}`);
    await m.page.locator('.zx-rich-text').getByText('链接二').waitFor();
    await assertInert(m.page, m.dialogs, '.zx-rich-text');
    await m.page.close();
  });

  test('office writes a news item on the desktop, another reviewer publishes it; a member reads a notice on a phone and staff see the receipt', async () => {
    const title = `市政协召开委员履职座谈会（${clock.nowMs().toString(36)}）`;
    // the office staff member, at a desk: 办公室 › 新闻发布 › 撰写新闻
    const { page, dialogs } = await guarded(desk);
    await signIn(stage, page, 'office');
    const menu = await menuTexts(page);
    for (const m of ['新闻发布', '媒体报道', '通知公告']) assert.ok(menu.includes(m), `${m} in ${menu}`);
    await page.locator('aside nav').getByText('新闻发布').click();
    await page.waitForURL(/\/news$/);
    await page.getByRole('button', { name: /撰写新闻/ }).click();
    await page.waitForURL(/\/news\/new$/);
    await page.getByLabel('标题').fill(title);
    const editor = page.locator('.ql-editor');
    await editor.click();
    await page.locator('.ql-header .ql-picker-label').click();
    await page.locator('.ql-header .ql-picker-item[data-value="2"]').click();
    await page.keyboard.type('会议要点');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ');
    await page.keyboard.type('学习贯彻全会精神');
    await page.keyboard.press('Enter');
    await page.keyboard.type('交流履职经验');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('会议要求委员立足本职、履职尽责。');
    await shot(stage, page, 'news-write-1280');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/news\/(?!new)[^/]+$/);
    const id = page.url().split('/').pop()!;
    const body = page.getByTestId('news-body');
    await body.locator('h2', { hasText: '会议要点' }).waitFor();
    assert.equal(await body.locator('ul > li').count(), 2, 'the list is stored as a list');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('待审核').first().waitFor();
    assert.equal(await page.getByRole('button', { name: '审核发布' }).count(), 0, 'the author is offered no review');
    assert.deepEqual(dialogs, []);
    await page.close();

    // another reviewer publishes it
    const rev = await guarded(desk);
    await signIn(stage, rev.page, 'secgen');
    await menuTexts(rev.page);
    await rev.page.locator('aside nav').getByText('新闻发布').click();
    await rev.page.getByRole('link', { name: title }).click();
    await rev.page.getByRole('button', { name: '审核发布' }).click();
    await rev.page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await rev.page.getByText('已发布').first().waitFor();
    await shot(stage, rev.page, 'news-published-1280');
    await rev.page.close();
    const tenantId = (await (await stage.started.login('office')).get('/api/auth/me')).body.user.tenantId;
    const section = newsModule.public!.sections.find((s) => s.key === 'news.headlines')!;
    assert.equal((await section.list(stage.started.zx.ctx, tenantId, { limit: 1, offset: 0 })).items[0]?.id, id, 'on the public 要闻动态');
    assert.match((await section.item!(stage.started.zx.ctx, tenantId, id))!.html, /<h2>会议要点<\/h2>/);

    // the office drafts a notice to all members and sends it: 办公室 › 通知公告 › 起草通知
    const noticeTitle = `关于参加委员履职座谈会的通知（${clock.nowMs().toString(36)}）`;
    const o = await guarded(desk);
    await signIn(stage, o.page, 'office');
    await menuTexts(o.page);
    await o.page.locator('aside nav').getByText('通知公告').click();
    await o.page.getByRole('button', { name: /起草通知/ }).click();
    const draftDialog = o.page.getByRole('dialog').filter({ hasText: '起草通知' });
    await draftDialog.getByLabel('标题').fill(noticeTitle);
    await draftDialog.locator('.ql-editor').click();
    await o.page.keyboard.type('请于本周五上午九时到市政协三楼会议室参加座谈会。');
    await draftDialog.getByRole('button', { name: /保存草稿/ }).click();
    await o.page.waitForURL(/\/news\/notices\/[^/]+$/);
    await o.page.getByRole('button', { name: /^发\s*送$/ }).click();
    await o.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await o.page.getByTestId('read-count').getByText(/^0\//).waitFor();
    await o.page.close();
    const m = await guarded(phone);
    await signIn(stage, m.page, 'member');
    await m.page.getByRole('button', { name: '打开菜单' }).click();
    await m.page.locator('.ant-drawer nav').getByText('我的通知').click();
    await m.page.waitForURL(/\/news\/my-notices$/);
    const first = m.page.locator('.ant-list-item').first();
    await first.getByText(noticeTitle).waitFor();
    assert.ok(Number(await m.page.getByTestId('unread-badge').innerText()) >= 1, 'the unread badge counts it');
    assert.ok((await m.page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width + 1, 'nothing runs off the phone screen');
    await shot(stage, m.page, 'news-my-notices-390');
    await first.click();
    await m.page.getByText('三楼会议室').waitFor();
    await m.page.getByText(/已读于/).waitFor();
    await shot(stage, m.page, 'news-notice-read-390');
    const me = (await m.page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { user: { displayName: string } };
    await m.page.close();

    // the staff member sees the receipt: 通知公告 › the notice › 已读
    const s = await guarded(desk);
    await signIn(stage, s.page, 'office');
    await menuTexts(s.page);
    await s.page.locator('aside nav').getByText('通知公告').click();
    await s.page.getByRole('link', { name: noticeTitle }).click();
    await s.page.getByTestId('read-count').getByText(/^1\//).waitFor();
    await s.page.getByRole('tab', { name: /已读/ }).click();
    await s.page.getByRole('tabpanel').getByText(me.user.displayName, { exact: true }).waitFor();
    await shot(stage, s.page, 'news-receipts-1280');
    await s.page.close();
  });
});
