/** Browser story of 社情民意: a member submits on a phone, an editor accepts and compiles an issue, a leader signs it off, an adoption is recorded, and the member sees it. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };

describe('社情民意 user story (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const as = async (username: string, viewport = { width: 1366, height: 800 }): Promise<Page> => {
    await stage.context.clearCookies();
    const page = await stage.context.newPage();
    await page.setViewportSize(viewport);
    await signIn(stage, page, username);
    return page;
  };
  const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`).first();

  test('a member submits on a phone; the editor accepts, verifies and compiles an issue; the leader signs; an adoption reaches the member', async () => {
    // the member, on a phone-sized screen
    let page = await as('member', phone);
    await page.goto(`${stage.baseUrl}/opinions/new`);
    await page.getByLabel('标题').fill('关于城区公交站台增设遮阳棚的建议');
    await page.getByLabel('正文').fill('夏季城区多个公交站台没有遮阳设施，候车群众反映强烈。建议分批增设遮阳棚和座椅。');
    await page.getByTestId('length').waitFor();
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'opinion-submit-phone');
    await page.getByRole('button', { name: /报\s*送/ }).click();
    await page.waitForURL(/\/opinions\/[0-9A-Z]{26}$/);
    const reportUrl = page.url();
    await page.getByText('待处理').first().waitFor();
    const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert.ok(noOverflow, 'the report page fits the phone screen');
    await page.close();

    // the editor: accept and verify, then compile an issue of it
    page = await as('editor');
    await page.goto(reportUrl);
    await action(page, 'accept').click();
    await page.getByText('已录用').first().waitFor();
    await action(page, 'verify').click();
    await page.getByText('已核稿').first().waitFor();
    // 编期 pages through every verified report: the keyword finds this one
    await page.goto(`${stage.baseUrl}/opinions/issues/new?q=${encodeURIComponent('关于城区公交站台增设遮阳棚的建议')}`);
    const row = page.locator('tr').filter({ hasText: '关于城区公交站台增设遮阳棚的建议' });
    await row.getByLabel('篇目').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByRole('button', { name: '编成一期' }).click();
    await page.waitForURL(/\/opinions\/issues\/[0-9A-Z]{26}$/);
    const issueUrl = page.url();
    await page.getByText('来源信息').first().waitFor();
    await action(page, 'send_for_sign').click();
    await page.getByText('待签发').first().waitFor();
    await shot(stage, page, 'opinion-issue-editor');
    await page.close();

    // the leader signs it off
    page = await as('leader');
    await page.goto(issueUrl);
    await action(page, 'sign').click();
    await page.getByRole('button', { name: '确认签发' }).click();
    await page.getByText('待分发').first().waitFor();
    await page.close();

    // the editor distributes it and records the city's adoption of the piece
    page = await as('editor');
    await page.goto(issueUrl);
    await action(page, 'distribute').click();
    await page.getByRole('button', { name: '确认分发' }).click();
    await page.getByText('已分发').first().waitFor();
    await page.getByRole('button', { name: '登记采用' }).first().click();
    await page.getByText('已登记采用').waitFor();
    await page.close();

    // the member sees where the report stands and the adoption
    page = await as('member', phone);
    await page.goto(reportUrl);
    await page.getByText('已报送').first().waitFor();
    await page.getByText(/市级\s*单篇采用/).first().waitFor();
    await shot(stage, page, 'opinion-member-adopted-phone');
    await page.close();
  });
});
