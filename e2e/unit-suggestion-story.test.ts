/**
 * Browser story of 智能交办 on the demo: proposal staff open a filed proposal, open the 交办 dialog and see a suggested
 * unit with the reason for it, and the similar-items panel lists other proposals, never the proposal itself.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
/** where the screenshots are copied for a person to look at (ZX_SHOTS_DIR), besides the stage's own folder */
const keep = process.env.ZX_SHOTS_DIR;

describe('unit suggestion user story (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  let proposal: { id: string; title: string };
  before(async () => {
    stage = await startStage();
    const row = await stage.started.zx.ctx.db.selectFrom('proposals').select(['id', 'title']).where('state', '=', 'filed')
      .orderBy('filed_at', 'desc').executeTakeFirstOrThrow();
    proposal = { id: String(row.id), title: String(row.title) };
  });
  after(async () => { await stage?.close(); });

  for (const width of [1280, 390]) {
    test(`proposal staff see why a unit is suggested in the 交办 dialog, and similar proposals other than this one (${width} px)`, async () => {
      const page = await stage.freshPage({ width, height: 900 });
      await signIn(stage, page, 'proposal');
      await page.goto(`${stage.baseUrl}/proposals/${proposal.id}`);
      await page.getByText(proposal.title).first().waitFor();

      const similar = page.getByTestId('similar-items');
      await similar.locator('.ant-list-item').first().waitFor();
      const links = await similar.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.length > 0, 'other proposals are listed');
      assert.ok(!links.includes(`/proposals/${proposal.id}`), 'never the proposal itself');
      await shot(stage, page, `suggest-similar-${width}`);

      await page.getByTestId('proposal-actions').locator('button[data-action="assign"]').click();
      const dialog = page.getByRole('dialog');
      const units = dialog.getByTestId('unit-suggestions');
      await units.getByRole('button').first().waitFor();
      assert.match(await units.getByRole('button').first().innerText(), /\d+%/);
      const reason = units.getByTestId('unit-suggestion-reason');
      await reason.waitFor();
      const why = await reason.innerText();
      assert.match(why, /推荐「.+」的理由/);
      assert.match(why, /该单位以往承办 \d+ 件/);
      assert.doesNotMatch(await units.innerText(), /暂无建议/);
      // picking the suggestion fills the lead unit
      const unitName = (await units.getByRole('button').first().innerText()).replace(/\s*\d+%$/, '').trim();
      await units.getByRole('button').first().click();
      await dialog.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: unitName }).first().waitFor();
      const file = await shot(stage, page, `suggest-assign-dialog-${width}`);
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        for (const f of fs.readdirSync(stage.screenshots)) fs.copyFileSync(path.join(stage.screenshots, f), path.join(keep, f));
      }
      assert.ok(fs.existsSync(file));
      await page.close();
    });
  }
});
