/**
 * Browser story of 建议落实 on the demo: a consultation outcome asks for a recommendation to be tracked; the office sees
 * it on the board (desktop); the 市住建局 clerk opens it on a phone and replies with evidence; the office marks it
 * 已落实 in the assessment dialog; the figure of implemented recommendations and its list agree.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { recommendationsRequestedEvent } from '../src/modules/recommendations/contract.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const skip = await skipUnless('browser');
const keep = process.env.ZX_SHOTS_DIR;
const TEXT = '在城区老旧小区增设电动自行车集中充电设施';

describe('recommendation tracked to done (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  let id: string;
  before(async () => {
    stage = await startStage();
    const ctx = stage.started.zx.ctx;
    const city = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'cppcc').where('level', '=', 'city').executeTakeFirstOrThrow();
    const unit = await ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').where('tenant_id', '=', city.id).executeTakeFirstOrThrow();
    const office = await ctx.db.selectFrom('users').select('id').where('username', '=', 'office').executeTakeFirstOrThrow();
    await ctx.uow.run((w) => w.emit({
      type: recommendationsRequestedEvent, tenantId: city.id, actorId: office.id,
      payload: {
        tenantId: city.id, requestedBy: office.id,
        source: { module: 'consultations', type: 'consultation', id: 'story-1', title: '关于电动自行车安全管理的协商成果', link: '/consultations' },
        items: [{ key: '1', text: TEXT, unitIds: [unit.id], dueInWorkingDays: 15 }],
      },
    }));
    await ctx.events.drain();
    id = (await ctx.db.selectFrom('recommendations').select('id').where('source_id', '=', 'story-1').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      for (const f of fs.readdirSync(stage.screenshots)) fs.copyFileSync(path.join(stage.screenshots, f), path.join(keep, f));
    }
    await stage?.close();
  });

  test('the office sees the new recommendation on its board and list (1280 px)', async () => {
    const page = await stage.freshPage({ width: 1280, height: 900 });
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/recommendations?sourceType=consultation`);
    // the page's own card (the side menu also has the proposals' 督办看板)
    await page.locator('#main-content .ant-card-head-title', { hasText: '督办看板' }).waitFor();
    await page.getByRole('link', { name: TEXT }).waitFor();
    await shot(stage, page, 'recs-office-board-1280');
    await page.close();
    // a leader looks at the same board on a phone
    const phone = await stage.freshPage({ width: 390, height: 844 });
    await signIn(stage, phone, 'leader');
    await phone.goto(`${stage.baseUrl}/recommendations`);
    await phone.getByText('按责任单位').waitFor();
    await shot(stage, phone, 'recs-leader-board-390');
    await phone.close();
  });

  test('the unit clerk replies with evidence on a phone (390 px)', async () => {
    const page = await stage.freshPage({ width: 390, height: 844 });
    await signIn(stage, page, 'unit');
    await page.goto(`${stage.baseUrl}/recommendations`);
    // what the department owes: its recommendations, and its proposals in handling through the proposals module's list
    await page.getByText('本单位所欠提案办理').waitFor();
    await page.getByRole('link', { name: TEXT }).first().waitFor();
    await shot(stage, page, 'recs-unit-list-390');
    await page.getByRole('link', { name: TEXT }).first().click();
    await page.getByText('关于电动自行车安全管理的协商成果').waitFor();
    await shot(stage, page, 'recs-unit-detail-390');
    await page.locator('button[data-action="reply"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('落实情况').fill('已在 12 个小区建成集中充电棚，完成消防验收。');
    const file = path.join(os.tmpdir(), '充电设施验收单.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('充电设施验收单.pdf').waitFor();
    await shot(stage, page, 'recs-unit-reply-390');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已反馈').first().waitFor();
    await page.getByRole('link', { name: /充电设施验收单\.pdf/ }).waitFor();
    await shot(stage, page, 'recs-unit-replied-390');
    await page.close();
  });

  test('the office marks it 已落实; the figure and its list agree (1280 px)', async () => {
    const page = await stage.freshPage({ width: 1280, height: 900 });
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/recommendations/${id}`);
    await page.getByRole('link', { name: /充电设施验收单\.pdf/ }).waitFor();
    await page.locator('button[data-action="mark_implemented"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评估意见').fill('经实地核查，落实到位。');
    await shot(stage, page, 'recs-office-assess-1280');
    await dialog.getByRole('button', { name: /确认评为已落实/ }).click();
    await page.locator('.ant-tag', { hasText: '已落实' }).first().waitFor();
    await shot(stage, page, 'recs-office-done-1280');

    const today = clock.today();
    const figures = await page.evaluate(async (q) => (await fetch(`/api/figures?${q}`)).json(), `from=${today}&to=${today}&modules=recommendations`);
    const f = figures.groups[0].figures.find((x: any) => x.key === 'recommendations.implemented');
    assert.equal(f.value, 1, JSON.stringify(f));
    await page.goto(`${stage.baseUrl}${f.list.web}?${new URLSearchParams(f.list.query)}`);
    await page.getByRole('link', { name: TEXT }).waitFor();
    const rows = await page.getByTestId('recommendation-list').locator('.ant-table-tbody tr.ant-table-row').count();
    assert.equal(rows, f.value, 'the figure\'s list shows as many rows');
    await shot(stage, page, 'recs-figure-list-1280');
    await page.close();
  });
});
