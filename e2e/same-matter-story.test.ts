/**
 * Browser story of 同一事项 (the same matter in other words) and 并案: two members write about the flooding of one road
 * in their own words, a third about that road's lights, and an informant reports the flooding as 社情民意. The proposal
 * office opens the review queue on a desktop, finds the two flooding proposals grouped as 同一事项 with the reason
 * (the shared road, problem and demand) and the lights proposal apart, and merges them in one step; on the kept
 * proposal the 社情民意 report shows as the same matter (its title only: the office reads no reports). The information
 * editor, on a phone, opens the report and sees the proposal on its matter (likewise by title). Screenshots at 1280 and 390 px.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const shots = '/tmp/shots-same-matter';

describe('同一事项与并案 user story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  let flood = '', rain = '', lights = '', report = '';
  before(async () => {
    stage = await startStage();
    fs.mkdirSync(shots, { recursive: true });
    // what the members and the informant wrote and submitted (their own pages are other stories)
    const submit = async (username: string, title: string, text: { background: string; analysis: string; suggestions: string }) => {
      const c = await stage.started.login(username);
      const created = await c.post('/api/proposals', { title, ...text });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const r = await c.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return created.body.id as string;
    };
    flood = await submit('member', '关于解决潞州区英雄南路西段积水问题的建议', {
      background: '潞州区英雄南路西段每逢雨天积水严重，最深处没过膝盖。', analysis: '该路段排水管网建成年代早，管径偏小且老化淤堵，行人车辆通行困难。',
      suggestions: '建议住建部门改造英雄南路西段排水管网，汛期前完成清淤疏通。',
    });
    rain = await submit('m0002', '英雄南路一下雨就淹的问题', {
      background: '潞州区英雄南路靠西边那一截，下大雨后路面成了河，车子熄火，人只能蹚水。', analysis: '地下排水管道太细太旧，雨水排不出去。',
      suggestions: '请尽快把英雄南路地下排水管道换新。',
    });
    lights = await submit('m0003', '关于英雄南路西段路灯不亮的建议', {
      background: '潞州区英雄南路西段路灯坏了一个多月，夜里漆黑一片。', analysis: '照明设施缺乏日常巡检。', suggestions: '请城管部门尽快维修路灯并建立巡检制度。',
    });
    const informant = await stage.started.login('informant');
    const r = await informant.post('/api/opinions', { title: '英雄南路西段雨后积水严重', body: '潞州区英雄南路西段一到下雨就积水成河，附近居民出行蹚水，排水管道老旧，群众希望尽快改造排水设施。' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    report = r.body.id;
    await stage.started.zx.ctx.events.drain();
  });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  const keep = async (page: Page, name: string) => fs.copyFileSync(await shot(stage, page, name), `${shots}/${name}.png`);

  test('the proposal office finds the two flooding proposals grouped as 同一事项 with the reason, and merges them', async () => {
    // the group on a phone first (a page signs in afresh, so the desktop page comes after)
    const small = await as('proposal', phone);
    await small.goto(`${stage.baseUrl}/proposals/review`);
    const onPhone = small.getByTestId('duplicate-group').filter({ has: small.locator(`a[href="/proposals/${flood}"]`) });
    await onPhone.waitFor();
    assert.match(await onPhone.getByTestId('matter-reason').innerText(), /英雄南路/);
    assert.ok(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'fits the phone');
    await onPhone.scrollIntoViewIfNeeded();
    await keep(small, 'review-same-matter-390');
    await small.close();

    const page = await as('proposal', desktop);
    await page.goto(`${stage.baseUrl}/proposals/review`);
    const group = page.getByTestId('duplicate-group').filter({ has: page.locator(`a[href="/proposals/${flood}"]`) });
    await group.waitFor();
    // the demo's submitted proposals, written to one pattern on different subjects, are not grouped
    assert.equal(await page.getByTestId('duplicate-group').count(), 1, 'one group only');
    const text = await group.innerText();
    assert.match(text, /同一事项/);
    assert.match(text, /2 件反映同一事项/);
    assert.ok(await group.locator(`a[href="/proposals/${rain}"]`).count() === 1, 'the other member\'s proposal is in the group');
    assert.equal(await group.locator(`a[href="/proposals/${lights}"]`).count(), 0, 'the lights of the same road are another matter');
    const reason = await group.getByTestId('matter-reason').innerText();
    assert.match(reason, /共同地点：.*英雄南路/);
    assert.match(reason, /共同问题：.*积水内涝/);
    await group.scrollIntoViewIfNeeded();
    await keep(page, 'review-same-matter-1280');

    await group.getByRole('button', { name: /并\s*案/ }).click();
    const dialog = page.getByRole('dialog', { name: '审查会议批量处理' });
    await dialog.waitFor();
    assert.ok(await dialog.getByRole('radio', { name: '并案', exact: true }).isChecked(), '并案 is chosen');
    await keep(page, 'review-merge-dialog-1280');
    await dialog.getByRole('button', { name: /执\s*行/ }).click();
    await page.getByTestId('batch-result').first().waitFor();
    await group.waitFor({ state: 'detached' });
    const kept = (await stage.started.login('proposal'));
    const states = await Promise.all([flood, rain].map(async (id) => (await kept.get(`/api/proposals/${id}`)).body.state));
    assert.deepEqual([...states].sort(), ['merged', 'submitted'], 'one is merged into the other, which waits for its decision');
    await keep(page, 'review-after-merge-1280');

    // on the flooding proposal, the 社情民意 report on the same matter shows as such (the proposal office reads no
    // reports: its title only, not to be opened)
    await page.goto(`${stage.baseUrl}/proposals/${flood}`);
    const row = page.getByTestId('similar-items').locator('[data-kind="same_matter"]').filter({ hasText: '英雄南路西段雨后积水严重' });
    await row.waitFor();
    const seen = await row.innerText();
    assert.match(seen, /社情民意/);
    assert.match(seen, /无权打开/);
    assert.equal(await row.locator(`a[href="/opinions/${report}"]`).count(), 0);
    await row.scrollIntoViewIfNeeded();
    await keep(page, 'proposal-similar-1280');
  });

  test('the information editor on a phone sees the proposal on the same matter as the report', async () => {
    const page = await as('editor', phone);
    await page.goto(`${stage.baseUrl}/opinions/${report}`);
    const card = page.getByTestId('same-matter-proposals');
    await card.waitFor();
    const same = card.locator('[data-kind="same_matter"]');
    await same.first().waitFor();
    const titles = await same.allInnerTexts();
    assert.ok(titles.some((x) => x.includes('英雄南路')), titles.join(' | '));
    assert.ok(!titles.some((x) => x.includes('路灯')), 'the lights proposal is not the same matter');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'fits the phone');
    await card.scrollIntoViewIfNeeded();
    await keep(page, 'report-same-matter-390');
  });
});
