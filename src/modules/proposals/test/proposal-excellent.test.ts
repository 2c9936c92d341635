// 优秀提案评选 rounds: nominations by the office, a handling unit and a committee, the chair's meeting, publication; SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { ok } from './transitions.ts';

for (const d of await dialects()) {
  describe(`excellent proposals selection round (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client, unit2: Client, leader: Client, unitLead: Client;
    let zhujianId: string;
    // the proposals' year (大会/平时 stamping may count a late submission for the next year)
    let year = 0;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unit2, leader, unitLead] = await Promise.all(['member', 'proposal', 'unit', 'unit2', 'leader', 'unitlead'].map((u) => s.login(u)));
      zhujianId = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
    });
    after(async () => { await s?.close(); });

    async function replied(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      p = await ok(unit, p.id, 'sign', p.version);
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'A', replyText: '已办理。' });
      p = await ok(unitLead, p.id, 'sign_off', p.version);
      return ok(staff, p.id, 'release', p.version);
    }

    test('a year\'s round: office and unit nominate, the chair\'s meeting confirms or drops each, publication marks them', async () => {
      // one after another: filing numbers the proposals in order
      const a = await replied('关于优秀提案评选测试甲的建议');
      const b = await replied('关于优秀提案评选测试乙的建议');
      const c = await replied('关于优秀提案评选测试丙的建议');
      year = a.year;
      assert.equal((await unit.post('/api/proposals/excellent/rounds', { year })).status, 403, 'only the office starts a round');
      const created = await staff.post('/api/proposals/excellent/rounds', { year });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const round = created.body;
      assert.equal(round.state, 'nominating');
      assert.equal((await staff.post('/api/proposals/excellent/rounds', { year })).status, 409, 'one round per year');
      const url = (x = '') => `/api/proposals/excellent/rounds/${round.id}${x}`;

      // nothing to review yet
      const early = await staff.post(url('/transitions'), { action: 'start_review', version: round.version });
      assert.equal(early.status, 400);

      let r = await staff.post(url('/nominations'), { proposalId: a.id, reason: '调研深入，建议具体可行' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      r = await unit.post(url('/nominations'), { proposalId: b.id, reason: '推动了老旧小区改造政策出台' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.nominees.length, 1, 'a unit sees its own recommendations');
      assert.equal(r.body.nominees[0].source, 'unit');
      const notHandled = await unit2.post(url('/nominations'), { proposalId: c.id, reason: '好' });
      assert.equal(notHandled.status, 403, 'a unit that did not handle it does not recommend it');
      assert.match(notHandled.body.error.message, /承办该提案的单位/);
      assert.equal((await member.post(url('/nominations'), { proposalId: c.id, reason: '好' })).status, 403, 'a member does not nominate');
      const dup = await staff.post(url('/nominations'), { proposalId: a.id, reason: '再提一次' });
      assert.equal(dup.status, 409);
      const noReason = await staff.post(url('/nominations'), { proposalId: c.id, reason: '' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'reason');
      r = await staff.post(url('/nominations'), { proposalId: c.id, reason: '建议被采纳' });
      assert.equal(r.body.nominees.length, 3);
      assert.deepEqual(r.body.actions.map((x: any) => x.name), ['start_review']);

      const reviewing = await staff.post(url('/transitions'), { action: 'start_review', version: r.body.version });
      assert.equal(reviewing.status, 200, JSON.stringify(reviewing.body));
      assert.equal(reviewing.body.state, 'reviewing');
      assert.equal((await staff.post(url('/nominations'), { proposalId: c.id, reason: 'x' })).status, 409, 'nominations are closed');
      const forLeader = (await leader.get(url())).body;
      assert.deepEqual(forLeader.actions.map((x: any) => x.name), ['decide']);
      assert.equal((await staff.post(url('/transitions'), { action: 'decide', version: forLeader.version, meetingDate: '2026-01-10', decisions: [] })).status, 403, 'the office does not decide');
      const [na, nb, nc] = forLeader.nominees.map((n: any) => n.id);
      const partial = await leader.post(url('/transitions'), { action: 'decide', version: forLeader.version, meetingDate: '2026-01-10', decisions: [{ nomineeId: na, decision: 'confirm' }] });
      assert.equal(partial.status, 400);
      assert.equal(partial.body.error.field, 'decisions');
      const stale = await leader.post(url('/transitions'), { action: 'decide', version: forLeader.version - 1, meetingDate: '2026-01-10', decisions: [] });
      assert.equal(stale.status, 409);
      const decided = await leader.post(url('/transitions'), {
        action: 'decide', version: forLeader.version, meetingDate: '2026-01-10', meetingNote: '十四届主席会议第十二次会议',
        decisions: [{ nomineeId: na, decision: 'confirm' }, { nomineeId: nb, decision: 'confirm' }, { nomineeId: nc, decision: 'drop', note: '代表性不足' }],
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.state, 'decided');
      assert.equal((await staff.get(`/api/proposals/${a.id}`)).body.isExcellent, false, 'not excellent before publication');

      const noNotice = await staff.post(url('/transitions'), { action: 'publish', version: decided.body.version });
      assert.equal(noNotice.status, 400);
      assert.equal(noNotice.body.error.field, 'notice');
      const published = await staff.post(url('/transitions'), { action: 'publish', version: decided.body.version, notice: `关于通报${year}年度优秀提案的决定` });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.state, 'published');
      for (const [p, want] of [[a, true], [b, true], [c, false]] as const) {
        const got = (await member.get(`/api/proposals/${p.id}`)).body;
        assert.equal(got.isExcellent, want, p.title);
        assert.equal(got.excellentYear, want ? year : null);
      }
      const list = await staff.get(`/api/proposals?isExcellent=true&pageSize=5`);
      assert.equal(list.status, 200);
      const rounds = (await staff.get('/api/proposals/excellent/rounds')).body;
      const mine = rounds.items.find((x: any) => x.id === round.id);
      assert.deepEqual([mine.nominated, mine.confirmed, mine.state], [3, 2, 'published']);
      // after publication a unit sees the confirmed list
      const seenByUnit2 = (await unit2.get(url())).body;
      assert.ok(seenByUnit2.nominees.every((n: any) => n.status === 'confirmed'));
    });

    test('a proposal not yet answered, or of another year, cannot be nominated', async () => {
      const rounds = (await staff.get('/api/proposals/excellent/rounds')).body;
      let other = rounds.items.find((x: any) => x.year === year - 1);
      if (!other) other = (await staff.post('/api/proposals/excellent/rounds', { year: year - 1 })).body;
      const fresh = await member.post('/api/proposals', { title: '关于未答复提案参评的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      const sub = await ok(member, fresh.body.id, 'submit', fresh.body.version);
      const r = await staff.post(`/api/proposals/excellent/rounds/${other.id}/nominations`, { proposalId: sub.id, reason: '好' });
      assert.equal(r.status, 403);
      assert.match(r.body.error.message, /已答复/);
      const p = await replied('关于跨年度参评校验的建议');
      const wrongYear = await staff.post(`/api/proposals/excellent/rounds/${other.id}/nominations`, { proposalId: p.id, reason: '好' });
      assert.equal(wrongYear.status, 403);
      assert.match(wrongYear.body.error.message, /年度/);
    });

    test('the one-step mark still works and records the year', async () => {
      const p = await replied('关于直接评选优秀提案的建议');
      const r = await staff.post(`/api/proposals/${p.id}/excellent`, { excellent: true, reason: '质量高' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.isExcellent, true);
      assert.equal(r.body.excellentYear, Number(s.zx.ctx.calendar.today().slice(0, 4)));
    });
  });
}
