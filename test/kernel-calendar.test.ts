// Tests of the working-day calendar: library holidays, make-up working days, admin overrides and overdue counts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest } from '../src/kernel/server/migrate.ts';
import { kernelMigrations } from '../src/kernel/server/kernel-module.ts';
import { WorkingCalendar, libraryIsWorkday } from '../src/kernel/server/calendar.ts';
import { addWorkingDays, workingDaysBetween } from '../src/kernel/universal/working-days.ts';
import { createTestDatabase, dialects, type TestDatabase } from './support/db.ts';
import { clock } from '../src/kernel/universal/clock.ts';

describe('working-day calendar (library data)', () => {
  test('National Day week is a holiday and an ordinary weekday after it is a working day', () => {
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07']) assert.equal(libraryIsWorkday(d), false, d);
    assert.equal(libraryIsWorkday('2026-10-08'), true);
  });

  test('make-up working days (调休) on a weekend count as working days', () => {
    // 2026-09-20 is a Sunday and 2026-10-10 a Saturday, both worked in exchange for the National Day holiday
    assert.equal(new Date('2026-09-20T00:00:00Z').getUTCDay(), 0);
    assert.equal(libraryIsWorkday('2026-09-20'), true);
    assert.equal(new Date('2026-10-10T00:00:00Z').getUTCDay(), 6);
    assert.equal(libraryIsWorkday('2026-10-10'), true);
    assert.equal(libraryIsWorkday('2026-10-11'), false, 'an ordinary Sunday stays a rest day');
  });

  test('Spring Festival days are holidays', () => {
    assert.equal(libraryIsWorkday('2026-02-17'), false);
  });

  test('a year the library does not cover falls back to Monday–Friday', () => {
    assert.equal(libraryIsWorkday('2099-10-01'), true); // a Thursday
    assert.equal(libraryIsWorkday('2099-10-03'), false); // a Saturday
  });

  test('counting 5 working days from 2026-09-30 crosses National Day, counts the make-up Saturday and lands on 2026-10-13', () => {
    assert.equal(addWorkingDays(libraryIsWorkday, '2026-09-30', 5), '2026-10-13');
    assert.equal(addWorkingDays(libraryIsWorkday, '2026-09-30', 3), '2026-10-10');
  });

  test('working days between two dates is positive ahead and negative when overdue', () => {
    assert.equal(workingDaysBetween(libraryIsWorkday, '2026-09-30', '2026-10-13'), 5);
    assert.equal(workingDaysBetween(libraryIsWorkday, '2026-10-13', '2026-09-30'), -5);
    assert.equal(workingDaysBetween(libraryIsWorkday, '2026-10-13', '2026-10-13'), 0);
  });
});

for (const d of await dialects()) {
  describe(`working-day calendar with overrides (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let cal: WorkingCalendar;
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, kernelMigrations);
      cal = new WorkingCalendar(h.db);
      await cal.load();
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    test('an admin override takes precedence over the library in both directions', async () => {
      const now = clock.iso();
      await h.db.insertInto('calendar_overrides').values([
        { date: '2026-10-08', kind: 'holiday', note: '地方调整', updated_by: 'u', updated_at: now },
        { date: '2026-10-03', kind: 'workday', note: '会议期间', updated_by: 'u', updated_at: now },
      ]).execute();
      assert.equal(cal.isWorkday('2026-10-08'), true, 'not visible before reload');
      await cal.load();
      assert.equal(cal.isWorkday('2026-10-08'), false);
      assert.equal(cal.isWorkday('2026-10-03'), true);
      // 10-03 (1), 10-09 (2), 10-10 (3), 10-12 (4), 10-13 (5)
      assert.equal(cal.addWorkingDays('2026-09-30', 5), '2026-10-13');
      assert.equal(cal.addWorkingDays('2026-09-30', 2), '2026-10-09');
      const oct = cal.month(2026, 10);
      assert.equal(oct.length, 31);
      assert.equal(oct[7].override?.kind, 'holiday');
      assert.equal(oct[0].name, '国庆节');
      assert.equal(cal.hasOfficialData(2026), true);
    });

    test('daysLeft is negative once the due date has passed', async () => {
      assert.equal(cal.daysLeft('2026-10-13', '2026-10-16'), -3);
      assert.equal(cal.daysLeft('2026-10-16', '2026-10-13'), 3);
    });

    test('removing an override restores the library arrangement after reload', async () => {
      await h.db.deleteFrom('calendar_overrides').where('date', '=', '2026-10-08').execute();
      await cal.load();
      assert.equal(cal.isWorkday('2026-10-08'), true);
    });
  });
}
