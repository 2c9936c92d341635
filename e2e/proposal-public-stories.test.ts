/** Browser story of the public view: a visitor on a phone opens 公开提案查询 from the login page, without signing in, and reads a proposal and its reply. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');

describe('public proposal stories (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  test('a visitor on a phone finds a public proposal from the login page and reads the unit\'s reply, without signing in', async () => {
    const page = await stage.freshPage({ width: 375, height: 780 });
    await page.goto(stage.baseUrl + '/login');
    await page.getByRole('link', { name: '公开提案查询' }).click();
    await page.waitForURL((u) => u.pathname === '/public/proposals');
    const first = page.locator('.ant-list-item').first();
    await first.waitFor();
    // the list is what the public API gives, and nothing asked for a session
    const api = await (await page.request.get(stage.baseUrl + '/api/public/proposals?pageSize=10')).json();
    assert.ok(api.total > 0);
    assert.ok((await first.innerText()).includes(api.items[0].title));
    // search by a word of the second proposal's title
    const target = api.items[1];
    await page.getByPlaceholder('输入标题关键词').fill(target.title);
    await page.getByPlaceholder('输入标题关键词').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === target.title);
    await page.getByRole('link', { name: target.title }).click();
    await page.waitForURL((u) => u.pathname === `/public/proposals/${target.id}`);
    const reply = page.getByTestId('public-reply');
    await reply.waitFor();
    const detail = await (await page.request.get(`${stage.baseUrl}/api/public/proposals/${target.id}`)).json();
    assert.ok((await reply.innerText()).includes(detail.replyText.split('\n')[0].trim().slice(0, 15)), 'the reply is shown');
    if (detail.replyClassLabel) assert.ok((await reply.innerText()).includes(detail.replyClassLabel));
    await page.getByRole('heading', { name: target.title }).waitFor();
    // no horizontal scrolling on a phone
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
    assert.equal((await page.request.get(stage.baseUrl + '/api/auth/me')).status(), 401, 'still not signed in');
    await shot(stage, page, 'public-proposal-phone');
    await page.close();
  });
});
