/**
 * Browser story of 会议: the office has called a 常委会议 whose first session opens within the hour (the notice sent);
 * one member on a phone opens 会议 from the menu and asks for leave with a reason; another member on a phone opens the
 * session's QR link and is signed in (a second scan is refused); the office on a desktop opens the meeting from the
 * menu, sees the attendance table (the sign-in, the leave waiting) and approves the leave.
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
const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

describe('meeting story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `市政协常委会议（${clock.nowMs().toString(36)}）`;
  let id = '';
  let signinUrl = '';

  async function signInAs(page: Page, username: string) {
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(stage.started.account('member').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  /** Open 会议 from the side menu (on a phone, the menu button first) and the meeting from the list. */
  async function openFromMenu(page: Page, mobile: boolean) {
    if (mobile) await page.getByRole('button', { name: /菜单|menu/i }).first().click();
    const group = page.getByText('委员履职', { exact: true }).first();
    if (await group.isVisible().catch(() => false)) await group.click().catch(() => {});
    await page.getByRole('menuitem', { name: '会议' }).first().click();
    await page.waitForURL(/\/meetings$/);
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(/\/meetings\/[^/]+$/);
  }

  test('the office calls the meeting and sends the notice (two members among the participants)', async () => {
    const office = await stage.started.login('office');
    const now = clock.nowMs();
    const c = await office.post('/api/meetings', {
      kind: 'standing', title, place: '市政协机关三楼会议室', agenda: [{ title: '围绕“建设太行山旅游目的地”开展专题协商' }],
      sessions: [{ label: '全体会议', startsAt: chinaTime(now + 30 * 60_000), endsAt: chinaTime(now + 3 * 3600_000) }],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body).slice(0, 300));
    id = c.body.id;
    const byName = (await Promise.all(['m0001', 'm0002'].map(async (u) => (await (await stage.started.login(u)).get('/api/auth/me')).body)));
    const userIds = byName.map((b) => b?.user?.id).filter(Boolean) as string[];
    assert.equal(userIds.length, 2, JSON.stringify(byName).slice(0, 300));
    const already = new Set((c.body.participantList as Array<{ userId: string }>).map((p) => p.userId));
    const add = userIds.filter((u) => !already.has(u));
    let version = c.body.version;
    if (add.length) {
      const a = await office.post(`/api/meetings/${id}/participants`, { version, userIds: add });
      assert.equal(a.status, 200, JSON.stringify(a.body).slice(0, 300));
      version = a.body.version;
    }
    const n = await office.post(`/api/meetings/${id}/transitions`, { action: 'notify', version, input: {} });
    assert.equal(n.status, 200);
    const code = await office.get(`/api/meetings/${id}/sessions/${n.body.sessionList[0].id}/signin-code`);
    signinUrl = stage.baseUrl + code.body.url;
  });

  test('a member asks for leave on a phone', async () => {
    const page = await stage.freshPage(phone);
    await signInAs(page, 'm0002');
    await openFromMenu(page, true);
    await page.getByRole('button', { name: /请\s*假/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('请假事由').fill('参加省政协组织的培训');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('请假待批').waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, page, 'meeting-leave-390');
    await page.close();
  });

  test('another member signs in by the QR link on a phone, once', async () => {
    const page = await stage.freshPage(phone);
    await signInAs(page, 'm0001');
    await page.goto(signinUrl);
    await page.getByText('签到成功').waitFor();
    await shot(stage, page, 'meeting-signed-in-390');
    await page.goto(signinUrl);
    await page.getByText('签到未成功').waitFor();
    await page.getByText(/不能重复签到/).waitFor();
    await page.close();
  });

  test('the office sees the attendance table and approves the leave', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await openFromMenu(page, false);
    const table = page.getByTestId('attendance-table');
    await table.waitFor();
    await page.getByText('出勤情况').waitFor();
    const row1 = table.getByRole('row').filter({ hasText: '参加省政协组织的培训' });
    await row1.waitFor();
    await shot(stage, page, 'meeting-attendance-1280');
    await row1.getByRole('button', { name: /准\s*假/ }).first().click();
    await table.getByText('已准假').waitFor();
    // the member who signed in shows the time of the sign-in
    assert.ok((await table.locator('.ant-tag-green').count()) >= 1);
    await shot(stage, page, 'meeting-leave-approved-1280');
    await page.close();
  });
});
