/**
 * The web app on a slow phone connection (`npm run bench:web`, `npm run bench:web -- --quick` in CI): Chromium with
 * its network throttled as a 1.6 Mbps link with 150 ms latency (CDP `Network.emulateNetworkConditions`) and its cache
 * disabled, so every load is cold. Two stories on the demo data, served by the app from the built web app (dist/web,
 * or `--web-dist=<folder>`):
 * - the login page: JavaScript transferred until the login form is visible, and how long that took;
 * - the member's home: sign in as `member` on that page and land on 我的待办; all JavaScript of both pages.
 * Each figure is a JSON line {"name", "value", "unit", "target", "baseline"}: the baseline of a byte count is the same
 * JavaScript uncompressed, as it travelled before the assets were precompressed; the baseline of a time is the same
 * cold load measured in the same run with compression refused (`Accept-Encoding: identity`).
 * Targets (reported, not enforced): login JS ≤ 250 KB compressed and form visible ≤ 3 s; member home JS ≤ 350 KB.
 * Skips with a printed reason when Chromium or the built web app is absent. `--detail` lists each script of the
 * member's cold load with its bytes on the wire (on stderr).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/support/services.ts';
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import { crashed, crashes, emit, median, note, quick, repoRoot, round } from './lib.ts';

const LOGIN_JS_TARGET_KB = 250;
const LOGIN_VISIBLE_TARGET_MS = 3000;
const HOME_JS_TARGET_KB = 350;
const runs = quick ? 1 : 3;
const detail = process.argv.includes('--detail');
const webDist = path.resolve(process.argv.find((a) => a.startsWith('--web-dist='))?.slice('--web-dist='.length) ?? path.join(repoRoot, 'dist/web'));

/** 1.6 Mbps both ways, 150 ms round trip added to every request. */
const PHONE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8 };

interface Tally {
  /** JavaScript bytes on the wire (headers and body, compressed as sent) */
  jsWire: number;
  /** the same JavaScript decoded */
  jsDecoded: number;
  /** every response's bytes on the wire */
  allWire: number;
  scripts: number;
  /** content-encoding of the scripts that had one */
  encodings: Set<string>;
  /** each script's file name and bytes on the wire, in the order they finished */
  files: Array<[string, number]>;
}

/** A fresh context (empty cache, no cookies) with the phone connection, and a running count of what it loads. */
async function phonePage(browser: Browser, compressed: boolean, viewport = { width: 390, height: 844 }): Promise<{ page: Page; tally: Tally; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce', extraHTTPHeaders: compressed ? {} : { 'accept-encoding': 'identity' } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE);
  const tally: Tally = { jsWire: 0, jsDecoded: 0, allWire: 0, scripts: 0, encodings: new Set(), files: [] };
  const isScript = new Map<string, boolean>();
  const urls = new Map<string, string>();
  const decoded = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const script = e.type === 'Script' || e.response.mimeType.includes('javascript');
    isScript.set(e.requestId, script);
    urls.set(e.requestId, e.response.url);
    const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
    if (script && enc) tally.encodings.add(String(enc));
  });
  cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    tally.allWire += e.encodedDataLength;
    if (!isScript.get(e.requestId)) return;
    tally.scripts++;
    tally.jsWire += e.encodedDataLength;
    tally.jsDecoded += decoded.get(e.requestId) ?? 0;
    tally.files.push([new URL(urls.get(e.requestId) ?? 'http://x/?').pathname.split('/').pop() ?? '', e.encodedDataLength]);
  });
  return { page, tally, close: () => context.close() };
}

interface LoginLoad { visibleMs: number; tally: Tally }

/** Cold load of /login until the username field is visible. */
async function loadLogin(browser: Browser, baseUrl: string, compressed: boolean): Promise<LoginLoad & { page: Page; close(): Promise<void> }> {
  const p = await phonePage(browser, compressed);
  const t0 = performance.now();
  await p.page.goto(baseUrl + '/login', { waitUntil: 'commit' });
  await p.page.getByLabel('用户名').waitFor({ state: 'visible', timeout: 120_000 });
  const visibleMs = performance.now() - t0;
  return { ...p, visibleMs };
}

/** Then sign in as the demo member and wait for the home page's greeting; the tally covers both pages. */
async function signInAndLandHome(s: StartedApp, load: { page: Page }): Promise<number> {
  const { page } = load;
  await page.getByLabel('用户名').fill('member');
  await page.getByLabel('密码', { exact: true }).fill(s.account('member').password);
  await page.waitForLoadState('networkidle');
  const t0 = performance.now();
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: /您好/ }).waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  return performance.now() - t0;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    emit({ name: 'web_load', skipped: `Chromium not found at ${CHROMIUM}` });
    return;
  }
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    emit({ name: 'web_load', skipped: `no built web app in ${webDist} (npm run build:web)` });
    return;
  }
  note(`web load on a 1.6 Mbps / 150 ms connection, ${runs} cold load(s) each, web app from ${path.relative(repoRoot, webDist) || webDist}`);
  let s: StartedApp | undefined;
  let browser: Browser | undefined;
  try {
    s = await startApp('sqlite', { config: { webDist } });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = s.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });

    const login: LoginLoad[] = [];
    const loginPlain: LoginLoad[] = [];
    const home: Array<{ ms: number; tally: Tally }> = [];
    for (let i = 0; i < runs; i++) {
      // compressed and uncompressed loads alternate, so that a busy machine slows both alike
      const plain = await loadLogin(browser, baseUrl, false);
      loginPlain.push({ visibleMs: plain.visibleMs, tally: { ...plain.tally } });
      await plain.close();
      const l = await loadLogin(browser, baseUrl, true);
      login.push({ visibleMs: l.visibleMs, tally: { ...l.tally, encodings: new Set(l.tally.encodings), files: [...l.tally.files] } });
      const ms = await signInAndLandHome(s, l);
      home.push({ ms, tally: l.tally });
      if (detail && i === 0) for (const [f, n] of l.tally.files) note(`${kb(n).toFixed(1).padStart(7)} KB  ${f}`);
      await l.close();
    }

    const mid = <T>(xs: T[], f: (x: T) => number) => median(xs.map(f));
    const encodings = [...new Set(login.flatMap((l) => [...l.tally.encodings]))].join(',') || 'none';
    emit({
      name: 'web_login_js_kb', value: kb(mid(login, (l) => l.tally.jsWire)), unit: 'KB', baseline: kb(mid(login, (l) => l.tally.jsDecoded)),
      scripts: login[0].tally.scripts, encoding: encodings, target: `≤ ${LOGIN_JS_TARGET_KB} KB compressed (baseline: the same JS uncompressed)`,
    });
    emit({
      name: 'web_login_visible_ms', value: round(mid(login, (l) => l.visibleMs), 0), unit: 'ms', baseline: round(mid(loginPlain, (l) => l.visibleMs), 0),
      all_kb: kb(mid(login, (l) => l.tally.allWire)), baseline_all_kb: kb(mid(loginPlain, (l) => l.tally.allWire)),
      target: `≤ ${LOGIN_VISIBLE_TARGET_MS} ms (baseline: the same cold load uncompressed)`,
    });
    emit({
      name: 'web_member_home_js_kb', value: kb(mid(home, (h) => h.tally.jsWire)), unit: 'KB', baseline: kb(mid(home, (h) => h.tally.jsDecoded)),
      scripts: home[0].tally.scripts, target: `≤ ${HOME_JS_TARGET_KB} KB compressed, login page included (baseline: uncompressed)`,
    });
    emit({ name: 'web_member_home_after_sign_in_ms', value: round(mid(home, (h) => h.ms), 0), unit: 'ms', target: 'reported' });
  } catch (e) {
    crashed('web_load', e);
  } finally {
    await browser?.close().catch(() => {});
    await s?.close();
  }
}

await main();
const failed = crashes();
process.exit(failed.length ? 1 : 0);
