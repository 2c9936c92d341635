// The 有事来商量 API through the real server on SQLite and PostgreSQL: the registry, a convener's consultation with its
// results tracked to 已落实 and evaluated, 400s naming fields, 409s on stale versions, county isolation (404/403, lists
// and figures), the figures and the by-county overview agreeing with their lists, and the Excel export and import.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { platformBody, startPlatformsWorld, upload, type PlatformsWorld } from './world.ts';

for (const d of await dialects()) {
  describe(`有事来商量 API (${d.kind})`, { skip: d.skip }, () => {
    let w: PlatformsWorld;
    let plat1: Client, plat2: Client, conv1: Client, conv2: Client, office: Client, member: Client, sysadmin: Client;
    let platformId = '';
    const today = () => clock.today();

    before(async () => {
      w = await startPlatformsWorld(d.kind);
      [plat1, plat2, conv1, conv2, office, member, sysadmin] = await Promise.all(['plat1', 'plat2', 'conv1', 'conv2', 'office', 'member', 'sysadmin'].map((u) => w.as(u)));
    });
    after(async () => { await w?.close(); });

    test('county staff register a platform; a missing or bad field is a 400 naming it; a village has one platform', async () => {
      const bad = await plat1.post('/api/platforms', { village: '李家村', name: '李家村议事点', convenerName: '李召集', establishedOn: '2020-03-01' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'town');
      assert.match(bad.body.error.message, /乡镇（街道）/);
      const badConvener = await plat1.post('/api/platforms', platformBody('东关镇', '李家村', { convenerUserId: w.ids.demoUsers.office.userId }));
      assert.equal(badConvener.status, 400);
      assert.equal(badConvener.body.error.field, 'convenerUserId');

      const r = await plat1.post('/api/platforms', platformBody('东关镇', '李家村', { convenerUserId: w.convenerIds.conv1, memberUserIds: [w.convenerIds.conv2] }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      platformId = r.body.id;
      assert.equal(r.body.countyId, w.ids.countyId);
      assert.equal(r.body.countyName, '潞州区政协');
      assert.deepEqual(r.body.members.map((m: any) => m.name), ['王召集']);
      assert.equal(r.body.canEdit, true);
      const dup = await plat1.post('/api/platforms', platformBody('东关镇', '李家村'));
      assert.equal(dup.status, 400);
      assert.equal(dup.body.error.field, 'village');
      assert.equal((await conv1.post('/api/platforms', platformBody('东关镇', '王家村'))).status, 403, 'a convener does not register platforms');
      assert.equal((await office.post('/api/platforms', platformBody('东关镇', '王家村'))).status, 201, 'the city office may register its own');
    });

    test('a county never sees another county\'s platforms: 404 on the record, 403 on the county filter, absent from lists', async () => {
      assert.equal((await plat2.get(`/api/platforms/${platformId}`)).status, 404);
      assert.equal((await plat2.get(`/api/platforms?county=${w.ids.countyId}`)).status, 403);
      assert.equal((await plat2.get('/api/platforms?pageSize=100')).body.total, 0);
      assert.equal((await plat2.patch(`/api/platforms/${platformId}`, { version: 1, name: '改名' })).status, 404);
      assert.equal((await plat2.post(`/api/platforms/${platformId}/activities`, { heldOn: today(), topic: '村道硬化', membersCount: 1, residentsCount: 5, minutes: '纪要' })).status, 404);
      assert.equal((await member.get(`/api/platforms/${platformId}`)).status, 404, 'a member who does not convene it');
      assert.equal((await conv2.get(`/api/platforms/${platformId}`)).status, 404, 'an attached member who does not convene it');
      assert.equal((await office.get(`/api/platforms/${platformId}`)).status, 200, 'the city sees every county');
      assert.equal((await office.get(`/api/platforms?county=${w.ids.countyId}`)).body.total, 1);
      assert.equal((await sysadmin.get('/api/platforms')).status, 403, '三员分立: administrators may not use the module');
    });

    test('the convener records a consultation with its results; each result goes 已交办 → 已落实 → 已评价 with work items', async () => {
      const body = { heldOn: today(), topic: '李家村村道硬化', membersCount: 2, residentsCount: 18, participants: '李召集、村民代表', minutes: '群众同意分两期硬化。', results: [
        { content: '一期硬化主干道 800 米', responsibleBody: '东关镇人民政府', dueDate: addDays(today(), 30) },
        { content: '安装路灯 20 盏', responsibleBody: '李家村村民委员会', dueDate: addDays(today(), 20) },
      ] };
      const future = await conv1.post(`/api/platforms/${platformId}/activities`, { ...body, heldOn: addDays(today(), 2) });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'heldOn');
      assert.match(future.body.error.message, /协商日期/);
      const badDue = await conv1.post(`/api/platforms/${platformId}/activities`, { ...body, results: [{ ...body.results[0], dueDate: '2000-01-01' }] });
      assert.equal(badDue.status, 400);
      assert.equal(badDue.body.error.field, 'results.0.dueDate');
      assert.equal((await conv1.get(`/api/platforms/activities?platformId=${platformId}`)).body.total, 0, 'a refused record leaves nothing behind');

      const r = await conv1.post(`/api/platforms/${platformId}/activities`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const a = r.body.activities[0];
      assert.equal(a.residentsCount, 18);
      assert.equal(a.results.length, 2);
      const [res] = a.results;
      assert.equal(res.state, 'handed');
      assert.deepEqual(res.actions.map((x: any) => x.name), ['implement']);

      const tasks = await conv1.get('/api/worklist?pageSize=50');
      assert.ok(JSON.stringify(tasks.body).includes(res.id), 'the result waits on the convener\'s worklist');

      const noFeedback = await conv1.post(`/api/platforms/results/${res.id}/transitions`, { action: 'implement', version: res.version, input: {} });
      assert.equal(noFeedback.status, 400);
      assert.equal(noFeedback.body.error.field, 'input.feedback');
      assert.match(noFeedback.body.error.message, /落实情况/);
      assert.equal((await plat2.post(`/api/platforms/results/${res.id}/transitions`, { action: 'implement', version: res.version, input: { feedback: 'x' } })).status, 404);
      const done = await conv1.post(`/api/platforms/results/${res.id}/transitions`, { action: 'implement', version: res.version, input: { feedback: '主干道已硬化' } });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.state, 'implemented');
      assert.equal(done.body.implementedOn, today());
      const stale = await plat1.post(`/api/platforms/results/${res.id}/transitions`, { action: 'implement', version: res.version, input: { feedback: '重复' } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const badEval = await plat1.post(`/api/platforms/results/${res.id}/transitions`, { action: 'evaluate', version: done.body.version, input: { evaluation: 'great' } });
      assert.equal(badEval.status, 400);
      assert.match(badEval.body.error.message, /群众评价/);
      const ev = await plat1.post(`/api/platforms/results/${res.id}/transitions`, { action: 'evaluate', version: done.body.version, input: { evaluation: 'satisfied' } });
      assert.equal(ev.status, 200, JSON.stringify(ev.body));
      assert.equal(ev.body.evaluationLabel, '满意');
      assert.deepEqual(ev.body.actions, [], 'a terminal state has no way out');
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok);
    });

    test('topics: added to the list, taken up by a consultation, status edits under the version', async () => {
      const t = await conv1.post(`/api/platforms/${platformId}/topics`, { title: '村口垃圾点选址', raisedBy: '村民张某', raisedOn: today() });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(t.body.statusLabel, '待协商');
      const bad = await conv1.post(`/api/platforms/${platformId}/topics`, { title: '缺日期', raisedBy: '村民' });
      assert.equal(bad.body.error.field, 'raisedOn');
      const a = await conv1.post(`/api/platforms/${platformId}/activities`, { heldOn: today(), topicId: t.body.id, topic: t.body.title, membersCount: 1, residentsCount: 9, minutes: '选定新址。' });
      assert.equal(a.status, 201);
      const topic = a.body.topics.find((x: any) => x.id === t.body.id);
      assert.equal(topic.status, 'consulted');
      const stale = await conv1.patch(`/api/platforms/topics/${t.body.id}`, { version: t.body.version, status: 'dropped' });
      assert.equal(stale.status, 409);
      assert.equal((await conv1.patch(`/api/platforms/topics/${t.body.id}`, { version: topic.version, status: 'dropped' })).body.statusLabel, '不予协商');
    });

    test('an edit of the registry on a stale version is a 409', async () => {
      const p = (await plat1.get(`/api/platforms/${platformId}`)).body;
      assert.equal((await plat1.patch(`/api/platforms/${platformId}`, { version: p.version, convenerPhone: '13900000000' })).status, 200);
      const stale = await plat1.patch(`/api/platforms/${platformId}`, { version: p.version, name: '另一处修改' });
      assert.equal(stale.status, 409);
      assert.match(stale.body.error.message, /协商平台/);
      assert.equal((await office.patch(`/api/platforms/${platformId}`, { version: p.version + 1, name: '市级改名' })).status, 403, 'the city reads but does not edit a county\'s registry');
    });

    test('each figure equals the total of its list, for the city, each county and per county in the overview', async () => {
      const { year, from, to } = (await office.get('/api/platforms/overview')).body;
      for (const c of [office, plat1, plat2]) {
        const r = await c.get(`/api/figures?from=${from}&to=${to}&modules=platforms`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const figures = r.body.groups.find((g: any) => g.module === 'platforms')?.figures ?? [];
        assert.deepEqual(figures.map((f: any) => f.key), ['platforms.platforms', 'platforms.activities', 'platforms.results', 'platforms.implemented']);
        for (const f of figures) {
          const list = await c.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(list.status, 200, JSON.stringify(list.body));
          assert.equal(list.body.total, f.value, `${c.username}: list behind ${f.key}`);
        }
        const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
        if (c === plat2) assert.deepEqual(Object.values(v), [0, 0, 0, 0], 'another county counts none of 潞州区\'s');
        if (c === plat1) assert.deepEqual(Object.values(v), [1, 2, 2, 1]);
        if (c === office) assert.deepEqual(Object.values(v), [2, 2, 2, 1], 'the city counts every county and its own ' + JSON.stringify(figures));
      }
      const ov = (await office.get(`/api/platforms/overview?year=${year}`)).body;
      assert.deepEqual(ov.counties.map((c: any) => c.countyName).sort(), ['上党区政协', '潞州区政协', '长治市政协'].sort());
      for (const c of ov.counties) {
        for (const f of c.figures) {
          const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(list.body.total, f.value, `${c.countyName} ${f.key}`);
        }
      }
      assert.equal(ov.counties.find((c: any) => c.countyId === w.ids.countyId).figures[1].value, 2);
      const ov2 = (await plat2.get(`/api/platforms/overview?year=${year}`)).body;
      assert.deepEqual(ov2.counties.map((c: any) => c.countyId), [w.county2Id], 'a county\'s overview is its own');
      assert.equal((await conv1.get('/api/platforms/overview')).status, 403);
      assert.deepEqual((await member.get(`/api/figures?year=${year}&modules=platforms`)).body.groups, [], 'a member reads no organisation figures');
    });

    test('the registry exports to Excel and a county imports rows; a bad row imports nothing and names the row', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(['乡镇（街道）', '村（社区）', '平台名称', '召集人', '召集人电话', '设立日期']);
      ws.addRow(['西街街道', '和平社区', '和平社区议事点', '刘召集', '13800000000', '2021-05-01']);
      ws.addRow(['西街街道', '', '西街街道协商议事室', '陈召集', '', '2021-04-01']);
      ws.addRow(['西街街道', '友谊社区', '友谊社区议事点', '', '', '2021-05-01']);
      const bad = await upload(plat2, '/api/platforms/import', '台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.match(bad.body.error.message, /第 4 行.*召集人/);
      assert.equal((await plat2.get('/api/platforms')).body.total, 0, 'nothing of a refused file');
      ws.getRow(4).getCell(4).value = '赵召集';
      const ok = await upload(plat2, '/api/platforms/import', '台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.added, 3);
      assert.equal((await plat2.get('/api/platforms')).body.total, 3);
      assert.equal((await upload(plat2, '/api/platforms/import', 'x.xlsx', Buffer.from('not excel'))).body.error.field, 'file');

      const x = await office.request('GET', '/api/platforms/export.xlsx');
      assert.equal(x.status, 200);
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(Buffer.from(x.body, 'binary') as unknown as ArrayBuffer).catch(() => null);
      const res = await w.zx.app.inject({ method: 'GET', url: '/api/platforms/export.xlsx', headers: { cookie: office.cookie } });
      await back.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.equal(back.worksheets[0].rowCount, 1 + 2 + 3, 'a header and every platform the city sees');
      const res2 = await w.zx.app.inject({ method: 'GET', url: '/api/platforms/export.xlsx', headers: { cookie: plat2.cookie } });
      const b2 = new ExcelJS.Workbook();
      await b2.xlsx.load(res2.rawPayload as unknown as ArrayBuffer);
      assert.equal(b2.worksheets[0].rowCount, 1 + 3, 'a county exports its own');
    });
  });
}
