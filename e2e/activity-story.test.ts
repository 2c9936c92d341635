/**
 * Browser story of 履职活动: the convener of a 委员之家 (the demo member) records an activity of the home on a desktop
 * and shows its QR sign-in code; a member of the home on a phone signs up, then signs in by the QR link at the home
 * (the phone's position within the radius; a second scan is refused); the convener sees who signed in and ends the
 * activity with its outcome; the member finds it in 我的履职.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
/** China time as the form's date-time fields show it. */
const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('member activity story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `委员之家读书交流会（${clock.nowMs().toString(36)}）`;
  let id = '';
  let signinUrl = '';

  /** A member of the demo who is not one of the demo accounts signs in through the login page. */
  async function signInAs(page: Page, username: string) {
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(stage.started.account('member').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  test('the convener records a 委员之家 activity under way now and shows its sign-in code', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'member');
    await page.goto(stage.baseUrl + '/activities');
    await page.getByRole('button', { name: /新建活动/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建活动' });
    await dialog.getByLabel('活动名称').fill(title);
    await dialog.getByLabel('活动内容').fill('共读《习近平谈治国理政》第五卷，交流体会。');
    // from ten minutes ago for three hours, typed as a person would into the range picker
    const start = clock.nowMs() - 10 * 60_000;
    const inputs = dialog.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(chinaTime(start));
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(chinaTime(start + 3 * 3600_000));
    await inputs.nth(1).press('Enter');
    await shot(stage, page, 'activity-new-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/activities\/[^/]+$/);
    id = page.url().split('/').pop()!;
    await page.getByText('报名中').first().waitFor();
    await page.getByRole('button', { name: /显示签到码/ }).click();
    const link = page.locator('[data-signin-url]');
    await link.waitFor();
    signinUrl = String(await link.getAttribute('data-signin-url'));
    assert.match(signinUrl, /\/activities\/[^/]+\/signin\?t=/);
    await shot(stage, page, 'activity-signin-code-1280');
    await page.close();
  });

  test('a member of the home signs up on a phone and signs in by the QR link at the place, once', async () => {
    const staff = await stage.started.login('office');
    const a = (await staff.get(`/api/activities/${id}`)).body;
    assert.ok(a.lat !== null, 'the activity is held at its home, with coordinates');
    const page = await stage.freshPage(phone);
    await signInAs(page, 'm0001');
    await page.goto(stage.baseUrl + '/activities');
    await page.getByText('全部活动').click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: /报名参加/ }).click();
    await page.getByText('请在活动现场扫描签到码签到').waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, page, 'activity-signed-up-390');

    // the phone is at the home, a few dozen metres from its coordinates
    await stage.context.grantPermissions(['geolocation'], { origin: stage.baseUrl });
    await stage.context.setGeolocation({ latitude: a.lat + 0.0003, longitude: a.lng });
    await page.goto(signinUrl);
    await page.getByText('签到成功').waitFor();
    await page.getByText(/距活动地点 \d+ 米/).waitFor();
    await shot(stage, page, 'activity-signed-in-390');
    await page.goto(signinUrl);
    await page.getByText('签到未成功').waitFor();
    await page.getByText(/不能重复签到/).waitFor();
    await page.close();
  });

  test('the convener sees who signed in and ends the activity with its outcome', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'member');
    await page.goto(`${stage.baseUrl}/activities/${id}`);
    await page.getByText('参加委员（1）').waitFor();
    await page.getByRole('button', { name: /结束活动/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('活动成效').fill('委员们交流了学习体会，形成三条履职建议。');
    await dialog.getByRole('button', { name: /结束活动|提\s*交|确\s*定/ }).last().click();
    await page.getByText('已结束').first().waitFor();
    await shot(stage, page, 'activity-ended-1280');
    await page.close();
  });

  test('the member finds the activity in 我的履职', async () => {
    const page = await stage.freshPage(phone);
    await signInAs(page, 'm0001');
    await page.goto(stage.baseUrl + '/members/me');
    const card = page.getByTestId('figure-activities.member.participations');
    await card.waitFor();
    assert.ok(Number((await card.innerText()).match(/\d+/)![0]) >= 1);
    await card.click();
    await page.getByTestId('section-activities').getByRole('link', { name: title }).waitFor();
    await shot(stage, page, 'activity-member-record-390');
    await page.close();
  });
});
