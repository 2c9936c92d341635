// 提案统计 on SQLite and PostgreSQL: a set of proposals driven through the API (submit, file, decline with conversion,
// merge, withdraw, assign, reply on time and late, rate, mark excellent), then every figure of the year compared with
// what the scenario did, and every figure's list query followed to the list, whose total must equal the figure.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { unitLeaderOf } from './unit-leader.ts';
import { setOpenTaskDue } from '../../../kernel/server/work-items.ts';
import type { Figure as FigureShape } from '../../../kernel/universal/figures.ts';

type Figure = FigureShape & { list: NonNullable<FigureShape['list']> };
/** a figure's name within its section: the last part of its key ('proposals.sector.<id>' → the sector's id) */
const short = (f: { key: string }) => f.key.split('.').pop()!;

/** Every figure of a statistics answer, each with a path that names it. */
function figuresOf(stats: any): Array<[string, Figure]> {
  const out: Array<[string, Figure]> = [];
  for (const group of ['totals', 'byCategory', 'byType', 'byState', 'bySector', 'byCommittee', 'byReplyClass', 'bySatisfaction']) {
    for (const f of stats[group]) out.push([`${group}.${short(f)}`, f]);
  }
  for (const [k, f] of Object.entries(stats.participation)) if (k !== 'percent') out.push([`participation.${k}`, f as Figure]);
  for (const [k, f] of Object.entries(stats.replies)) if (k !== 'onTimeRate') out.push([`replies.${k}`, f as Figure]);
  for (const u of stats.units) {
    for (const k of ['assigned', 'replied', 'onTime', 'late', 'overdue', 'satisfied', 'basicallySatisfied', 'unsatisfied']) out.push([`units.${u.unitName}.${k}`, u[k]]);
  }
  return out;
}

for (const d of await dialects()) {
  describe(`proposal statistics (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let a: Client, b: Client, c: Client, staff: Client, unit: Client, unit2: Client, member: Client, unitLead: Client, unit2Lead: Client;
    let zhujianId: string, jiaoyuId: string;
    let ids: Record<'a' | 'b' | 'c', string>;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [a, b, c, staff, unit, unit2, member, unitLead] = await Promise.all(['member', 'm0001', 'm0002', 'proposal', 'unit', 'unit2', 'm0003', 'unitlead'].map((u) => s.login(u)));
      unit2Lead = await unitLeaderOf(s, '市教育局', 'jiaoyulead');
      const orgs = await s.zx.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', ['市住建局', '市教育局']).execute();
      zhujianId = orgs.find((o: any) => o.name === '市住建局')!.id;
      jiaoyuId = orgs.find((o: any) => o.name === '市教育局')!.id;
      const users = await s.zx.ctx.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['member', 'm0001', 'm0002']).execute();
      const id = (u: string) => users.find((x: any) => x.username === u)!.id as string;
      ids = { a: id('member'), b: id('m0001'), c: id('m0002') };
    });
    after(async () => { await s?.close(); });

    const fire = async (cl: Client, id: string, action: string, input: Record<string, unknown> = {}) => {
      const version = (await cl.get(`/api/proposals/${id}`)).body.version;
      const r = await cl.post(`/api/proposals/${id}/transitions`, { action, version, input });
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const draft = async (cl: Client, title: string, extra: Record<string, unknown> = {}) => {
      const r = await cl.post('/api/proposals', { title, background: '背景', analysis: '分析', suggestions: '建议', ...extra });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    const submitted = async (cl: Client, title: string, extra: Record<string, unknown> = {}) => {
      const id = await draft(cl, title, extra);
      await fire(cl, id, 'submit');
      return id;
    };
    /** the proposers still to rate a released reply each rate it; the last one closes it */
    const rateAll = async (id: string, raters: Client[], satisfaction: string) => {
      for (const r of raters) {
        const detail = (await r.get(`/api/proposals/${id}`)).body;
        const action = detail.actions.find((x: any) => x.name === 'rate' || x.name === 'evaluate');
        assert.ok(action, `${r.username} may rate`);
        await fire(r, id, action.name, { satisfaction });
      }
    };
    // as if time had passed: the proposal's 办理期限 and the unit's open work item on it move together
    const setDue = async (id: string, due: string) => {
      await s.zx.ctx.db.updateTable('proposals').set({ due_date: due }).where('id', '=', id).execute();
      await setOpenTaskDue(s.zx.ctx.db, id, due);
    };

    test('every figure equals what the scenario did, and every figure opens exactly its records', async () => {
      // the year today's submissions fall in (from the configured session calendar), and its figures before
      const probe = await submitted(member, '关于统计年度探测的建议');
      const year = (await member.get(`/api/proposals/${probe}`)).body.year as number;
      const category = (await member.get(`/api/proposals/${probe}`)).body.category as string;
      const before = (await staff.get(`/api/proposals/stats?year=${year}`)).body;
      const membersBefore = (await staff.get(`/api/proposals/stats/members?year=${year}`)).body;
      assert.equal(membersBefore.total, before.participation.members.value);

      // P1: filed as key, assigned to 住建局, replied on time (A), rated 满意 by the proposer and by the merged proposer; then 优秀提案
      const p1 = await submitted(a, '关于统计场景一老旧小区改造的建议');
      await fire(staff, p1, 'file', { isKey: true });
      await fire(staff, p1, 'assign', { mode: 'single', leadUnitId: zhujianId });
      await fire(unit, p1, 'sign');
      // P4: merged into P1 (its proposer joins P1's proposers and rates its reply)
      const p4 = await submitted(b, '关于统计场景四老旧小区加装电梯的建议');
      await fire(staff, p4, 'merge', { targetId: p1 });
      await fire(unit, p1, 'reply', { replyClass: 'A', replyText: '已列入计划并完成。' });
      await fire(unitLead, p1, 'sign_off');
      await fire(staff, p1, 'release');
      await rateAll(p1, [a, b], 'satisfied');
      const ex = await staff.post(`/api/proposals/${p1}/excellent`, { excellent: true, reason: '调研扎实' });
      assert.equal(ex.status, 200, JSON.stringify(ex.body));

      // P2: joint (B with co-signer C), assigned to 教育局, replied after its due date (B), rated 基本满意 by both
      const p2 = await draft(b, '关于统计场景二课后服务的建议', { type: 'joint', cosignerUserIds: [ids.c] });
      assert.equal((await c.post(`/api/proposals/${p2}/cosign`, {})).status, 200);
      await fire(b, p2, 'submit');
      await fire(staff, p2, 'file');
      await fire(staff, p2, 'assign', { mode: 'single', leadUnitId: jiaoyuId });
      await fire(unit2, p2, 'sign');
      // the clock cannot run three months in a test: the due date is moved into the past instead
      await setDue(p2, '2000-01-03');
      await fire(unit2, p2, 'reply', { replyClass: 'B', replyText: '列入明年计划。' });
      await fire(unit2Lead, p2, 'sign_off');
      await fire(staff, p2, 'release');
      await rateAll(p2, [b, c], 'basically_satisfied');

      // P3: declined, converted to a 社情民意 report with the proposer's consent when the lifecycle offers it
      const p3 = await submitted(a, '关于统计场景三个人诉求的建议');
      await fire(staff, p3, 'not_file', { reasonCode: 'vague' });
      let converted = 0;
      const p3view = (await a.get(`/api/proposals/${p3}`)).body;
      if (p3view.actions.some((x: any) => x.name === 'consent_conversion')) { await fire(a, p3, 'consent_conversion'); converted = 1; }

      // P5: withdrawn by its proposer
      const p5 = await submitted(a, '关于统计场景五撤回的建议');
      await fire(a, p5, 'withdraw');

      // P6: C's proposal, assigned to 住建局, past its due date and not replied: overdue now
      const p6 = await submitted(c, '关于统计场景六停车难的建议');
      await fire(staff, p6, 'file');
      await fire(staff, p6, 'assign', { mode: 'single', leadUnitId: zhujianId });
      await fire(unit, p6, 'sign');
      await setDue(p6, '2000-01-03');

      // a draft counts nowhere
      await draft(a, '关于统计场景草稿的建议');

      const after = (await staff.get(`/api/proposals/stats?year=${year}`)).body;
      const delta = (path: string) => {
        const pick = (st: any) => figuresOf(st).find(([p]) => p === path)?.[1].value ?? 0;
        return pick(after) - pick(before);
      };
      const expected: Record<string, number> = {
        'totals.received': 6, 'totals.filed': 3, 'totals.not_filed': 1, 'totals.merged': 1, 'totals.converted': converted, 'totals.withdrawn': 1,
        'totals.pending': 0, 'totals.key': 1, 'totals.excellent': 1, 'totals.overdue': 1,
        [`byCategory.${category}`]: 6, 'byType.individual': 5, 'byType.joint': 1,
        'byState.closed': 2, 'byState.not_filed': 1, 'byState.merged': 1, 'byState.withdrawn': 1, 'byState.in_progress': 1, 'byState.submitted': 0,
        'replies.replied': 2, 'replies.onTime': 1, 'replies.late': 1, 'replies.overdue': 1,
        'byReplyClass.A': 1, 'byReplyClass.B': 1, 'byReplyClass.C': 0,
        'bySatisfaction.satisfied': 1, 'bySatisfaction.basically_satisfied': 1, 'bySatisfaction.unsatisfied': 0,
        'units.市住建局.assigned': 2, 'units.市住建局.replied': 1, 'units.市住建局.onTime': 1, 'units.市住建局.late': 0, 'units.市住建局.overdue': 1,
        'units.市住建局.satisfied': 1, 'units.市教育局.assigned': 1, 'units.市教育局.replied': 1, 'units.市教育局.late': 1, 'units.市教育局.onTime': 0,
        'units.市教育局.basicallySatisfied': 1, 'units.市教育局.overdue': 0,
      };
      for (const [path, n] of Object.entries(expected)) assert.equal(delta(path), n, path);
      // the 大会/平时 split and the types add up to the received proposals
      for (const group of ['byCategory', 'byType']) {
        assert.equal(after[group].reduce((n: number, f: Figure) => n + f.value, 0), after.totals.find((f: Figure) => f.key === 'proposals.received').value, group);
      }

      // 界别 and 专委会: from the proposers' profiles (A: P1, P3, P5; B: P2, P4; C: P6)
      const db = s.zx.ctx.db;
      const profiles = await db.selectFrom('member_profiles').select(['user_id', 'sector_id']).where('user_id', 'in', Object.values(ids)).execute();
      const memberships = await db.selectFrom('committee_memberships').select(['user_id', 'committee_id']).where('user_id', 'in', Object.values(ids)).execute();
      const byProposer: Record<string, number> = { [ids.a]: 3, [ids.b]: 2, [ids.c]: 1 };
      const sectorWant = new Map<string, number>();
      for (const p of profiles as any[]) sectorWant.set(p.sector_id, (sectorWant.get(p.sector_id) ?? 0) + byProposer[p.user_id]);
      const committeeWant = new Map<string, number>();
      for (const m of memberships as any[]) committeeWant.set(m.committee_id, (committeeWant.get(m.committee_id) ?? 0) + byProposer[m.user_id]);
      assert.ok(sectorWant.size > 0 && committeeWant.size > 0, 'the scenario members have sectors and committees');
      for (const f of after.bySector as Figure[]) assert.equal(delta(`bySector.${short(f)}`), sectorWant.get(short(f)) ?? 0, `sector ${f.label}`);
      for (const f of after.byCommittee as Figure[]) assert.equal(delta(`byCommittee.${short(f)}`), committeeWant.get(short(f)) ?? 0, `committee ${f.label}`);

      // 委员参与: A, B, C (C as co-signer of P2 and proposer of P6) have now submitted; counts per member grew by their part
      const membersAfter = (await staff.get(`/api/proposals/stats/members?year=${year}&submitted=true`)).body;
      const was = new Map<string, number>(membersBefore.items.map((m: any) => [m.userId, m.proposals]));
      const now = new Map<string, number>(membersAfter.items.map((m: any) => [m.userId, m.proposals]));
      assert.equal(now.get(ids.a), (was.get(ids.a) ?? 0) + 3);
      assert.equal(now.get(ids.b), (was.get(ids.b) ?? 0) + 2);
      assert.equal(now.get(ids.c), (was.get(ids.c) ?? 0) + 2);
      const participantsBefore = membersBefore.items.filter((m: any) => m.proposals > 0).map((m: any) => m.userId);
      const union = new Set([...participantsBefore, ids.a, ids.b, ids.c]);
      const probeUser = (await db.selectFrom('users').select('id').where('username', '=', 'm0003').executeTakeFirst())!.id;
      union.add(probeUser);
      assert.equal(after.participation.participants.value, union.size);
      assert.equal(after.participation.members.value + 0, before.participation.members.value);
      assert.equal(after.participation.percent, Math.round((union.size / after.participation.members.value) * 1000) / 10);

      // every figure's query opens exactly its records
      for (const [path, f] of figuresOf(after)) {
        if (f.list.rows === 'member') {
          const r = await staff.get(`/api/proposals/stats/members?${new URLSearchParams(f.list.query)}`);
          assert.equal(r.status, 200, path);
          assert.equal(r.body.total, f.value, `members behind ${path}`);
          continue;
        }
        const r = await staff.get(`/api/proposals?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.total, f.value, `list behind ${path}`);
      }
      // and the scenario's own records are among them
      const lateList = await staff.get(`/api/proposals?${new URLSearchParams(after.replies.late.list.query)}&pageSize=100`);
      assert.ok(lateList.body.items.some((i: any) => i.id === p2));
      const overdueList = await staff.get(`/api/proposals?${new URLSearchParams(after.replies.overdue.list.query)}&pageSize=100`);
      assert.ok(overdueList.body.items.some((i: any) => i.id === p6));
      const excellent = await staff.get(`/api/proposals?${new URLSearchParams(after.totals.find((f: Figure) => f.key === 'proposals.excellent').list.query)}&pageSize=100`);
      assert.ok(excellent.body.items.some((i: any) => i.id === p1));

      // the same figures by session (会议): the session of the year gives the same received count
      const sessionLabel = (await member.get(`/api/proposals/${probe}`)).body.sessionLabel as string;
      const bySession = await staff.get(`/api/proposals/stats?session=${encodeURIComponent(sessionLabel)}`);
      assert.equal(bySession.status, 200, JSON.stringify(bySession.body));
      const rec = (st: any) => st.totals.find((f: Figure) => f.key === 'proposals.received');
      assert.equal(rec(bySession.body).value, rec(after).value);
      const sessionList = await staff.get(`/api/proposals?${new URLSearchParams(rec(bySession.body).list.query)}&pageSize=1`);
      assert.equal(sessionList.body.total, rec(bySession.body).value);
    });

    test('statistics need a year or a session, and are for the office and the leaders only', async () => {
      const none = await staff.get('/api/proposals/stats');
      assert.equal(none.status, 400);
      assert.equal(none.body.error.field, 'year');
      assert.match(none.body.error.message, /年度/);
      const both = await staff.get('/api/proposals/stats?year=2025&session=x');
      assert.equal(both.status, 400);
      const badYear = await staff.get('/api/proposals/stats?year=abc');
      assert.equal(badYear.status, 400);
      assert.match(badYear.body.error.message, /「年度」/);
      assert.equal((await member.get('/api/proposals/stats?year=2025')).status, 403);
      assert.equal((await member.get('/api/proposals/stats/members?year=2025')).status, 403);
      assert.equal((await unit.get('/api/proposals/stats.xlsx?year=2025')).status, 403);
      const badFilter = await staff.get('/api/proposals?onTime=maybe');
      assert.equal(badFilter.status, 400);
      assert.match(badFilter.body.error.message, /「按期答复」/);
    });

    test('the workbook carries every section: totals, sectors, committees, participation, replies, and one row per unit', async () => {
      const stats = (await staff.get('/api/proposals/stats?year=2025')).body;
      const r = await s.app.inject({ method: 'GET', url: '/api/proposals/stats.xlsx?year=2025', headers: { cookie: staff.cookie } });
      assert.equal(r.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as any);
      const [main, units] = wb.worksheets;
      const rows: Array<[string, string, number | null, number | null]> = [];
      main.eachRow((row, i) => { if (i > 2) rows.push([String(row.getCell(1).value), String(row.getCell(2).value), row.getCell(3).value as number | null, row.getCell(4).value as number | null]); });
      const get = (group: string, label: string) => rows.find(([g, l]) => g === group && l === label);
      assert.equal(get('总体', '收到提案')?.[2], 546);
      assert.equal(get('总体', '立案')?.[2], 464);
      assert.equal(get('总体', '重点提案')?.[2], 46);
      assert.equal(get('总体', '立案率')?.[3], stats.filedRate);
      for (const f of stats.bySector) assert.equal(get('界别', f.label)?.[2], f.value, f.label);
      for (const f of stats.byCommittee) assert.equal(get('专委会', f.label)?.[2], f.value, f.label);
      assert.equal(get('委员参与', '委员总数')?.[2], stats.participation.members.value);
      assert.equal(get('委员参与', '参与率')?.[3], stats.participation.percent);
      assert.equal(get('答复', '按期答复')?.[2], stats.replies.onTime.value);
      assert.equal(get('满意度', '满意')?.[2], stats.bySatisfaction.find((f: Figure) => f.key === 'proposals.satisfaction.satisfied').value);
      assert.ok(stats.units.length > 0);
      assert.equal(units.rowCount - 2, stats.units.length);
      const first = units.getRow(3);
      assert.equal(first.getCell(1).value, stats.units[0].unitName);
      assert.equal(first.getCell(2).value, stats.units[0].assigned.value);
      assert.equal(first.getCell(3).value, stats.units[0].replied.value);
    });
  });
}
