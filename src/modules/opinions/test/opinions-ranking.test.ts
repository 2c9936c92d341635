// 年度通报 (year-end ranking) on SQLite and PostgreSQL: a scenario drives reports through accept, an issue, adoptions and
// instructions via the API; the ranking must move by exactly the points the scoring table gives, computed here
// independently; units (a committee's own reports, a county's copies) and committees; the Word and Excel versions;
// who may see it; the member duty-record read.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { defaultPoints as P } from '../domain/scoring.ts';
import { memberPointsOf } from '../index.ts';
import { computeRanking } from '../domain/ranking.ts';
import { workYearOf } from '../../../kernel/universal/work-year.ts';

// the dialects are known before any test starts, so a quick first test cannot end the run before the suites exist
const dialectList = await dialects();

type Row = { key: string; name: string; kind: string; rank: number; submitted: number; accepted: number; adopted: number; instructed: number; points: number };
const zero = { submitted: 0, accepted: 0, adopted: 0, instructed: 0, points: 0 };

test('pure: figures count by their own dates, a county copy skips events recorded at the county, equal points share a rank', () => {
  const lo = '2025-12-31T16:00:00.000Z';
  const hi = '2026-12-31T16:00:00.000Z';
  const rep = (id: string, o: Partial<Record<string, string | null>> = {}) => ({
    id, root_report_id: id, source_report_id: null, source_tenant_id: null, source_tenant_name: null, submitter_user_id: 'u1', submitter_name: '甲',
    submitter_org_id: 'city', submitted_at: '2026-03-01T00:00:00.000Z', accepted_at: null, ...o,
  });
  const res = computeRanking({
    lo, hi,
    reports: [
      rep('r1', { accepted_at: '2026-03-02T00:00:00.000Z' }),
      // submitted last year, adopted this year: the adoption and its points count, the submission does not
      rep('r2', { submitted_at: '2025-11-01T00:00:00.000Z', submitter_user_id: 'u2', submitter_name: '乙', submitter_org_id: 'party1' }),
      rep('r3', { submitter_user_id: 'u3', submitter_name: '丙' }),
      // a copy from a county: root is the county's report
      rep('c1', { root_report_id: 'k1', source_report_id: 'k1', source_tenant_id: 'county1', source_tenant_name: '某县政协', submitter_user_id: 'k', submitter_name: '丁' }),
    ],
    events: [
      { root_report_id: 'r1', tenant_id: 'city', kind: 'adoption', points: 2, at: '2026-04-01T00:00:00.000Z' },
      { root_report_id: 'r1', tenant_id: 'city', kind: 'adoption', points: 5, at: '2025-06-01T00:00:00.000Z' },
      { root_report_id: 'r2', tenant_id: 'city', kind: 'instruction', points: 10, at: '2026-01-05T00:00:00.000Z' },
      { root_report_id: 'r3', tenant_id: 'city', kind: 'adoption', points: 2, at: '2026-05-01T00:00:00.000Z' },
      { root_report_id: 'k1', tenant_id: 'county1', kind: 'adoption', points: 1, at: '2026-02-01T00:00:00.000Z' },
      { root_report_id: 'k1', tenant_id: 'city', kind: 'adoption', points: 1, at: '2026-02-02T00:00:00.000Z' },
    ],
    orgs: new Map([['party1', { name: '民建', kind: 'party' }]]),
    memberIds: new Set(['u1', 'u2']),
    committeesOf: new Map([['u1', [{ id: 'cm1', name: '经济委员会' }]], ['u3', [{ id: 'cm1', name: '经济委员会' }]]]),
  });
  const get = (k: string) => res.submitters.find((x) => x.key === k)!;
  assert.deepEqual([get('u1').submitted, get('u1').accepted, get('u1').adopted, get('u1').points], [1, 1, 1, 2], 'last year\'s event is not this year\'s');
  assert.deepEqual([get('u2').submitted, get('u2').instructed, get('u2').points, get('u2').kind], [0, 1, 10, 'member']);
  assert.equal(get('u3').kind, 'informant');
  assert.deepEqual(res.submitters.map((x) => [x.key, x.rank]), [['u2', 1], ['u1', 2], ['u3', 2]], 'equal points share a rank; more accepted first');
  assert.deepEqual(res.units.map((x) => [x.name, x.kind, x.points]), [['民建', 'party', 10], ['某县政协', 'county', 1]]);
  assert.deepEqual(res.committees.map((x) => [x.name, x.points, x.submitted]), [['经济委员会', 4, 2]]);
  assert.equal(res.totals.points, 15);
  assert.equal(res.totals.submitters, 2, 'people who submitted this year');
});

for (const d of dialectList) {
  describe(`opinion year-end ranking (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let editor: Client, leader: Client, informant: Client, member: Client, unit: Client, committee: Client, county: Client, countyEditor: Client;
    let A: Client, B: Client, C: Client, E: Client;
    // this 工作年度: the year whose ranking what the scenarios do today counts in (decision 0041)
    const year = workYearOf(chinaToday()).year;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [editor, leader, informant, member, unit, committee, county, countyEditor, A, B, C, E] = await Promise.all(
        ['editor', 'leader', 'informant', 'member', 'unit', 'committee', 'county', 'countyeditor', 'm0481', 'm0482', 'm0483', 'm0484'].map((u) => s.login(u)),
      );
    });
    after(async () => { await s?.close(); });

    const fire = async (c: Client, r: any, action: string, input: Record<string, unknown> = {}) => {
      const res = await c.post(`/api/opinions/${r.id}/transitions`, { action, version: r.version, input });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const submit = async (c: Client, title: string) => {
      const r = await c.post('/api/opinions', { title, body: `${title}：群众反映强烈，建议有关部门统筹研究、尽快解决。` });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    const event = async (c: Client, id: string, body: Record<string, unknown>) => {
      const r = await c.post(`/api/opinions/${id}/events`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    const issueMove = async (issue: any, c: Client, action: string, input: Record<string, unknown> = {}) => {
      const r = await c.post(`/api/opinions/issues/${issue.id}/transitions`, { action, version: issue.version, input });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const ranking = async (c: Client = leader, y = year) => {
      const r = await c.get(`/api/opinions/ranking?year=${y}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { summary: Record<string, number>; submitters: Row[]; units: Row[]; committees: Row[] };
    };
    const byKey = (rows: Row[]) => new Map(rows.map((r) => [r.key, r]));

    test('the ranking moves by exactly the points of the scoring table for what the scenario did, in order of points', async () => {
      const before = await ranking();
      const ids = Object.fromEntries(await Promise.all([['A', A], ['B', B], ['C', C], ['D', informant], ['E', E]].map(async ([k, c]) => [k, (await (c as Client).get('/api/auth/me')).body] as const)));
      const userId = (k: string): string => ids[k].user.id;

      // A: accepted, a single piece of an issue; adopted at city level as a piece and instructed by a city leader
      // B and C: one composite piece, adopted at province level (composite); B's also instructed by a province leader
      // D (特邀信息员): accepted and adopted nationally (single); E: submitted, returned
      let a = await submit(A, '关于推进老旧管网改造的建议');
      let b = await submit(B, '关于城市供水保障的建议');
      let c = await submit(C, '关于二次供水设施管理的建议');
      let dd = await submit(informant, '关于农村集中供水水质监测的建议');
      const e = await submit(E, '关于城区绿化养护的建议');
      for (const r of [a, b, c]) {
        const v = await fire(editor, await fire(editor, r, 'accept'), 'verify');
        if (r === a) a = v; else if (r === b) b = v; else c = v;
      }
      dd = await fire(editor, dd, 'accept');
      await fire(editor, e, 'return', { reason: '请补充具体情况' });
      let issue = (await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [a.id] }, { kind: 'composite', reportIds: [b.id, c.id] }] })).body;
      issue = await issueMove(issue, editor, 'send_for_sign');
      issue = await issueMove(issue, leader, 'sign');
      issue = await issueMove(issue, editor, 'distribute');
      const piece = (k: 'single' | 'composite') => issue.pieces.find((p: any) => p.kind === k).id;
      assert.equal((await editor.post(`/api/opinions/issues/${issue.id}/pieces/${piece('single')}/events`, { kind: 'adoption', level: 'city' })).status, 200);
      assert.equal((await editor.post(`/api/opinions/issues/${issue.id}/pieces/${piece('composite')}/events`, { kind: 'adoption', level: 'province' })).status, 200);
      await event(editor, a.id, { kind: 'instruction', leaderLevel: 'city', text: '请市住建局抓紧研究。' });
      await event(editor, b.id, { kind: 'instruction', leaderLevel: 'province', text: '请省水利厅研究。' });
      await event(editor, dd.id, { kind: 'adoption', level: 'national', adoptionType: 'single' });
      // forwarding and feedback earn nothing
      await event(editor, a.id, { kind: 'forwarded', department: '市住建局' });

      const delta: Record<string, typeof zero> = {
        A: { submitted: 1, accepted: 1, adopted: 1, instructed: 1, points: P.adoption.city.single + P.instruction.city },
        B: { submitted: 1, accepted: 1, adopted: 1, instructed: 1, points: P.adoption.province.composite + P.instruction.province },
        C: { submitted: 1, accepted: 1, adopted: 1, instructed: 0, points: P.adoption.province.composite },
        D: { submitted: 1, accepted: 1, adopted: 1, instructed: 0, points: P.adoption.national.single },
        E: { submitted: 1, accepted: 0, adopted: 0, instructed: 0, points: 0 },
      };
      const after = await ranking();
      const was = byKey(before.submitters);
      const now = byKey(after.submitters);
      const expected = new Map<string, number>(before.submitters.map((r) => [r.key, r.points]));
      for (const [k, dlt] of Object.entries(delta)) {
        const id = userId(k);
        assert.ok(id, `user id of ${k}`);
        const w = was.get(id) ?? { ...zero };
        const n = now.get(id);
        assert.ok(n, `${k} is ranked`);
        for (const f of ['submitted', 'accepted', 'adopted', 'instructed', 'points'] as const) assert.equal(n[f], Math.round((w[f] + dlt[f]) * 100) / 100, `${k} ${f}`);
        expected.set(id, Math.round(((w.points ?? 0) + dlt.points) * 100) / 100);
      }
      assert.equal(now.get(userId('D'))!.kind, 'informant');
      assert.equal(now.get(userId('A'))!.kind, 'member');
      // the order is by points: the expected points, sorted, are the ranking's points in order
      const expectedOrder = [...expected.values()].sort((x, y) => y - x);
      assert.deepEqual(after.submitters.map((r) => r.points), expectedOrder);
      const pos = (k: string) => after.submitters.findIndex((r) => r.key === userId(k));
      assert.ok(pos('B') < pos('D') && pos('D') < pos('A') && pos('A') < pos('C') && pos('C') < pos('E'), 'B (23) > D (20) > A (12) > C (3) > E (0) with the default table');
      for (const [i, r] of after.submitters.entries()) assert.equal(r.rank, i === 0 || r.points !== after.submitters[i - 1].points ? i + 1 : after.submitters[i - 1].rank);
      assert.equal(after.summary.points, Math.round((before.summary.points + Object.values(delta).reduce((x, y) => x + y.points, 0)) * 100) / 100);
      assert.equal(after.summary.submitted, before.summary.submitted + 5);

      // the same points as the scores list
      const scores = (await leader.get(`/api/opinions/scores?year=${year}`)).body.items as Array<{ submitterUserId: string; points: number }>;
      for (const sc of scores) assert.equal(now.get(sc.submitterUserId)?.points ?? 0, sc.points, `scores of ${sc.submitterUserId}`);

      // 专委会: each committee of the scenario members moves by their points
      const memberships = await s.zx.ctx.db.selectFrom('committee_memberships').select(['user_id', 'committee_id'])
        .where('user_id', 'in', ['A', 'B', 'C', 'E'].map(userId)).execute() as Array<{ user_id: string; committee_id: string }>;
      assert.ok(memberships.length > 0);
      const cWas = byKey(before.committees);
      const cNow = byKey(after.committees);
      const cDelta = new Map<string, number>();
      for (const m of memberships) {
        const k = Object.keys(delta).find((x) => userId(x) === m.user_id)!;
        cDelta.set(m.committee_id, (cDelta.get(m.committee_id) ?? 0) + delta[k].points);
      }
      for (const [cid, pts] of cDelta) assert.equal(cNow.get(cid)?.points, Math.round(((cWas.get(cid)?.points ?? 0) + pts) * 100) / 100, `committee ${cid}`);

      // the duty record reads the same per-member points through the module's index
      const duty = await memberPointsOf(s.zx.ctx.db, (await leader.get('/api/auth/me')).body.user.tenantId, year);
      const dutyA = duty.find((x) => x.userId === userId('A'));
      assert.equal(dutyA?.points, now.get(userId('A'))!.points);
      assert.equal(duty.some((x) => x.userId === userId('D')), false, 'an informant is no member');
    });

    test('units: a committee\'s own report and a county\'s copy are credited; a county earns what its reports earned here, not at home', async () => {
      const before = await ranking();
      // a report in the committee's name (专委会 staff), adopted at city level
      let r = await submit(committee, '关于发展林下经济的建议');
      r = await fire(editor, r, 'accept');
      await event(editor, r.id, { kind: 'adoption', adoptionType: 'single' });
      // a county member's report, accepted and sent up; the county records its own adoption, the city adopts the copy
      let o = await submit(county, '关于县域冷链物流节点建设的建议');
      o = await fire(countyEditor, o, 'accept');
      assert.equal((await countyEditor.post(`/api/opinions/${o.id}/send-up`, { version: o.version })).status, 200);
      await event(countyEditor, o.id, { kind: 'adoption', adoptionType: 'single' });
      const copy = (await editor.get('/api/opinions?incoming=true&state=submitted&pageSize=100')).body.items.find((i: any) => i.sourceReportId === o.id);
      assert.ok(copy);
      const cp = await fire(editor, copy, 'accept');
      await event(editor, cp.id, { kind: 'adoption', adoptionType: 'composite' });

      const after = await ranking();
      const unitNow = after.units.find((u) => u.name === '农业和农村委员会');
      const unitWas = before.units.find((u) => u.name === '农业和农村委员会');
      assert.ok(unitNow, JSON.stringify(after.units));
      assert.equal(unitNow.kind, 'committee');
      assert.equal(unitNow.points, (unitWas?.points ?? 0) + P.adoption.city.single);
      assert.equal(unitNow.submitted, (unitWas?.submitted ?? 0) + 1);
      const countyNow = after.units.find((u) => u.name === '潞州区政协');
      const countyWas = before.units.find((u) => u.name === '潞州区政协');
      assert.ok(countyNow);
      assert.equal(countyNow.kind, 'county');
      assert.equal(countyNow.points, (countyWas?.points ?? 0) + P.adoption.city.composite, 'the county\'s own adoption is not the city\'s to count');
      assert.equal(countyNow.adopted, (countyWas?.adopted ?? 0) + 1);
      assert.equal(after.submitters.some((x) => x.name === copy.submitterName && x.key === copy.submitterUserId), false, 'a county member is ranked at the county');
      // the county's own ranking counts its own adoption
      const atCounty = (await countyEditor.get(`/api/opinions/ranking?year=${year}`));
      assert.equal(atCounty.status, 200);
      assert.ok(atCounty.body.submitters.some((x: Row) => x.points >= P.adoption.county.single));
      for (const t of [after.units, after.submitters, after.committees]) for (let i = 1; i < t.length; i++) assert.ok(t[i - 1].points >= t[i].points);
    });

    test('the 通报 as Word and Excel carry the same ranking; the 2025 demo year gives the article\'s figures', async () => {
      const r = await ranking(leader, 2025);
      assert.equal(r.summary.submitted, 3543);
      assert.equal(r.summary.issues, 86);
      assert.equal(r.summary.pieces, 99);
      assert.ok(r.submitters.length > 100 && r.committees.length > 0);
      const scores = (await leader.get('/api/opinions/scores?year=2025')).body.items as Array<{ points: number }>;
      assert.equal(Math.round(r.submitters.reduce((x, y) => x + y.points, 0) * 100), Math.round(scores.reduce((x, y) => x + y.points, 0) * 100), 'every point of the year is someone\'s');

      const doc = await s.app.inject({ method: 'GET', url: '/api/opinions/ranking.docx?year=2025&top=10', headers: { cookie: leader.cookie } });
      assert.equal(doc.statusCode, 200, doc.payload.slice(0, 300));
      assert.match(String(doc.headers['content-type']), /wordprocessingml/);
      const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      assert.ok(text.includes('关于2025年度社情民意信息工作情况的通报'));
      assert.ok(text.includes('共收到社情民意信息3543篇'));
      assert.ok(text.includes('编发《社情民意》86期99篇'));
      for (const x of r.submitters.slice(0, 10)) assert.ok(text.includes(x.name), x.name);
      assert.equal((xml.match(/<w:tr[ >]/g) ?? []).length, 1 + Math.min(10, r.submitters.length) + (r.units.length ? 1 + Math.min(10, r.units.length) : 0) + 1 + Math.min(10, r.committees.length), 'a header and the top 10 of each table');

      const xl = await s.app.inject({ method: 'GET', url: '/api/opinions/ranking.xlsx?year=2025', headers: { cookie: editor.cookie } });
      assert.equal(xl.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xl.rawPayload as any);
      const ws = wb.getWorksheet('报送人')!;
      assert.equal(ws.rowCount - 1, r.submitters.length);
      assert.equal(ws.getRow(2).getCell(2).value, r.submitters[0].name);
      assert.equal(Number(ws.getRow(2).getCell(8).value), r.submitters[0].points);
      assert.equal(wb.getWorksheet('专门委员会')!.rowCount - 1, r.committees.length);
    });

    test('the 通报\'s figures of the year are the statistics\' (收到, 录用, 被采用, 获批示), and each opens as many reports, on the demo data', async () => {
      for (const year of [2025, workYearOf(chinaToday()).year]) {
        const r = await ranking(leader, year);
        const stats = (await editor.get(`/api/opinions/stats?year=${year}`)).body;
        const fig = (k: string) => stats.totals.find((f: any) => f.key === `opinions.${k}`);
        for (const [k, s2] of [['submitted', 'submitted'], ['accepted', 'accepted'], ['adopted', 'adopted'], ['instructed', 'instructed']] as const) {
          assert.equal(r.summary[k], fig(s2).value, `${year} ${k}: the 通报 and the statistics`);
          const list = await editor.get(`/api/opinions?${new URLSearchParams(fig(s2).list.query)}&pageSize=1`);
          assert.equal(list.body.total, fig(s2).value, `${year} ${k}: the figure and its list`);
        }
        // a report adopted at two levels is one adopted report: the levels add up to at least the figure
        assert.ok(stats.adoptedByLevel.reduce((n: number, f: any) => n + f.value, 0) >= fig('adopted').value);
      }
      const doc = await s.app.inject({ method: 'GET', url: '/api/opinions/ranking.docx?year=2025&top=10', headers: { cookie: leader.cookie } });
      const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const adopted = (await editor.get('/api/opinions/stats?year=2025')).body.totals.find((f: any) => f.key === 'opinions.adopted').value;
      assert.ok(text.includes(`信息被各级采用${adopted}篇`), 'the Word 通报 states the statistics\' figure');
    });

    test('only editors and leaders see the ranking; bad input names the field', async () => {
      for (const c of [informant, member, unit, committee]) {
        assert.equal((await c.get(`/api/opinions/ranking?year=${year}`)).status, 403, c.username);
        const docx = await s.app.inject({ method: 'GET', url: `/api/opinions/ranking.docx?year=${year}`, headers: { cookie: c.cookie } });
        assert.equal(docx.statusCode, 403, c.username);
      }
      const noYear = await leader.get('/api/opinions/ranking');
      assert.equal(noYear.status, 400);
      assert.equal(noYear.body.error.field, 'year');
      assert.match(noYear.body.error.message, /「年度」/);
      const badTop = await leader.get(`/api/opinions/ranking.docx?year=${year}&top=0`);
      assert.equal(badTop.status, 400);
      assert.equal(badTop.body.error.field, 'top');
      assert.equal((await leader.get('/api/opinions/ranking?year=abc')).body.error.field, 'year');
    });
  });
}
