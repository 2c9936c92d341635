/**
 * Browser story of 委员履职: a member on a phone opens 我的履职 from the menu and sees their proposals, opens a figure
 * and sees exactly its records; the proposal office opens 委员名录, finds the member by name and opens their record.
 * Screenshots at desktop and phone widths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 800 };

describe('委员履职 user story (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = desktop): Promise<Page> => {
    const page = await stage.freshPage(viewport);
    await signIn(stage, page, username);
    return page;
  };
  const yearInput = (page: Page) => page.locator('input[data-testid="record-year"], [data-testid="record-year"] input').first();
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  /** The demo member: their name, and their received proposals of the latest year that has any (the year the record should open at). */
  const demoMember = async () => {
    const db = stage.started.zx.ctx.db;
    const u = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'member').executeTakeFirstOrThrow();
    const rows = await db.selectFrom('proposals').select(['title', 'year']).where('proposer_user_id', '=', u.id)
      .where('submitted_at', 'is not', null).orderBy('year', 'desc').execute();
    assert.ok(rows.length > 0, 'the demo member has received proposals');
    const year = Number(rows[0].year);
    return { id: u.id as string, name: u.display_name as string, year, titles: rows.filter((r: any) => Number(r.year) === year).map((r: any) => r.title as string) };
  };

  test('a member on a phone opens 我的履职 and sees their proposals; a figure opens exactly its records', async () => {
    const m = await demoMember();
    const page = await as('member', phone);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('.ant-drawer nav').getByText('我的履职').click();
    await page.waitForURL(/\/members\/me/);
    await page.getByTestId('record-summary').waitFor();
    // the record opens at the current year; the member turns to the year of their latest proposals if it is another
    const shown = await yearInput(page).inputValue();
    if (Number(shown) !== m.year) {
      await yearInput(page).fill(String(m.year));
      await yearInput(page).press('Enter');
      await page.waitForURL(new RegExp(`year=${m.year}`));
    }
    const led = page.getByTestId('section-led');
    for (const title of m.titles) await led.getByText(title).waitFor();
    const ledCount = Number(await page.getByTestId('figure-proposals.member.led').getByTestId('figure-value').innerText());
    assert.equal(ledCount, m.titles.length, 'the 领衔提案 figure counts the member\'s received proposals');
    assert.ok(await fitsWidth(page), 'the record fits the phone screen');
    await page.getByTestId('record-trend').locator('canvas').first().waitFor();
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'member-record-phone');

    // the figure opens its records: only the led proposals are listed, and the focus says how many
    await page.getByTestId('figure-proposals.member.led').click();
    await page.getByTestId('record-focus').waitFor();
    assert.match(await page.getByTestId('record-focus').innerText(), new RegExp(`${m.titles.length} 条`));
    assert.equal(await page.getByTestId('section-cosigned').count(), 0, 'sections without the figure\'s records are hidden');
    // a proposal opens from the record
    await led.getByRole('link', { name: m.titles[0] }).click();
    await page.waitForURL(/\/proposals\/[0-9A-Z]{26}$/);
    await page.getByText(m.titles[0]).first().waitFor();
    await page.close();

    const wide = await as('member', desktop);
    await wide.goto(`${stage.baseUrl}/members/me?year=${m.year}`);
    await wide.getByTestId('section-led').getByText(m.titles[0]).waitFor();
    await wide.getByTestId('record-trend').locator('canvas').first().waitFor();
    await shot(stage, wide, 'member-record-desktop');
    // another member's record is not theirs to read
    const other = await stage.started.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirstOrThrow();
    await wide.goto(`${stage.baseUrl}/members/${other.id}`);
    await wide.getByText('无权访问').first().waitFor();
    await wide.close();
  });

  test('staff open 委员名录, find the member by name and open their record; the directory works on a phone', async () => {
    const m = await demoMember();
    const page = await as('proposal', desktop);
    await page.locator('aside nav').getByText('委员名录').click();
    await page.waitForURL(/\/members$/);
    await page.getByTestId('directory-table').locator('tbody tr').nth(5).waitFor();
    await shot(stage, page, 'member-directory-desktop');
    await page.getByTestId('directory-search').fill(m.name);
    await page.getByTestId('directory-submit').click();
    await page.waitForURL(/q=/);
    const row = page.getByTestId('directory-table').locator('tbody tr').filter({ hasText: m.name }).first();
    await row.waitFor();
    await row.getByRole('link', { name: m.name }).click();
    await page.waitForURL(new RegExp(`/members/${m.id}`));
    await page.getByText(`${m.name}的履职档案`).waitFor();
    if (Number(await yearInput(page).inputValue()) !== m.year) {
      await page.goto(`${stage.baseUrl}/members/${m.id}?year=${m.year}`);
    }
    for (const title of m.titles) await page.getByTestId('section-led').getByText(title).waitFor();
    await shot(stage, page, 'member-record-staff-desktop');

    // a count in the directory opens the record at exactly those records
    await page.goto(`${stage.baseUrl}/members?year=${m.year}&q=${encodeURIComponent(m.name)}`);
    const again = page.getByTestId('directory-table').locator('tbody tr').filter({ hasText: m.name }).first();
    await again.getByTestId('count-led').click();
    await page.getByTestId('record-focus').waitFor();
    assert.match(await page.getByTestId('record-focus').innerText(), new RegExp(`${m.titles.length} 条`));
    await page.close();

    const small = await as('proposal', phone);
    await small.goto(`${stage.baseUrl}/members`);
    await small.getByTestId('directory-list').locator('.ant-list-item').first().waitFor();
    assert.ok(await fitsWidth(small), 'the directory fits the phone screen');
    await shot(stage, small, 'member-directory-phone');
    await small.close();
  });
});
