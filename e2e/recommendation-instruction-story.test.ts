/**
 * Browser stories of 批示 and 我的待落实 on the demo. The office records a leader's 批示 on one recommendation of the
 * 物业管理 调研报告 from the trip's page (desktop), with its document; the office, the 市住建局 clerk (whose department
 * must act on it) and a leader find it on the recommendation, on a desk and on a phone, its document shown as 批示件 with
 * the leader's name and the day (not the file's name; in English too), and open it. Then the clerk's 我的待落实 on a phone: its open
 * recommendations, overdue first, exactly as many as the tracker counts; the clerk opens the first and reports progress.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const keep = process.env.ZX_SHOTS_DIR;
const TRIP = '提升物业管理质量';
const REC = '建立物业服务质量星级评价和公示制度';
const WORDS = '请市住建局年内建成物业服务质量星级评价制度，按季度公示。';

describe('批示 and 我的待落实 (chromium)', { skip, timeout: 400_000 }, () => {
  let stage: Stage;
  let tripId: string;
  let partId: string;
  before(async () => {
    stage = await startStage();
    const db = stage.started.zx.ctx.db;
    tripId = (await db.selectFrom('inspections' as never).select('id' as never).where('title' as never, '=', TRIP as never).executeTakeFirstOrThrow() as { id: string }).id;
    partId = (await db.selectFrom('recommendations' as never).select('id' as never).where('source_id' as never, '=', tripId as never).where('item_key' as never, '=', '1' as never)
      .executeTakeFirstOrThrow() as { id: string }).id;
  });
  after(async () => {
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      for (const f of fs.readdirSync(stage.screenshots)) fs.copyFileSync(path.join(stage.screenshots, f), path.join(keep, f));
    }
    await stage?.close();
  });

  test('the office records a leader\'s 批示 on recommendation 1 of the report, with its document (1280 px)', async () => {
    const page = await stage.freshPage({ width: 1280, height: 900 });
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/inspections/${tripId}`);
    await page.getByText('领导批示').first().waitFor();
    await page.locator('button[data-action="record_instruction"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('批示领导').fill('市委副书记');
    await dialog.getByLabel('批示日期').click();
    await page.locator('.ant-picker-dropdown:visible').getByText('今天').click();
    await dialog.getByLabel('批示内容').fill(WORDS);
    await dialog.getByText('指定建议').click();
    await dialog.getByLabel('针对的建议序号').click();
    await page.locator('.ant-select-item-option').filter({ hasText: `1. ${REC}` }).click();
    // close the picker's list (it stays open for more choices) by going back to the text
    await dialog.getByLabel('批示内容').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const file = path.join(os.tmpdir(), '市委副书记批示件.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('市委副书记批示件.pdf').waitFor();
    await shot(stage, page, 'instruction-record-1280');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const recorded = page.getByTestId('instruction').filter({ hasText: WORDS });
    await recorded.getByText('第 1 条建议').waitFor();
    await recorded.getByRole('link', { name: /市委副书记批示件\.pdf/ }).waitFor();
    await shot(stage, page, 'instruction-recorded-1280');
    // the plan of the year downloads as a Word document from the list
    await page.goto(`${stage.baseUrl}/inspections?year=2025`);
    const plan = await page.getByTestId('plan-docx').getAttribute('href');
    const res = await page.evaluate(async (u) => { const r = await fetch(u!); return { status: r.status, type: r.headers.get('content-type') }; }, plan);
    assert.equal(res.status, 200);
    assert.match(String(res.type), /wordprocessingml/);
    await page.close();
  });

  // the office that follows it up, the department that must act and a leader: each on a desk and on a phone
  const readers: Array<[string, number]> = [['office', 1280], ['office', 390], ['unit', 1280], ['unit', 390], ['leader', 1280], ['leader', 390]];
  for (const [who, width] of readers) {
    test(`${who} sees the 批示 on the recommendation, its document named 批示件 with the leader and the day (${width} px)`, async () => {
      await stage.started.zx.ctx.events.drain();
      const page = await stage.freshPage({ width, height: width > 400 ? 900 : 844 });
      await signIn(stage, page, who);
      await page.goto(`${stage.baseUrl}/recommendations/${partId}`);
      const shown = page.getByTestId('instruction').filter({ hasText: WORDS });
      await shown.waitFor();
      assert.match(await shown.innerText(), /市委副书记/);
      const onDate = await page.evaluate(async ([id, words]) => {
        const r = await (await fetch(`/api/recommendations/${id}`)).json();
        return (r.instructions as Array<{ text: string; onDate: string }>).find((i) => i.text === words)!.onDate;
      }, [partId, WORDS] as const);
      const link = shown.getByTestId('instruction-document');
      const label = (await link.innerText()).trim();
      assert.equal(label, `批示件（市委副书记，${onDate}）`, 'a labelled document: what it is, whose, of which day');
      assert.doesNotMatch(label, /\.pdf/, 'not the file\'s name');
      // the link is in view on the page (not cut off at phone width)
      const box = await link.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width, `the link lies within the ${width} px page: ${JSON.stringify(box)}`);
      const href = await link.getAttribute('href');
      const status = await page.evaluate(async (u) => (await fetch(u!)).status, href);
      assert.equal(status, 200, `${who} reads the document`);
      // the 批示件 is not among the reply's evidence
      assert.equal(await page.getByText('市委副书记批示件.pdf').count(), 0);
      await shot(stage, page, `instruction-${who}-${width}`);
      if (who === 'unit' && width === 390) {
        // the 市教育局, with no part of recommendation 1, does not read it
        const other = await stage.freshPage({ width: 390, height: 844 });
        await signIn(stage, other, 'unit2');
        assert.equal(await other.evaluate(async (u) => (await fetch(u!)).status, href), 404);
        await other.close();
      }
      if (who === 'leader' && width === 1280) {
        // in English: the same link, its words in English, the name and the day as they are
        const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).csrfToken as string);
        const setLocale = (locale: string) => page.evaluate(async ([l, c]) => {
          const r = await fetch('/api/auth/preferences', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': c }, body: JSON.stringify({ locale: l }) });
          return r.status;
        }, [locale, csrf] as const);
        assert.equal(await setLocale('en'), 200);
        await page.reload();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const en = page.getByTestId('instruction').filter({ hasText: WORDS }).getByTestId('instruction-document');
        await en.waitFor();
        assert.equal((await en.innerText()).trim(), `Instruction document (市委副书记, ${onDate})`);
        await shot(stage, page, 'instruction-leader-1280-en');
        // back to Chinese, here and in the browser's remembered preference the next sign-in page starts from
        assert.equal(await setLocale('zh-CN'), 200);
        await page.reload();
        await page.waitForFunction(() => document.documentElement.lang !== 'en');
      }
      await page.close();
    });
  }

  test('我的待落实 on a phone: overdue first, as many as owed; the clerk opens the first and reports progress (390 px)', async () => {
    const page = await stage.freshPage({ width: 390, height: 844 });
    await signIn(stage, page, 'unit');
    await page.goto(`${stage.baseUrl}/recommendations/mine`);
    const cards = page.getByTestId('owed');
    await cards.first().waitFor();
    const api = await page.evaluate(async () => {
      const open = await (await fetch('/api/recommendations?open=true&pageSize=1')).json();
      const overdue = await (await fetch('/api/recommendations?overdue=true&pageSize=1')).json();
      return { open: open.total as number, overdue: overdue.total as number };
    });
    assert.ok(api.overdue > 0 && api.open > api.overdue, JSON.stringify(api));
    const flags = await cards.evaluateAll((els) => els.map((e) => !!Array.from(e.querySelectorAll('.ant-tag')).find((t) => t.textContent === '超期')));
    assert.equal(flags.length, Math.min(api.open, 20), 'one card per open recommendation on the first page');
    const firstNotOverdue = flags.indexOf(false);
    assert.equal(firstNotOverdue, Math.min(api.overdue, 20), 'every overdue one comes before the rest');
    assert.ok(flags.slice(firstNotOverdue).every((f) => !f), 'none overdue after the first that is not');
    await shot(stage, page, 'mine-unit-390');

    const first = cards.first();
    const text = (await first.locator('strong').innerText()).trim();
    await first.locator('button[data-action="report-progress"]').click();
    await page.waitForURL(/\/recommendations\/[^/]+$/);
    await page.locator('button[data-action="reply"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('落实情况').fill('已成立工作专班，完成调研摸底，正在起草实施方案。');
    await shot(stage, page, 'mine-unit-reply-390');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '已反馈' }).first().waitFor();
    await page.getByText('已成立工作专班').first().waitFor();
    await shot(stage, page, 'mine-unit-replied-390');
    // back on the page, the reply is no longer overdue work: one overdue fewer
    await page.goto(`${stage.baseUrl}/recommendations/mine`);
    await cards.first().waitFor();
    const after = await page.evaluate(async () => (await (await fetch('/api/recommendations?overdue=true&pageSize=1')).json()).total as number);
    assert.equal(after, api.overdue - 1, `replying to 「${text}」 takes it off the overdue count`);
    await page.close();
  });
});
