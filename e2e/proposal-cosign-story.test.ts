/**
 * Browser story of a 委员联名提案 on phones: a member writes it, picks two co-signers (one found by name, one by 界别) and
 * submits; each co-signer finds the 待确认联名 item in their worklist and confirms; the proposer sees who has confirmed and
 * submits, and the proposal reaches the proposal office (待审查).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { DEMO_PASSWORD } from '../src/server/seed.ts';
import type { MemberSearchGroups, MemberSearchPage } from '../src/modules/members/contract.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };

describe('joint proposal co-signing story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const db = () => stage.started.zx.ctx.db;
  const title = `关于推进社区嵌入式养老服务的建议（${clock.nowMs().toString(36)}）`;
  let proposalId = '';
  /** the two co-signers: one found by name, one by 界别 */
  const picked: Array<{ userId: string; name: string; username: string }> = [];
  let sectorName = '';

  /** Sign in a member who is not one of the demo's listed accounts (the demo's members share the demo password). */
  const signInMember = async (page: Page, username: string) => {
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
  };
  const fits = async (page: Page) => assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
  const usernameOf = async (userId: string) => String((await db().selectFrom('users').select('username').where('id', '=', userId).executeTakeFirstOrThrow()).username);

  test('a member writes a joint proposal on a phone, picks a co-signer by name and one by 界别, and submits it for their confirmation', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    // whom to pick: a member with a name of their own, and the first member listed under another member's 界别
    const everyone: MemberSearchPage = await (await page.request.get(`${stage.baseUrl}/api/members/search?pageSize=200`)).json();
    const byName = everyone.items.find((x) => x.sectorName && everyone.items.filter((y) => y.name.includes(x.name)).length === 1)!;
    const groups: MemberSearchGroups = await (await page.request.get(`${stage.baseUrl}/api/members/search/groups`)).json();
    const sector = groups.sectors.find((s) => s.name !== byName.sectorName && everyone.items.some((x) => x.sectorName === s.name))!;
    sectorName = sector.name;
    const inSector: MemberSearchPage = await (await page.request.get(`${stage.baseUrl}/api/members/search?sector=${sector.id}`)).json();
    const bySector = inSector.items[0];
    for (const x of [byName, bySector]) picked.push({ userId: x.userId, name: x.name, username: await usernameOf(x.userId) });

    await page.goto(stage.baseUrl + '/proposals/new');
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('提案类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^委员联名提案$/ }).click();
    // the picker: a drawer over the whole phone screen
    await page.getByTestId('cosigner-picker-open').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '选择联名委员' });
    await drawer.getByTestId('cosigner-search').locator('input').fill(byName.name);
    await drawer.getByRole('button', { name: `选择${byName.name}` }).click();
    await drawer.getByRole('button', { name: `取消选择${byName.name}` }).waitFor();
    await drawer.getByTestId('cosigner-search').locator('input').fill('');
    await drawer.getByTestId('cosigner-sector').click();
    await page.keyboard.type(sector.name);
    await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${sector.name}$`) }).click();
    await drawer.getByTestId('cosigner-option').first().filter({ hasText: bySector.name }).waitFor();
    await drawer.getByRole('button', { name: `选择${bySector.name}` }).click();
    await drawer.getByText('已选 2 位').first().waitFor();
    await fits(page);
    await shot(stage, page, 'cosign-picker-phone');
    await drawer.getByTestId('cosigner-picker-done').click();
    await drawer.waitFor({ state: 'hidden' });
    // who is picked shows on the form, each removable
    assert.deepEqual((await page.locator('form').getByTestId('cosigner-chip').allInnerTexts()).map((s) => s.trim()), [byName.name, bySector.name]);
    await fits(page);
    await shot(stage, page, 'cosign-form-phone');

    const next = page.getByRole('button', { name: /下一步/ });
    await next.click();
    await page.getByLabel('背景情况').fill('老年人口比例逐年上升，居家养老的老人缺少就近的日间照料和助餐服务。');
    await next.click();
    await page.getByLabel('问题分析').fill('社区养老设施用房不足，运营补贴标准偏低，专业护理人员缺乏。');
    await next.click();
    await page.getByLabel('具体建议').fill('一、统筹社区用房；二、提高运营补贴；三、培养专业护理人员。');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.waitForURL((u) => /^\/proposals\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    proposalId = new URL(page.url()).pathname.split('/').pop()!;
    // the proposer sees that both have still to confirm
    const status = page.getByTestId('cosign-status');
    await status.getByText('已确认 0 / 2 位').waitFor();
    const row = await db().selectFrom('proposals').select(['state', 'type', 'cosigner_count', 'cosigners_pending']).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.type, Number(row.cosigner_count), Number(row.cosigners_pending)], ['draft', 'joint', 2, 2]);
    await fits(page);
    await shot(stage, page, 'cosign-proposer-waiting-phone');
    await page.close();
  });

  test('each co-signer finds 待确认联名 in their worklist on a phone and confirms', async () => {
    assert.ok(proposalId, 'the proposal was written');
    for (const [i, who] of picked.entries()) {
      const page = await stage.freshPage(phone);
      await signInMember(page, who.username);
      await page.getByTestId('worklist-counts').getByText('待确认联名').click();
      await page.getByTestId('worklist').getByText(title).click();
      await page.waitForURL((u) => u.pathname === `/proposals/${proposalId}`);
      const invitation = page.getByTestId('cosign-invitation');
      await invitation.getByText('邀请您联名这件提案').waitFor();
      await fits(page);
      if (i === 0) await shot(stage, page, 'cosign-confirm-phone');
      await invitation.getByRole('button', { name: /确认联名/ }).click();
      await invitation.waitFor({ state: 'hidden' });
      const row = await db().selectFrom('proposal_cosigners').select('confirmed_at').where('proposal_id', '=', proposalId).where('user_id', '=', who.userId).executeTakeFirstOrThrow();
      assert.ok(row.confirmed_at, `${who.name} has confirmed`);
      // and the item has left their worklist
      const wl = await (await page.request.get(`${stage.baseUrl}/api/worklist?pageSize=200`)).json();
      assert.ok(!wl.items.some((x: any) => x.entityType === 'proposal-cosign' && x.entityId === proposalId));
      await page.close();
    }
  });

  test('the proposer sees both confirmations and submits; the proposal reaches the proposal office (待审查)', async () => {
    assert.ok(proposalId, 'the proposal was written');
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(`${stage.baseUrl}/proposals/${proposalId}`);
    const status = page.getByTestId('cosign-status');
    await status.getByText('联名委员已全部确认').waitFor();
    for (const who of picked) await status.getByText(who.name).waitFor();
    await shot(stage, page, 'cosign-proposer-confirmed-phone');
    await page.getByTestId('proposal-actions').locator('button[data-action="submit"]').click();
    await page.getByText('待审查').first().waitFor();
    await fits(page);
    await page.close();

    const office = await stage.started.login('proposal');
    const seen = await office.get(`/api/proposals/${proposalId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.state, 'submitted');
    assert.deepEqual(seen.body.cosigners.map((c: any) => [c.name, !!c.confirmedAt]).sort(), picked.map((p) => [p.name, true]).sort());
    const queue = await office.get(`/api/worklist?label=${encodeURIComponent('待审查')}&pageSize=200`);
    assert.ok(queue.body.items.some((x: any) => x.entityId === proposalId), 'in the office\'s 待审查 worklist');
    assert.ok(sectorName);
  });

  test('the picker on a desktop', async () => {
    const page = await stage.freshPage({ width: 1280, height: 900 });
    await signIn(stage, page, 'member');
    await page.goto(stage.baseUrl + '/proposals/new');
    await page.getByLabel('提案类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^委员联名提案$/ }).click();
    await page.getByTestId('cosigner-picker-open').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '选择联名委员' });
    await drawer.getByTestId('cosigner-option').first().waitFor();
    await drawer.getByTestId('cosigner-option').first().getByRole('button', { name: /^选择/ }).click();
    await drawer.getByText('已选 1 位').first().waitFor();
    await shot(stage, page, 'cosign-picker-desktop');
    await drawer.getByTestId('cosigner-picker-done').click();
    await shot(stage, page, 'cosign-form-desktop');
    await page.close();
  });
});
