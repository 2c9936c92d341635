/**
 * Browser story of a consultation's participants and links: the 农业和农村委员会's staff invite the members of a
 * committee and of a 界别 in the 邀请 dialog and see them listed; after the meeting they link a proposal found by its
 * number and the committee's own 社情民意 report found by its title; the proposal's page (desktop) and the report's
 * page (phone) then show the consultation under 关联协商, while someone who does not use consultations sees no panel.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('consultation participants and links story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const tag = clock.nowMs().toString(36);
  const title = `关于农产品加工园区建设的对口协商（${tag}）`;
  const reportTitle = `关于农产品加工园区用地难的情况反映（${tag}）`;
  let id = '';
  let proposal: { id: string; number: string; title: string };
  let reportId = '';

  /** every member the members' search lists for a filter (the invitation by committee or 界别 invites the same) */
  const membersOf = async (filter: Record<string, string>) => {
    const staff = await stage.started.login('committee');
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const r = await staff.get(`/api/members/search?${new URLSearchParams({ ...filter, page: String(page), pageSize: '100' })}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      ids.push(...r.body.items.map((x: any) => x.userId));
      if (ids.length >= r.body.total || !r.body.items.length) return ids;
    }
  };

  test('the committee invites a committee and a 界别 in the 邀请 dialog, and the members appear', async () => {
    const staff = await stage.started.login('committee');
    const options = (await staff.get('/api/consultations/options')).body;
    const agri = options.committees.find((c: any) => c.name.includes('农业和农村'));
    const sector = options.sectors.find((s: any) => s.name === '民盟');
    assert.ok(agri && sector, 'the demo has the committee and the 界别');
    const created = await staff.post('/api/consultations', {
      title, form: 'counterpart', topic: '围绕农产品加工园区建设开展对口协商。', leadCommitteeId: agri.id, partnerUnitIds: [], plannedOn: stage.started.zx.ctx.calendar.today(), place: '市政协二楼会议室',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    id = created.body.id;
    const byCommittee = await membersOf({ committee: agri.id });
    const bySector = await membersOf({ sector: sector.id });
    assert.ok(byCommittee.length > 0 && bySector.length > 0);
    const both = new Set([...byCommittee, ...bySector]);

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/consultations/${id}`);
    const count = page.locator('.ant-card-head-title').filter({ hasText: '参会人员' });
    await count.filter({ hasText: '(0)' }).waitFor();

    await page.locator('.ant-card-head').filter({ hasText: '参会人员' }).getByRole('button', { name: /邀\s*请/ }).click();
    let dialog = page.getByRole('dialog').filter({ hasText: '邀请参会' });
    await dialog.getByLabel('按专委会').click();
    await page.locator('.ant-select-item-option').filter({ hasText: agri.name }).click();
    await shot(stage, page, 'consultation-invite-committee-1280');
    await dialog.getByRole('button', { name: /^邀\s*请$/ }).click();
    await count.filter({ hasText: `(${byCommittee.length})` }).waitFor();

    await page.locator('.ant-card-head').filter({ hasText: '参会人员' }).getByRole('button', { name: /邀\s*请/ }).click();
    dialog = page.getByRole('dialog').filter({ hasText: '邀请参会' });
    await dialog.getByLabel('按界别').fill('民盟');
    await page.locator('.ant-select-item-option').filter({ hasText: /^民盟$/ }).click();
    await dialog.getByRole('button', { name: /^邀\s*请$/ }).click();
    // a member in both is invited once
    await count.filter({ hasText: `(${both.size})` }).waitFor();
    await shot(stage, page, 'consultation-invited-1280');
    const detail = (await staff.get(`/api/consultations/${id}`)).body;
    assert.deepEqual(new Set(detail.participants.map((p: any) => p.userId)), both);
    await page.close();
  });

  test('after the meeting the committee links a proposal by its number and a report by its title', async () => {
    const staff = await stage.started.login('committee');
    // a proposal the committee's staff may read (an answered, public one) and the committee's own report
    const listed = (await staff.get('/api/proposals?pageSize=50')).body.items.filter((p: any) => p.number);
    assert.ok(listed.length, 'the committee may read some proposals');
    proposal = listed[0];
    const rep = await staff.post('/api/opinions', { title: reportTitle, body: '协商中委员反映，农产品加工园区用地指标紧张、审批周期长，建议统筹安排用地并简化审批。' });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    reportId = rep.body.id;

    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/consultations/${id}`);
    await page.getByRole('button', { name: '编辑关联' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑关联' });
    const digits = proposal.number.replace(/\D/g, '');
    await dialog.getByLabel('关联提案').fill(digits);
    await page.locator('.ant-select-item-option').filter({ hasText: proposal.title }).first().click();
    await dialog.getByLabel('关联社情民意').fill('加工园区用地难');
    await page.locator('.ant-select-item-option').filter({ hasText: reportTitle }).click();
    await shot(stage, page, 'consultation-links-picker-1280');
    // the list closes when one clicks elsewhere in the dialog
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^关联$/ }) });
    await card.getByRole('link', { name: proposal.title }).waitFor();
    await card.getByRole('link', { name: reportTitle }).waitFor();
    await shot(stage, page, 'consultation-links-1280');
    await page.close();
  });

  test('the proposal\'s page and the report\'s page show the consultation; who does not use consultations sees no panel', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'committee');
    await page.goto(`${stage.baseUrl}/proposals/${proposal.id}`);
    const panel = page.getByTestId('linked-consultations');
    await panel.getByRole('link', { name: title }).waitFor();
    await shot(stage, page, 'proposal-linked-consultations-1280');
    await panel.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/consultations/${id}$`));
    await page.close();

    const onPhone = await stage.freshPage(phone);
    await signIn(stage, onPhone, 'committee');
    await onPhone.goto(`${stage.baseUrl}/opinions/${reportId}`);
    await onPhone.getByTestId('linked-consultations').getByRole('link', { name: title }).waitFor();
    assert.ok((await onPhone.evaluate(() => document.documentElement.scrollWidth)) <= phone.width, 'nothing runs off the phone screen');
    await shot(stage, onPhone, 'opinion-linked-consultations-390');
    await onPhone.close();

    // the proposals office reads the proposal but uses no consultations: the page has no such panel
    const other = await stage.freshPage(desktop);
    await signIn(stage, other, 'proposal');
    const asked: string[] = [];
    other.on('request', (r) => { if (r.url().includes('/api/consultations/')) asked.push(r.url()); });
    await other.goto(`${stage.baseUrl}/proposals/${proposal.id}`);
    await other.getByText('办理过程').first().waitFor();
    assert.equal(await other.getByTestId('linked-consultations').count(), 0);
    assert.deepEqual(asked, [], 'the panel does not even ask');
    await other.close();
  });
});
