/**
 * Browser story of 工作年度: the proposal office's 提案统计, the research centre's 社情民意统计 and a member's 我的履职 open
 * on the same working year and say so in the same words (year and session), at desktop and phone widths.
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
const out = '/tmp/shots-year';

describe('工作年度 user story (chromium)', { skip, timeout: 600_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); fs.mkdirSync(out, { recursive: true }); });
  after(async () => { await stage?.close(); });

  const labelOn = async (username: string, path: string, viewport: { width: number; height: number }, name: string) => {
    const page: Page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    await page.goto(stage.baseUrl + path);
    const label = page.getByTestId('work-year-label').first();
    await label.waitFor();
    const text = (await label.innerText()).trim();
    const year = await label.getAttribute('data-year');
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    fs.copyFileSync(await shot(stage, page, name), `${out}/${name}.png`);
    await page.close();
    return { text, year, fits };
  };

  test('提案统计, 社情民意统计 and 我的履职 show the same working year and session as the server\'s', async () => {
    const api = await (await stage.started.login('member')).get('/api/work-year');
    assert.equal(api.status, 200, JSON.stringify(api.body));
    const expected = `${api.body.year} 工作年度 · ${api.body.sessionLabel}`;
    for (const [viewport, w] of [[desktop, 1280], [phone, 390]] as const) {
      const shown = [
        await labelOn('proposal', '/proposals/stats', viewport, `proposal-stats-${w}`),
        await labelOn('editor', '/opinions/stats', viewport, `opinion-stats-${w}`),
        await labelOn('member', '/members/me', viewport, `member-record-${w}`),
      ];
      for (const s of shown) {
        assert.equal(s.text, expected, `every page says ${expected}`);
        assert.equal(Number(s.year), api.body.year);
        if (w === 390) assert.ok(s.fits, 'the page fits the phone screen');
      }
    }
  });

  test('社情民意统计 and 年度通报 name the days their figures count: the working year\'s, from the day after the cut-off', async () => {
    const api = await (await stage.started.login('member')).get('/api/work-year');
    const days = `（${api.body.startsOn} 至 ${api.body.endsOn}）`;
    fs.mkdirSync('/tmp/shots-workyear', { recursive: true });
    for (const [viewport, w] of [[desktop, 1280], [phone, 390]] as const) {
      for (const [path, name] of [['/opinions/stats', 'opinion-stats'], ['/opinions/ranking', 'opinion-ranking']] as const) {
        const page: Page = await stage.freshPage(viewport);
        await signIn(stage, page, 'editor');
        await page.goto(stage.baseUrl + path);
        const shown = page.getByTestId('year-days').first();
        await shown.waitFor();
        assert.equal((await shown.innerText()).trim(), days, `${path} at ${w}px`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${path} fits ${w}px`);
        fs.copyFileSync(await shot(stage, page, `${name}-days-${w}`), `/tmp/shots-workyear/${name}-${w}.png`);
        await page.close();
      }
    }
  });
});
