// 委员履职 through the real server on SQLite and PostgreSQL: a scenario creates proposals (led, co-signed, merged) and a
// 社情民意 report with an adoption and an instruction through the proposals and opinions APIs; the member's record must
// move by exactly what the scenario did, every figure must name exactly its records, and the record, the directory and
// the year-end ranking must agree. Who may read whose record; bad queries; the Excel export.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { memberPointsOf } from '../../opinions/index.ts';
import { memberProposalCounts } from '../../proposals/index.ts';
import type { DirectoryItem, MemberRecord } from '../contract.ts';
import { workYearOf } from '../../../kernel/universal/work-year.ts';

const dialectList = await dialects();

for (const d of dialectList) {
  describe(`members duty record and directory (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let A: Client, B: Client, C: Client, staff: Client, editor: Client, leader: Client, committee: Client, county: Client, countyStaff: Client, unit: Client, member: Client;
    const ids: Record<string, string> = {};

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [A, B, C, staff, editor, leader, committee, county, countyStaff, unit, member] = await Promise.all(
        ['m0471', 'm0472', 'm0473', 'proposal', 'editor', 'leader', 'committee', 'county', 'countystaff', 'unit', 'member'].map((u) => s.login(u)),
      );
      const users = await s.zx.ctx.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['m0471', 'm0472', 'm0473', 'member', 'county', 'c01m1']).execute();
      for (const u of users as any[]) ids[u.username] = u.id;
    });
    after(async () => { await s?.close(); });

    const record = async (c: Client, who: string | 'me', year?: number): Promise<MemberRecord> => {
      const r = await c.get(`/api/members/${who}/record${year ? `?year=${year}` : ''}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    /** the record's figures by their short name: the proposals' (领衔 …) and the 社情民意 ones (reports = 报送篇数) */
    const keyOf = (k: string) => (['led', 'cosigned', 'merged', 'filed', 'key', 'excellent'].includes(k) ? `proposals.member.${k}`
      : `opinions.member.${k === 'reports' ? 'submitted' : k === 'cosigned_reports' ? 'cosigned' : k}`);
    const fig = (r: MemberRecord, key: string) => {
      const f = r.figures.find((x) => x.key === keyOf(key));
      assert.ok(f, `the record has the figure ${keyOf(key)}`);
      return f;
    };
    const fire = async (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => {
      const r = await c.post(`/api/proposals/${id}/transitions`, { action, version, input });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    test('the record moves by exactly what the scenario did, each figure names its records, and record, directory and ranking agree', async () => {
      // A leads a joint proposal co-signed by B; C's own proposal is merged into it; staff files it as a key proposal
      const joint = await A.post('/api/proposals', { title: '关于完善城区公共充电设施布局的建议', type: 'joint', cosignerUserIds: [ids.m0472] });
      assert.equal(joint.status, 201, JSON.stringify(joint.body));
      const year: number = joint.body.year;
      const [a0, b0, c0] = await Promise.all([record(A, 'me', year), record(B, 'me', year), record(C, 'me', year)]);
      // a draft is not duty performance yet
      assert.equal(fig(await record(A, 'me', year), 'led').value, fig(a0, 'led').value);
      const confirmed = await B.post(`/api/proposals/${joint.body.id}/cosign`);
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      let p = await fire(A, joint.body.id, 'submit', confirmed.body.version);
      const own = (await C.post('/api/proposals', { title: '关于增设新能源汽车充电桩的建议' })).body;
      const ownSubmitted = await fire(C, own.id, 'submit', own.version);
      await fire(staff, own.id, 'merge', ownSubmitted.version, { targetId: joint.body.id });
      p = (await staff.get(`/api/proposals/${joint.body.id}`)).body;
      p = await fire(staff, joint.body.id, 'file', p.version, { isKey: true });
      assert.ok(p.number, 'filed with a number');

      const [a1, b1, c1] = await Promise.all([record(A, 'me', year), record(B, 'me', year), record(C, 'me', year)]);
      const delta = (r1: MemberRecord, r0: MemberRecord, k: string) => fig(r1, k).value - fig(r0, k).value;
      assert.deepEqual(['led', 'cosigned', 'merged', 'filed', 'key'].map((k) => delta(a1, a0, k)), [1, 0, 0, 1, 1], 'A: one led, filed, key');
      assert.deepEqual(['led', 'cosigned', 'merged', 'key'].map((k) => delta(b1, b0, k)), [0, 1, 0, 1], 'B: one co-signed, key');
      assert.deepEqual(['led', 'cosigned', 'merged'].map((k) => delta(c1, c0, k)), [1, 0, 1], 'C: their own merged proposal is led; merged credit on the target');
      const led = a1.proposals.led.find((x) => x.id === joint.body.id)!;
      assert.equal(led.number, p.number);
      assert.equal(led.isKey, true);
      assert.equal(led.stateLabel.length > 0, true);
      const listOf = async (c: Client, f: MemberRecord['figures'][number]) => {
        assert.ok(f.list, `${f.key} has a list`);
        const r = await c.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body as { items: Array<{ id: string; points?: number }>; total: number };
      };
      assert.ok((await listOf(A, fig(a1, 'key'))).items.some((x) => x.id === joint.body.id));
      assert.ok(b1.proposals.cosigned.some((x) => x.id === joint.body.id));
      assert.ok(c1.proposals.merged.some((x) => x.id === joint.body.id) && c1.proposals.led.some((x) => x.id === own.id && x.state === 'merged'));

      // A reports a social condition; the editor accepts it and records a city adoption and a city leader's instruction
      // the 工作年度 of today: the year a report submitted today counts in (decision 0041)
      const ryear = workYearOf(chinaToday()).year;
      const r0 = await record(A, 'me', ryear);
      const rep = await A.post('/api/opinions', { title: '关于加强城区电动自行车充电安全的建议', body: '群众反映电动自行车楼道充电隐患突出，建议统筹建设集中充电设施并加强巡查。' });
      assert.equal(rep.status, 201, JSON.stringify(rep.body));
      const accepted = await editor.post(`/api/opinions/${rep.body.id}/transitions`, { action: 'accept', version: rep.body.version, input: {} });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const adopted = await editor.post(`/api/opinions/${rep.body.id}/events`, { kind: 'adoption', level: 'city', adoptionType: 'single' });
      assert.equal(adopted.status, 201, JSON.stringify(adopted.body));
      const instructed = await editor.post(`/api/opinions/${rep.body.id}/events`, { kind: 'instruction', leaderLevel: 'city', text: '请市住建局研究。' });
      assert.equal(instructed.status, 201, JSON.stringify(instructed.body));
      const earned = (instructed.body.events as Array<{ kind: string; points: number }>).filter((e) => e.kind === 'adoption' || e.kind === 'instruction').reduce((n, e) => n + e.points, 0);
      assert.ok(earned > 0, 'the scoring table gives points for an adoption and an instruction');
      const r1 = await record(A, 'me', ryear);
      assert.deepEqual(['reports', 'accepted', 'adopted', 'adopted_city', 'adopted_province', 'instructed'].map((k) => delta(r1, r0, k)), [1, 1, 1, 1, 0, 1]);
      assert.equal(Math.round(delta(r1, r0, 'points') * 100) / 100, Math.round(earned * 100) / 100);
      const mine = r1.reports.find((x) => x.id === rep.body.id)!;
      assert.deepEqual([mine.adoptedLevels, mine.instructionLevels, mine.acceptedInYear], [['city'], ['city'], true]);

      // every figure names exactly its records, and each id is in the section it points at
      // read afresh: the session year and the report's year are one 工作年度, so A's record of the year now holds the
      // report too
      for (const [c, y] of [[A, year], [B, year], [C, year], [A, ryear]] as const) {
        const r = await record(c, 'me', y);
        for (const f of r.figures) {
          const list = await listOf(c, f);
          if (f.list!.sum) assert.equal(Math.round(list.items.reduce((n, x) => n + Number((x as any)[f.list!.sum!]), 0) * 100) / 100, f.value, `${f.key} sums its records`);
          else assert.equal(list.total, f.value, `${f.key} counts its records`);
          assert.equal(list.items.length, list.total);
          const pool = f.list!.rows === 'report' ? r.reports.map((x) => x.id) : [...r.proposals.led, ...r.proposals.cosigned, ...r.proposals.merged].map((x) => x.id);
          for (const x of list.items) assert.ok(pool.includes(x.id), `${f.key}: ${x.id} is in the record`);
        }
        assert.equal((await listOf(c, fig(r, 'led'))).total, r.proposals.led.length);
      }

      // the record agrees with the ranking (memberPointsOf) and with the directory, and the trend's year with the record
      const tenantId = (await s.zx.ctx.db.selectFrom('users').select('tenant_id').where('id', '=', ids.m0471).executeTakeFirstOrThrow()).tenant_id as string;
      const pts = (await memberPointsOf(s.zx.ctx.db, tenantId, ryear)).find((x) => x.userId === ids.m0471)!;
      assert.deepEqual([pts.submitted, pts.accepted, pts.adopted, pts.instructed, pts.points],
        ['reports', 'accepted', 'adopted', 'instructed', 'points'].map((k) => fig(r1, k).value));
      const dir = await staff.get(`/api/members?year=${ryear}&q=${encodeURIComponent(r1.member.name)}&pageSize=200`);
      assert.equal(dir.status, 200, JSON.stringify(dir.body));
      const row = (dir.body.items as DirectoryItem[]).find((x) => x.userId === ids.m0471)!;
      assert.deepEqual([row.led, row.cosigned, row.merged, row.reports, row.adopted, row.points],
        ['led', 'cosigned', 'merged', 'reports', 'adopted', 'points'].map((k) => fig(r1, k).value));
      const t = r1.trend.find((x) => x.year === ryear)!;
      assert.deepEqual([t.led, t.cosigned, t.reports, t.points], ['led', 'cosigned', 'reports', 'points'].map((k) => fig(r1, k).value));
      assert.equal(r1.trend[r1.trend.length - 1].year, Math.max(r1.currentYear, ryear), 'the trend ends this year');
    });

    test('the directory counts per member equal the grouped query, and search, filters, sorting and paging work', async () => {
      const filters = (await staff.get('/api/members/filters')).body;
      assert.ok(filters.sectors.length > 0 && filters.committees.length > 0);
      const year = 2025;
      const all = await staff.get(`/api/members?year=${year}&pageSize=200`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      assert.ok(all.body.total >= 500, 'every city member is listed');
      const items = all.body.items as DirectoryItem[];
      for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].points >= items[i].points, 'sorted by points by default');
      // the counts are the proposals module's own grouped counts, summed over every member
      const tenantId = (await s.zx.ctx.db.selectFrom('users').select('tenant_id').where('username', '=', 'proposal').executeTakeFirstOrThrow()).tenant_id as string;
      const counts = await memberProposalCounts(s.zx.ctx.db, tenantId, { year });
      const everyone: DirectoryItem[] = [];
      for (let page = 1; page <= Math.ceil(all.body.total / 200); page++) everyone.push(...(await staff.get(`/api/members?year=${year}&pageSize=200&page=${page}`)).body.items);
      assert.equal(everyone.length, all.body.total);
      assert.equal(new Set(everyone.map((x) => x.userId)).size, everyone.length, 'pages do not overlap');
      const memberIds = new Set(everyone.map((x) => x.userId));
      const sum = (k: 'led' | 'cosigned' | 'merged') => counts.filter((c) => memberIds.has(c.userId)).reduce((n, c) => n + c[k], 0);
      assert.deepEqual(['led', 'cosigned', 'merged'].map((k) => everyone.reduce((n, x) => n + (x as any)[k], 0)), [sum('led'), sum('cosigned'), sum('merged')]);
      assert.ok(sum('led') > 400, 'the 2025 demo proposals are counted');
      // the 社情民意 counts of every member are the year-end ranking's, member by member
      const ranking = new Map((await memberPointsOf(s.zx.ctx.db, tenantId, year)).map((p) => [p.userId, p]));
      assert.ok(ranking.size > 0, 'the demo year has scored members');
      for (const x of everyone) {
        const p = ranking.get(x.userId);
        assert.deepEqual([x.reports, x.accepted, x.adopted, x.instructed, x.points], p ? [p.submitted, p.accepted, p.adopted, p.instructed, p.points] : [0, 0, 0, 0, 0], x.name);
      }

      const led = (await staff.get(`/api/members?year=${year}&sort=led&order=asc&pageSize=50`)).body.items as DirectoryItem[];
      for (let i = 1; i < led.length; i++) assert.ok(led[i - 1].led <= led[i].led);
      const sector = filters.sectors[0];
      const bySector = (await staff.get(`/api/members?year=${year}&sector=${sector.id}&pageSize=200`)).body;
      assert.ok(bySector.total > 0 && bySector.items.every((x: DirectoryItem) => x.sectorId === sector.id));
      const committeeId = filters.committees[0].id;
      const byCommittee = (await staff.get(`/api/members?year=${year}&committee=${committeeId}&pageSize=200`)).body;
      assert.ok(byCommittee.total > 0 && byCommittee.items.every((x: DirectoryItem) => x.committees.some((c) => c.id === committeeId)));
      const one = everyone[17];
      const found = (await staff.get(`/api/members?year=${year}&q=${encodeURIComponent(one.name)}`)).body.items as DirectoryItem[];
      assert.ok(found.some((x) => x.userId === one.userId) && found.every((x) => x.name.includes(one.name)));
      const byName = (await staff.get(`/api/members?sort=name&pageSize=30`)).body.items as DirectoryItem[];
      for (let i = 1; i < byName.length; i++) assert.ok(byName[i - 1].name.localeCompare(byName[i].name, 'zh-CN') <= 0);
    });

    test('the Excel export lists the filtered members with their counts', async () => {
      const filters = (await staff.get('/api/members/filters')).body;
      const sector = filters.sectors[1];
      const page = (await staff.get(`/api/members?year=2025&sector=${sector.id}&sort=led&pageSize=200`)).body;
      const res = await s.app.inject({ method: 'GET', url: `/api/members/export.xlsx?year=2025&sector=${sector.id}&sort=led`, headers: { cookie: staff.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      const ws = wb.getWorksheet('委员名录')!;
      assert.equal(ws.rowCount - 2, page.total);
      const first = ws.getRow(3).values as any[];
      assert.deepEqual([first[2], first[3], first[5], first[6], first[12]], [page.items[0].name, sector.name, page.items[0].led, page.items[0].cosigned, page.items[0].points]);
    });

    test('a member reads only their own record; staff read any member of their CPPCC; a county never sees a city member', async () => {
      const own = await member.get('/api/members/me/record');
      assert.equal(own.status, 200);
      assert.equal(own.body.viewer.self, true);
      assert.equal(own.body.year, own.body.currentYear, 'the current year by default');
      assert.equal((await member.get(`/api/members/${ids.member}/record`)).status, 200, 'their own by id');
      const other = await member.get(`/api/members/${ids.m0471}/record`);
      assert.equal(other.status, 403);
      assert.equal(other.body.error.code, 'FORBIDDEN');
      assert.equal((await member.get('/api/members')).status, 403, 'a member has no directory');
      assert.equal((await member.get('/api/members/export.xlsx')).status, 403);
      for (const c of [staff, leader, committee]) {
        const r = await c.get(`/api/members/${ids.m0471}/record?year=2025`);
        assert.equal(r.status, 200, `${c.username} reads a member's record`);
        assert.equal(r.body.viewer.self, false);
      }
      assert.equal((await staff.get(`/api/members/${ids.m0471}/record`)).body.viewer.openProposals, true);
      assert.equal((await committee.get(`/api/members/${ids.m0471}/record`)).body.viewer.openProposals, false, 'committee staff cannot open proposals they may not read');
      assert.equal((await unit.get(`/api/members/${ids.m0471}/record`)).status, 403, 'a handling unit has no right to records');
      assert.equal((await unit.get('/api/members/me/record')).status, 403);
      const cross = await countyStaff.get(`/api/members/${ids.m0471}/record`);
      assert.equal(cross.status, 404, 'a county user never sees a city member');
      assert.equal(cross.body.error.code, 'NOT_FOUND');
      assert.equal((await staff.get(`/api/members/${ids.c01m1}/record`)).status, 404, 'nor a city user a county member');
      assert.equal((await staff.get(`/api/members/${ids.county}/record`)).status, 404);
      const countyDir = (await countyStaff.get('/api/members?pageSize=200')).body;
      assert.ok(countyDir.items.some((x: DirectoryItem) => x.userId === ids.county) && !countyDir.items.some((x: DirectoryItem) => x.userId === ids.m0471));
      assert.equal((await county.get('/api/members/me/record')).status, 200, 'a county member reads their own');
      assert.equal((await staff.get('/api/members/NOPE/record')).status, 404);
    });

    test('bad query values are 400 with the field named in Chinese', async () => {
      const cases: Array<[string, string, RegExp]> = [
        ['/api/members/me/record?year=abc', 'year', /年度/],
        ['/api/members/me/record?year=1800', 'year', /年度/],
        ['/api/members?sort=height', 'sort', /排序/],
        ['/api/members?order=up', 'order', /顺序/],
        ['/api/members?page=0', 'page', /页码/],
        ['/api/members?sector=NOPE', 'sector', /界别/],
        ['/api/members?committee=NOPE', 'committee', /专委会/],
        [`/api/members?q=${'长'.repeat(60)}`, 'q', /姓名/],
      ];
      for (const [url, field, label] of cases) {
        const c = url.startsWith('/api/members/me') ? member : staff;
        const r = await c.get(url);
        assert.equal(r.status, 400, url);
        assert.equal(r.body.error.code, 'VALIDATION_FAILED', url);
        assert.equal(r.body.error.field ?? r.body.error.details?.[0]?.field, field, url);
        assert.match(r.body.error.message, label, url);
      }
    });

    test('the API is described in OpenAPI', async () => {
      const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/members/me/record', '/api/members/{userId}/record', '/api/members', '/api/members/export.xlsx', '/api/members/filters']) {
        assert.ok(doc.paths[path]?.get, path);
        assert.deepEqual(doc.paths[path].get.tags, ['members']);
      }
    });
  });
}
