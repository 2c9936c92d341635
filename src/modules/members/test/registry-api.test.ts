// 委员管理 through the real server on SQLite and PostgreSQL: the office edits a member's record under its version (a
// stale edit is 409, bad input 400 naming the field, every edit audited); contact details whole for the office and the
// member themself, masked for every other role; a county's staff see and edit their county's members only; the contact
// log; the Excel export read back by the import unchanged, and an import with bad rows rejected whole; the figures and
// the breakdowns open lists of as many members as they count.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { login as httpLogin, type Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { RegistryItem, RegistryRecord } from '../../organizations/contract.ts';

/** A multipart upload of one file field `file`, as the browser sends it. */
function upload(c: Client, url: string, filename: string, content: Buffer) {
  const boundary = '----zxregistry' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return c.request('POST', url, Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const PHONE = '13812345678';
const EMAIL = 'zhang.wei@example.cn';
const ADDRESS = '长治市潞州区英雄中路 18 号';

for (const d of await dialects()) {
  describe(`member registry (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, committee: Client, proposal: Client, leader: Client, member: Client, other: Client, unit: Client, countyStaff: Client, county: Client;
    const ids: Record<string, string> = {};

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      // a county's office staff: the demo county staff account given the office's role
      await s.zx.ctx.db.updateTable('users').set({ role_codes: 'office_staff' }).where('username', '=', 'countystaff').execute();
      [office, committee, proposal, leader, member, other, unit, countyStaff, county] = await Promise.all(
        ['office', 'committee', 'proposal', 'leader', 'member', 'm0002', 'unit', 'countystaff', 'county'].map((u) => s.login(u)),
      );
      const users = await s.zx.ctx.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['member', 'm0001', 'm0002', 'county', 'c01m1']).execute();
      for (const u of users as any[]) ids[u.username] = u.id;
    });
    after(async () => { await s?.close(); });

    const rec = async (c: Client, userId: string): Promise<RegistryRecord> => {
      const r = await c.get(`/api/members/registry/${userId}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    test('the office edits a member: contacts, posts, terms and committees under the version; stale is 409; audited', async () => {
      const before = await rec(office, ids.m0001);
      assert.deepEqual(before.actions, ['edit', 'addContact', 'readContacts']);
      assert.equal(before.terms.length, 1);
      assert.equal(before.terms[0].label, '十四届');
      const committees = (await office.get('/api/committees')).body.items;
      const r = await office.patch(`/api/members/registry/${ids.m0001}`, {
        version: before.version, phone: PHONE, email: EMAIL, address: ADDRESS, skills: ['法律', '调解'], fields: ['乡村振兴'],
        committees: [{ committeeId: committees[0].id, role: '副主任' }],
        terms: [
          { termNo: 13, joinedOn: '2017-01-10', leftOn: '2021-12-31', leftReason: '其他', standing: false, posts: ['委员'] },
          { termNo: 14, joinedOn: '2022-01-10', leftOn: null, leftReason: null, standing: true, posts: ['常委'] },
        ],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.version, before.version + 1);
      assert.equal(r.body.phone, PHONE);
      assert.equal(r.body.standing, true);
      assert.deepEqual(r.body.posts, ['常委']);
      assert.deepEqual(r.body.terms.map((t: any) => t.label), ['十四届', '十三届']);
      assert.deepEqual(r.body.committees, [{ id: committees[0].id, name: committees[0].shortName ?? committees[0].name, role: '副主任' }]);
      assert.deepEqual(r.body.skills, ['法律', '调解']);
      // other modules read the profile's 常委
      const standing = await s.zx.ctx.db.selectFrom('member_profiles').select('is_standing').where('user_id', '=', ids.m0001).executeTakeFirstOrThrow();
      assert.equal(Number(standing.is_standing), 1);

      const stale = await office.patch(`/api/members/registry/${ids.m0001}`, { version: before.version, party: '民盟' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const audit = await s.zx.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'member_registry.update').where('entity_id', '=', ids.m0001).execute();
      assert.equal(audit.length, 1);
    });

    test('bad input is 400 naming the field, and nothing is written', async () => {
      const cur = await rec(office, ids.m0001);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ phone: '12345' }, 'phone'],
        [{ email: 'not-an-email' }, 'email'],
        [{ sectorId: 'nope' }, 'sectorId'],
        [{ terms: [{ termNo: 14, joinedOn: '2022-01-10', leftOn: '2021-01-01', leftReason: '调离', standing: false, posts: ['委员'] }] }, 'terms.0.leftOn'],
        [{ terms: [{ termNo: 14, joinedOn: '2022-01-10', leftOn: '2024-03-01', leftReason: null, standing: false, posts: ['委员'] }] }, 'terms.0.leftReason'],
        [{ terms: [{ termNo: 14, joinedOn: '2022-01-10', leftOn: null, leftReason: null, standing: false, posts: ['委员'] }, { termNo: 14, joinedOn: '2022-01-10', leftOn: null, leftReason: null, standing: false, posts: ['委员'] }] }, 'terms.1.termNo'],
        [{ committees: [{ committeeId: 'nope', role: '委员' }] }, 'committees.0.committeeId'],
      ];
      for (const [body, field] of cases) {
        const r = await office.patch(`/api/members/registry/${ids.m0001}`, { version: cur.version, ...body });
        assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, 'VALIDATION_FAILED');
        assert.ok(JSON.stringify(r.body.error).includes(field), `${field}: ${JSON.stringify(r.body.error)}`);
        assert.match(r.body.error.message, /[\u4e00-\u9fa5]/);
      }
      assert.equal((await rec(office, ids.m0001)).version, cur.version);
    });

    test('contact details: whole for the office and the member themself, masked for committee staff, the proposal office, leaders and other members; units and members cannot open the registry', async () => {
      const m = await rec(office, ids.m0001);
      assert.equal(m.phone, PHONE);
      for (const c of [committee, proposal, leader]) {
        const r = await rec(c, ids.m0001);
        assert.equal(r.phone, '138****5678', c.username);
        assert.equal(r.email, 'z***@example.cn', c.username);
        assert.equal(r.address, '长治市潞州区****', c.username);
        assert.equal(r.contactsMasked, true);
        const list = (await c.get(`/api/members/registry?q=${encodeURIComponent(m.name)}`)).body.items.find((i: RegistryItem) => i.userId === ids.m0001);
        assert.equal(list.phone, '138****5678', c.username);
      }
      // the member themself reads their own record whole, read-only
      const self = await s.login('m0001');
      const mine = await self.get('/api/members/me/registry');
      assert.equal(mine.status, 200);
      assert.equal(mine.body.phone, PHONE);
      assert.equal(mine.body.contactsMasked, false);
      assert.deepEqual(mine.body.actions, []);
      assert.equal((await self.patch(`/api/members/registry/${ids.m0001}`, { version: mine.body.version, party: '民盟' })).status, 403);
      // another member and a unit see nobody's record and no list
      assert.equal((await other.get(`/api/members/registry/${ids.m0001}`)).status, 403);
      assert.equal((await other.get('/api/members/registry')).status, 403);
      assert.equal((await unit.get('/api/members/registry')).status, 403);
      assert.equal((await unit.get(`/api/members/registry/${ids.m0001}`)).status, 403);
      // committee staff keep the registry; the proposal office and leaders only read it
      assert.equal((await proposal.patch(`/api/members/registry/${ids.m0001}`, { version: m.version, party: '民盟' })).status, 403);
      assert.equal((await leader.post(`/api/members/registry/${ids.m0001}/contacts`, { kind: 'call', contactOn: clock.today(), notes: '电话' })).status, 403);
    });

    test("a county's staff see and edit their county's members only", async () => {
      const list = await countyStaff.get('/api/members/registry?pageSize=100');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 6); // five county members and the demo member 'county'
      assert.ok(list.body.items.some((i: RegistryItem) => i.userId === ids.county));
      assert.ok(!list.body.items.some((i: RegistryItem) => i.userId === ids.m0001));
      assert.equal((await countyStaff.get(`/api/members/registry/${ids.m0001}`)).status, 404);
      assert.equal((await countyStaff.patch(`/api/members/registry/${ids.m0001}`, { version: 1, party: '民盟' })).status, 404);
      assert.equal((await countyStaff.get(`/api/members/registry/${ids.m0001}/contacts`)).status, 404);
      const own = await rec(countyStaff, ids.county);
      const ok = await countyStaff.patch(`/api/members/registry/${ids.county}`, { version: own.version, workplace: '潞州区人民医院 主任医师' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      // the city office does not see the county's members either
      assert.equal((await office.get(`/api/members/registry/${ids.county}`)).status, 404);
      assert.ok(!(await office.get('/api/members/registry?pageSize=100&q=' + encodeURIComponent(own.name))).body.items.some((i: RegistryItem) => i.userId === ids.county));
      // the member sees the edit in their own record
      assert.equal((await county.get('/api/members/me/registry')).body.workplace, '潞州区人民医院 主任医师');
    });

    test('the contact log: staff add visits, calls and talks, listed newest first; a future date is 400', async () => {
      const today = clock.today();
      const a = await office.post(`/api/members/registry/${ids.m0002}/contacts`, { kind: 'visit', contactOn: '2026-03-02', notes: '走访委员，了解履职困难' });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(a.body.kindLabel, '走访');
      const b = await committee.post(`/api/members/registry/${ids.m0002}/contacts`, { kind: 'call', contactOn: today, notes: '电话通知调研安排' });
      assert.equal(b.status, 201);
      const future = await office.post(`/api/members/registry/${ids.m0002}/contacts`, { kind: 'talk', contactOn: '2999-01-01', notes: '谈心' });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'contactOn');
      const empty = await office.post(`/api/members/registry/${ids.m0002}/contacts`, { kind: 'talk', contactOn: today, notes: '' });
      assert.equal(empty.status, 400);
      const log = await office.get(`/api/members/registry/${ids.m0002}/contacts`);
      assert.deepEqual(log.body.items.map((i: any) => i.kind), today >= '2026-03-02' ? ['call', 'visit'] : ['visit', 'call']);
      assert.ok(log.body.items.every((i: any) => i.staffName.length > 0));
      assert.equal((await proposal.get(`/api/members/registry/${ids.m0002}/contacts`)).status, 200);
      assert.equal((await other.get(`/api/members/registry/${ids.m0002}/contacts`)).status, 403);
    });

    test('filters: term, sector, committee, 常委, serving; the terms list', async () => {
      const terms = (await office.get('/api/members/registry/terms')).body.items;
      assert.ok(terms.some((t: any) => t.termNo === 14 && t.members >= 500));
      assert.ok(terms.some((t: any) => t.termNo === 13 && t.members === 1));
      assert.ok(terms.some((t: any) => t.current));
      const t13 = await office.get('/api/members/registry?term=13');
      assert.deepEqual(t13.body.items.map((i: RegistryItem) => i.userId), [ids.m0001]);
      const standing = await office.get('/api/members/registry?standing=true&pageSize=100');
      assert.ok(standing.body.total > 50);
      assert.ok(standing.body.items.every((i: RegistryItem) => i.standing));
      const sector = (await rec(office, ids.m0001)).sectorId!;
      const bySector = await office.get(`/api/members/registry?sector=${sector}&pageSize=100`);
      assert.ok(bySector.body.items.every((i: RegistryItem) => i.sectorId === sector));
      assert.equal((await office.get('/api/members/registry?sector=nope')).body.error.field, 'sector');
      assert.equal((await office.get('/api/members/registry?committee=nope')).body.error.field, 'committee');
      assert.equal((await office.get('/api/members/registry?servingOn=2026-13-01')).status, 400);
    });

    test('the figures and the breakdowns by 界别, 党派 and 届 open lists of as many members as they count', async () => {
      // m0002 leaves during 2026 (调离): one 离任委员 in the year, one fewer serving at its end
      const m2 = await rec(office, ids.m0002);
      const left = await office.patch(`/api/members/registry/${ids.m0002}`, {
        version: m2.version, terms: [{ termNo: 14, joinedOn: '2022-01-01', leftOn: '2026-06-30', leftReason: '调离', standing: m2.standing, posts: m2.posts }],
      });
      assert.equal(left.status, 200, JSON.stringify(left.body));
      assert.equal(left.body.active, false);
      const figs = (await office.get('/api/figures?from=2026-01-01&to=2026-12-31&modules=members')).body.groups.flatMap((g: any) => g.figures);
      const byKey = new Map(figs.map((f: any) => [f.key, f]));
      assert.equal((byKey.get('members.left') as any).value, 1);
      for (const f of figs) {
        const r = await office.get(`${f.list.api}?${new URLSearchParams({ ...f.list.query, pageSize: '1' })}`);
        assert.equal(r.status, 200);
        assert.equal(r.body.total, f.value, f.key);
      }
      assert.equal((await office.get(`/api/members/registry?${new URLSearchParams({ ...(byKey.get('members.left') as any).list.query, pageSize: '5' })}`)).body.items[0].userId, ids.m0002);
      // 各专委会委员: one figure per committee, in the registry's order, counting its members serving at the year's end
      // (those who left during the year not among them), each opening the registry filtered by that committee (decision 0091)
      const committees = (await office.get('/api/committees')).body.items as Array<{ id: string; name: string; shortName?: string | null }>;
      // counted for a working year (not for any period, nor a trend's months)
      assert.equal(figs.filter((f: any) => f.part).length, 0);
      const ofYear = (await office.get('/api/figures?year=2026&modules=members')).body;
      const family = ofYear.groups.flatMap((g: any) => g.figures).filter((f: any) => f.part);
      assert.deepEqual(family.map((f: any) => f.key), committees.map((c) => `members.committee.${c.id}`));
      assert.ok(family.every((f: any) => f.label === `${f.part.name}委员` && f.list.query.committee === f.part.id && f.list.query.servingOn === ofYear.to));
      assert.ok(ofYear.to > '2026-06-30');
      assert.ok(family.some((f: any) => f.value > 0));
      for (const f of family as any[]) {
        const everyone: RegistryItem[] = [];
        for (let page = 1; page === 1 || everyone.length % 100 === 0; page++) {
          const items = (await office.get(`/api/members/registry?committee=${f.part.id}&pageSize=100&page=${page}`)).body.items as RegistryItem[];
          if (!items.length) break;
          everyone.push(...items);
        }
        const serving = everyone.filter((m) => m.userId !== ids.m0002 && m.active);
        assert.equal(f.value, serving.length, f.key);
      }
      // a member reads no organisation registry figures
      const mf = (await member.get('/api/figures?from=2026-01-01&to=2026-12-31&modules=members')).body.groups;
      assert.equal(mf.length, 0);
      const stats = (await office.get('/api/members/registry/stats?servingOn=2026-12-31')).body;
      assert.equal(stats.total, (byKey.get('members.serving') as any).value);
      for (const rows of [stats.bySector, stats.byParty, stats.byTerm]) {
        for (const row of rows.slice(0, 3)) {
          const r = await office.get(`/api/members/registry?${new URLSearchParams({ ...row.query, pageSize: '1' })}`);
          assert.equal(r.body.total, row.count, row.label);
        }
      }
      assert.equal(stats.byTerm.reduce((n: number, r: any) => n + r.count, 0), stats.total);
    });

    test('Excel: the export read back by the import changes nothing; an import with a bad row writes nothing and names each bad row', async () => {
      const committees = (await office.get('/api/committees')).body.items;
      const query = `committee=${committees[1].id}`;
      const listed = async () => (await office.get(`/api/members/registry?${query}&pageSize=100`)).body.items.map(({ version: _v, ...rest }: RegistryItem) => rest);
      const beforeRows = await listed();
      assert.ok(beforeRows.length > 10);
      const res = await s.app.inject({ method: 'GET', url: `/api/members/registry/export.xlsx?${query}`, headers: { cookie: office.cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      assert.equal(res.statusCode, 200);
      const ws = wb.worksheets[0];
      assert.equal(ws.getRow(2).getCell(1).value, '用户名');
      assert.equal(ws.rowCount - 2, beforeRows.length);
      const back = await upload(office, '/api/members/registry/import', '委员档案.xlsx', res.rawPayload);
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.updated, beforeRows.length);
      assert.deepEqual(await listed(), beforeRows);

      // change one row, break two others: nothing is written, each bad row named
      const col = (name: string) => { let at = 0; ws.getRow(2).eachCell((c, i) => { if (c.value === name) at = i; }); return at; };
      ws.getRow(3).getCell(col('工作单位及职务')).value = '导入修改的单位';
      ws.getRow(4).getCell(col('界别')).value = '不存在的界别';
      ws.getRow(5).getCell(col('任职日期')).value = '2022/13/40';
      ws.getRow(5).getCell(col('联系电话')).value = '123';
      const bad = await upload(office, '/api/members/registry/import', 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
      assert.match(bad.body.error.message, /第 4 行：「界别」不存在的界别不是本级政协的界别/);
      assert.deepEqual(bad.body.error.details.map((e: any) => e.field), ['row.4', 'row.5']);
      assert.match(bad.body.error.details[1].message, /「任职日期」.*「联系电话」/);
      assert.deepEqual(await listed(), beforeRows);

      // fixed, it imports
      ws.getRow(4).getCell(col('界别')).value = beforeRows[1].sectorName;
      ws.getRow(5).getCell(col('任职日期')).value = '2022-01-01';
      ws.getRow(5).getCell(col('联系电话')).value = PHONE;
      const ok = await upload(office, '/api/members/registry/import', 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const after = await listed();
      const changed = after.find((i: any) => i.username === ws.getRow(3).getCell(1).value);
      assert.equal(changed.workplace, '导入修改的单位');
      // a member of another CPPCC is not this CPPCC's to import
      ws.getRow(3).getCell(1).value = 'c01m1';
      const foreign = await upload(office, '/api/members/registry/import', 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(foreign.status, 400);
      assert.match(foreign.body.error.message, /第 3 行：「用户名」c01m1不是本级政协的委员/);
      // committee staff export masked contacts; importing them back keeps the stored ones
      const cx = await s.app.inject({ method: 'GET', url: `/api/members/registry/export.xlsx?q=${encodeURIComponent((await rec(office, ids.m0001)).name)}`, headers: { cookie: committee.cookie } });
      const cwb = new ExcelJS.Workbook();
      await cwb.xlsx.load(cx.rawPayload as any);
      assert.equal(cwb.worksheets[0].getRow(3).getCell(14).value, '138****5678');
      assert.equal((await upload(committee, '/api/members/registry/import', 'c.xlsx', cx.rawPayload)).status, 200);
      assert.equal((await rec(office, ids.m0001)).phone, PHONE);
      // not a workbook; the proposal office may not import
      assert.equal((await upload(office, '/api/members/registry/import', 'x.xlsx', Buffer.from('not excel'))).body.error.field, 'file');
      assert.equal((await upload(proposal, '/api/members/registry/import', 'x.xlsx', res.rawPayload)).status, 403);
    });

    test('Excel: new members from the template become members with accounts; a bad row refuses the whole file; the same people again are updated, not added twice', async () => {
      const t = await s.app.inject({ method: 'GET', url: '/api/members/registry/import-template.xlsx', headers: { cookie: office.cookie } });
      assert.equal(t.statusCode, 200);
      assert.equal((await s.app.inject({ method: 'GET', url: '/api/members/registry/import-template.xlsx', headers: { cookie: proposal.cookie } })).statusCode, 403);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(t.rawPayload as any);
      const ws = wb.worksheets[0];
      assert.equal(ws.getRow(2).getCell(1).value, '用户名');
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['委员档案', '可选值', '填写说明']);
      const col = (name: string) => { let at = 0; ws.getRow(2).eachCell((c, i) => { if (c.value === name) at = i; }); assert.ok(at, name); return at; };
      const committees = (await office.get('/api/committees')).body.items;
      const sectors = (await office.get('/api/members/registry/stats')).body.bySector;
      const existing = await rec(office, ids.m0002);
      const put = (row: number, v: Record<string, string>) => { for (const [k, x] of Object.entries(v)) ws.getRow(row).getCell(col(k)).value = x; };
      const idNo = (base17: string) => base17 + '10X98765432'[[...base17].reduce((a, c, i) => a + [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i] * Number(c), 0) % 11];
      const ID1 = idNo('14040219880506001');
      put(3, { 姓名: '李导入', 性别: '女', 界别: sectors[0].label, 届次: '十四届', 任职日期: '2026-03-01', 常委: '否', 专委会: `${committees[0].shortName ?? committees[0].name}（副主任）`, 联系电话: '13900001111', 身份证号: ID1, 专长: '会计、审计' });
      put(4, { 用户名: 'new.zhao', 姓名: '赵导入', 界别: sectors[0].label, 届次: '十四届', 任职日期: '2026-03-01', 联系电话: '13900002222' });
      // an existing member found by the mobile number: updated
      put(5, { 界别: sectors[0].label, 届次: '十四届', 任职日期: '2022-01-10', 联系电话: existing.phone!, 工作单位及职务: '按手机号更新的单位' });
      // two bad rows: the whole file is refused, each row named with its field
      put(6, { 姓名: '', 届次: '十四届', 任职日期: '2026-03-01', 联系电话: '139', 身份证号: '14040219880506001Y' });
      put(7, { 姓名: '重复', 届次: '十四届', 任职日期: '2026-03-01', 联系电话: '13900003333', 身份证号: ID1 });
      const usersBefore = Number((await s.zx.ctx.db.selectFrom('users').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const bad = await upload(office, '/api/members/registry/import', 't.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.deepEqual(bad.body.error.details.map((e: any) => e.field), ['row.6', 'row.7']);
      assert.match(bad.body.error.details[0].message, /第 6 行：.*「身份证号」应为 18 位.*「姓名」新委员不能为空.*「联系电话」新委员应填写 11 位手机号/);
      assert.match(bad.body.error.details[1].message, /第 7 行：「身份证号」与第 3 行重复/);
      assert.match(bad.body.error.message, /未导入任何委员/);
      assert.equal(Number((await s.zx.ctx.db.selectFrom('users').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), usersBefore);
      assert.notEqual((await rec(office, ids.m0002)).workplace, '按手机号更新的单位');

      ws.spliceRows(6, 2);
      const ok = await upload(office, '/api/members/registry/import', 't.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.created, 2);
      assert.equal(ok.body.updated, 1);
      assert.deepEqual(ok.body.accounts.map((a: any) => [a.row, a.name, a.username]), [[3, '李导入', '13900001111'], [4, '赵导入', 'new.zhao']]);
      assert.equal((await rec(office, ids.m0002)).workplace, '按手机号更新的单位');
      // the new member signs in with the initial password and is a member of this CPPCC with the row's fields
      const li = await httpLogin(s.app, '13900001111', ok.body.accounts[0].initialPassword);
      assert.equal((await li.get('/api/auth/me')).body.user.username, '13900001111');
      const mine = await rec(office, (await office.get(`/api/members/registry?q=${encodeURIComponent('李导入')}`)).body.items[0].userId);
      assert.equal(mine.name, '李导入');
      assert.equal(mine.gender, '女');
      assert.equal(mine.sectorName, sectors[0].label);
      assert.deepEqual(mine.committees.map((c: any) => c.role), ['副主任']);
      assert.deepEqual(mine.skills, ['会计', '审计']);
      assert.equal(mine.terms[0].joinedOn, '2026-03-01');
      const listed = (await office.get(`/api/members/registry?q=${encodeURIComponent('赵导入')}`)).body;
      assert.equal(listed.total, 1);
      // the 身份证号 is kept only as a digest
      const stored = await s.zx.ctx.db.selectFrom('member_id_numbers').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.ok(!JSON.stringify(stored).includes(ID1.slice(6, 14)));

      // the same file again: the same three people are updated (by 身份证号, 用户名 and mobile), nobody added
      ws.getRow(3).getCell(col('联系电话')).value = '13900009999'; // a new phone: found by the 身份证号
      ws.getRow(3).getCell(col('工作单位及职务')).value = '第二次导入';
      const again = await upload(office, '/api/members/registry/import', 't.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.deepEqual([again.body.created, again.body.updated], [0, 3]);
      const li2 = (await office.get(`/api/members/registry?q=${encodeURIComponent('李导入')}`)).body;
      assert.equal(li2.total, 1);
      assert.equal(li2.items[0].workplace, '第二次导入');
      assert.equal(li2.items[0].phone, '13900009999');
      assert.equal(Number((await s.zx.ctx.db.selectFrom('users').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), usersBefore + 2);
      const created = await s.zx.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'user.create').where('entity_id', 'in', [mine.userId, listed.items[0].userId]).execute();
      assert.equal(created.length, 2);
    });
  });
}
