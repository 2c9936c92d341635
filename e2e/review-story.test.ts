/**
 * Browser story of 领导驾驶舱 and 工作回眸: a leader opens the dashboard on a phone from the menu, turns to 2025 and
 * drills from a figure into its records (the list shows as many as the figure counts); the 秘书长 (office) edits the
 * review's wording on a desktop (a typed number is refused next to the field), saves it with live figures and
 * downloads the Word file, whose text holds the figures. Screenshots at phone and desktop widths.
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
const shots = '/tmp/shots-review';

describe('领导驾驶舱与工作回眸 user story (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); fs.mkdirSync(shots, { recursive: true }); });
  after(async () => { await stage?.close(); });

  // one person at a time: each page keeps its live event stream open, and a browser opens only six connections to a
  // host, so pages left open would starve the next one
  const open: Page[] = [];
  const as = async (username: string, viewport = desktop): Promise<Page> => {
    for (const p of open.splice(0)) await p.close();
    const page = await stage.freshPage(viewport);
    open.push(page);
    await signIn(stage, page, username);
    return page;
  };
  const keep = async (page: Page, name: string) => fs.copyFileSync(await shot(stage, page, name), `${shots}/${name}.png`);
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  test('a leader on a phone opens the dashboard and drills from a figure into its records', async () => {
    const page = await as('leader', phone);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('.ant-drawer nav').getByText('领导驾驶舱').click();
    await page.waitForURL(/\/dashboard/);
    await page.getByTestId('attention').waitFor();
    // the year of the seed article
    await page.getByLabel('年度').click();
    await page.locator('.ant-select-item-option[title="2025"]').click();
    await page.waitForURL(/year=2025/);
    const tile = page.getByTestId('figure-proposals.received');
    // the tiles of the year the page opened on stay until 2025's figures arrive (with the clock in a year that has
    // proposals of its own, they are there at once)
    await tile.filter({ hasText: '546' }).waitFor();
    assert.equal((await tile.innerText()).replace(/\D/g, ''), '546');
    assert.ok(await fitsWidth(page), 'the dashboard fits the phone screen');
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await keep(page, 'dashboard-390');

    const list = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/proposals' && r.status() === 200);
    await tile.click();
    await page.waitForURL(/\/proposals\?/);
    const body = await (await list).json();
    assert.equal(body.total, 546, 'the list behind the figure has as many proposals as it counts');
    await keep(page, 'drill-390');

    const wide = await as('leader', desktop);
    await wide.goto(`${stage.baseUrl}/dashboard?year=2025`);
    await wide.getByTestId('figure-opinions.submitted').waitFor();
    await keep(wide, 'dashboard-1280');
    // 热点: the last year's hot topics; the second opens 热点分析 on that topic with its records
    const hot = wide.getByTestId('dashboard-hot-topic');
    await hot.first().waitFor();
    const second = (await hot.nth(1).innerText()).trim();
    await hot.nth(1).click();
    await wide.waitForURL(/\/hot-topics\?days=365&topic=1/);
    const pressed = wide.locator('[data-testid="hot-topic"][aria-pressed="true"]');
    await pressed.waitFor();
    assert.equal((await pressed.innerText()).split('(')[0].trim(), second.replace(/\s*\d+\s*件$/, '').trim(), 'the topic clicked is the one opened');
    assert.ok(await wide.getByTestId('hot-topic-items').locator('.ant-list-item').count() > 0, 'its records are listed');
    await wide.goto(`${stage.baseUrl}/dashboard?year=2025&screen=1`);
    await wide.getByTestId('large-screen').waitFor();
    await wide.getByTestId('figure-opinions.submitted').waitFor();
    await keep(wide, 'dashboard-large-screen-1280');
  });

  test('the office edits the review wording around live figures and downloads the Word file', async () => {
    const page = await as('secgen', desktop);
    await page.goto(`${stage.baseUrl}/review?year=2025`);
    await page.getByTestId('section-advise').waitFor();
    assert.match(await page.getByTestId('wording-advise').innerText(), /收到提案546件/);
    await keep(page, 'review-1280');

    await page.getByRole('button', { name: '修改文稿' }).click();
    const advise = page.getByTestId('edit-advise');
    await advise.fill('全年共收到提案546件。');
    await page.getByTestId('save-review').click();
    await page.getByText(/不能直接写入数字/).waitFor();
    await keep(page, 'review-edit-refused-1280');
    await advise.fill('全年立案{proposals.filed}，{proposals.filed|change}；收到社情民意信息{opinions.submitted}。');
    await page.getByTestId('save-review').click();
    await page.getByTestId('section-advise').waitFor();
    const text = await page.getByTestId('wording-advise').innerText();
    assert.match(text, /全年立案464件，.*收到社情民意信息3543篇。/);

    const download = page.waitForEvent('download');
    await page.getByTestId('download-docx').click();
    const file = await (await download).path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, '');
    assert.ok(words.includes('全年立案464件'), 'the Word file holds the wording with its figures');
    assert.ok(words.includes('收到提案546件'), 'and the section\'s figures');

    const small = await as('secgen', phone);
    await small.goto(`${stage.baseUrl}/review?year=2025`);
    await small.getByTestId('section-advise').waitFor();
    assert.ok(await fitsWidth(small), 'the review fits the phone screen');
    await keep(small, 'review-390');
  });

  test('a city leader compares the counties on a desktop and opens a county cell\'s records; a county leader sees only theirs on a phone', async () => {
    const page = await as('leader', desktop);
    const counties = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/counties' && r.status() === 200);
    await page.goto(`${stage.baseUrl}/dashboard?year=2025`);
    const cs = await (await counties).json();
    assert.equal(cs.organisations.length, 13, 'the city and its twelve counties');
    const card = page.getByTestId('counties');
    await card.scrollIntoViewIfNeeded();
    assert.equal(await card.locator('thead th').count(), 14, 'a column per CPPCC after the figure names');
    // a county's nonzero cell of the module shown first
    const first = cs.figures[0].module;
    const luzhou = cs.rows.find((r: any) => r.organisation.name.includes('潞州区'));
    const f = cs.figures.find((x: any) => x.module === first && (luzhou.values[x.key]?.value ?? 0) > 0);
    assert.ok(f, 'a county figure above zero');
    const value = luzhou.values[f.key].value;
    const cell = page.getByTestId(`cell-${luzhou.organisation.id}-${f.key}`);
    assert.equal((await cell.innerText()).replace(/\D/g, ''), String(value));
    await keep(page, 'counties-1280');
    const list = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/records' && r.status() === 200);
    await cell.click();
    const body = await (await list).json();
    assert.equal(body.total, value, 'the county\'s list has as many records as the cell counts');
    const rows = page.locator('.ant-drawer-open .ant-list-item');
    await rows.nth(Math.min(value, 100) - 1).waitFor();
    assert.equal(await rows.count(), Math.min(value, 100), 'the drawer shows the county\'s rows');
    await keep(page, 'counties-records-1280');
    // the workbook of the comparison
    const download = page.waitForEvent('download');
    await page.keyboard.press('Escape');
    await page.getByTestId('counties-xlsx').click();
    assert.match((await download).suggestedFilename(), /\.xlsx$/);

    const phonePage = await as('countylead', phone);
    await phonePage.goto(`${stage.baseUrl}/dashboard?year=2025`);
    // what the page reads, asked with the county leader's own session (the response may come from the browser's cache)
    const own = await phonePage.evaluate(async () => (await fetch('/api/dashboard/counties?year=2025')).json());
    assert.deepEqual(own.organisations.map((o: any) => o.name), [luzhou.organisation.name], 'a county sees only itself');
    const ownCard = phonePage.getByTestId('counties');
    await ownCard.scrollIntoViewIfNeeded();
    assert.equal(await ownCard.locator('thead th').count(), 2);
    const ownCell = phonePage.getByTestId(`cell-${luzhou.organisation.id}-${f.key}`);
    assert.equal((await ownCell.innerText()).replace(/\D/g, ''), String(value), 'the county reads the figure the city reads for it');
    assert.ok(await fitsWidth(phonePage), 'the dashboard fits the phone screen');
    await keep(phonePage, 'county-leader-390');
  });
});
