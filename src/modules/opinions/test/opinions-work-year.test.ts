// 社情民意 figures of a year count over its 工作年度 (decision 0041): a report submitted between the cut-off (12-05) and
// 31 December belongs to next year's statistics, scores, 年度通报, the member's record and the 委员名录, each figure's
// list agreeing with it; a report of the cut-off day stays in this year; explicit dates still count by day. The kernel
// clock is set to days on either side of the cut-off, on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clock } from '../../../kernel/universal/clock.ts';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';

for (const d of await dialects()) {
  describe(`社情民意 by the working year (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    const offset = clock.offsetMs();
    /** reports submitted on the cut-off day (2026-12-05) and after it (2026-12-10) */
    let onCutOff = '', afterCutOff = '';
    let memberId = '';
    let member: Client, editor: Client, staff: Client;

    const ok = async (c: Client, url: string) => {
      const r = await c.get(url);
      assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const submit = async (c: Client, title: string) => {
      const r = await c.post('/api/opinions', { title, body: `近期群众反映${title}方面问题较多，建议有关部门开展排查，及时解决。` });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as { id: string; version: number; year: number };
    };
    /** the ids a figure's list holds, and its total (the list the figure opens, with the figure's own query) */
    const listOf = async (c: Client, f: Figure) => {
      const body = await ok(c, `${f.list!.api}?${new URLSearchParams({ ...f.list!.query, pageSize: '100' })}`);
      return { total: body.total as number, ids: (body.items as Array<{ id: string }>).map((x) => x.id) };
    };

    before(async () => {
      s = await startWorld(d.kind);
      // sessions expire when business time jumps: sign in afresh at each time
      clock.set('2026-12-05T16:30');
      member = await s.login('member');
      onCutOff = (await submit(member, '关于城区冬季供暖质量的建议')).id;
      clock.set('2026-12-10T10:00');
      [member, editor, staff] = await Promise.all(['member', 'editor', 'proposal'].map((u) => s.login(u)));
      memberId = (await ok(member, '/api/auth/me')).user.id;
      const b = await submit(member, '关于老旧小区加装电梯的建议');
      afterCutOff = b.id;
      const accepted = await editor.post(`/api/opinions/${b.id}/transitions`, { action: 'accept', version: b.version, input: {} });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const adopted = await editor.post(`/api/opinions/${b.id}/events`, { kind: 'adoption', level: 'city', adoptionType: 'single' });
      assert.ok(adopted.status < 300, JSON.stringify(adopted.body));
    });
    after(async () => { clock.reset(); clock.advance(offset); await s?.close(); });

    test('a report is stamped with the working year of the day it is submitted', async () => {
      assert.equal((await ok(member, `/api/opinions/${onCutOff}`)).year, 2026, 'the cut-off day is still this year');
      assert.equal((await ok(member, `/api/opinions/${afterCutOff}`)).year, 2027, 'after the cut-off, next year');
    });

    test('the statistics of a year count its working year\'s days, and every figure\'s list holds what it counts', async () => {
      const opened = await ok(editor, '/api/opinions/stats');
      assert.deepEqual([opened.from, opened.to], ['2026-12-06', '2027-12-05'], 'the page opens on working year 2027');
      for (const [year, inside, outside] of [[2027, afterCutOff, onCutOff], [2026, onCutOff, afterCutOff]] as const) {
        const stats = await ok(editor, `/api/opinions/stats?year=${year}`);
        const fig = (k: string) => [...stats.totals, ...stats.adoptedByLevel, ...stats.members].find((f: Figure) => f.key === `opinions.${k}`) as Figure;
        assert.equal(fig('submitted').value, 1, `${year}: one report received`);
        const list = await listOf(editor, fig('submitted'));
        assert.equal(list.total, 1, `${year}: the list of 收到信息 agrees`);
        assert.deepEqual(list.ids, [inside]);
        assert.ok(!list.ids.includes(outside));
        // a report of the list filtered by the year alone is the same (the year is the same days everywhere)
        const byYear = await ok(editor, `/api/opinions?year=${year}&pageSize=100`);
        assert.deepEqual(byYear.items.map((x: any) => x.id), [inside], `${year}: /api/opinions?year= holds the same report`);
        const members = await listOf(editor, fig('members_submitted'));
        assert.equal(members.total, fig('members_submitted').value);
        assert.equal(fig('members_submitted').value, 1);
      }
      const y27 = await ok(editor, '/api/opinions/stats?year=2027');
      const total = (k: string) => [...y27.totals, ...y27.adoptedByLevel].find((f: Figure) => f.key === `opinions.${k}`) as Figure;
      assert.equal(total('accepted').value, 1);
      assert.equal(total('adopted_city').value, 1);
      assert.equal((await listOf(editor, total('adopted_city'))).total, 1);
      // explicit dates count by day: December holds both
      const december = await ok(editor, '/api/opinions/stats?from=2026-12-01&to=2026-12-31');
      assert.equal(december.totals.find((f: Figure) => f.key === 'opinions.submitted').value, 2);
    });

    test('the catalogue\'s year is the working year, with the statistics\' figures', async () => {
      const r = await ok(editor, '/api/figures?year=2027&modules=opinions');
      assert.deepEqual([r.from, r.to, r.year], ['2026-12-06', '2027-12-05', 2027]);
      const opened = await ok(editor, '/api/figures?modules=opinions');
      assert.equal(opened.year, 2027, 'the catalogue opens on the working year');
      const byDays = await ok(editor, '/api/figures?from=2026-12-06&to=2027-12-05&modules=opinions');
      assert.equal(byDays.year, 2027, 'the days of a working year are that year');
      const submitted = r.groups[0].figures.find((f: Figure) => f.key === 'opinions.submitted');
      assert.equal(submitted.value, 1);
      assert.equal((await listOf(editor, submitted)).total, 1);
    });

    test('scores and the 年度通报 of the working year credit the report submitted and adopted after the cut-off', async () => {
      const scores = await ok(editor, '/api/opinions/scores?year=2027');
      assert.deepEqual([scores.from, scores.to], ['2026-12-06', '2027-12-05']);
      assert.equal(scores.items.find((x: any) => x.submitterUserId === memberId)?.reports, 1);
      assert.deepEqual((await ok(editor, '/api/opinions/scores?year=2026')).items, [], 'nothing was adopted in working year 2026');
      const ranking = await ok(editor, '/api/opinions/ranking?year=2027');
      assert.equal(ranking.summary.submitted, 1);
      const row = ranking.submitters.find((x: any) => x.key === memberId);
      assert.deepEqual([row?.submitted, row?.accepted, row?.adopted], [1, 1, 1]);
      const last = await ok(editor, '/api/opinions/ranking?year=2026');
      assert.equal(last.summary.submitted, 1);
      assert.equal(last.submitters.find((x: any) => x.key === memberId)?.accepted, 0);
    });

    test('我的履职 and 委员名录 of the working year show the report, and each figure opens it', async () => {
      const record = await ok(member, '/api/members/me/record');
      assert.equal(record.year, 2027);
      assert.deepEqual(record.reports.map((x: any) => x.id), [afterCutOff]);
      const submitted = record.figures.find((f: Figure) => f.key === 'opinions.member.submitted') as Figure;
      assert.equal(submitted.value, 1);
      const list = await listOf(member, submitted);
      assert.deepEqual([list.total, list.ids], [1, [afterCutOff]]);
      const adopted = record.figures.find((f: Figure) => f.key === 'opinions.member.adopted') as Figure;
      assert.equal(adopted.value, 1);
      assert.equal(record.trend.find((t: any) => t.year === 2027)?.reports, 1);
      assert.equal(record.trend.find((t: any) => t.year === 2026)?.reports, 1, 'the cut-off day\'s report is last year\'s');
      const lastYear = await ok(member, '/api/members/me/record?year=2026');
      assert.deepEqual(lastYear.reports.map((x: any) => x.id), [onCutOff]);

      const dir = await ok(staff, '/api/members?pageSize=200');
      assert.equal(dir.year, 2027);
      const row = dir.items.find((m: any) => m.userId === memberId);
      assert.deepEqual([row?.reports, row?.adopted], [1, 1]);
      const dir26 = await ok(staff, '/api/members?year=2026&pageSize=200');
      assert.equal(dir26.items.find((m: any) => m.userId === memberId)?.reports, 1);
    });
  });
}
