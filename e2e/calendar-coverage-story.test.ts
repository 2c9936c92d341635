/**
 * The working-day calendar's missing holiday schedule, as its manager meets it (issue 13): when a year deadlines reach
 * into has no holiday schedule, the system administrator is told on signing in, above every page, with a way to the
 * calendar page where it is entered; whoever does not manage the calendar is not told. Which years are missing follows
 * the server's calendar on the day of the run (`ZX_CLOCK` moves it): from 1 October the next year is needed too.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnless } from '../test/support/services.ts';
import { shot, signIn, startStage, type Stage } from './support.ts';

const skip = await skipUnless('browser');

describe('calendar coverage warning (chromium)', { skip, timeout: 300_000 }, () => {
  let stage: Stage;
  before(async () => { stage = await startStage(); });
  after(async () => { await stage?.close(); });

  for (const width of [1280, 390]) {
    test(`at ${width} px the system administrator is told on signing in which years lack a holiday schedule, and is led to the calendar`, async () => {
      const missing = stage.started.zx.ctx.calendar.missingYears();
      const page = await stage.freshPage({ width, height: width > 400 ? 800 : 844 });
      const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/calendar/coverage', { timeout: 180_000 });
      await signIn(stage, page, 'sysadmin');
      assert.equal((await asked).status(), 200);
      const banner = page.getByTestId('calendar-coverage-banner');
      if (missing.length === 0) {
        // every year deadlines reach into is known (before 1 October, with this year in the bundled data)
        await page.waitForTimeout(500);
        assert.equal(await banner.count(), 0, 'no warning when no year is missing');
        return;
      }
      await banner.waitFor({ state: 'visible' });
      const text = await banner.innerText();
      for (const y of missing) assert.ok(text.includes(String(y)), `the warning names ${y}: ${text}`);
      assert.match(text, /法定节假日安排/);
      await shot(stage, page, `calendar-coverage-${width}`);
      await banner.getByRole('link', { name: /去录入/ }).click();
      await page.waitForURL((u) => u.pathname === '/admin/calendar');
      // the warning stays above the calendar page until the schedule is entered
      await banner.waitFor({ state: 'visible' });
      await page.close();
    });
  }

  test('a member and the proposal office, who do not manage the calendar, are not told', async () => {
    for (const username of ['member', 'proposal']) {
      const page = await stage.freshPage({ width: 1280, height: 800 });
      await signIn(stage, page, username);
      // the banner is the session's to decide (no request): the home page is up, so is every banner it would show
      assert.equal(await page.getByRole('heading', { name: /您好/ }).count(), 1);
      assert.equal(await page.getByTestId('calendar-coverage-banner').count(), 0, username);
      await page.close();
    }
  });
});
