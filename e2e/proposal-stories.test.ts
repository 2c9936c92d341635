/** Browser stories of the proposal office's tools and the handling: the overdue board, a unit's 面商 record, the unit leader's sign-off (of a lead reply and of a 分办 part, with its letter), a member's rating. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');

describe('proposal stories (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const freshPage = (viewport?: { width: number; height: number }) => stage.freshPage(viewport);
  const db = () => stage.started.zx.ctx.db;

  test('the proposal office opens the overdue board and sees each unit with its overdue and soon-due work', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'proposal');
    await page.goto(stage.baseUrl + '/proposals/board');
    await page.getByText('当前超期').first().waitFor();
    const api = await page.request.get(stage.baseUrl + '/api/proposals/board');
    const board = await api.json();
    assert.ok(board.units.length >= 1, 'the demo data have units with work falling due');
    const panels = page.locator('.ant-collapse-item');
    await panels.first().waitFor();
    assert.equal(await panels.count(), board.units.length);
    assert.ok((await panels.first().innerText()).includes(board.units[0].unitName), 'the most overdue unit comes first');
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'office-overdue-board');
    await page.close();
  });

  test('a unit clerk records a 面商 with the proposer, and it shows on the proposal', async () => {
    const zhujian = await db().selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow();
    const p = await db().selectFrom('proposals').select(['id']).where('lead_unit_id', '=', zhujian.id).where('state', '=', 'in_progress').orderBy('updated_at', 'desc').executeTakeFirstOrThrow();
    const page = await freshPage();
    await signIn(stage, page, 'unit');
    await page.goto(`${stage.baseUrl}/proposals/${p.id}`);
    await page.getByTestId('record-consultation').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('沟通方式').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '面谈' }).click();
    const today = clock.today();
    await dialog.getByLabel('面商日期').fill(today);
    await dialog.getByLabel('面商日期').press('Enter');
    await dialog.getByLabel('参加人员').fill('提案人、城建科科长');
    await dialog.getByLabel('面商情况').fill('当面介绍办理思路，提案人建议先在两个小区试点。');
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/proposals/${p.id}/consultations`));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    await page.getByTestId('proposal-consultations').getByText('当面介绍办理思路，提案人建议先在两个小区试点。').waitFor();
    const rows = await db().selectFrom('proposal_consultations').select(['method', 'people']).where('proposal_id', '=', p.id).execute();
    assert.deepEqual(rows.map((r: any) => [r.method, r.people]), [['face_to_face', '提案人、城建科科长']]);
    await shot(stage, page, 'unit-consultation');
    await page.close();
  });

  test('the unit leader finds replies waiting for sign-off (待签发) in the worklist, returns one for revision and signs another off', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'unitlead');
    const waiting = () => page.getByTestId('worklist').locator('.ant-list-item').filter({ has: page.locator('.ant-tag', { hasText: /^待签发$/ }) });
    await waiting().first().waitFor();
    const before = await waiting().count();
    assert.ok(before >= 2, `the demo data leave drafts for sign-off (${before})`);
    const open = async () => {
      await waiting().first().locator('.ant-list-item-meta-title a').click();
      await page.waitForURL((u) => /^\/proposals\/[^/]+$/.test(u.pathname));
      await page.getByTestId('proposal-signoff-note').waitFor();
      return new URL(page.url()).pathname.split('/').pop()!;
    };
    const action = (name: string) => page.getByTestId('proposal-actions').locator(`button[data-action="${name}"]`);

    // 退回修改: with a reason, back to the clerk
    const returned = await open();
    await action('return_draft').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill('请补充资金来源和完成时限。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('请补充资金来源和完成时限。').first().waitFor();
    const back = await db().selectFrom('proposals').select(['state', 'signer_name']).where('id', '=', returned).executeTakeFirstOrThrow();
    assert.deepEqual([back.state, back.signer_name], ['in_progress', null]);

    // 签发: the reply goes to the office's check with the signer and time on the reply card
    await page.goto(stage.baseUrl + '/');
    await waiting().first().waitFor();
    assert.equal(await waiting().count(), before - 1, 'the returned draft left the leader\'s worklist');
    const signed = await open();
    assert.notEqual(signed, returned);
    await shot(stage, page, 'unitlead-signoff-desktop');
    await action('sign_off').click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确认签发/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const signer = page.getByTestId('proposal-signer');
    await signer.waitFor();
    const row = await db().selectFrom('proposals').select(['state', 'signer_name', 'signed_at', 'reply_sent_at']).where('id', '=', signed).executeTakeFirstOrThrow();
    assert.equal(row.state, 'reply_check');
    assert.ok(row.signer_name && row.signed_at && row.reply_sent_at === row.signed_at);
    assert.ok((await signer.innerText()).includes(row.signer_name));
    await shot(stage, page, 'unitlead-signed-desktop');
    await page.close();
  });

  test('a 分办 unit\'s leader signs off the unit\'s own reply in the 分办 panel, and its reply letter downloads as Word with the signer', async () => {
    const unitId = async (name: string) => (await db().selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id as string;
    const zhujianId = await unitId('市住建局');
    const zhujian = { id: zhujianId };
    // the office assigns a filed proposal 分办: 市教育局 leads, 市住建局 answers for its own part (the API a unit's own office system would use)
    const filed = await db().selectFrom('proposals').select(['id', 'version']).where('state', '=', 'filed').orderBy('id').executeTakeFirstOrThrow();
    const office = await stage.started.login('proposal');
    const assigned = await office.post(`/api/proposals/${filed.id}/transitions`, { action: 'assign', version: Number(filed.version), input: { mode: 'split', leadUnitId: await unitId('市教育局'), coUnitIds: [zhujianId] } });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    let part = assigned.body.assignments.find((a: any) => a.unitId === zhujianId);
    part = { ...part, proposal_id: filed.id };
    // the unit's clerk signs for the part and drafts its reply
    const clerk = await stage.started.login('unit');
    const signed = await clerk.post(`/api/proposals/${filed.id}/assignments/${part.id}/transitions`, { action: 'sign', version: part.version, input: {} });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const replyText = '我局负责的老旧小区改造部分已纳入明年改造计划，资金由市级财政安排。';
    const mine = signed.body.assignments.find((a: any) => a.id === part.id);
    const drafted = await clerk.post(`/api/proposals/${filed.id}/assignments/${part.id}/transitions`, { action: 'reply', version: mine.version, input: { replyClass: 'B', replyText } });
    assert.equal(drafted.status, 200, JSON.stringify(drafted.body));

    const page = await freshPage();
    await signIn(stage, page, 'unitlead');
    await page.goto(`${stage.baseUrl}/proposals/${part.proposal_id}`);
    const card = page.getByTestId(`assignment-${zhujian.id}`);
    await card.getByText(replyText).waitFor();
    await card.locator('button[data-action="sign_off"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确认签发/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const signer = card.getByTestId(`assignment-signer-${zhujian.id}`);
    await signer.waitFor();
    const row = await db().selectFrom('proposal_assignments').select(['state', 'signer_name']).where('id', '=', part.id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'replied');
    assert.ok((await signer.innerText()).includes(row.signer_name));

    const letter = card.getByTestId(`assignment-letter-${zhujian.id}`);
    const href = await letter.getAttribute('href');
    assert.equal(href, `/api/proposals/${part.proposal_id}/assignments/${part.id}/reply-letter.docx`);
    const r = await page.request.get(stage.baseUrl + href);
    assert.equal(r.status(), 200);
    assert.equal(r.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(await r.body())).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes(replyText) && text.includes(`签发人：${row.signer_name}`) && text.includes('市住建局'), 'the unit\'s own reply, signer and name');
    await shot(stage, page, 'split-unit-signed-letter-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await letter.scrollIntoViewIfNeeded();
    assert.ok((await letter.boundingBox())!.x + (await letter.boundingBox())!.width <= 390, 'the letter button fits a phone screen');
    await shot(stage, page, 'split-unit-signed-letter-phone');
    await page.close();
  });

  test('a member rates a reply on a phone-sized screen and the proposal closes with the rating', async () => {
    const member = await db().selectFrom('users').select('id').where('username', '=', 'member').executeTakeFirstOrThrow();
    // a proposal the member alone rates (no co-signers), so that their rating is the last one and closes it
    const p = await db().selectFrom('proposals').select(['id', 'evaluators_pending']).where('proposer_user_id', '=', member.id).where('state', '=', 'replied')
      .where('id', 'not in', db().selectFrom('proposal_cosigners').select('proposal_id'))
      .orderBy('id').executeTakeFirstOrThrow();
    const page = await freshPage({ width: 390, height: 844 });
    await signIn(stage, page, 'member');
    await page.goto(`${stage.baseUrl}/proposals/${p.id}`);
    await page.getByTestId('proposal-actions').getByRole('button', { name: /评\s*价/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('基本满意').click();
    await dialog.getByLabel('评价意见').fill('答复认真，建议继续跟踪落实。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('评价情况').waitFor();
    await page.getByText('答复认真，建议继续跟踪落实。').waitFor();
    // the member's rating is stored; it closes the proposal when the member was the last one to rate
    const pendingBefore = JSON.parse(String(p.evaluators_pending ?? '[]')) as string[];
    const rating = () => db().selectFrom('proposal_evaluations').select(['satisfaction', 'comment'])
      .where('proposal_id', '=', p.id).where('user_id', '=', member.id).executeTakeFirst();
    let ev = await rating();
    for (let i = 0; i < 50 && !ev; i++) { await new Promise((r) => setTimeout(r, 100)); ev = await rating(); }
    assert.deepEqual([ev?.satisfaction, ev?.comment], ['basically_satisfied', '答复认真，建议继续跟踪落实。']);
    const row = await db().selectFrom('proposals').select(['state', 'satisfaction']).where('id', '=', p.id).executeTakeFirstOrThrow();
    if (pendingBefore.length <= 1) assert.deepEqual([row.state, row.satisfaction], ['closed', 'basically_satisfied']);
    else assert.equal(row.state, 'replied', `other evaluators (${pendingBefore.length - 1}) have still to rate`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the detail fits the phone');
    await shot(stage, page, 'member-rated-phone');
    await page.close();
  });
});
