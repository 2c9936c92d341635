/**
 * Browser story of 年度协商计划: a committee proposes a topic; the office accepts it into the year's draft plan, completes
 * the item (month, lead committee, department) and puts the plan to the chair's meeting; the leader approves it; the
 * Word document downloads with the item in it; after approval the office moves the item to another month with a reason,
 * and the change log shows it. The plan is read on a phone too. A proposal linked to the item shows under it in the
 * year's list of plan items, on a desktop and on a phone, and opens the proposal. Screenshots at desktop and phone widths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const TITLE = '推动县域商业体系建设';

describe('年度协商计划 user story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  let planUrl = '';
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  /** pick an option of the antd Select inside a form item labelled `label` */
  const choose = async (page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) => {
    await scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) }).locator('.ant-select').first().click();
    // a searchable list (the departments) narrows to the option as it is typed; a plain one ignores the keys
    await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  };

  test('a committee proposes a topic; the office puts it into the draft plan and completes it; the plan goes to the chair\'s meeting', async () => {
    const committee = await as('committee');
    await committee.goto(stage.baseUrl + '/consultations/topics');
    await committee.getByRole('button', { name: '提出协商选题' }).click();
    const dialog = committee.getByRole('dialog');
    await dialog.getByLabel('选题名称').fill(TITLE);
    await choose(committee, dialog, '建议协商形式', '专题协商会');
    await dialog.getByLabel('选题理由').fill('县域商业网点布局不均衡，农村物流配送成本高，建议开展专题协商。');
    await dialog.getByLabel('联系人及电话').fill('李联络员 0355-2020000');
    // the committee's survey report goes with the topic
    const chooser = committee.waitForEvent('filechooser');
    await dialog.getByTestId('topic-material-upload').click();
    await (await chooser).setFiles({ name: '县域商业调研报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await dialog.getByText('县域商业调研报告.pdf').waitFor();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await committee.waitForURL(/\/consultations\/topics\/[^/]+$/);
    await committee.getByText('待处理').first().waitFor();
    await committee.getByTestId('topic-materials').getByRole('link', { name: /县域商业调研报告\.pdf/ }).waitFor();
    await shot(stage, committee, 'consultation-topic-material-1280');
    await committee.close();

    const office = await as('office');
    await office.goto(stage.baseUrl + '/consultations/topics?state=proposed');
    await office.getByRole('link', { name: TITLE }).click();
    await office.getByRole('button', { name: '列入计划' }).click();
    await office.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await office.getByText('已列入年度协商计划').waitFor();
    await office.getByRole('link', { name: '查看计划' }).click();
    await office.waitForURL(/\/consultations\/plans\/[^/]+$/);
    planUrl = office.url();
    const row = office.locator('tr', { hasText: TITLE });
    await row.getByRole('button', { name: '修改' }).click();
    const edit = office.getByRole('dialog');
    await choose(office, edit, '计划月份', '5月');
    await choose(office, edit, '牵头专委会', '经济委员会');
    await choose(office, edit, '协同部门', '市商务局');
    // a multiple choice stays open: clicking the dialog's title closes it
    await edit.locator('.ant-modal-title').click();
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('市商务局').waitFor();
    await shot(stage, office, 'plan-draft-desktop');
    await office.getByRole('button', { name: '报主席会议审定' }).click();
    await office.getByText('待主席会议审定').first().waitFor();
    await office.close();
  });

  test('the leader approves the plan; the Word document downloads with the item in it', async () => {
    const leader = await as('leader');
    await leader.goto(planUrl);
    await leader.getByRole('button', { name: '审定通过' }).click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByLabel('审定会议').fill('第三十二次主席会议');
    await dialog.getByLabel('审定日期').fill('2026-03-10');
    await dialog.getByRole('button', { name: /确认/ }).click();
    await leader.getByText('第三十二次主席会议').first().waitFor();
    const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByTestId('plan-docx').click()]);
    const file = await download.path();
    assert.ok(file, 'the document was downloaded');
    assert.match(download.suggestedFilename(), /年度协商计划\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(file!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    assert.ok(text.includes(TITLE), 'the item is in the document');
    assert.ok(text.includes('专题协商会') && text.includes('经济委员会') && text.includes('市商务局'));
    assert.ok(text.includes('第三十二次主席会议'));
    await leader.close();
  });

  test('after approval the office moves the item with a reason; the change log shows it, also on a phone', async () => {
    const office = await as('office');
    await office.goto(planUrl);
    const row = office.locator('tr', { hasText: TITLE });
    await row.locator('.ant-select').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '调整月份' }).click();
    const dialog = office.getByRole('dialog');
    await choose(office, dialog, '计划月份', '7月');
    await dialog.getByLabel('调整理由').fill('配合市委专题调研安排顺延两个月');
    await dialog.getByRole('button', { name: '记录调整' }).click();
    const log = office.getByTestId('plan-change').filter({ hasText: TITLE });
    await log.getByText('配合市委专题调研安排顺延两个月').waitFor();
    assert.match(await log.innerText(), /5月 → 7月/);
    await shot(stage, office, 'plan-approved-desktop');
    await office.close();

    const mobile = await as('office', phone);
    await mobile.goto(planUrl);
    await mobile.getByTestId('plan-change').first().waitFor();
    assert.ok(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the plan fits the phone screen');
    await shot(stage, mobile, 'plan-approved-phone');
    await mobile.goto(stage.baseUrl + '/consultations/topics');
    await mobile.getByText(TITLE).first().waitFor();
    await shot(stage, mobile, 'topics-phone');
    await mobile.close();
  });

  test('a proposal linked to the item shows under it in the year\'s list of plan items and opens the proposal', async () => {
    const office = await stage.started.login('office');
    const planId = planUrl.split('/').pop()!;
    const plan = (await office.get(`/api/consultations/plans/${planId}`)).body;
    const item = plan.items.find((i: { title: string }) => i.title === TITLE);
    const proposal = (await office.get('/api/proposals?pageSize=50')).body.items.find((p: { number: string | null }) => p.number);
    assert.ok(item && proposal, 'the item and a numbered proposal exist');
    const linked = await office.put(`/api/consultations/plans/${planId}/items/${item.id}/links`, { version: item.version, sourceProposalIds: [proposal.id], sourceReportIds: [], outcomeProposalIds: [], outcomeReportIds: [] });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));

    const page = await as('office');
    await page.goto(`${stage.baseUrl}/consultations/plans?year=${plan.year}`);
    const row = page.locator('tr', { hasText: TITLE });
    await row.getByTestId('topic-links').getByText('选题来源').waitFor();
    await shot(stage, page, 'plan-items-links-1280');
    await row.getByRole('link', { name: proposal.title }).click();
    await page.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await page.getByText(proposal.title).first().waitFor();
    await page.close();

    const mobile = await as('office', phone);
    await mobile.goto(`${stage.baseUrl}/consultations/plans?year=${plan.year}`);
    const entry = mobile.locator('.ant-list-item', { hasText: TITLE });
    await entry.getByRole('link', { name: proposal.title }).waitFor();
    assert.ok(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the list fits the phone screen');
    await shot(stage, mobile, 'plan-items-links-390');
    await entry.getByRole('link', { name: proposal.title }).click();
    await mobile.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await mobile.close();
    process.stderr.write(`screenshots: ${stage.screenshots}\n`);
  });
});
