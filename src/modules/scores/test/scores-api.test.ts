// 履职积分 through the real server on SQLite and PostgreSQL: a scenario year (a member's records → the score equals the
// hand-computed sum, each item's list holds exactly its count), the batched figures equal the per-member ones, the
// ranking agrees with 我的积分, rule versions and 409 on a stale one, bad input named in Chinese, who may see what,
// the Word report and the Excel export, and the warning job on the kernel clock.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { systemActor } from '../../../kernel/server/actor.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { currentWorkYear, workYearFor } from '../../organizations/index.ts';
import { warnBelowMinimum } from '../server/jobs.ts';

const rules = (over: Record<string, unknown> = {}) => ({
  base: 10, maxTotal: null, minimum: 30,
  items: [
    { figure: 'activities.member.participations', label: '参加履职活动', points: 5, cap: 12, min: 1 },
    { figure: 'proposals.member.led', label: '领衔提案', points: 7, cap: null, min: null },
    { figure: 'meetings.member.absent', label: '无故缺席', points: -3, cap: null, min: null },
  ],
  bands: [{ label: '优秀', min: 40 }, { label: '称职', min: 20 }, { label: '不称职', min: -100 }],
  ...over,
});

for (const d of await dialects()) {
  describe(`履职积分 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, other: Client, office: Client, leader: Client, sysadmin: Client;
    let memberId: string, otherId: string, tenantId: string;
    /** a working year with no records yet (the one after the current): the scenario's own */
    let Y: number;
    let yStart: string;
    const offset = clock.offsetMs();

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, other, office, leader, sysadmin] = await Promise.all(['member', 'm0001', 'office', 'leader', 'sysadmin'].map((u) => s.login(u)));
      const userOf = (username: string) => s.zx.ctx.db.selectFrom('users').select(['id', 'tenant_id']).where('username', '=', username).executeTakeFirstOrThrow();
      const [m, o] = await Promise.all([userOf('member'), userOf('m0001')]);
      [memberId, tenantId, otherId] = [m.id, m.tenant_id, o.id];
      Y = (await currentWorkYear(s.zx.ctx.settings, tenantId)).year + 1;
      yStart = (await workYearFor(s.zx.ctx.settings, tenantId, Y)).startsOn;
    });
    after(async () => { clock.reset(); clock.advance(offset); await s?.close(); });

    /** signs the member in to `n` more activities held in year Y (the activities module's own rows, as its sign-in writes them) */
    async function participate(userId: string, n: number) {
      const db = s.zx.ctx.db;
      // one sign-in per activity: activities the member has no sign-up or sign-in for
      const acts = await db.selectFrom('activities').select(['id', 'kind']).where('tenant_id', '=', tenantId)
        .where('id', 'not in', db.selectFrom('activity_participants').select('activity_id').where('user_id', '=', userId)).orderBy('id').limit(n).execute();
      for (let i = 0; i < n; i++) {
        const a = acts[i];
        const held = addDays(yStart, 10 + i);
        await db.insertInto('activity_participants').values({
          id: newId(), activity_id: a.id, tenant_id: tenantId, user_id: userId, name: '委员', kind: a.kind, held_on: held, home_id: null, county: null,
          signed_up_at: null, signed_in_at: `${held}T01:00:00.000Z`, signed_in_by: userId, signed_in_by_name: '委员', distance_m: null, version: 1,
        }).execute();
      }
    }

    test('a year without rules shows the default (济南, version 0); the first save is version 1 and the year is computed under it', async () => {
      const none = await office.get(`/api/scores/rules/${Y}`);
      assert.equal(none.status, 200, JSON.stringify(none.body));
      assert.equal(none.body.version, 0);
      assert.equal(none.body.rules.base, 70);
      const pending = none.body.figures.find((f: any) => f.key === 'meetings.member.absent');
      assert.ok(pending, 'the meetings figures are offered even before a module declares them');
      assert.equal(none.body.figures.find((f: any) => f.key === 'proposals.member.led').hasSource, true);

      const saved = await office.put(`/api/scores/rules/${Y}`, { version: 0, source: null, ...rules() });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, 1);
      assert.deepEqual(saved.body.versions.map((v: any) => v.version), [1]);
      const ranking = await office.get(`/api/scores?year=${Y}&pageSize=5`);
      assert.equal(ranking.body.ruleVersion, 1);
      assert.equal(ranking.body.stale, false);
    });

    test('scenario year: 3 participations → 10 + min(12, 3 × 5) = 22 称职; the item opens exactly its 3 records; a 4th stays capped', async () => {
      await participate(memberId, 3);
      let mine = (await member.get(`/api/scores/mine?year=${Y}`)).body;
      assert.equal(mine.ruleVersion, 1);
      const act = mine.items.find((i: any) => i.figure === 'activities.member.participations');
      assert.equal(act.count, 3);
      assert.equal(act.points, 12);
      assert.equal(act.capped, true);
      assert.equal(mine.items.find((i: any) => i.figure === 'proposals.member.led').count, 0);
      const absent = mine.items.find((i: any) => i.figure === 'meetings.member.absent');
      // the meetings module declares the figure: counted (none in this year), not 「暂无数据来源」
      assert.equal(absent.hasSource, true, 'the meetings module counts 无故缺席');
      assert.equal(absent.count, 0);
      assert.equal(absent.points, 0);
      assert.equal(mine.total, 22);
      assert.equal(mine.grade, '称职');
      assert.deepEqual(mine.unmet, []);
      // traceability: the item's list is the activities module's list of exactly these records
      const qs = new URLSearchParams({ ...act.list.query, pageSize: '50' });
      const list = await member.get(`${act.list.api}?${qs}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.total, 3);
      assert.equal(list.body.items.length, 3);

      await participate(memberId, 1);
      mine = (await member.get(`/api/scores/mine?year=${Y}`)).body;
      assert.equal(mine.items.find((i: any) => i.figure === 'activities.member.participations').count, 4);
      assert.equal(mine.total, 22, 'the cap holds');

      // another member with nothing has the base and misses the minimum count
      const o = (await office.get(`/api/scores/members/${otherId}?year=${Y}`)).body;
      assert.equal(o.total, 10);
      assert.equal(o.grade, '不称职');
      assert.deepEqual(o.unmet, ['参加履职活动']);
    });

    test('recompute: the snapshot agrees with 我的积分, ranks competition-style, filters and counts the distribution', async () => {
      const r = await office.post('/api/scores/recompute', { year: Y });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.ruleVersion, 1);
      assert.ok(r.body.members > 10);
      const ranking = (await office.get(`/api/scores?year=${Y}&pageSize=200`)).body;
      assert.equal(ranking.total, r.body.members);
      assert.equal(ranking.items[0].userId, memberId);
      assert.equal(ranking.items[0].total, 22);
      assert.equal(ranking.items[0].rank, 1);
      assert.equal(ranking.items[1].rank, 2, 'everyone else ties at 10, all second');
      assert.equal(ranking.items.at(-1).rank, 2);
      assert.deepEqual(ranking.distribution, [{ label: '优秀', count: 0 }, { label: '称职', count: 1 }, { label: '不称职', count: r.body.members - 1 }]);
      assert.equal(ranking.belowMinimum, r.body.members);
      const mine = (await member.get(`/api/scores/mine?year=${Y}`)).body;
      assert.equal(mine.rank, 1);
      assert.equal(mine.members, r.body.members);
      const graded = (await office.get(`/api/scores?year=${Y}&grade=${encodeURIComponent('称职')}`)).body;
      assert.deepEqual(graded.items.map((i: any) => i.userId), [memberId]);
      const named = (await office.get(`/api/scores?year=${Y}&q=${encodeURIComponent(mine.name)}`)).body;
      assert.ok(named.items.every((i: any) => i.name.includes(mine.name)) && named.total >= 1);
      const opts = (await office.get('/api/scores/options')).body;
      if (opts.sectors.length) {
        const bySector = (await office.get(`/api/scores?year=${Y}&sector=${opts.sectors[0].id}&pageSize=200`)).body;
        assert.ok(bySector.total < ranking.total);
      }
    });

    test('the current year: 我的积分 equals the hand sum over the member figures, and the batched counts equal the per-member ones', async () => {
      const year = Y - 1;
      const inForce = (await office.get(`/api/scores/rules/${year}`)).body;
      const figs = (await member.get(`/api/figures?year=${year}&userId=${memberId}`)).body;
      const count = new Map<string, number>(figs.groups.flatMap((g: any) => g.figures).map((f: any) => [f.key, f.value]));
      let hand = inForce.rules.base;
      for (const it of inForce.rules.items) {
        let p = (count.get(it.figure) ?? 0) * it.points;
        if (it.cap !== null) p = Math.max(-it.cap, Math.min(it.cap, p));
        hand += p;
      }
      if (inForce.rules.maxTotal !== null) hand = Math.min(inForce.rules.maxTotal, hand);
      const mine = (await member.get(`/api/scores/mine?year=${year}`)).body;
      assert.equal(mine.total, hand);
      for (const it of mine.items) if (it.list) {
        const qs = new URLSearchParams({ ...it.list.query, pageSize: '1' });
        const l = await member.get(`${it.list.api}?${qs}`);
        assert.equal(l.status, 200, `${it.figure}: ${JSON.stringify(l.body)}`);
        assert.equal(l.body.total, it.count, `${it.figure}'s list holds exactly its count`);
      }
      const ranking = (await office.get(`/api/scores?year=${year}&pageSize=200`)).body;
      assert.ok(ranking.total > 100);

      // the catalogue's batched counts (grouped queries) against each member's own compute, for every member figure
      const ctx = s.zx.ctx;
      const wy = await workYearFor(ctx.settings, tenantId, year);
      const scope = { tenantId, from: wy.startsOn, to: wy.endsOn, year };
      const ids = ranking.items.slice(0, 40).map((i: any) => i.userId);
      const batched = await ctx.figures.computeMembers(ctx, scope, ids, systemActor(tenantId));
      let nonzero = 0;
      for (const u of ids) {
        const one = (await ctx.figures.compute(ctx, { ...scope, subject: { userId: u } }, systemActor(tenantId))).flatMap((g) => g.figures);
        for (const f of one) {
          assert.equal(batched.get(u)?.[f.key] ?? 0, f.value, `${u} ${f.key}`);
          if (f.value) nonzero++;
        }
        const snap = ranking.items.find((i: any) => i.userId === u);
        assert.equal(snap.total, (await office.get(`/api/scores/members/${u}?year=${year}`)).body.total, 'the ranking and the member page agree');
      }
      assert.ok(nonzero > 20, 'the demo year has records to count');
    });

    test('editing makes a new version; the stale version is a 409; bad input is a 400 naming the field in Chinese', async () => {
      const next = await office.put(`/api/scores/rules/${Y}`, { version: 1, source: '宣威', ...rules({ base: 20 }) });
      assert.equal(next.status, 200, JSON.stringify(next.body));
      assert.equal(next.body.version, 2);
      assert.equal(next.body.source, '宣威');
      assert.deepEqual(next.body.versions.map((v: any) => v.version), [2, 1]);
      assert.equal((await member.get(`/api/scores/mine?year=${Y}`)).body.total, 32);
      assert.equal((await office.get(`/api/scores?year=${Y}`)).body.ruleVersion, 2, 'saving recomputes the year under the new version');

      const stale = await office.put(`/api/scores/rules/${Y}`, { version: 1, ...rules({ base: 30 }) });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.match(stale.body.error.message, /已被他人修改/);
      assert.equal((await office.get(`/api/scores/rules/${Y}`)).body.rules.base, 20, 'the stale edit changed nothing');

      const badPoints = await office.put(`/api/scores/rules/${Y}`, { version: 2, ...rules({ items: [{ figure: 'proposals.member.led', label: '领衔', points: 'x', cap: null, min: null }] }) });
      assert.equal(badPoints.status, 400);
      assert.equal(badPoints.body.error.code, 'VALIDATION_FAILED');
      assert.match(badPoints.body.error.message, /每次分值/);
      const badFigure = await office.put(`/api/scores/rules/${Y}`, { version: 2, ...rules({ items: [{ figure: 'proposals.filed', label: '立案', points: 5, cap: null, min: null }] }) });
      assert.equal(badFigure.status, 400);
      assert.match(badFigure.body.error.message, /统计数字/);
      const twice = await office.put(`/api/scores/rules/${Y}`, { version: 2, ...rules({ bands: [{ label: '称职', min: 60 }, { label: '称职', min: 0 }] }) });
      assert.equal(twice.status, 400);
      assert.equal(twice.body.error.field, 'bands.1.label');
      assert.match(twice.body.error.message, /等次名称/);
      const badYear = await office.get('/api/scores/rules/19');
      assert.equal(badYear.status, 400);
      assert.match(badYear.body.error.message, /年度/);
      assert.equal((await office.get(`/api/scores/rules/${Y}`)).body.version, 2, 'no bad input wrote a version');
    });

    test('who may see what: a member their own only; staff everyone; the leader reads but may not edit rules; administrators nothing', async () => {
      assert.equal((await member.get(`/api/scores?year=${Y}`)).status, 403);
      assert.equal((await member.get(`/api/scores/members/${otherId}?year=${Y}`)).status, 403);
      assert.equal((await member.put(`/api/scores/rules/${Y}`, { version: 2, ...rules() })).status, 403);
      assert.equal((await other.get(`/api/scores/mine?year=${Y}`)).status, 200);
      assert.equal((await leader.get(`/api/scores?year=${Y}`)).status, 200);
      assert.equal((await leader.put(`/api/scores/rules/${Y}`, { version: 2, ...rules() })).status, 403);
      assert.equal((await sysadmin.get('/api/scores/mine')).status, 403);
      assert.equal((await sysadmin.get('/api/scores')).status, 403);
      assert.equal((await office.get('/api/scores/members/nobody?year=2025')).status, 404);
      assert.equal((await member.get('/api/scores/presets')).body.presets.length, 6);
    });

    test('the annual duty report (Word) lists the profile, items, the records by title, total and grade; the ranking exports to Excel', async () => {
      const res = await s.app.inject({ method: 'GET', url: `/api/scores/members/${memberId}/report.docx?year=${Y}`, headers: { cookie: member.cookie } });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /wordprocessingml/);
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      const mine = (await member.get(`/api/scores/mine?year=${Y}`)).body;
      assert.ok(text.includes(`${mine.name}委员${Y}年度履职报告`));
      assert.ok(text.includes('参加履职活动：4'));
      const title = (await s.zx.ctx.db.selectFrom('activity_participants as p').innerJoin('activities as a', 'a.id', 'p.activity_id').select('a.title')
        .where('p.user_id', '=', memberId).where('p.held_on', '>=', yStart).limit(1).executeTakeFirstOrThrow()).title;
      assert.ok(text.includes(title), 'the records behind the item are listed by title');
      assert.ok(text.includes(`年度履职积分${mine.total}分，等次为「${mine.grade}」`));
      assert.equal((await s.app.inject({ method: 'GET', url: `/api/scores/members/${otherId}/report.docx?year=${Y}`, headers: { cookie: member.cookie } })).statusCode, 403);

      const x = await s.app.inject({ method: 'GET', url: `/api/scores/export.xlsx?year=${Y}`, headers: { cookie: office.cookie } });
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as any);
      const total = (await office.get(`/api/scores?year=${Y}`)).body.total;
      assert.equal(wb.worksheets[0].rowCount, total + 1);
      assert.equal(wb.worksheets[0].getRow(2).getCell(2).value, mine.name);
    });

    test('the warning job: below the pro-rata minimum once per quarter, on the kernel clock', async () => {
      const ctx = s.zx.ctx;
      const wy = await workYearFor(ctx.settings, tenantId, Y);
      // well inside the second quarter (136 of 365 or 366 days, whatever the year's length): the threshold is
      // 20 + (30 − 20) × 136/365 ≈ 23.7 (the base now 20): the member (32) is fine, the others (20) are warned
      clock.set(`${addDays(wy.startsOn, 135)}T10:00`);
      const first = await warnBelowMinimum(ctx, tenantId);
      assert.equal(first.year, Y);
      assert.equal(first.period, 2);
      assert.ok(first.threshold > 20 && first.threshold < 30, String(first.threshold));
      assert.ok(!first.warned.includes(memberId));
      assert.ok(first.warned.includes(otherId));
      const again = await warnBelowMinimum(ctx, tenantId);
      assert.deepEqual(again.warned, [], 'once per period');
      // (read from the inbox table: the clock moved months ahead, past any session's idle limit)
      const inbox = await ctx.db.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', otherId).where('kind', '=', 'scores.warning').execute();
      assert.equal(inbox.length, 1, 'm0001 was told once');
      assert.match(inbox[0].title, /履职积分提醒/);
      assert.equal(inbox[0].link, `/scores/mine?year=${Y}`);
      // the last day: the whole minimum (30); the member (32) still fine; the others told again in the new period
      clock.set(`${wy.endsOn}T10:00`);
      const last = await warnBelowMinimum(ctx, tenantId);
      assert.equal(last.period, 4);
      assert.equal(last.threshold, 30);
      assert.ok(last.warned.includes(otherId) && !last.warned.includes(memberId));
    });
  });
}
