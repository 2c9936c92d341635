/**
 * Browser story of a 协商活动: the 农业和农村委员会 schedules a meeting for today on a desktop and sends the notice; a member
 * on a phone finds the invitation, confirms, hands in a written speech and signs in by the meeting's QR link (a second
 * scan is refused); the committee drafts the outcome with its recommendations, a leader signs it off and the committee
 * sends it to the party committee and government: the tracker's recommendations event is in the outbox, delivered.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('consultation meeting story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `关于发展设施农业的专题协商会（${clock.nowMs().toString(36)}）`;
  let id = '';
  let signinUrl = '';

  test('the committee schedules a meeting for today, invites a member and sends the notice', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(stage.baseUrl + '/consultations');
    await page.getByRole('button', { name: /新建协商活动/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建协商活动' });
    await dialog.getByLabel('协商议题').fill(title);
    await dialog.getByLabel('牵头专委会').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^农业和农村委员会$/ }).click();
    await dialog.getByLabel('会议日期').click();
    await dialog.getByLabel('会议日期').fill(stage.started.zx.ctx.calendar.today());
    await dialog.getByLabel('会议日期').press('Enter');
    await dialog.getByLabel('会议地点').fill('市政协三楼会议室');
    await dialog.getByLabel('议题背景').fill('围绕设施农业发展开展专题协商。');
    await shot(stage, page, 'consultation-new-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/consultations\/[^/]+$/);
    id = page.url().split('/').pop()!;
    await page.getByText('筹备中').first().waitFor();

    // the invitation list: the demo member, by the API the page's 邀请 dialog calls
    const staff = await stage.started.login('committee');
    const memberId = String((await stage.started.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'member').executeTakeFirstOrThrow()).id);
    const detail = (await staff.get(`/api/consultations/${id}`)).body;
    assert.equal((await staff.post(`/api/consultations/${id}/participants`, { version: detail.version, userIds: [memberId], others: [{ kind: 'expert', name: '李教授' }] })).status, 200);
    await page.reload();
    await page.getByRole('cell', { name: '李教授' }).waitFor();
    await page.getByRole('button', { name: /发出通知/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已发通知').first().waitFor();
    await shot(stage, page, 'consultation-notified-1280');
    // the day's QR link, as the screen in the meeting room shows it
    await page.getByRole('button', { name: /显示签到码/ }).click();
    const link = page.locator('[data-signin-url]');
    await link.waitFor();
    signinUrl = String(await link.getAttribute('data-signin-url'));
    assert.match(signinUrl, /\/signin\?t=/);
    await shot(stage, page, 'consultation-signin-code-1280');
    await page.close();
  });

  test('a member on a phone confirms, hands in a written speech and signs in by the QR link, once', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(stage.baseUrl + '/consultations');
    await page.getByRole('link', { name: title }).click();
    await page.getByText('您受邀参加本次协商会议').waitFor();
    await shot(stage, page, 'consultation-invitation-390');
    await page.getByRole('button', { name: /确认参会/ }).click();
    await page.getByText('已确认参会').first().waitFor();
    await page.getByRole('button', { name: /提交书面发言/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('书面发言').fill('关于发展设施农业的书面发言：建议加大冷链物流和智能温室建设投入。');
    await dialog.getByRole('button', { name: /提交书面发言/ }).click();
    await page.getByText('我的书面发言').waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, page, 'consultation-speech-390');

    await page.goto(signinUrl);
    await page.getByText('签到成功').waitFor();
    await shot(stage, page, 'consultation-signed-in-390');
    await page.goto(signinUrl);
    await page.getByText('签到未成功').waitFor();
    await page.getByText(/重复签到/).waitFor();
    await page.close();
  });

  test('the outcome is drafted, signed off and sent: the recommendations go to the tracker', async () => {
    const staff = await stage.started.login('committee');
    const leader = await stage.started.login('leader');
    const unitId = String((await stage.started.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市农业农村局').executeTakeFirstOrThrow()).id);
    let r = (await staff.get(`/api/consultations/${id}`)).body;
    const fire = async (c: typeof staff, action: string, input: Record<string, unknown> = {}) => {
      const res = await c.post(`/api/consultations/${id}/transitions`, { action, version: r.version, input });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      r = res.body;
    };
    await fire(staff, 'send_materials');
    await fire(staff, 'hold', { minutes: '会议通报了设施农业调研情况，委员发言，部门回应。' });
    await fire(staff, 'draft_outcome', { outcomeKind: 'proposal_report' });

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/consultations/${id}`);
    await page.getByRole('button', { name: /编辑成果/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '成果正文' });
    await dialog.getByLabel('成果正文').fill('关于发展设施农业的建议案：加快冷链物流和智能温室建设。');
    await dialog.getByLabel('建议内容').fill('加快冷链物流设施建设');
    await dialog.getByLabel('责任单位').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^市农业农村局$/ }).click();
    await dialog.getByRole('button', { name: /保存成果/ }).click();
    await page.getByText('加快冷链物流设施建设').first().waitFor();
    // 提交签发 takes no input: it fires at once
    await page.getByRole('button', { name: /提交签发/ }).click();
    await page.getByText('待签发').first().waitFor();

    r = (await leader.get(`/api/consultations/${id}`)).body;
    await fire(leader, 'sign_off');
    await page.reload();
    await page.getByRole('button', { name: /报送党委政府/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确认报送党委政府/ }).click();
    await page.getByText('已报送').first().waitFor();
    await shot(stage, page, 'consultation-sent-1280');

    await stage.started.zx.ctx.events.drain();
    const rows = await stage.started.zx.ctx.db.selectFrom('outbox').select(['payload', 'delivered_at']).where('type', '=', 'recommendations.requested').where('entity_id', '=', id).execute();
    assert.equal(rows.length, 1);
    const payload = typeof rows[0].payload === 'string' ? JSON.parse(rows[0].payload) : rows[0].payload;
    assert.deepEqual(payload.items.map((i: any) => [i.text, i.unitIds]), [['加快冷链物流设施建设', [unitId]]]);
    assert.ok(rows[0].delivered_at, 'delivered');
    await page.close();
  });
});
