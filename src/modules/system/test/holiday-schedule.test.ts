// 节假日安排: reading the State Council's notice, warning when a year deadlines reach into has no schedule, and
// entering one (open deadlines move with it, in one transaction, audited).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { parseHolidaySchedule } from '../domain/holiday-schedule.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';

// every describe is declared before the test runner starts: the dialects are found first
const dbs = await dialects();

// the 2026 arrangement in the notice's own wording; the bundled calendar carries the same year, so every day can be compared
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('reading a holiday schedule', () => {
  test("the notice's wording gives, for every day of the year, what the bundled State Council data says", () => {
    const r = parseHolidaySchedule(2026, NOTICE_2026);
    assert.deepEqual(r.errors, []);
    const set = new Map(r.days.map((d) => [d.date, d]));
    let compared = 0;
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const entered = set.get(day);
      const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
      const workday = entered ? entered.kind === 'workday' : dow !== 0 && dow !== 6;
      assert.equal(workday, chineseDays.isWorkday(day), day);
      compared++;
    }
    assert.equal(compared, 365);
    assert.equal(set.get('2026-02-15')?.name, '春节');
    assert.equal(set.get('2026-09-20')?.name, '国庆节调休上班');
  });

  test('simple lines with ISO dates, and 元旦 that starts in the December before', () => {
    const r = parseHolidaySchedule(2032, '# 2032\n元旦 休 2032-01-01~2032-01-03\n春节 班 2032-02-07、2032-02-21\n春节 休 2032-02-10 至 2032-02-12');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.days.map((d) => `${d.date}:${d.kind}`), [
      '2032-01-01:holiday', '2032-01-02:holiday', '2032-01-03:holiday', '2032-02-07:workday',
      '2032-02-10:holiday', '2032-02-11:holiday', '2032-02-12:holiday', '2032-02-21:workday',
    ]);
    const y = parseHolidaySchedule(2024, '一、元旦：12月30日至1月1日放假调休，共3天。12月29日（周六）上班。');
    assert.deepEqual(y.days.map((d) => d.date), ['2023-12-29', '2023-12-30', '2023-12-31', '2024-01-01']);
  });

  test('mistakes are reported by line, in Chinese', () => {
    const bad = parseHolidaySchedule(2032, '元旦 休 2032-01-01\n春节 休 2032-02-30\n清明 2032-04-04\n劳动节 休 2033-05-01\n端午 休 2032-06-01\n端午 班 2032-06-01');
    assert.deepEqual(bad.errors.map((e) => e.line), [2, 3, 4, 6]);
    assert.match(bad.errors[0].message, /第 2 行：日期“2032-02-30”无效/);
    assert.match(bad.errors[1].message, /未写明/);
    assert.match(bad.errors[2].message, /不在 2032 年/);
    assert.match(bad.errors[3].message, /既是放假日又是上班日/);
    assert.match(parseHolidaySchedule(2032, '春节 班 2032-02-07').errors[0].message, /没有读到 2032 年的放假日/);
  });
});

for (const d of dbs) {
  describe(`entering a holiday schedule (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let sysadmin: Client;
    let staff: Client;
    let member: Client;
    const offset = clock.offsetMs();
    // sessions expire when business time jumps years ahead: sign in again at the new time
    const moveClockTo = async (iso: string) => {
      clock.set(iso);
      [sysadmin, staff, member] = [await s.login('sysadmin'), await s.login('proposal'), await s.login('member')];
    };
    before(async () => {
      // the minimal world: the administrators, a member and the proposal office are all the test needs
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent' } });
    });
    after(async () => { clock.reset(); clock.advance(offset); await s?.close(); });

    test('the administrator is told which years lack a schedule; entering one moves open deadlines and is audited', async () => {
      // a Monday at the end of a year well ahead: 2031 and 2032 have no State Council data in the bundled calendar
      await moveClockTo('2031-12-29T10:00:00+08:00');
      const cov = await sysadmin.get('/api/admin/calendar/coverage');
      assert.equal(cov.status, 200, JSON.stringify(cov.body));
      assert.equal(cov.body.today, '2031-12-29');
      assert.deepEqual(cov.body.missing, [2031, 2032]);
      assert.equal((await member.get('/api/admin/calendar/coverage')).status, 403);
      const month = await sysadmin.get('/api/admin/calendar?year=2032&month=1');
      assert.equal(month.body.officialData, false);
      assert.equal(month.body.schedule, null);
      assert.equal(month.body.days[0].workday, true, '元旦 2032 counts as a working day before the schedule is entered');

      // a proposal submitted now: its 待审查 work item's deadline runs into January 2032
      const created = await member.post('/api/proposals', { title: '关于完善跨年度办理期限计算的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const sub = await member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
      assert.equal(sub.status, 200, JSON.stringify(sub.body));
      const dueOf = async () => {
        const w = await staff.get('/api/worklist?pageSize=100');
        return (w.body.items as { entityId: string; dueDate: string }[]).find((i) => i.entityId === created.body.id)?.dueDate;
      };
      const before = await dueOf();
      assert.ok(before && before >= '2032-01-02', `the review deadline ${before} lies after 元旦`);

      const preview = await sysadmin.post('/api/admin/calendar/schedules', { year: 2032, text: '元旦 休 2032-01-01~2032-01-03', preview: true });
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.equal(preview.body.saved, false);
      assert.equal(preview.body.days.length, 3);
      assert.equal(await dueOf(), before, 'a preview changes nothing');

      const saved = await sysadmin.post('/api/admin/calendar/schedules', { year: 2032, text: '一、元旦：1月1日（周四）至3日（周六）放假，共3天。' });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.saved, true);
      assert.ok(saved.body.moved.find((m: { table: string }) => m.table === 'tasks').moved >= 1);
      // Thursday and Friday became holidays: the deadline keeps its working days and lands two working days later
      const after = await dueOf();
      let expected = before!;
      for (let n = 0; n < 2;) {
        expected = addDays(expected, 1);
        const dow = new Date(`${expected}T00:00:00Z`).getUTCDay();
        if (dow !== 0 && dow !== 6) n++;
      }
      assert.equal(after, expected);
      assert.deepEqual((await sysadmin.get('/api/admin/calendar/coverage')).body.missing, [2031]);
      const jan = await sysadmin.get('/api/admin/calendar?year=2032&month=1');
      assert.equal(jan.body.days[0].workday, false);
      assert.equal(jan.body.days[0].name, '元旦');
      assert.equal(jan.body.schedule.holidays, 3);
      assert.equal((await member.get('/api/calendar/working-days?from=2031-12-31&days=1')).body.due, '2032-01-05');
      const auditor = await s.login('auditor');
      const audit = await auditor.get('/api/audit?action=calendar.schedule&entityId=2032');
      assert.equal(audit.status, 200);
      assert.equal(audit.body.items[0].action, 'calendar.schedule.enter');
    });

    test('a schedule with a mistake gets 400 naming the line, and nothing is written', async () => {
      await moveClockTo('2031-12-29T10:00:00+08:00');
      const coverage = (await sysadmin.get('/api/admin/calendar/coverage')).body.missing;
      assert.ok(coverage.includes(2031));
      const bad = await sysadmin.post('/api/admin/calendar/schedules', { year: 2031, text: '春节 休 2031-02-30' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
      assert.match(bad.body.error.message, /第 1 行/);
      assert.deepEqual((await sysadmin.get('/api/admin/calendar/coverage')).body.missing, coverage);
      const empty = await sysadmin.post('/api/admin/calendar/schedules', { year: 2031, text: '' });
      assert.equal(empty.status, 400);
      assert.match(empty.body.error.message, /节假日安排/);
      assert.equal((await member.post('/api/admin/calendar/schedules', { year: 2031, text: '元旦 休 2031-01-01' })).status, 403);
    });
  });
}
