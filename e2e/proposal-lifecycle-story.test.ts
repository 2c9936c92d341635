/**
 * Browser story of one proposal's whole road: a member writes it on a phone, the proposal office files and assigns it,
 * the unit signs for it and replies, the unit's leader signs the reply off (签发), the office releases the reply, the member rates it, and the year's figures grow.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { stampSubmission } from '../src/modules/proposals/domain/proposal-session.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };

describe('proposal lifecycle story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const db = () => stage.started.zx.ctx.db;
  /** the year the office's statistics count a proposal submitted today in (after the session cut-off, next year's) */
  let year = 0;
  const title = `关于在老旧小区加装电梯的建议（${clock.nowMs().toString(36)}）`;
  let proposalId = '';
  const figuresBefore = { received: -1, replied: -1 };

  /** The 收到提案 and 已答复 figures as the statistics page shows them (each number is a link named by its label). */
  const readFigures = async (page: Page) => {
    await page.goto(`${stage.baseUrl}/proposals/stats?year=${year}`);
    await page.getByText(`${year}年度`).first().waitFor();
    const figure = async (card: string, label: string) => {
      const link = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: card }) })
        .getByRole('link', { name: new RegExp(`^${label} \\d+$`) }).first();
      await link.waitFor();
      const name = (await link.getAttribute('aria-label')) ?? '';
      return Number(name.replace(`${label} `, ''));
    };
    return { received: await figure('总体情况', '收到提案'), replied: await figure('答复情况', '已答复') };
  };

  /** Clicks one of the actions the server offers on the detail page. */
  const action = (page: Page, name: string) => page.getByTestId('proposal-actions').locator(`button[data-action="${name}"]`);

  const stateOf = async () => (await db().selectFrom('proposals').select(['state']).where('id', '=', proposalId).executeTakeFirstOrThrow()).state;

  test('the office notes the year\'s figures before the story begins', async () => {
    const page = await stage.freshPage();
    await signIn(stage, page, 'proposal');
    year = (await (await page.request.get(`${stage.baseUrl}/api/proposals/options`)).json()).currentSession.year;
    assert.equal(year, stampSubmission(clock.today()).year, 'the demo CPPCC stamps proposals by the default session calendar');
    Object.assign(figuresBefore, await readFigures(page));
    assert.ok(figuresBefore.received >= 0 && figuresBefore.replied >= 0, JSON.stringify(figuresBefore));
    const api = await (await page.request.get(`${stage.baseUrl}/api/proposals/stats?year=${year}`)).json();
    assert.equal(api.replies.replied.value, figuresBefore.replied, 'the page shows the API figure');
    await page.close();
  });

  test('a member writes and submits a proposal step by step on a phone', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(stage.baseUrl + '/proposals/new');
    await page.getByLabel('标题', { exact: true }).fill(title);
    const next = page.getByRole('button', { name: /下一步/ });
    await next.click();
    await page.getByLabel('背景情况').fill('全市有大量建成二十年以上的多层住宅，没有电梯，老年住户上下楼困难。');
    await next.click();
    await page.getByLabel('问题分析').fill('加装电梯涉及业主意见统一、资金分摊和审批手续，进展缓慢。');
    await next.click();
    await page.getByLabel('具体建议').fill('一、简化审批流程；二、设立财政补贴；三、由社区牵头协调业主意见。');
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'the wizard fits the phone');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.waitForURL((u) => /^\/proposals\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    proposalId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('待审查').first().waitFor();
    await page.getByText('由社区牵头协调业主意见').waitFor();
    const row = await db().selectFrom('proposals').select(['state', 'title', 'suggestions']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.title], ['submitted', title]);
    await shot(stage, page, 'lifecycle-member-submitted-phone');
    await page.close();
  });

  test('the proposal office files it and assigns it to 市住建局 alone', async () => {
    assert.ok(proposalId, 'the proposal was submitted');
    const page = await stage.freshPage();
    await signIn(stage, page, 'proposal');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    await page.getByText(title).first().waitFor();
    await action(page, 'file').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确认立案/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await action(page, 'assign').waitFor();
    assert.equal(await stateOf(), 'filed');

    await action(page, 'assign').click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('单办', { exact: true }).click();
    await dialog.getByLabel('主办单位').click();
    await dialog.getByLabel('主办单位').fill('市住建局');
    await page.locator('.ant-select-item-option').filter({ hasText: /^市住建局$/ }).click();
    await shot(stage, page, 'lifecycle-office-assign');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('待签收').first().waitFor();
    const zhujian = await db().selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow();
    const row = await db().selectFrom('proposals').select(['state', 'lead_unit_id', 'handling_mode']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.lead_unit_id, row.handling_mode], ['assigned', zhujian.id, 'single']);
    await page.close();
  });

  test('the unit clerk signs for it and replies, the unit leader signs the reply off; the office releases it', async () => {
    assert.ok(proposalId, 'the proposal was assigned');
    let page = await stage.freshPage();
    await signIn(stage, page, 'unit');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    await action(page, 'sign').click();
    await action(page, 'reply').waitFor();
    assert.equal(await stateOf(), 'in_progress');
    await action(page, 'reply').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/^A /).first().click();
    await dialog.getByLabel('答复内容').fill('我局已会同街道制定加装电梯补贴办法，今年完成三十部。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('待签发').first().waitFor();
    assert.equal(await stateOf(), 'reply_signoff');
    await page.close();

    // the unit's leader reads the draft and signs it off (签发); only then does it reach the office
    page = await stage.freshPage();
    await signIn(stage, page, 'unitlead');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    await page.getByTestId('proposal-signoff-note').waitFor();
    await page.getByText('我局已会同街道制定加装电梯补贴办法').waitFor();
    await action(page, 'return_draft').waitFor();
    await shot(stage, page, 'lifecycle-unitlead-signoff');
    await action(page, 'sign_off').click();
    await page.getByRole('dialog').getByRole('button', { name: /确认签发/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('proposal-signer').waitFor();
    const signed = await db().selectFrom('proposals').select(['state', 'signer_name', 'signed_at']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.equal(signed.state, 'reply_check');
    assert.ok(signed.signer_name && signed.signed_at);
    assert.ok((await page.getByTestId('proposal-signer').innerText()).includes(signed.signer_name));
    await page.close();

    page = await stage.freshPage();
    await signIn(stage, page, 'proposal');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    await action(page, 'release').click();
    await page.getByRole('dialog').getByRole('button', { name: /确认审核通过/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('我局已会同街道制定加装电梯补贴办法').waitFor();
    const row = await db().selectFrom('proposals').select(['state', 'reply_class']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.reply_class], ['replied', 'A']);
    await page.close();
  });

  test('the member rates the reply 满意 on the phone', async () => {
    assert.ok(proposalId, 'the reply was released');
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    await action(page, 'evaluate').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('满意', { exact: true }).click();
    await dialog.getByLabel('评价意见').fill('办理及时，效果明显。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('评价情况').waitFor();
    const row = await db().selectFrom('proposals').select(['state', 'satisfaction']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.satisfaction], ['closed', 'satisfied']);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'the detail fits the phone');
    await shot(stage, page, 'lifecycle-member-rated-phone');
    await page.close();
  });

  test('the year\'s statistics count one more proposal received and one more replied', async () => {
    assert.ok(figuresBefore.received >= 0, 'the figures were read before the story');
    const page = await stage.freshPage();
    await signIn(stage, page, 'proposal');
    const after = await readFigures(page);
    assert.deepEqual(after, { received: figuresBefore.received + 1, replied: figuresBefore.replied + 1 });
    await shot(stage, page, 'lifecycle-office-stats');
    await page.close();
  });
});
