/**
 * Browser story of a 网络征集: the office builds a questionnaire on a desktop (a single-choice question, a follow-up
 * shown only for one answer, a rating), sets its dates and publishes it, then takes its share link; a citizen opens the
 * link on a phone without signing in, answers (the follow-up appears when its option is chosen), verifies the phone
 * with the text-message code (read from the server log, as the demo's SMS adapter writes it) and submits; a second
 * answer from the same phone is refused; the office sees the answer in the chart of the results.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';

const skip = await skipUnless('browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('questionnaire story (chromium)', { skip, timeout: 420_000 }, () => {
  let stage: Stage;
  const sms: string[] = [];
  before(async () => {
    stage = await startStage();
    const log = stage.started.zx.ctx.log;
    const info = log.info;
    log.info = (...a: unknown[]) => { const line = a.map(String).join(' '); if (line.includes('[短信]')) sms.push(line); info(...a); };
  });
  after(async () => { await stage?.close(); });

  const title = `东大街早市摊位设置意见征集（${clock.nowMs().toString(36)}）`;
  let id = '';
  let shareUrl = '';

  test('the office builds the questionnaire, publishes it and takes the share link', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await page.goto(stage.baseUrl + '/surveys');
    await page.getByRole('button', { name: /新建问卷/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建问卷' });
    await dialog.getByLabel('标题').fill(title);
    await dialog.getByLabel('说明').fill('请沿线居民和摊主谈谈早市摊位的设置。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/surveys\/[^/]+$/);
    id = page.url().split('/').pop()!;

    const add = page.getByRole('button', { name: /添加题目/ });
    // 1. single choice
    await add.click();
    const q1 = page.getByTestId('question-0');
    await q1.getByLabel('题目').fill('您对早市摊位设置是否满意');
    await q1.getByLabel('选项（每行一个）').fill('满意\n不满意\n说不清');
    // 2. free text, shown only for 不满意
    await add.click();
    const q2 = page.getByTestId('question-1');
    await q2.getByLabel('题型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^填空$/ }).click();
    await q2.getByLabel('题目').fill('请说说不满意的地方');
    await q2.getByLabel('显示条件：当').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /第 1 题/ }).click();
    await q2.getByLabel('选择了').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^不满意$/ }).click();
    // 3. rating
    await add.click();
    const q3 = page.getByTestId('question-2');
    await q3.getByLabel('题型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^评分$/ }).click();
    await q3.getByLabel('题目').fill('您对早市环境卫生的评价');
    // 征集时间: today to two weeks on
    const today = stage.started.zx.ctx.calendar.today();
    for (const [label, date] of [['开始日期', today], ['截止日期', addDays(today, 14)]]) {
      await page.getByLabel(label).click();
      await page.getByLabel(label).fill(date);
      await page.getByLabel(label).press('Tab');
    }
    await shot(stage, page, 'survey-editor-1280');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('已保存').first().waitFor();

    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|发\s*布/ }).last().click();
    await page.getByText('征集中').first().waitFor();
    await page.getByRole('tab', { name: '分享' }).click();
    const link = page.locator('[data-share-url]');
    await link.waitFor();
    shareUrl = (await link.getAttribute('data-share-url'))!;
    assert.match(shareUrl, /\/s\/[A-Za-z0-9_-]+$/);
    await shot(stage, page, 'survey-share-1280');
  });

  test('a citizen answers on a phone without signing in, verifying the phone; the same phone cannot answer twice', async () => {
    const page = await stage.freshPage(phone);
    await page.goto(shareUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    assert.equal(await page.getByText('请说说不满意的地方').count(), 0, 'the follow-up is hidden at first');
    await page.getByRole('radio', { name: '不满意' }).check();
    await page.getByText('请说说不满意的地方').waitFor();
    await page.getByLabel('请说说不满意的地方').fill('摊位占了人行道，早上送孩子上学要绕到机动车道上走。');
    // submitting without the rating: the server names the question
    const number = '13700001234';
    await page.getByLabel('手机号码').fill(number);
    await page.getByRole('button', { name: /获取验证码/ }).click();
    await page.getByRole('button', { name: /秒后重发/ }).waitFor();
    const line = sms.find((l) => l.includes('137****1234'));
    assert.ok(line, 'the code is in the server log');
    const code = /code=(\d{6})/.exec(line!)![1];
    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByRole('alert').filter({ hasText: /第3题.*必答/ }).first().waitFor();
    await page.locator('.ant-rate-star').nth(3).click();
    await page.getByText('4 分').waitFor();
    await shot(stage, page, 'survey-answer-390');
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByText('提交成功，感谢您的参与！').waitFor();
    await shot(stage, page, 'survey-answered-390');

    // the same phone again, in a fresh page a minute later: refused
    const anon = await fetch(`${stage.baseUrl}/api/public/surveys/${shareUrl.split('/').pop()}/answers`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: number, code, answers: { } }),
    });
    assert.ok(anon.status === 400 || anon.status === 409, `a used code answers no more: ${anon.status}`);
  });

  test('the office sees the answer in the chart of the results', async () => {
    const page = await stage.freshPage(desktop);
    await signIn(stage, page, 'office');
    await page.goto(`${stage.baseUrl}/surveys/${id}?tab=results`);
    await page.getByTestId('answer-total').filter({ hasText: '共收到答卷 1 份' }).waitFor();
    const chart = page.locator('[role="img"][aria-label="您对早市摊位设置是否满意"]');
    await chart.waitFor();
    assert.ok(await chart.locator('canvas').count() > 0, 'the chart is drawn');
    await shot(stage, page, 'survey-results-1280');

    // the demo's bus-stop collection, with its themes, on a phone
    const p2 = await stage.freshPage(phone);
    await signIn(stage, p2, 'leader');
    await p2.goto(`${stage.baseUrl}/surveys?q=${encodeURIComponent('威远门路')}`);
    await p2.getByRole('link', { name: /威远门路公交车站台设置意见征集/ }).first().click();
    await p2.getByText(/共收到答卷 4\d\d 份/).waitFor();
    await p2.getByText('候车').first().waitFor();
    await shot(stage, p2, 'survey-bus-stop-results-390');
  });
});
