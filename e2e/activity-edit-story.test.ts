/**
 * Browser story of editing an activity and 现场补录 on a phone: the convener of a 委员之家 (the demo member) opens an
 * activity of the home under way, moves it to another room (修改活动), then adds two members who came without signing
 * up (found by name); a member added that way opens 我的履职 on their phone and sees the participation counted and the
 * year's duty score card, whose item opens the records behind it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
/** China time as the API's date-time fields take it. */
const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

describe('activity edit and walk-in story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `委员之家议事会（${clock.nowMs().toString(36)}）`;
  let id = '';
  let walkInName = '';
  let walkInId = '';
  let scoreBefore = 0;

  async function signInAs(page: Page, username: string) {
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(stage.started.account('member').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  test('the convener moves the activity to another room and adds walk-ins on a phone', async () => {
    const convener = await stage.started.login('member');
    const o = (await convener.get('/api/activities/options')).body;
    assert.ok(o.homes.length > 0, 'the demo member convenes a home');
    const start = clock.nowMs() - 10 * 60_000;
    const c = await convener.post('/api/activities', { kind: 'home', title, body: '听取社区居民意见。', homeId: o.homes[0].id, startsAt: chinaTime(start), endsAt: chinaTime(start + 3 * 3600_000), publish: true });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    id = c.body.id;
    // the member who will come without signing up: m0001 of the demo, as their phone knows them
    const theirs = await stage.freshPage(phone);
    await signInAs(theirs, 'm0001');
    const me = await theirs.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { id: string; displayName: string } });
    await theirs.close();
    walkInName = me.user.displayName;
    walkInId = me.user.id;

    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(`${stage.baseUrl}/activities/${id}`);
    await page.getByTestId('edit-activity').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改活动' });
    await dialog.getByLabel('活动地点').fill('社区党群服务中心三楼会议室');
    await shot(stage, page, 'activity-edit-390');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('社区党群服务中心三楼会议室').first().waitFor();

    await page.getByTestId('walk-ins').click();
    const picker = page.getByRole('dialog').filter({ hasText: '现场补录参加委员' });
    await picker.getByLabel('按姓名查找').fill(walkInName);
    await picker.getByLabel('按姓名查找').press('Enter');
    await picker.getByTestId('walk-in-candidates').getByText(walkInName, { exact: true }).click();
    await picker.getByText(walkInName, { exact: true }).first().waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, page, 'activity-walk-ins-390');
    await picker.getByRole('button', { name: /补录 1 人/ }).click();
    await page.getByText(/已补录 1 人/).waitFor();
    await page.getByText(`参加委员（1）`).waitFor();
    const a = (await convener.get(`/api/activities/${id}`)).body;
    assert.equal(a.signedIn, 1);
    assert.equal(a.place, '社区党群服务中心三楼会议室');
    assert.equal(a.participants[0].userId, walkInId);
    await page.close();
  });

  test('the member added sees the participation and the score card on 我的履职', async () => {
    const staff = await stage.started.login('office');
    const score = (await staff.get(`/api/scores/members/${walkInId}`)).body;
    scoreBefore = score.total;
    const item = score.items.find((x: { figure: string }) => x.figure === 'activities.member.participations');
    assert.ok(item && item.count >= 1, JSON.stringify(score.items.map((x: { figure: string; count: number }) => [x.figure, x.count])));

    const page = await stage.freshPage(phone);
    await signInAs(page, 'm0001');
    await page.goto(stage.baseUrl + '/members/me');
    const card = page.getByTestId('score-card');
    await card.waitFor();
    assert.equal(Number(await page.getByTestId('score-card-total').textContent()), scoreBefore);
    await card.scrollIntoViewIfNeeded();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, page, 'member-score-card-390');
    await page.getByTestId('score-card-item-activities.member.participations').getByRole('link').click();
    await page.waitForURL(/\/scores\/mine\?year=\d+&show=activities\.member\.participations/);
    await page.getByTestId('records-activities.member.participations').getByText(title).waitFor();
    await shot(stage, page, 'member-score-records-390');
    await page.close();
  });
});
