// 社情民意 statistics by 专委会, 界别, 报送单位 and 县区政协 on SQLite and PostgreSQL: a day's scenario through the API, every
// breakdown figure equal to what the scenario did, each figure's query giving the same count in the list, and the Excel export.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';

const columns = ['submitted', 'accepted', 'retained', 'returned', 'sent_up', 'adopted', 'instructed'] as const;
type Col = (typeof columns)[number];
/** What the scenario did to one report, and whose it is. */
interface Done { submitter: string; orgId: string | null; sourceTenantId: string | null; did: Set<Col> }

for (const d of await dialects()) {
  describe(`opinions statistics by committee, sector, unit and county (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let editor: Client, countyEditor: Client, member: Client, m1: Client, m2: Client, informant: Client, county: Client, leader: Client;
    const period = () => { const t = chinaToday(); return `from=${t}&to=${t}`; };
    const stats = async () => {
      const r = await editor.get(`/api/opinions/stats?${period()}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const ids = async (c: Client) => (await c.get('/api/auth/me')).body;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [editor, countyEditor, member, m1, m2, informant, county, leader] = await Promise.all(
        ['editor', 'countyeditor', 'member', 'm0001', 'm0002', 'informant', 'county', 'leader'].map((u) => s.login(u)),
      );
    });
    after(async () => { await s?.close(); });

    test('a day of reports: every breakdown figure equals what was done, and each figure\'s query lists the same reports', async () => {
      const before = await stats();
      const done: Done[] = [];
      const fire = async (c: Client, r: any, action: string, input: Record<string, unknown> = {}) => {
        const x = await c.post(`/api/opinions/${r.id}/transitions`, { action, version: r.version, input });
        assert.equal(x.status, 200, JSON.stringify(x.body));
        return x.body;
      };
      const submit = async (c: Client, title: string) => {
        const x = await c.post('/api/opinions', { title, body: `${title}：情况反映和具体建议，请有关部门研究。` });
        assert.equal(x.status, 201, JSON.stringify(x.body));
        return x.body;
      };
      const who = async (c: Client) => { const me = await ids(c); return { id: me.user?.id ?? me.id, org: me.user?.orgId ?? me.orgId }; };
      const [pMember, pM1, pM2, pInformant, pCounty] = await Promise.all([member, m1, m2, informant, county].map(who));
      assert.ok(pMember.id && pMember.org, JSON.stringify(await ids(member)));
      const city = pMember.org as string;
      const luzhou = pCounty.org as string;

      // the demo member: one accepted and adopted by the province, one kept on file
      let a = await submit(member, '关于社区养老食堂运营补贴的建议');
      a = await fire(editor, a, 'accept');
      assert.equal((await editor.post(`/api/opinions/${a.id}/events`, { kind: 'adoption', level: 'province', adoptionType: 'single' })).status, 201);
      done.push({ submitter: pMember.id, orgId: pMember.org, sourceTenantId: null, did: new Set(['submitted', 'accepted', 'adopted']) });
      const b = await submit(member, '关于规范小区物业收费的建议');
      await fire(editor, b, 'retain');
      done.push({ submitter: pMember.id, orgId: pMember.org, sourceTenantId: null, did: new Set(['submitted', 'retained']) });
      // m0001: returned, revised, accepted, sent up to the province, instructed by a city leader
      let c = await submit(m1, '关于农村客运班线恢复的建议');
      c = await fire(editor, c, 'return', { reason: '请补充线路数据' });
      c = await fire(m1, c, 'resubmit');
      c = await fire(editor, c, 'accept');
      const up = await editor.post(`/api/opinions/${c.id}/send-up`, { version: c.version });
      assert.equal(up.status, 200, JSON.stringify(up.body));
      assert.equal((await editor.post(`/api/opinions/${c.id}/events`, { kind: 'instruction', level: 'city', leaderLevel: 'city', text: '请交通局研究。' })).status, 201);
      done.push({ submitter: pM1.id, orgId: pM1.org, sourceTenantId: null, did: new Set(['submitted', 'returned', 'accepted', 'sent_up', 'instructed']) });
      // m0002: waiting in the queue
      await submit(m2, '关于城区夜间施工噪音扰民的建议');
      done.push({ submitter: pM2.id, orgId: pM2.org, sourceTenantId: null, did: new Set(['submitted']) });
      // an informant (not a member: in no committee or sector)
      const e = await submit(informant, '关于菜市场临时摊位管理的建议');
      await fire(editor, e, 'accept');
      done.push({ submitter: pInformant.id, orgId: pInformant.org, sourceTenantId: null, did: new Set(['submitted', 'accepted']) });
      // the county: two reports sent up to the city; the city adopts and a leader instructs one, keeps the other
      for (const [title, adopt] of [['关于县域冷链物流网点建设的建议', true], ['关于乡镇卫生院人才引进的建议', false]] as const) {
        let r = await submit(county, title);
        r = await fire(countyEditor, r, 'accept');
        const sent = await countyEditor.post(`/api/opinions/${r.id}/send-up`, { version: r.version });
        assert.equal(sent.status, 200, JSON.stringify(sent.body));
        const copy = (await editor.get(`/api/opinions/${sent.body.upCopyId}`)).body;
        assert.equal(copy.sourceTenantName !== null, true);
        if (adopt) {
          const cp = await fire(editor, copy, 'accept');
          assert.equal((await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption', level: 'city', adoptionType: 'single' })).status, 201);
          assert.equal((await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'instruction', level: 'city', leaderLevel: 'city', text: '请农业农村局跟进。' })).status, 201);
          done.push({ submitter: pCounty.id, orgId: luzhou, sourceTenantId: luzhou, did: new Set(['submitted', 'accepted', 'adopted', 'instructed']) });
        } else {
          await fire(editor, copy, 'retain');
          done.push({ submitter: pCounty.id, orgId: luzhou, sourceTenantId: luzhou, did: new Set(['submitted', 'retained']) });
        }
      }

      const after = await stats();
      // the expected figures of each grouping, from what was done and the members' committees and sectors
      const db = s.zx.ctx.db;
      const memberships = await db.selectFrom('committee_memberships').select(['user_id', 'committee_id']).where('tenant_id', '=', city).execute();
      const profiles = await db.selectFrom('member_profiles').select(['user_id', 'sector_id']).where('tenant_id', '=', city).execute();
      const groupsOf = (kind: string, x: Done): string[] => {
        if (kind === 'committee') return memberships.filter((m: any) => m.user_id === x.submitter).map((m: any) => m.committee_id);
        if (kind === 'sector') return profiles.filter((p: any) => p.user_id === x.submitter && p.sector_id).map((p: any) => p.sector_id);
        if (kind === 'unit') return [x.orgId ?? 'none'];
        return x.sourceTenantId ? [x.sourceTenantId] : [];
      };
      const fig = (body: any, kind: string, id: string, col: Col): number => {
        const row = body.breakdowns.find((b: any) => b.kind === kind).rows.find((r: any) => r.id === id);
        return row ? row.figures[columns.indexOf(col)].value : 0;
      };
      let compared = 0;
      for (const kind of ['committee', 'sector', 'unit', 'county']) {
        const touched = new Set(done.flatMap((x) => groupsOf(kind, x)));
        assert.ok(touched.size > 0, `the scenario touches some ${kind}`);
        for (const id of touched) {
          for (const col of columns) {
            const expected = done.filter((x) => x.did.has(col) && groupsOf(kind, x).includes(id)).length;
            assert.equal(fig(after, kind, id, col) - fig(before, kind, id, col), expected, `${kind} ${id} ${col}`);
            compared++;
          }
        }
      }
      assert.ok(compared >= 4 * 7);
      assert.ok(new Set(done.flatMap((x) => groupsOf('committee', x))).size >= 2, 'members of different committees');
      const luz = after.breakdowns.find((b: any) => b.kind === 'county').rows.find((r: any) => r.id === luzhou);
      assert.match(luz.name, /潞州/);
      // the totals are the sums of what was done
      const total = (body: any, k: string) => body.totals.find((f: any) => f.key === `opinions.${k}`).value;
      for (const [k, col] of [['submitted', 'submitted'], ['accepted', 'accepted'], ['retained', 'retained'], ['returned', 'returned'], ['sent_up', 'sent_up']] as const) {
        assert.equal(total(after, k) - total(before, k), done.filter((x) => x.did.has(col)).length, k);
      }
      const lv = (body: any, k: string) => [...body.adoptedByLevel, ...body.instructionsByLevel].find((f: any) => f.key === `opinions.${k}`).value;
      assert.equal(lv(after, 'adopted_province') - lv(before, 'adopted_province'), 1);
      assert.equal(lv(after, 'adopted_city') - lv(before, 'adopted_city'), 1);
      assert.equal(lv(after, 'instruction_city') - lv(before, 'instruction_city'), 2);

      // following each figure of the rows the scenario touched to the list gives the same count
      let followed = 0;
      for (const b of after.breakdowns) {
        for (const row of b.rows) {
          if (!new Set(done.flatMap((x) => groupsOf(b.kind, x))).has(row.id)) continue;
          for (const f of row.figures) {
            const list = await editor.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
            assert.equal(list.status, 200, JSON.stringify(list.body));
            assert.equal(list.body.total, f.value, `list behind ${f.key}`);
            followed++;
          }
        }
      }
      assert.ok(followed >= 28);
    });

    test('every figure opens as many rows of its kind: the totals their reports, the 委员参与 figures their members', async () => {
      const db = s.zx.ctx.db;
      const tenantId = (await db.selectFrom('users').select('tenant_id').where('username', '=', 'editor').executeTakeFirstOrThrow()).tenant_id;
      const members = new Set((await db.selectFrom('member_profiles').select('user_id').where('tenant_id', '=', tenantId).execute()).map((m: any) => m.user_id as string));
      for (const q of ['year=2025', period()]) {
        const body = (await editor.get(`/api/opinions/stats?${q}`)).body;
        for (const f of body.totals.filter((x: any) => x.list.api === '/api/opinions')) {
          const list = await editor.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(list.body.total, f.value, `${q}: the reports behind ${f.key}`);
        }
        assert.deepEqual(body.members.map((f: any) => f.key), ['opinions.members', 'opinions.members_submitted', 'opinions.members_adopted']);
        for (const f of body.members) {
          assert.equal(f.list.api, '/api/opinions/stats/members', f.key);
          const list = await editor.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`);
          assert.equal(list.status, 200, JSON.stringify(list.body));
          assert.equal(list.body.total, f.value, `${q}: the members behind ${f.key}`);
          assert.equal(list.body.items.length, f.value);
          assert.equal(new Set(list.body.items.map((m: any) => m.userId)).size, f.value, 'each member once');
          assert.ok(list.body.items.every((m: any) => members.has(m.userId)), 'members of this CPPCC only');
          if (f.key === 'opinions.members') assert.equal(f.value, members.size);
          if (f.key === 'opinions.members_submitted') assert.ok(list.body.items.every((m: any) => m.submitted > 0));
          if (f.key === 'opinions.members_adopted') assert.ok(list.body.items.every((m: any) => m.adopted > 0 && m.adopted <= m.submitted));
        }
        // a member who submitted is in the list of their reports as often as the members list says
        const top = (await editor.get(`/api/opinions/stats/members?${q}&submitted=true`)).body.items[0];
        if (top) {
          const theirs = await editor.get(`/api/opinions?${q}&submitterUserId=${top.userId}&incoming=false&pageSize=1`);
          assert.equal(theirs.body.total, top.submitted);
        }
      }
      assert.equal((await member.get(`/api/opinions/stats/members?${period()}`)).status, 403);
      const bad = await editor.get('/api/opinions/stats/members?year=2025&submitted=maybe');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'submitted');
    });

    test('the workbook opens with exceljs and holds the totals and every breakdown', async () => {
      const body = await stats();
      const res = await s.app.inject({ method: 'GET', url: `/api/opinions/stats.xlsx?${period()}`, headers: { cookie: editor.cookie } });
      assert.equal(res.statusCode, 200, res.payload.slice(0, 300));
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['总体', '专委会', '界别', '报送单位', '县区政协']);
      const sheetValues = (name: string) => {
        const rows: unknown[][] = [];
        wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
        return rows;
      };
      const totals = sheetValues('总体');
      for (const f of body.totals) assert.ok(totals.some((r) => r[1] === f.label && r[2] === f.value), `总体 ${f.label} ${f.value}`);
      for (const [kind, sheet] of [['committee', '专委会'], ['sector', '界别'], ['unit', '报送单位'], ['county', '县区政协']]) {
        const rows = sheetValues(sheet);
        const b = body.breakdowns.find((x: any) => x.kind === kind);
        assert.ok(b.rows.length > 0, kind);
        for (const r of b.rows) {
          const line = rows.find((x) => x[0] === r.name);
          assert.ok(line, `${sheet} has ${r.name}`);
          assert.deepEqual(line!.slice(1, 8), r.figures.map((f: any) => f.value), `${sheet} ${r.name}`);
        }
      }
      assert.equal((await member.get(`/api/opinions/stats.xlsx?${period()}`)).status, 403);
      assert.equal((await leader.get(`/api/opinions/stats.xlsx?${period()}`)).status, 200);
    });

    test('a period that ends before it starts, or a day that does not exist, is refused naming the field', async () => {
      const late = await editor.get('/api/opinions/stats?from=2025-06-01&to=2025-05-01');
      assert.equal(late.status, 400);
      assert.equal(late.body.error.field, 'from');
      assert.match(late.body.error.message, /「开始日期」/);
      const bad = await editor.get('/api/opinions/stats?from=2025-02-30&to=2025-03-01');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'from');
      assert.match(bad.body.error.message, /「开始日期」/);
      const shape = await editor.get('/api/opinions/stats.xlsx?to=20250301');
      assert.equal(shape.status, 400);
      assert.equal(shape.body.error.field, 'to');
      // working year 2025 begins on 2024-12-06 (decision 0041)
      assert.equal((await editor.get('/api/opinions/stats?year=2025&to=2024-12-01')).status, 400, 'a year with an end before it begins');
      assert.equal((await editor.get('/api/opinions/stats?year=2025&to=2024-12-31')).status, 200, 'December after the cut-off is in next year');
    });
  });
}
