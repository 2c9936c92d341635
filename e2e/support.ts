/** Browser-story helpers: the real server with demo data on a random port, the built web app, and Chromium via playwright-core. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freshTotp } from '../test/support/totp.ts';
import { CHROMIUM } from '../test/support/services.ts';
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import { clock } from '../src/kernel/universal/clock.ts';

/** Builds the web app once when dist/web is missing, so a fresh checkout can run the stories. */
export function ensureWebBuild(): void {
  if (fs.existsSync(path.resolve('dist/web/index.html'))) return;
  const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export interface Stage {
  started: StartedApp;
  baseUrl: string;
  context: BrowserContext;
  screenshots: string;
  /** a new page with no one signed in, at the given size */
  freshPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Prints what a story's page met that a person would have seen as an error: an API answer of 400 or more (with its
 * code and message), a script error, a request that never got an answer. A failed wait then comes with its reason.
 */
function watch(page: Page): void {
  const say = (what: string) => process.stderr.write(`[browser ${clock.iso().slice(11, 23)}] ${what}\n`);
  page.on('response', (r) => {
    const where = new URL(r.url()).pathname;
    if (r.status() < 400 || !where.startsWith('/api/')) return;
    const line = `${r.status()} ${r.request().method()} ${where}`;
    r.text().then((body) => say(`${line} ${body.slice(0, 300)}`), () => say(line));
  });
  page.on('pageerror', (e) => say(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // pages closed by the story abort their open event streams; that is not a failure
    if (!why.includes('ERR_ABORTED')) say(`request failed: ${r.method()} ${r.url()} ${why}`);
  });
}

/**
 * With the kernel clock moved (`ZX_CLOCK`, a test's `clock.set`), the browser's own clock is moved with it, so what the
 * pages take from the browser (a date picker's 今天, dayjs()) is the same day the server counts on; time flows on
 * from there.
 */
export async function followServerClock(context: BrowserContext): Promise<void> {
  if (Math.abs(clock.offsetMs()) > 60_000) await context.clock.setSystemTime(clock.now());
}

export async function startStage(): Promise<Stage> {
  ensureWebBuild();
  const started = await startApp('sqlite');
  await started.zx.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = started.zx.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-chromium-'));
  const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-screens-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    // the people who use it are in China: the browser's 今天 is China's whatever the machine's zone (16:00 UTC is
    // already tomorrow there)
    timezoneId: 'Asia/Shanghai',
    // the stories ask for less motion, as some users do: dialogs open at once, so a click never lands on a dialog
    // that is still zooming in
    reducedMotion: 'reduce',
    viewport: { width: 1366, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await followServerClock(context);
  return {
    started, baseUrl: `http://127.0.0.1:${port}`, context, screenshots,
    async freshPage(viewport = { width: 1366, height: 800 }) {
      await context.clearCookies();
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      watch(page);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await started.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A TOTP code for a demo administrator not used before on the stage's database (each code is accepted once). */
export function totpFor(stage: Stage, username: string): Promise<string> {
  const secret = stage.started.account(username).totpSecret;
  if (!secret) throw new Error(`${username} has no TOTP secret`);
  return freshTotp(secret, username, stage.started.config.dataDir);
}

/** Signs in through the login page (with the TOTP step for administrators) and waits for the home page. */
export async function signIn(stage: Stage, page: Page, username: string): Promise<void> {
  const account = stage.started.account(username);
  await page.goto(stage.baseUrl + '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (account.totpSecret) {
    const code = page.getByLabel('动态验证码');
    await code.waitFor({ state: 'visible' });
    await code.fill(await totpFor(stage, username));
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('heading', { name: /您好/ }).waitFor();
}

/** Texts of the side-menu entries (groups expanded), as the user sees them. */
export async function menuTexts(page: Page): Promise<string[]> {
  const nav = page.locator('aside nav, .ant-drawer nav').first();
  await nav.waitFor();
  for (const g of await nav.locator('.ant-menu-submenu-title').all()) {
    const open = await g.evaluate((el) => el.parentElement?.classList.contains('ant-menu-submenu-open'));
    if (!open) await g.click();
  }
  await page.waitForTimeout(300);
  return (await nav.locator('.ant-menu-title-content').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** Runs axe-core in the page (evaluated as a string because the CSP forbids injected script tags) and returns the violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; help: string; nodes: number }>> {
  const source = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}

export async function shot(stage: Stage, page: Page, name: string): Promise<string> {
  const file = path.join(stage.screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
