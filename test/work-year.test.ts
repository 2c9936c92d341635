// 工作年度 (decision 0037): one working year per CPPCC, read in one place, on which every page's API opens, before and
// after the session cut-off (12-05), on SQLite and PostgreSQL. The clock is set to days on either side of the cut-off.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clock } from '../src/kernel/universal/clock.ts';
import { sessionLabelFor, workYearOf } from '../src/kernel/universal/work-year.ts';
import { stampSubmission } from '../src/modules/proposals/domain/proposal-session.ts';
import { currentWorkYear, workYearCalendarOf } from '../src/modules/organizations/index.ts';
import { organizationMigrations } from '../src/modules/organizations/server/migrations.ts';
import { readProposalSettings } from '../src/modules/proposals/server/settings.ts';
import { dialects } from './support/db.ts';
import { startWorld, type World } from './support/factories.ts';
import type { Client } from './support/http.ts';

const databases = await dialects();

describe('the working year of a date (pure)', () => {
  test('the year switches the day after the cut-off, and proposals submitted then are stamped with it', () => {
    assert.equal(workYearOf('2026-12-05').year, 2026);
    assert.equal(workYearOf('2026-12-06').year, 2027);
    assert.deepEqual(workYearOf('2026-12-06'), { year: 2027, sessionLabel: '十五届一次会议', startsOn: '2026-12-06', endsOn: '2027-12-05', nextYearAfter: '12-05' });
    assert.equal(workYearOf('2027-01-01').year, 2027);
    for (const d of ['2026-12-05', '2026-12-06', '2026-12-31', '2027-03-01']) assert.equal(stampSubmission(d).year, workYearOf(d).year, d);
    const late = { nextYearAfter: '12-31', termFirstYear: 2023, termNumber: 9, termLength: 5 };
    assert.equal(workYearOf('2026-12-31', late).year, 2026, 'a CPPCC without an early cut-off works by the calendar year');
    assert.equal(workYearOf('2026-12-31', late).startsOn, '2026-01-01');
    assert.equal(sessionLabelFor(2027, late), '九届五次会议');
  });
});

for (const d of databases) {
  describe(`one working year on every page (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    const offset = clock.offsetMs();
    before(async () => { s = await startWorld(d.kind); });
    after(async () => { clock.reset(); clock.advance(offset); await s?.close(); });

    // sessions expire when business time jumps: sign in afresh at each time
    const at = async (when: string) => {
      clock.set(when);
      return { member: await s.login('member'), staff: await s.login('proposal'), editor: await s.login('editor'), sysadmin: await s.login('sysadmin') };
    };
    const get = async (c: Client, url: string) => {
      const r = await c.get(url);
      assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    /** the year each page's API opens on, without a year asked */
    const yearsOpened = async (c: { member: Client; staff: Client; editor: Client }) => {
      const opinionStats = await get(c.editor, '/api/opinions/stats');
      return {
        workYear: (await get(c.member, '/api/work-year')).year,
        proposalOptions: (await get(c.staff, '/api/proposals/options')).currentSession.year,
        topics: (await get(c.staff, '/api/proposals/topics')).year,
        memberRecord: (await get(c.member, '/api/members/me/record')).year,
        memberRecordCurrent: (await get(c.member, '/api/members/me/record')).currentYear,
        directory: (await get(c.staff, '/api/members?pageSize=1')).year,
        directoryFilters: (await get(c.staff, '/api/members/filters')).currentYear,
        // the statistics' days are the working year's: it ends on the year's cut-off (decision 0041)
        opinionStats: Number(String(opinionStats.to).slice(0, 4)),
      };
    };
    const all = (year: number, o: Record<string, number>) => assert.deepEqual(o, Object.fromEntries(Object.keys(o).map((k) => [k, year])));

    test('before the cut-off every page opens on this year, after it on next year, with the session of that year', async () => {
      const before = await at('2026-12-05T16:00');
      all(2026, await yearsOpened(before));
      const wy = await get(before.member, '/api/work-year');
      assert.equal(wy.sessionLabel, '十四届五次会议');
      assert.equal(wy.endsOn, '2026-12-05');
      const tenantId = (await get(before.member, '/api/auth/me')).user.tenantId;
      assert.equal((await currentWorkYear(s.zx.ctx.settings, tenantId)).year, 2026, 'the server function agrees');

      const after = await at('2026-12-06T09:00');
      all(2027, await yearsOpened(after));
      assert.equal((await get(after.member, '/api/work-year')).sessionLabel, '十五届一次会议');
      assert.equal((await get(after.member, '/api/work-year?year=2025')).sessionLabel, '十四届四次会议', 'another year\'s session');
      assert.equal((await currentWorkYear(s.zx.ctx.settings, tenantId)).year, 2027);
    });

    test('a member who leads proposals after the cut-off sees them in 我的履职 of the working year it opens on', async () => {
      const c = await at('2026-12-07T10:00');
      const ids: string[] = [];
      for (const title of ['关于冬季供暖保障的建议', '关于完善城市停车设施的建议']) {
        const created = await c.member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const sub = await c.member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
        assert.equal(sub.status, 200, JSON.stringify(sub.body));
        assert.equal(sub.body.year, 2027, 'stamped with next year\'s session');
        assert.equal(sub.body.sessionLabel, '十五届一次会议');
        ids.push(created.body.id);
      }
      const record = await get(c.member, '/api/members/me/record');
      assert.equal(record.year, 2027);
      const led = record.figures.find((f: any) => f.key === 'proposals.member.led');
      assert.ok(ids.every((id) => record.proposals.led.some((p: any) => p.id === id)), 'both proposals are in the record');
      assert.equal(led.value, record.proposals.led.length);
      assert.ok(led.value >= 2);
      // the 提案统计 of the year the page opens on counts them too
      const stats = await get(c.staff, `/api/proposals/stats?year=${(await get(c.staff, '/api/proposals/options')).currentSession.year}`);
      assert.ok(stats.totals.find((f: any) => f.key === 'proposals.received').value >= 2);
    });

    test('the CPPCC\'s cut-off is one setting: moving it moves every page and the stamping alike', async () => {
      const c = await at('2026-12-07T11:00');
      const key = '/api/admin/settings/organizations.workYear';
      const cur = await get(c.sysadmin, key);
      assert.equal(cur.value.nextYearAfter, '12-05');
      const bad = await c.sysadmin.put(key, { value: { ...cur.value, nextYearAfter: '12月10日' }, version: cur.version ?? 0 });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      const put = await c.sysadmin.put(key, { value: { ...cur.value, nextYearAfter: '12-10' }, version: cur.version ?? 0 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      try {
        all(2026, await yearsOpened(c));
        const created = await c.member.post('/api/proposals', { title: '关于延长工作年度的建议', background: '情况', analysis: '分析', suggestions: '建议' });
        const sub = await c.member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
        assert.equal(sub.body.year, 2026, 'stamped with the year the pages open on');
      } finally {
        const now = await get(c.sysadmin, key);
        await c.sysadmin.put(key, { value: cur.value, version: now.version });
      }
    });

    test('an upgrade keeps a CPPCC\'s cut-off and term numbering set in the proposals\' old session calendar', async () => {
      const db = s.zx.ctx.db;
      const row = (tenant: string, key: string, value: unknown) => ({ tenant_id: tenant, key, value: JSON.stringify(value), version: 1, updated_at: clock.iso() });
      await db.insertInto('settings').values([
        row('legacy-a', 'proposals.sessionCalendar', { nextYearAfter: '12-20', sessionDeadline: '03-15', termFirstYear: 2023, termNumber: 9, termLength: 5 }),
        row('legacy-b', 'proposals.sessionCalendar', { nextYearAfter: '12-20', sessionDeadline: '03-15' }),
        row('legacy-b', 'organizations.workYear', { nextYearAfter: '11-30' }),
      ]).execute();
      await organizationMigrations.find((m) => m.name === '0052_organizations_work_year')!.up(db, s.zx.ctx.dialect);
      assert.deepEqual(await workYearCalendarOf(s.zx.ctx.settings, 'legacy-a'), { nextYearAfter: '12-20', termFirstYear: 2023, termNumber: 9, termLength: 5 });
      assert.equal((await workYearCalendarOf(s.zx.ctx.settings, 'legacy-b')).nextYearAfter, '11-30', 'a working year already set is kept');
      const p = await readProposalSettings(s.zx.ctx, 'legacy-a');
      assert.equal(p.sessionCalendar.sessionDeadline, '03-15', 'the proposals keep their own deadline');
      assert.equal(p.sessionCalendar.nextYearAfter, '12-20', 'and stamp by the working year');
      await db.deleteFrom('settings').where('tenant_id', 'in', ['legacy-a', 'legacy-b']).execute();
    });
  });
}
