/**
 * Browser story of the notices around a new proposal: a member submits a proposal on a phone; the proposal office's
 * staff member, already signed in at a desk, sees the bell count go up at once (live push) and finds the 待审查 notice
 * in the inbox, opens the proposal from it and files it (立案); the member then finds the 立案 notice in their inbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, skipUnless } from '../test/support/services.ts';
import { followServerClock, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 800 };
const SHOTS = '/tmp/shots-notices';

describe('notices story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  /** a second browser, so the staff member stays signed in while the member works in the stage's */
  let office: Browser;
  let staff: Page;
  let member: Page;
  const title = `关于增设社区公共充电设施的建议（${clock.nowMs().toString(36)}）`;
  let proposalId = '';

  before(async () => {
    stage = await startStage();
    office = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await office?.close().catch(() => {});
    await stage?.close();
  });

  const save = async (page: Page, name: string) => {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  const bell = (page: Page) => page.getByTestId('notification-bell');
  /** wait until the inbox list has finished (re)loading */
  const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.ant-list .ant-spin-spinning'), undefined, { timeout: 15_000 });
  const unread = async (page: Page) => {
    const label = (await bell(page).getAttribute('aria-label')) ?? '';
    return Number(/（(\d+) 条未读）/.exec(label)?.[1] ?? 0);
  };

  test('the office staff member is signed in at a desk, the member on a phone', async () => {
    const ctx = await office.newContext({ viewport: desk, locale: 'zh-CN', reducedMotion: 'reduce' });
    await followServerClock(ctx);
    staff = await ctx.newPage();
    await signIn(stage, staff, 'proposal');
    await bell(staff).waitFor();
    member = await stage.freshPage(phone);
    await signIn(stage, member, 'member');
  });

  test('the member submits a proposal; the staff member\'s bell counts it at once and the inbox names it', async () => {
    const before = await unread(staff);
    await member.goto(stage.baseUrl + '/proposals/new');
    await member.getByLabel('标题', { exact: true }).fill(title);
    const next = member.getByRole('button', { name: /下一步/ });
    await next.click();
    await member.getByLabel('背景情况').fill('不少老旧小区没有电动自行车充电设施，居民飞线充电，火灾隐患突出。');
    await next.click();
    await member.getByLabel('问题分析').fill('充电设施建设缺少规划和资金，物业和社区协调困难。');
    await next.click();
    await member.getByLabel('具体建议').fill('一、将充电设施纳入社区改造；二、给予建设补贴；三、加强消防检查。');
    await member.getByRole('button', { name: /提\s*交/ }).click();
    await member.waitForURL((u) => /^\/proposals\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    proposalId = new URL(member.url()).pathname.split('/').pop()!;

    // no reload: the push moves the bell
    await staff.waitForFunction((n) => /（(\d+) 条未读）/.test(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '')
      && Number(/（(\d+) 条未读）/.exec(document.querySelector('[data-testid="notification-bell"]')!.getAttribute('aria-label')!)![1]) > n, before, { timeout: 15_000 });
    // (the office may be told of other things meanwhile, such as the day's 催办)
    assert.ok(await unread(staff) > before, 'a new notice');
    await bell(staff).click();
    await staff.waitForURL((u) => u.pathname === '/notifications');
    const item = staff.locator('.ant-list-item').filter({ hasText: '新待办：待审查' }).filter({ hasText: title });
    await item.waitFor();
    assert.match(await item.innerText(), /已转到您处，待办事项：待审查，请于 \d{4}-\d{2}-\d{2} 前办理/);
    await settled(staff);
    await save(staff, 'staff-inbox-1280');
    await staff.setViewportSize(phone);
    await settled(staff);
    assert.ok((await staff.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'the inbox fits the phone');
    await save(staff, 'staff-inbox-390');
    await staff.setViewportSize(desk);

    // the notice opens the proposal
    await item.getByRole('button', { name: /查\s*看/ }).click();
    await staff.waitForURL((u) => u.pathname === `/proposals/${proposalId}`);
  });

  test('the staff member files it (立案); the member finds the 立案 notice in the inbox', async () => {
    const before = await unread(member);
    await staff.getByTestId('proposal-actions').locator('button[data-action="file"]').click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('button', { name: /确认立案/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = await stage.started.zx.ctx.db.selectFrom('proposals').select(['state', 'number']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.equal(row.state, 'filed');

    await member.waitForFunction((n) => Number(/（(\d+) 条未读）/.exec(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '')?.[1] ?? 0) > n, before, { timeout: 15_000 });
    await bell(member).click();
    await member.waitForURL((u) => u.pathname === '/notifications');
    const item = member.locator('.ant-list-item').filter({ hasText: '提案已立案' }).filter({ hasText: title });
    await item.waitFor();
    assert.ok((await item.innerText()).includes(`已立案，编号为${row.number}`), await item.innerText());
    assert.ok((await member.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'the inbox fits the phone');
    await settled(member);
    await save(member, 'member-inbox-390');
    await member.setViewportSize(desk);
    await settled(member);
    await save(member, 'member-inbox-1280');
    await member.setViewportSize(phone);
    await item.getByRole('button', { name: /查\s*看/ }).click();
    await member.waitForURL((u) => u.pathname === `/proposals/${proposalId}`);
    await member.getByText('已立案').first().waitFor();
  });
});
