/**
 * Browser stories in English mode (decision 0038): the worklist, a replied 提案, the inbox, the users page and the
 * proposal form show no Chinese except what people wrote (titles, names, organisations); the audit page names records
 * by their titles; the login page logs no error, even when the browser's session has ended.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { skipUnless } from '../test/support/services.ts';
import { startStage, totpFor, type Stage } from './support.ts';

const skip = await skipUnless('browser');
const SHOTS = '/tmp/shots-english';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Fields whose values people wrote or named: they stay as written in every language. */
const WRITTEN = new Set([
  'title', 'background', 'analysis', 'suggestions', 'proposerName', 'displayName', 'unitName', 'leadUnitName', 'orgName', 'tenantName',
  'actorName', 'signerName', 'replyText', 'text', 'note', 'notes', 'reason', 'returnReason', 'sessionLabel', 'number', 'topicTitle',
  'people', 'opinion', 'organisationName', 'sectorName', 'terms', 'keywords', 'actorOrgName', 'byName', 'recordedByName', 'entityTitle', 'name',
]);

/** Collects what people wrote from the API answers the page reads (a {code, name} pair is an enumeration, not written). */
function writtenTexts(page: Page): Set<string> {
  const out = new Set<string>(organisationNames);
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') { if (key && WRITTEN.has(key) && CJK.test(v)) out.add(v.trim()); return; }
    if (Array.isArray(v)) { for (const x of v) walk(x, key); return; }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const enumeration = 'code' in o && 'name' in o;
      for (const [k, x] of Object.entries(o)) if (!(enumeration && k === 'name')) walk(x, k);
    }
  };
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/api/') || !(r.headers()['content-type'] ?? '').includes('json')) return;
    r.json().then((b) => walk(b), () => {});
  });
  return out;
}

/** The lines of a region that still hold Chinese once what people wrote and quoted record titles are taken out. */
async function chineseLeft(page: Page, selector: string, written: Set<string>): Promise<string[]> {
  const region = page.locator(selector).first();
  const text = await region.innerText();
  const placeholders = await region.locator('[placeholder]').evaluateAll((els) => els.map((e) => e.getAttribute('placeholder') ?? ''));
  const known = [...written].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const line of [...text.split('\n'), ...placeholders]) {
    let rest = line.replace(/"[^"]*"/g, '');
    for (const w of known) if (rest.includes(w)) rest = rest.split(w).join('');
    // parts of what people wrote (a title split across lines, a name in a list)
    for (const w of known) for (const part of w.split(/[\s，、；。]+/)) if (part.length >= 2 && rest.includes(part)) rest = rest.split(part).join('');
    if (CJK.test(rest)) left.push(line.trim());
  }
  return left;
}

/** Signs in (through the API, as the login page does) with English as the user's language, and opens the home page. */
async function signInEnglish(stage: Stage, page: Page, username: string): Promise<void> {
  const account = stage.started.account(username);
  const totp = account.totpSecret ? await totpFor(stage, username) : undefined;
  await page.goto(stage.baseUrl + '/login', { waitUntil: 'domcontentloaded' });
  await page.evaluate(async ({ username, password, totp }) => {
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }) });
    const body = await res.json();
    await fetch('/api/auth/preferences', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': body.csrfToken }, body: JSON.stringify({ locale: 'en' }) });
    document.cookie = 'zx_signed_in=1; Path=/; SameSite=Lax';
  }, { username, password: account.password, totp });
  await page.goto(stage.baseUrl + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Console errors and answers of 400 or more the page met. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  return problems;
}

/** Names of organisations (a notice names the unit that handles a proposal). */
let organisationNames: string[] = [];

describe('English mode and the login page (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => {
    stage = await startStage();
    organisationNames = (await stage.started.zx.ctx.db.selectFrom('organizations').select('name').execute()).map((r: { name: string }) => r.name);
  });
  after(async () => { await stage?.close(); });

  test('the login page logs no error, also when this browser\'s session has ended', async () => {
    const page = await stage.freshPage();
    const problems = problemsOf(page);
    await page.goto(stage.baseUrl + '/login', { waitUntil: 'domcontentloaded' });
    await page.getByLabel('用户名').waitFor();
    // a browser that was signed in before: its session ended on the server (idle time-out, sign-out elsewhere)
    await stage.context.addCookies([
      { name: 'zx_signed_in', value: '1', url: stage.baseUrl },
      { name: 'zx_sid', value: 'a-session-that-has-ended', url: stage.baseUrl },
    ]);
    await page.goto(stage.baseUrl + '/proposals', { waitUntil: 'domcontentloaded' });
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, [], 'no console error, no answer of 400 or more');
    await page.close();
  });

  for (const width of [1280, 390]) {
    test(`at ${width} px a member's worklist and proposal form show no Chinese but what people wrote`, async () => {
      const page = await stage.freshPage({ width, height: 900 });
      const written = writtenTexts(page);
      await signInEnglish(stage, page, 'member');
      await page.getByTestId('worklist').locator('.ant-list-item').first().waitFor();
      await page.getByTestId('worklist-counts').waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await chineseLeft(page, '[data-testid="worklist-counts"]', written), [], 'work counts');
      assert.deepEqual(await chineseLeft(page, '[data-testid="worklist"]', written), [], 'worklist');
      if (width >= 768) assert.deepEqual(await chineseLeft(page, '[data-testid="user-name"]', written), [], 'the role beside the name');
      await shot(page, `worklist-en-${width}`);

      // a proposal submitted: the office is told of its new work item
      await page.evaluate(async (title) => {
        const s = await (await fetch('/api/auth/session')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken };
        const p = await (await fetch('/api/proposals', { method: 'POST', headers, body: JSON.stringify({ title, background: '情况', analysis: '分析', suggestions: '建议' }) })).json();
        await fetch(`/api/proposals/${p.id}/transitions`, { method: 'POST', headers, body: JSON.stringify({ action: 'submit', version: p.version, input: {} }) });
      }, `关于英文界面测试的建议（${width}）`);

      await page.goto(stage.baseUrl + '/proposals/new', { waitUntil: 'domcontentloaded' });
      await page.locator('main form').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await chineseLeft(page, 'main form', written), [], 'proposal form and its help');
      await page.close();
    });

    test(`at ${width} px the office's inbox and a replied proposal's page show no Chinese but what people wrote`, async () => {
      const page = await stage.freshPage({ width, height: 900 });
      const written = writtenTexts(page);
      await signInEnglish(stage, page, 'proposal');
      await page.goto(stage.baseUrl + '/notifications', { waitUntil: 'domcontentloaded' });
      await page.locator('main .ant-list-item').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await chineseLeft(page, 'main', written), [], 'inbox');
      const replied = await page.evaluate(async () => (await (await fetch('/api/proposals?state=replied&pageSize=1')).json()).items[0].id as string);
      await page.goto(`${stage.baseUrl}/proposals/${replied}`, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('proposal-actions').waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await chineseLeft(page, 'main', written), [], 'proposal detail');
      await shot(page, `proposal-en-${width}`);
      await page.close();
    });

    test(`at ${width} px the audit page names each record by its title, with its id on hover`, async () => {
      const page = await stage.freshPage({ width, height: 900 });
      await signInEnglish(stage, page, 'auditor');
      await page.goto(stage.baseUrl + '/admin/audit', { waitUntil: 'domcontentloaded' });
      await page.locator('main .ant-table-row').first().waitFor();
      // on a phone the record shows when its row is opened
      if (width < 768) await page.locator('main .ant-table-row-expand-icon').first().click();
      {
        const entity = page.getByTestId('audit-entity').filter({ has: page.locator('a') }).first();
        await entity.waitFor();
        assert.match(String(await entity.getAttribute('title')), /^user \/ /, 'the type and id on hover');
        assert.doesNotMatch(await entity.innerText(), /^user /, 'the record by its kind and name, not its id');
        assert.match(await entity.innerText(), /^User /);
      }
      await shot(page, `audit-en-${width}`);
      await page.close();
    });
  }

  test('the users page names every role in English', async () => {
    const page = await stage.freshPage({ width: 1280, height: 900 });
    const written = writtenTexts(page);
    await signInEnglish(stage, page, 'sysadmin');
    await page.goto(stage.baseUrl + '/admin/users', { waitUntil: 'domcontentloaded' });
    await page.locator('main .ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await chineseLeft(page, 'main', written), [], 'users page');
    await page.close();
  });
});
