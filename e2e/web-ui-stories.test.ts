/**
 * Browser stories for the web app on a phone and at desk sizes (issue 13): the login page loads without an error in the
 * console, the 提案 list shows its 状态 column whole at 1280 px, the review queue names a batch outcome once (已立案,
 * not 已已立案), and a positive workflow action (立案) is the primary button while 退回修改 is a plain one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');

/** Console errors and answers of 400 or more that the page met, as a person with the developer tools open would see them. */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  return problems;
}

describe('web app on phones and desks (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  test('the login page shows without an error in the console, on a phone and from a signed-in page\'s address', async () => {
    const page = await stage.freshPage({ width: 390, height: 844 });
    const problems = recordProblems(page);
    const asked: string[] = [];
    page.on('request', (r) => { if (['/api/auth/me', '/api/auth/session'].includes(new URL(r.url()).pathname)) asked.push(r.url()); });
    await page.goto(stage.baseUrl + '/login');
    await page.getByLabel('用户名').waitFor();
    await page.goto(stage.baseUrl + '/proposals');
    await page.waitForURL(/\/login\?next=%2Fproposals/);
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, [], 'no console error, no failed request');
    assert.deepEqual(asked, [], 'nobody signed in from this browser: the app does not ask the server who is');
    await shot(stage, page, 'login-phone');

    // signing in from there lands on the page asked for; a reload keeps the session (the app asks, and is answered 200)
    await page.getByLabel('用户名').fill('member');
    await page.getByLabel('密码', { exact: true }).fill(stage.started.account('member').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/proposals');
    await page.reload();
    await page.locator('.ant-card-head-title', { hasText: /^提案$/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/proposals', 'still signed in after a reload');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('at 1280 px the 提案 list shows every 状态 whole, without scrolling sideways', async () => {
    const page = await stage.freshPage({ width: 1280, height: 800 });
    await signIn(stage, page, 'proposal');
    await page.goto(stage.baseUrl + '/proposals');
    const table = page.locator('.ant-table').first();
    await table.locator('tbody .ant-tag').first().waitFor();
    const box = await table.locator('.ant-table-content').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const th = [...el.querySelectorAll('th')].find((h) => h.textContent?.trim() === '状态')!.getBoundingClientRect();
      return { left: r.left, right: r.right, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, stateLeft: th.left, stateRight: th.right };
    });
    assert.ok(box.scrollWidth <= box.clientWidth, `the table fits its card (${box.scrollWidth} > ${box.clientWidth})`);
    assert.ok(box.stateLeft >= box.left && box.stateRight <= box.right, `the 状态 column lies inside the table: ${JSON.stringify(box)}`);
    const cut = await table.locator('tbody td .ant-tag').evaluateAll((tags) => tags.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
    assert.deepEqual(cut, [], 'no state tag is cut');
    await shot(stage, page, 'proposal-list-1280');
    await page.close();
  });

  test('立案 is the primary button on a submitted proposal and 退回修改 a plain one; the review queue says 已立案 once', async () => {
    const page = await stage.freshPage({ width: 1366, height: 900 });
    await signIn(stage, page, 'proposal');
    const queue = await (await page.request.get(stage.baseUrl + '/api/proposals?state=submitted&pageSize=5')).json();
    assert.ok(queue.items.length >= 1, 'the demo data has submitted proposals');
    await page.goto(`${stage.baseUrl}/proposals/${queue.items[0].id}`);
    const actions = page.getByTestId('proposal-actions');
    const file = actions.locator('button[data-action="file"]');
    const back = actions.locator('button[data-action="return"]');
    await file.waitFor();
    const classes = async (b: typeof file) => (await b.getAttribute('class')) ?? '';
    assert.match(await classes(file), /ant-btn-primary/, '立案 is primary');
    assert.doesNotMatch(await classes(file), /ant-btn-dangerous/, '立案 is not shown as dangerous');
    assert.doesNotMatch(await classes(back), /ant-btn-primary/, '退回修改 is not primary');
    await shot(stage, page, 'proposal-review-actions');

    await page.goto(stage.baseUrl + '/proposals/review');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.locator('input[type="checkbox"]').check();
    await page.getByTestId('review-batch-bar').getByRole('button', { name: '审查会议批量处理' }).click();
    const dialog = page.getByRole('dialog', { name: '审查会议批量处理' });
    await dialog.waitFor();
    assert.ok(await dialog.getByRole('radio', { name: '立案', exact: true }).isChecked(), '立案 is the decision offered first');
    await dialog.getByRole('button', { name: /执\s*行/ }).click();
    const result = page.getByTestId('batch-result').first();
    await result.waitFor();
    assert.equal((await result.innerText()).trim(), '已立案');
    await shot(stage, page, 'review-queue-filed');
    await page.close();
  });
});
