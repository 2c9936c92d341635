/**
 * Browser story of a 网络议政 room: the committee staff hosts the open session on a desktop; a member on a phone and a
 * member of the public on a phone (another browser context, no account, in by the public link) watch the same room.
 * The public participant's post waits in the host's queue; the host approves it and both phones see it appear, pushed
 * (no reload). Both vote on the statement cards and see the opinion groups count them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { skipUnless, CHROMIUM } from '../test/support/services.ts';
import { followServerClock, shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

/** A new browser context on the server's clock. */
const clocked = async (pending: Promise<BrowserContext>) => { const c = await pending; await followServerClock(c); return c; };

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('live deliberation room story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  let browser: Browser;
  let host: Page, member: Page, pub: Page;
  let roomUrl = '';
  let publicUrl = '';
  const post = `建议机关停车场夜间向居民开放（${clock.nowMs().toString(36)}）`;

  before(async () => {
    stage = await startStage();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => { await browser?.close(); await stage?.close(); });

  test('the host opens the room from the list on a desktop and finds the public link', async () => {
    host = await (await clocked(browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: desktop }))).newPage();
    await signIn(stage, host, 'committee');
    await host.goto(stage.baseUrl + '/live');
    await host.getByRole('link', { name: '推进城镇老旧小区整治改造（网络议政）' }).waitFor();
    await shot(stage, host, 'live-list-1280');
    await host.getByRole('link', { name: '破解城区停车难（网络议政）' }).first().click();
    await host.getByText('主持台').waitFor();
    roomUrl = host.url();
    const s = await stage.started.zx.ctx.db.selectFrom('live_sessions').select(['public_key']).where('title', '=', '破解城区停车难（网络议政）').executeTakeFirstOrThrow();
    publicUrl = `${stage.baseUrl}/public/live/${s.public_key}`;
    await shot(stage, host, 'live-room-host-1280');
  });

  test('a member on a phone and the public on another phone join the same room', async () => {
    member = await (await clocked(browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: phone, isMobile: true, hasTouch: true }))).newPage();
    await signIn(stage, member, 'member');
    await member.goto(roomUrl);
    await member.getByText('实时连接').waitFor();
    await shot(stage, member, 'live-room-member-390');

    pub = await (await clocked(browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: phone, isMobile: true, hasTouch: true }))).newPage();
    await pub.goto(publicUrl);
    await pub.getByRole('button', { name: '以网友身份进入议政室' }).click();
    await pub.getByText(/网友 · 网友\d{4}/).waitFor();
    await pub.getByText('实时连接').waitFor();
    assert.equal(await pub.getByText('主持台').count(), 0, 'the public has no host console');
  });

  test('the public posts; it waits for the host, who approves it; both phones see it within a second', async () => {
    await pub.getByLabel('发言内容').fill(post);
    await pub.getByRole('button', { name: '发 送' }).or(pub.getByRole('button', { name: '发送' })).click();
    await pub.getByText('待审核').first().waitFor();
    assert.equal(await member.getByText(post).count(), 0, 'the member does not see it yet');
    const queued = host.getByTestId('queue-item').filter({ hasText: post });
    await queued.waitFor();
    await shot(stage, host, 'live-room-queue-1280');
    const t0 = performance.now();
    await queued.getByRole('button', { name: /^通\s*过$/ }).click();
    await Promise.all([
      member.getByTestId('contribution').filter({ hasText: post }).waitFor({ timeout: 5000 }),
      pub.getByTestId('contribution').filter({ hasText: post }).waitFor({ timeout: 5000 }),
    ]);
    const ms = performance.now() - t0;
    assert.ok(ms < 1000 + 500, `both saw it ${ms} ms after the click (a second, plus the click's own round trip)`);
    await shot(stage, pub, 'live-room-public-390');
  });

  test('both vote on the statement cards and the groups count them', async () => {
    for (const p of [member, pub]) {
      await p.getByRole('tab', { name: '观点表态' }).click();
      const cards = p.getByTestId('statement');
      await cards.first().waitFor();
      const n = await cards.count();
      for (let i = 0; i < n; i++) await cards.nth(i).getByRole('button', { name: i % 2 ? /反\s*对/ : /赞\s*同/ }).click();
    }
    await shot(stage, member, 'live-room-votes-390');
    for (const p of [member, pub]) {
      await p.getByRole('tab', { name: '意见分组' }).click();
      // the seed's twelve voters plus these two, pushed with the next regrouping
      await p.getByText(/14 人表态 \d+ 次，分为 \d 组/).waitFor({ timeout: 8000 });
    }
    await shot(stage, pub, 'live-room-groups-390');
  });
});
