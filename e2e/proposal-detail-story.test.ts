/**
 * Browser story of the proposal detail page (提案详情) as the proposal office reads it at 1280 px and on a phone at 390 px:
 * where the proposal stands is the shared step bar (the one 社情民意 uses), with the stage names, the current state under
 * the current stage, a declined proposal's road in red, vertical on the phone; the similar-items card (相似件) names
 * itself once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const stages = ['提交', '审查立案', '交办签收', '办理答复', '评价办结'];

describe('the proposal detail page (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  /** the id of a demo proposal of the city in this state */
  const inState = async (state: string) => String((await stage.started.zx.ctx.db.selectFrom('proposals').select('id')
    .where('state', '=', state).orderBy('number').limit(1).executeTakeFirstOrThrow()).id);

  async function open(page: Page, id: string) {
    await page.goto(`${stage.baseUrl}/proposals/${id}`);
    const steps = page.getByTestId('proposal-steps');
    await steps.waitFor();
    return steps;
  }

  for (const width of [1280, 390]) {
    test(`at ${width} px: the shared step bar shows the road and the current state; 相似件 is named once`, async () => {
      const page = await stage.freshPage({ width, height: width === 390 ? 844 : 900 });
      await signIn(stage, page, 'proposal');
      const steps = await open(page, await inState('in_progress'));
      assert.deepEqual((await steps.locator('.ant-steps-item-title').allInnerTexts()).map((s) => s.trim()), stages);
      const currentItem = steps.locator('.ant-steps-item-process, .ant-steps-item-active').first();
      assert.match(await currentItem.innerText(), /办理答复\s*办理中/, 'the current stage, with the state under it');
      assert.equal(await steps.locator('.ant-steps-item-finish').count(), 3, 'the stages before it are done');
      const cls = (await steps.getAttribute('class')) ?? '';
      assert.equal(/\bant-steps-vertical\b/.test(cls), width === 390, `vertical on the phone only: ${cls}`);
      // the similar-items card: one heading, its items (or the note that there are none) below it
      const similar = page.getByTestId('similar-items');
      await similar.waitFor();
      await similar.locator('.ant-list-item, .ant-typography-secondary').first().waitFor({ timeout: 30_000 });
      assert.equal(await page.getByText('相似件', { exact: true }).count(), 1, 'the card names itself once');
      await shot(stage, page, `proposal-detail-${width}`);
      // a declined proposal's road stops in red at 审查立案
      const declined = await open(page, await inState('not_filed'));
      const stopped = declined.locator('.ant-steps-item-error');
      assert.equal(await stopped.count(), 1);
      assert.match(await stopped.innerText(), /审查立案\s*不予立案/);
      await shot(stage, page, `proposal-detail-declined-${width}`);
      await page.close();
    });
  }
});
