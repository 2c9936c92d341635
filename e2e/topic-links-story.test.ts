/**
 * Browser story of 列入协商选题: the 农业和农村委员会's staff propose a topic for next year and, on its page, link the
 * proposal that inspired it, found by its number; the office takes the topic into the plan and sees the proposal under
 * the item on the plan's page; the proposal's page (desktop and phone) shows 列入协商选题 with the topic.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('topic links story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const tag = clock.nowMs().toString(36);
  const title = `促进农产品加工园区建设（${tag}）`;
  let topicId = '';
  let planId = '';
  let proposal: { id: string; number: string; title: string };

  test('the committee proposes a topic and links the proposal that inspired it on the topic\'s page', async () => {
    const staff = await stage.started.login('committee');
    const year = (await staff.get('/api/consultations/topics/options')).body.year + 1;
    const created = await staff.post('/api/consultations/topics', { year, title, reason: '委员提案多次反映农产品加工园区建设滞后，建议开展专题协商。', form: 'special', contact: '张联络员 13800000000' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    topicId = created.body.id;
    const listed = (await staff.get('/api/proposals?pageSize=50')).body.items.filter((p: any) => p.number);
    assert.ok(listed.length, 'the committee may read some proposals');
    proposal = listed[0];

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/consultations/topics/${topicId}`);
    await page.getByTestId('edit-topic-links').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '关联提案和社情民意' });
    await dialog.getByLabel('来源提案').fill(proposal.number.replace(/\D/g, ''));
    await page.locator('.ant-select-item-option').filter({ hasText: proposal.title }).first().click();
    await shot(stage, page, 'topic-links-picker-1280');
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('topic-links').getByRole('link', { name: proposal.title }).waitFor();
    await shot(stage, page, 'topic-links-1280');
    await page.close();
  });

  test('the office takes the topic into the plan and sees the proposal under the item', async () => {
    const office = await stage.started.login('office');
    const t = (await office.get(`/api/consultations/topics/${topicId}`)).body;
    const accepted = await office.post(`/api/consultations/topics/${topicId}/transitions`, { action: 'accept', version: t.version, input: { plannedMonth: 5 } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    planId = accepted.body.planId;
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/consultations/plans/${planId}`);
    const row = page.locator('tr').filter({ hasText: title });
    await row.getByTestId('topic-links').getByText('选题来源').waitFor();
    await row.getByRole('link', { name: proposal.title }).waitFor();
    await shot(stage, page, 'plan-item-links-1280');
    await page.close();
  });

  test('the proposal\'s page shows 列入协商选题, on a desktop and on a phone', async () => {
    for (const [size, name] of [[desktop, 'proposal-linked-topics-1280'], [phone, 'proposal-linked-topics-390']] as const) {
      const page = await stage.freshPage(size);
      await signIn(stage, page, 'office');
      await page.goto(`${stage.baseUrl}/proposals/${proposal.id}`);
      const panel = page.getByTestId('linked-topics');
      await panel.getByRole('link', { name: title }).waitFor();
      await panel.getByText('选题来源').first().waitFor();
      await shot(stage, page, name);
      await page.close();
    }
  });
});
