/** Browser user stories: members, unit clerks and administrators sign in and see their own worklist and menu. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { skipUnless } from '../test/support/services.ts';
import { axeViolations, menuTexts, shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');

describe('web app user stories (chromium)', { skip, timeout: 240_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  const freshPage = (viewport?: { width: number; height: number }) => stage.freshPage(viewport);

  test('login page has no critical accessibility violations and renders in Chinese', async () => {
    const page = await freshPage();
    await page.goto(stage.baseUrl + '/');
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: '智慧政协' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'login-desktop');
    await page.close();
  });

  test('member signs in and sees their worklist and member menu', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'member');
    const menu = await menuTexts(page);
    assert.ok(menu.includes('我的待办'), `menu: ${menu}`);
    assert.ok(menu.includes('提案'), `menu: ${menu}`);
    assert.ok(menu.includes('撰写提案'), `member may write proposals: ${menu}`);
    assert.ok(!menu.includes('系统管理') && !menu.includes('用户管理'), `no admin entries: ${menu}`);
    // the demo member has a returned proposal and a replied one awaiting evaluation
    const list = page.getByTestId('worklist');
    await list.waitFor();
    await page.getByText('待评价').first().waitFor();
    const items = await list.locator('.ant-list-item').count();
    assert.ok(items >= 1, 'worklist has items');
    await page.getByTestId('worklist-counts').waitFor();
    assert.match(await page.getByTestId('user-name').innerText(), /政协委员/);
    const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical');
    assert.deepEqual(critical, [], JSON.stringify(critical));
    await shot(stage, page, 'member-home-desktop');

    // one click on a work item opens the proposal with its lifecycle and the actions the member may take
    await list.locator('.ant-list-item').filter({ hasText: '待评价' }).first().locator('a').first().click();
    await page.waitForURL(/\/proposals\/[^/]+$/);
    await page.getByText('办理过程').waitFor();
    await page.getByTestId('proposal-actions').getByRole('button', { name: /评\s*价/ }).first().waitFor();
    await shot(stage, page, 'member-proposal-detail');
    await page.close();
  });

  test('handling-unit clerk signs in and sees the unit\'s worklist and unit menu (no admin items)', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'unit');
    const menu = await menuTexts(page);
    assert.ok(menu.includes('我的待办') && menu.includes('提案'), `menu: ${menu}`);
    assert.ok(!menu.includes('撰写提案'), `a unit does not write proposals: ${menu}`);
    assert.ok(!menu.some((m) => ['系统管理', '组织机构', '用户管理', '角色与权限', '工作日历', '审计日志'].includes(m)), `no admin entries: ${menu}`);
    await page.getByTestId('worklist').waitFor();
    await page.getByText(/待签收|办理中/).first().waitFor();
    assert.match(await page.getByTestId('org-name').innerText(), /市住建局/);
    await shot(stage, page, 'unit-home-desktop');
    await page.close();
  });

  test('system administrator signs in with a TOTP code and sees the admin menu but no proposals', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'sysadmin');
    const menu = await menuTexts(page);
    for (const m of ['系统管理', '组织机构', '用户管理', '工作日历']) assert.ok(menu.includes(m), `${m} in ${menu}`);
    assert.ok(!menu.includes('提案') && !menu.includes('撰写提案'), `三员分立: no business menu: ${menu}`);
    assert.ok(!menu.includes('审计日志'), `audit log belongs to the audit administrator: ${menu}`);
    await page.goto(stage.baseUrl + '/admin/organizations');
    await page.locator('.ant-tree').getByText(/长治市/).first().waitFor();
    await shot(stage, page, 'sysadmin-organizations');
    await page.goto(stage.baseUrl + '/proposals');
    await page.getByText('无权访问').waitFor();
    await page.close();
  });

  test('large-text mode toggles with one tap and persists across reload', async () => {
    const page = await freshPage();
    await signIn(stage, page, 'member');
    const fontSize = () => page.locator('.ant-list-item-meta-title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.locator('.ant-list-item-meta-title').first().waitFor();
    const before = await fontSize();
    assert.ok(before < 18, `standard text is below 18px (got ${before})`);
    await page.getByTestId('large-text-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.largeText === 'true');
    await page.waitForTimeout(300);
    assert.ok((await fontSize()) >= 18, 'large text is at least 18px');
    await page.reload();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    await page.locator('.ant-list-item-meta-title').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.largeText), 'true', 'the preference came back from the server');
    assert.ok((await fontSize()) >= 18, 'still large after reload');
    assert.equal(await page.getByTestId('large-text-toggle').getAttribute('aria-pressed'), 'true');
    await shot(stage, page, 'member-home-large');
    // switch back so other stories see the standard size
    await page.getByTestId('large-text-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.largeText === 'false');
    await page.close();
  });

  test('on a phone (390×844) the menu is a drawer and nothing scrolls sideways', async () => {
    const page = await freshPage({ width: 390, height: 844 });
    await signIn(stage, page, 'member');
    await page.getByTestId('worklist').waitFor();
    assert.equal(await page.locator('aside.ant-layout-sider').count(), 0, 'no fixed side menu on a phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `home scrollWidth ${width}`);
    await shot(stage, page, 'member-home-phone');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const menu = await menuTexts(page);
    assert.ok(menu.includes('提案'), `drawer menu: ${menu}`);
    await shot(stage, page, 'member-menu-phone');
    await page.goto(stage.baseUrl + '/proposals');
    await page.getByText(/共 \d+ 条/).first().waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'proposal list fits the phone');
    await page.goto(stage.baseUrl + '/proposals/new');
    await page.getByText('标题与类型').first().waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the wizard fits the phone');
    await shot(stage, page, 'member-new-proposal-phone');
    await page.close();
  });

  test('with the system set to reduce motion the phone menu opens without animation, and with it unset it animates', async () => {
    const page = await freshPage({ width: 390, height: 844 });
    await signIn(stage, page, 'member');
    await page.getByTestId('worklist').waitFor();
    /** Opens the menu drawer and returns the animation classes (…-enter, …-appear) that appeared on the way. */
    const openMenu = async () => {
      // a script as text: the test's compiler would wrap named functions in a helper the page does not have
      await page.evaluate(`(() => {
        const seen = new Set();
        window.zxSeen = seen;
        const note = (el) => { for (const c of el.classList) if (/-(enter|appear)(-start|-active)?$/.test(c)) seen.add(c); };
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.type === 'attributes' && r.target instanceof Element) note(r.target);
            r.addedNodes.forEach((n) => { if (n instanceof Element) { note(n); n.querySelectorAll('*').forEach(note); } });
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      })()`);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.locator('.ant-drawer nav').first().waitFor();
      await page.waitForTimeout(500);
      return page.evaluate(() => [...(window as unknown as { zxSeen: Set<string> }).zxSeen]);
    };
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const animated = await openMenu();
    assert.ok(animated.length > 0, 'the drawer animates when the system has no preference');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await page.getByTestId('worklist').waitFor();
    const still = await openMenu();
    assert.deepEqual(still, [], 'no animation classes when the system asks for less motion');
    await page.close();
  });

  test('screenshots were written for review', () => {
    const shots = fs.readdirSync(stage.screenshots).filter((f) => f.endsWith('.png'));
    assert.ok(shots.length >= 3, `screenshots: ${shots.join(', ')}`);
    // a PNG starts with its signature and a blank page is far smaller than a rendered one
    for (const f of shots) {
      const bytes = fs.readFileSync(path.join(stage.screenshots, f));
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', f);
      assert.ok(bytes.length > 5_000, `${f} is ${bytes.length} bytes`);
    }
    console.log(`# ${shots.length} screenshots in ${stage.screenshots}`);
  });
});
