/**
 * Browser story of a 视察: the 农业和农村委员会 has a trip for today on the year's plan, approved by the chair's meeting and
 * started; a member on a phone signs in by the day's QR link, marks a place visited and adds a note with a photo; the
 * committee staff, on a desktop, end the trip, draft the 视察报告 with its problems and recommendations in the report
 * editor and submit it; a leader signs it off; the committee sends it to the party committee and government; the
 * office finds the recommendations in the tracker (建议落实), one per responsible department.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const API = '/api/supervision/inspections';
// a small PNG, as a phone's camera would hand over
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('inspection story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const title = `设施农业用地专项视察（${clock.nowMs().toString(36)}）`;
  let id = '';
  let signinUrl = '';

  test('the committee\'s trip for today is approved and under way; the staff show the day\'s sign-in code', async () => {
    const staff = await stage.started.login('committee');
    const office = await stage.started.login('office');
    const today = stage.started.zx.ctx.calendar.today();
    const db = stage.started.zx.ctx.db;
    const userId = async (u: string) => String((await db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
    const committeeId = String((await db.selectFrom('users').select('org_id').where('username', '=', 'committee').executeTakeFirstOrThrow()).org_id);
    let r = (await staff.post(API, {
      kind: 'inspection', title, topic: '察看设施农业用地和大棚建设情况。', proposer: '农业和农村委员会', leadCommitteeId: committeeId,
      plannedFrom: today, plannedTo: today, places: ['潞城区'], participantIds: [await userId('member')], stops: [{ onDate: today, place: '潞城区设施农业园', purpose: '察看大棚建设' }],
    })).body;
    assert.ok(r.id, JSON.stringify(r));
    id = r.id;
    r = (await office.post(`${API}/${id}/transitions`, { action: 'approve', version: r.version, input: { meeting: '十届主席会议第8次会议', approvedOn: today } })).body;
    assert.equal(r.state, 'approved');

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/inspections/${id}`);
    await page.getByRole('button', { name: /开始实地调研视察/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('进行中').first().waitFor();
    await page.getByRole('button', { name: /显示签到码/ }).click();
    const link = page.locator('[data-signin-url]');
    await link.waitFor();
    signinUrl = String(await link.getAttribute('data-signin-url'));
    assert.match(signinUrl, /\/inspections\/.+\/signin\?t=/);
    await shot(stage, page, 'inspection-signin-code-1280');
    await page.close();
  });

  test('a member on a phone signs in by the QR link, marks the place visited and adds a note with a photo', async () => {
    const page = await stage.freshPage(phone);
    await signIn(stage, page, 'member');
    await page.goto(signinUrl);
    await page.getByText('签到成功').waitFor();
    await shot(stage, page, 'inspection-signed-in-390');
    await page.getByRole('button', { name: /返回调研视察/ }).click();
    await page.getByText('您已签到').waitFor();
    await page.getByRole('button', { name: /到\s*达/ }).click();
    await page.getByText('已考察').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '大棚现场.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('大棚现场.png').waitFor();
    await page.getByLabel('考察点').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '潞城区设施农业园' }).click();
    await page.getByLabel('笔记内容').fill('部分大棚闲置，设施农业用地手续办理周期长。');
    await shot(stage, page, 'inspection-note-390');
    await page.getByRole('button', { name: /保存记录/ }).click();
    await page.getByText('部分大棚闲置，设施农业用地手续办理周期长。').waitFor();
    await page.getByRole('img', { name: '大棚现场.png' }).waitFor();
    await shot(stage, page, 'inspection-notes-390');
    // a second scan of the code is refused: once per trip
    await page.goto(signinUrl);
    await page.getByText('签到未成功').waitFor();
    await page.getByText(/已经签到/).waitFor();
    await page.close();
  });

  test('the staff end the trip, draft the report with problems and recommendations and submit it; a leader signs it off', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/inspections/${id}`);
    await page.getByText('部分大棚闲置').waitFor();
    await page.getByRole('button', { name: /结束实地，起草报告/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确认|提\s*交/ }).click();
    await page.getByText('报告起草').first().waitFor();
    await page.getByRole('button', { name: /起草报告/ }).click();
    await page.waitForURL(/\/report$/);
    await page.getByLabel('报告正文').fill('视察组实地察看了潞城区设施农业园，听取了有关部门情况介绍。');
    await page.getByRole('button', { name: /添加问题/ }).click();
    await page.locator('input[id$="problems_0_text"]').fill('设施农业用地手续办理周期长');
    await page.getByLabel('建议内容').first().fill('简化设施农业用地备案手续');
    await page.getByLabel('责任单位').first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^市农业农村局$/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /添加建议/ }).click();
    await page.getByLabel('建议内容').nth(1).fill('盘活闲置大棚，引入经营主体');
    await page.getByLabel('责任单位').nth(1).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^市住建局$/ }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('修订说明').fill('初稿');
    await shot(stage, page, 'inspection-report-editor-1280');
    await page.getByRole('button', { name: /保存为新一稿/ }).click();
    await page.getByText('第 1 稿').first().waitFor();
    await page.getByRole('button', { name: /返回调研视察/ }).click();
    await page.getByText('意见建议（2 条）').waitFor();
    await page.getByRole('button', { name: /提交签发/ }).click();
    await page.getByText('待签发').first().waitFor();
    await page.close();

    const lead = await stage.freshPage(desktop);
    await signIn(stage, lead, 'leader');
    await lead.goto(`${stage.baseUrl}/inspections/${id}`);
    await lead.getByRole('button', { name: /^签\s*发$/ }).click();
    await lead.getByRole('dialog').getByRole('button', { name: /确认/ }).click();
    await lead.getByText('已签发').first().waitFor();
    await lead.close();
  });

  test('the committee sends the report; the recommendations appear in the tracker, one per department', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/inspections/${id}`);
    await page.getByRole('button', { name: /报送党委政府/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确认/ }).click();
    await page.getByText('已报送').first().waitFor();
    await shot(stage, page, 'inspection-sent-1280');
    await page.close();

    const office = await stage.freshPage(desktop);
    await signIn(stage, office, 'office');
    await office.goto(`${stage.baseUrl}/inspections/${id}`);
    await office.getByRole('link', { name: '建议落实情况' }).click();
    await office.waitForURL(/\/recommendations\?sourceId=/);
    // the tracker creates its items when the event is delivered, just after the 报送 commits
    await office.getByText('简化设施农业用地备案手续').waitFor({ timeout: 20_000 });
    await office.getByText('盘活闲置大棚，引入经营主体').waitFor();
    await shot(stage, office, 'inspection-tracker-1280');
    const client = await stage.started.login('office');
    const tracked = (await client.get(`/api/recommendations?sourceId=${id}&pageSize=10`)).body;
    assert.equal(tracked.total, 2);
    assert.deepEqual(tracked.items.map((i: any) => i.unitName).sort(), ['市住建局', '市农业农村局'].sort());
    await office.close();
  });
});
