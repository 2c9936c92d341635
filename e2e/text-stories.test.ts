/** Browser user stories of text intelligence: a leader reads the hot topics; staff check similar items and search across modules. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, shot, signIn, startStage, type Stage } from './support.ts';
import { textServiceOf } from '../src/modules/text/module.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');

describe('text intelligence user stories (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  let sample: { title: string; text: string };
  before(async () => {
    stage = await startStage();
    // the demo proposals were written straight into the database: index them as their submission would have
    const ctx = stage.started.zx.ctx;
    const svc = textServiceOf(ctx);
    const rows = await ctx.db.selectFrom('proposals').select(['id', 'tenant_id', 'title', 'background', 'analysis', 'suggestions', 'created_at', 'lead_unit_id', 'proposer_user_id', 'state'])
      .where('state', '!=', 'draft').execute();
    for (const r of rows as any[]) {
      const body = [r.background, r.analysis, r.suggestions].filter(Boolean).join('\n');
      await svc.indexItem(r.tenant_id, { source: 'proposal', refId: r.id, title: r.title, body, createdAt: clock.iso(), ownerUserId: r.proposer_user_id, state: r.state });
      if (r.lead_unit_id) await svc.recordAssignment(r.tenant_id, `${r.title}\n${body}`, r.lead_unit_id);
    }
    const city = (rows as any[]).find((r) => r.title.length >= 8 && r.tenant_id === (rows as any[])[0].tenant_id)!;
    sample = { title: city.title, text: `${city.title}\n${[city.background, city.analysis].filter(Boolean).join('\n')}` };
  });
  after(async () => { await stage?.close(); });

  const freshPage = () => stage.freshPage();

  test('a leader opens the hot topics, sees clusters with counts and trend, and opens a cluster’s items', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'leader');
    await page.getByRole('menuitem', { name: /热点分析/ }).click();
    await page.waitForURL(/\/hot-topics$/);
    await page.getByRole('img', { name: '各热点件数柱状图' }).waitFor();
    await page.getByRole('img', { name: '热点按月趋势折线图' }).waitFor();
    const topics = page.getByTestId('hot-topic');
    await topics.first().waitFor();
    assert.ok(await topics.count() >= 2, 'several topics');
    await topics.nth(1).click();
    assert.equal(await topics.nth(1).getAttribute('aria-pressed'), 'true');
    const items = page.getByTestId('hot-topic-items').locator('.ant-list-item');
    await items.first().waitFor();
    const count = Number((await topics.nth(1).innerText()).match(/\((\d+)\)/)![1]);
    assert.equal(await items.count(), Math.min(count, 50), 'the cluster lists its items');
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'leader-hot-topics');
    // an item opens the record it stands for, a proposal or a 社情民意 report
    const link = page.getByTestId('hot-topic-items').locator('a').first();
    const href = (await link.getAttribute('href')) ?? '';
    assert.match(href, /^\/(proposals|opinions)\/[^/]+$/);
    await link.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.close();
  });

  test('proposal staff see similar earlier proposals and suggested units for a text, and find it by search with highlights', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'proposal');
    await page.goto(stage.baseUrl + '/similar');
    await page.getByLabel('文本').fill(sample.text);
    const similar = page.getByTestId('similar-items');
    await similar.getByText(sample.title, { exact: true }).first().waitFor();
    await similar.getByText('疑似重复').first().waitFor();
    await similar.getByText('共同关键词').first().waitFor();
    const units = page.getByTestId('unit-suggestions');
    await units.getByRole('button').first().waitFor();
    assert.match(await units.getByRole('button').first().innerText(), /\d+%/);
    await shot(stage, page, 'staff-similar-items');

    const word = sample.title.replace(/^关于/, '').slice(0, 4);
    await page.goto(stage.baseUrl + `/search?q=${encodeURIComponent(word)}`);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    assert.ok(await hits.first().locator('mark').count() >= 1, 'matches are highlighted');
    await page.getByText(/共 \d+ 条结果/).waitFor();
    // every hit names its module in Chinese, replies (答复) included
    await page.goto(stage.baseUrl + `/search?q=${encodeURIComponent('教育')}`);
    await hits.getByText('答复', { exact: true }).first().waitFor();
    assert.equal(await hits.getByText('reply', { exact: true }).count(), 0);
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'staff-search');
    await page.close();
  });
});
