// 乡镇工作人员 on SQLite and PostgreSQL: the county's platform staff limit a colleague's account to one town; that account
// then sees, registers, edits, records on, imports and counts only its town's platforms (another town's is 404, a
// registration or an edit naming another town is a 400 naming 乡镇（街道）), exports the Excel of its town's
// consultations and results, and cannot set towns itself; the member picker of the registration form lists the
// county's own members.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { hashPassword } from '../../identity/index.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { WorldRows } from '../../../server/world.ts';
import { platformBody, startPlatformsWorld, upload, type PlatformsWorld } from './world.ts';

for (const d of await dialects()) {
  describe(`有事来商量: 乡镇工作人员 (${d.kind})`, { skip: d.skip }, () => {
    let w: PlatformsWorld;
    let plat1: Client, plat2: Client, town1: Client, conv1: Client, office: Client;
    let town1Id = '';
    const ids: Record<string, any> = {};

    before(async () => {
      w = await startPlatformsWorld(d.kind);
      const rows = new WorldRows(clock.iso(), await hashPassword(DEMO_PASSWORD));
      town1Id = rows.user({ username: 'town1', orgId: w.ids.countyId, tenantId: w.ids.countyId, roles: [{ code: 'platform_staff' }], displayName: '东关镇平台工作人员' });
      await rows.insert(w.zx.ctx, { tenantId: w.ids.cityId, action: 'test.world' });
      [plat1, plat2, town1, conv1, office] = await Promise.all(['plat1', 'plat2', 'town1', 'conv1', 'office'].map((u) => w.as(u)));
      for (const [key, town, village] of [['a', '东关镇', '李家村'], ['b', '东关镇', '王家庄'], ['c', '西街镇', '张家村']] as const) {
        const r = await plat1.post('/api/platforms', platformBody(town, village));
        assert.equal(r.status, 201, JSON.stringify(r.body));
        ids[key] = r.body;
      }
    });
    after(async () => { await w?.close(); });

    const total = async (c: Client, url: string) => { const r = await c.get(url); assert.equal(r.status, 200, JSON.stringify(r.body)); return r.body.total as number; };

    test('the county\'s staff limit an account to a town; only the county\'s own staff may, and only their county\'s staff', async () => {
      assert.equal(await total(town1, '/api/platforms'), 3, 'before: the whole county');
      const staff = await plat1.get('/api/platforms/staff');
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      assert.deepEqual(staff.body.towns, ['东关镇', '西街镇']);
      assert.equal(staff.body.canAssign, true);
      assert.deepEqual(staff.body.items.map((x: any) => [x.name, x.town]).sort(), [['东关镇平台工作人员', null], ['潞州区平台工作人员', null]]);
      const other = await plat2.put(`/api/platforms/staff/${town1Id}`, { town: '东关镇' });
      assert.equal(other.status, 400, 'another county\'s staff account');
      assert.equal(other.body.error.field, 'userId');
      const notStaff = await plat1.put(`/api/platforms/staff/${w.convenerIds.conv1}`, { town: '东关镇' });
      assert.equal(notStaff.body.error.field, 'userId');
      const plat1Id = String((await w.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'plat1').executeTakeFirstOrThrow()).id);
      const self = await plat1.put(`/api/platforms/staff/${plat1Id}`, { town: '东关镇' });
      assert.equal(self.status, 400, 'nobody limits their own account');
      assert.equal(self.body.error.field, 'userId');
      const empty = await plat1.put(`/api/platforms/staff/${town1Id}`, { town: '' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.field, 'town');
      const set = await plat1.put(`/api/platforms/staff/${town1Id}`, { town: '东关镇' });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.equal(set.body.town, '东关镇');
      const mine = await town1.get('/api/platforms/staff');
      assert.equal(mine.body.canAssign, false);
      assert.equal((await town1.put(`/api/platforms/staff/${town1Id}`, { town: null })).status, 403, 'a town\'s staff do not free themselves');
      const audit = await w.zx.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'platforms_staff.town').execute();
      assert.deepEqual(audit.map((a: any) => a.entity_id), [town1Id]);
    });

    test('a town\'s staff see, register and edit their town\'s platforms only', async () => {
      const listed = (await town1.get('/api/platforms?pageSize=50')).body.items.map((p: any) => p.village).sort();
      assert.deepEqual(listed, ['李家村', '王家庄']);
      assert.equal((await town1.get(`/api/platforms/${ids.c.id}`)).status, 404, 'another town\'s platform is not found');
      assert.equal((await town1.patch(`/api/platforms/${ids.c.id}`, { version: ids.c.version, name: '改名' })).status, 404);
      const a = (await town1.get(`/api/platforms/${ids.a.id}`)).body;
      assert.equal(a.canEdit, true);
      assert.equal(a.canRecord, true);

      const elsewhere = await town1.post('/api/platforms', platformBody('西街镇', '赵家村'));
      assert.equal(elsewhere.status, 400);
      assert.equal(elsewhere.body.error.field, 'town');
      assert.match(elsewhere.body.error.message, /东关镇/);
      const here = await town1.post('/api/platforms', platformBody('东关镇', '赵家村'));
      assert.equal(here.status, 201, JSON.stringify(here.body));

      const moved = await town1.patch(`/api/platforms/${ids.a.id}`, { version: a.version, town: '西街镇' });
      assert.equal(moved.status, 400);
      assert.equal(moved.body.error.field, 'town');
      const dup = await town1.patch(`/api/platforms/${ids.a.id}`, { version: a.version, village: '王家庄' });
      assert.equal(dup.status, 400, 'a village has one platform');
      assert.equal(dup.body.error.field, 'village');
      const ok = await town1.patch(`/api/platforms/${ids.a.id}`, { version: a.version, name: '李家村有事来商量议事厅', convenerUserId: w.convenerIds.conv1, convenerName: '李召集' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.name, '李家村有事来商量议事厅');
      const stale = await plat1.patch(`/api/platforms/${ids.a.id}`, { version: a.version, name: '旧版本上的修改' });
      assert.equal(stale.status, 409);
      assert.equal((await plat1.get(`/api/platforms/${ids.a.id}`)).body.name, '李家村有事来商量议事厅', 'nothing written');
    });

    test('records, results, imports and figures keep to the town', async () => {
      const today = clock.today();
      const held = (topic: string) => ({ heldOn: today, topic, membersCount: 1, residentsCount: 8, minutes: '协商纪要', results: [{ content: `${topic}的成果`, responsibleBody: '村民委员会', dueDate: today }] });
      const west = await plat1.post(`/api/platforms/${ids.c.id}/activities`, held('西街镇的协商'));
      assert.equal(west.status, 201, JSON.stringify(west.body));
      assert.equal((await town1.post(`/api/platforms/${ids.c.id}/activities`, held('越界记录'))).status, 404);
      const east = await town1.post(`/api/platforms/${ids.b.id}/activities`, held('东关镇的协商'));
      assert.equal(east.status, 201, JSON.stringify(east.body));
      const westResult = west.body.activities[0].results[0];
      assert.equal((await town1.post(`/api/platforms/results/${westResult.id}/transitions`, { action: 'implement', version: westResult.version, input: { feedback: '已落实' } })).status, 404);
      assert.equal(await total(town1, '/api/platforms/activities'), 1);
      assert.equal(await total(town1, '/api/platforms/results'), 1);
      assert.equal(await total(plat1, '/api/platforms/activities'), 2);

      // the Excel of the consultations and of the results holds the rows of the list, in the same scope
      const xlsx = async (c: Client, url: string) => {
        const res = await w.zx.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
        assert.equal(res.statusCode, 200, res.body);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const ws = book.worksheets[0];
        return Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
      };
      assert.deepEqual((await xlsx(town1, '/api/platforms/activities/export.xlsx')).map((r) => r[1]), ['东关镇的协商']);
      assert.deepEqual((await xlsx(plat1, '/api/platforms/activities/export.xlsx')).map((r) => r[1]).sort(), ['东关镇的协商', '西街镇的协商']);
      const results = await xlsx(plat1, '/api/platforms/results/export.xlsx?state=handed');
      assert.deepEqual(results.map((r) => [r[0], r[6]]).sort(), [['东关镇的协商的成果', '已交办'], ['西街镇的协商的成果', '已交办']]);
      assert.deepEqual((await xlsx(town1, '/api/platforms/results/export.xlsx')).map((r) => r[0]), ['东关镇的协商的成果']);
      assert.equal((await w.zx.app.inject({ method: 'GET', url: '/api/platforms/results/export.xlsx?state=nope', headers: { cookie: plat1.cookie } })).statusCode, 400);

      const figures = async (c: Client) => Object.fromEntries((await c.get('/api/figures?modules=platforms')).body.groups[0].figures.map((f: any) => [f.key, f]));
      const mine = await figures(town1);
      assert.equal(mine['platforms.platforms'].value, 3, '东关镇: 李家村, 王家庄, 赵家村');
      assert.equal(mine['platforms.activities'].value, 1);
      assert.equal(mine['platforms.results'].value, 1);
      for (const f of Object.values(mine) as any[]) assert.equal(await total(town1, `${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`), f.value, f.key);
      assert.equal((await figures(plat1))['platforms.platforms'].value, 4);
      assert.equal((await figures(office))['platforms.platforms'].value, 4, 'the city counts every town');
      const ov = (await town1.get('/api/platforms/overview')).body;
      assert.deepEqual(ov.total.map((f: any) => f.value).slice(0, 2), [3, 1]);

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('协商平台台账');
      ws.addRow(['乡镇（街道）', '村（社区）', '平台名称', '召集人', '设立日期']);
      ws.addRow(['东关镇', '孙家村', '孙家村议事点', '孙召集', '2021-05-01']);
      ws.addRow(['西街镇', '周家村', '周家村议事点', '周召集', '2021-05-01']);
      const r = await upload(town1, '/api/platforms/import', 'towns.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.deepEqual(r.body.error.details.map((x: any) => x.field), ['row.3']);
      assert.equal(await total(plat1, '/api/platforms'), 4, 'all or nothing');
    });

    test('the whole county again when the town is taken off', async () => {
      assert.equal((await plat1.put(`/api/platforms/staff/${town1Id}`, { town: null })).status, 200);
      assert.equal(await total(town1, '/api/platforms'), 4);
    });

    test('the registration form picks a member of the county as convener', async () => {
      const r = await plat1.get(`/api/platforms/member-options?q=${encodeURIComponent('召集')}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.items.map((x: any) => x.id).sort(), [w.convenerIds.conv1, w.convenerIds.conv2].sort());
      assert.deepEqual((await plat2.get(`/api/platforms/member-options?q=${encodeURIComponent('召集')}`)).body.items, [], 'another county\'s members are not offered');
      assert.equal((await conv1.get('/api/platforms/member-options')).status, 403);
    });
  });
}
