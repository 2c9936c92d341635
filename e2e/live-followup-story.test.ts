/**
 * Browser story of 网络议政 after the session: the committee staff who hosted the archived session on old-compound
 * renovation opens its room on a desktop, ticks an unanswered question and sends it to the tracker as a 委员建议 in one
 * step (it is marked and cannot be ticked again), then drafts a 社情民意 report from a post and lands on the 社情民意
 * submission page with the draft filled in. On a phone the same panel is usable. A member who took part starts a
 * proposal from a question the department answered: the proposal form opens with the question and the answer as its
 * background.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { skipUnless, CHROMIUM } from '../test/support/services.ts';
import { followServerClock, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const TITLE = '推进城镇老旧小区整治改造（网络议政）';

describe('live deliberation follow-up story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  let browser: Browser;
  let host: Page;

  before(async () => {
    stage = await startStage();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => { await browser?.close(); await stage?.close(); });

  test('the host sends an unanswered question on as a tracked recommendation, once', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    await followServerClock(ctx);
    host = await ctx.newPage();
    await signIn(stage, host, 'committee');
    await host.goto(stage.baseUrl + '/live');
    await host.getByRole('link', { name: TITLE }).first().click();
    const panel = host.getByTestId('followup-panel');
    await panel.waitFor();
    const question = panel.getByTestId('followup-item').filter({ hasText: '未答复提问' }).first();
    await question.waitFor();
    const text = (await question.innerText()).split('\n').pop()!.trim();
    await question.getByRole('checkbox').check();
    await panel.getByRole('button', { name: /转为委员建议（1）/ }).click();
    await host.getByText(/已转为 1 条委员建议/).waitFor();
    const sent = panel.getByTestId('followup-item').filter({ hasText: text });
    await sent.getByText('已转委员建议').waitFor();
    assert.equal(await sent.getByRole('checkbox').isDisabled(), true, 'a question sent on cannot be picked again');
    await shot(stage, host, 'live-followup-1280');

    const sid = host.url().split('/live/')[1];
    const tracked = await stage.started.zx.ctx.db.selectFrom('recommendations' as any).select(['text', 'source_id'] as any).where('source_type', '=', 'live').execute() as any[];
    assert.equal(tracked.filter((r) => r.source_id === sid).length, 1, 'one tracked recommendation, from this session');
    assert.ok(tracked[0].text.includes(text.slice(0, 10)));
  });

  test('the host drafts a 社情民意 report from a post and lands on the submission page with it filled in', async () => {
    const panel = host.getByTestId('followup-panel');
    const post = panel.getByTestId('followup-item').filter({ hasNotText: '未答复提问' }).filter({ hasNotText: '已转' }).first();
    const text = (await post.innerText()).split('\n').pop()!.trim();
    await post.getByRole('checkbox').check();
    await panel.getByRole('button', { name: /起草社情民意信息（1）/ }).click();
    await host.getByLabel('信息标题').fill('关于老旧小区改造中群众关心问题的建议');
    await host.getByRole('button', { name: /^起\s*草$/ }).click();
    await host.waitForURL(/\/opinions\/new/);
    await host.getByText('报送社情民意信息').first().waitFor();
    assert.equal(await host.getByLabel('标题', { exact: true }).inputValue(), '关于老旧小区改造中群众关心问题的建议');
    const body = await host.getByLabel('正文', { exact: true }).inputValue();
    assert.ok(body.includes(text.slice(0, 12)), 'the post is in the draft');
    assert.ok(body.includes(TITLE), 'the draft names the session it came from');
    await shot(stage, host, 'live-followup-opinion-1280');
  });

  test('on a phone the panel shows what has been sent on', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await followServerClock(ctx);
    const phone = await ctx.newPage();
    await signIn(stage, phone, 'committee');
    await phone.goto(stage.baseUrl + '/live');
    await phone.getByRole('link', { name: TITLE }).first().click();
    const panel = phone.getByTestId('followup-panel');
    await panel.getByText('已转委员建议').first().waitFor();
    await panel.getByText('已起草社情民意').first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(stage, phone, 'live-followup-390');
  });

  test('a member on a phone starts a proposal from an answered question: the form opens with the question and answer as background', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await followServerClock(ctx);
    const phone = await ctx.newPage();
    await signIn(stage, phone, 'member');
    await phone.goto(stage.baseUrl + '/live');
    await phone.getByRole('link', { name: TITLE }).first().click();
    const answered = phone.getByTestId('contribution').filter({ has: phone.getByTestId('answer-to-proposal') }).first();
    await answered.waitFor();
    const lines = (await answered.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    const question = lines.find((l) => /[？?]$/.test(l)) ?? lines[3];
    await answered.getByTestId('answer-to-proposal').click();
    await phone.waitForURL(/\/proposals\/new/);
    await phone.getByTestId('proposal-prefilled').waitFor();
    assert.equal(await phone.getByLabel('标题', { exact: true }).inputValue(), `关于${TITLE}的提案`);
    // on a phone the form is a wizard: the background is its second step, already filled in
    const background = await phone.getByLabel('背景情况', { exact: true }).inputValue();
    assert.ok(background.includes(question.slice(0, 10)), `the question is in the background: ${question}`);
    assert.match(background, /市住建局答复：/, 'with the answer of the department');
    assert.ok(background.includes(TITLE), 'and the session it came from');
    await shot(stage, phone, 'live-answer-proposal-390');
  });
});
