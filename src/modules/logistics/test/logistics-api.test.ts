// The 接待 API through the real server on SQLite and PostgreSQL: create, list, the whole lifecycle, a 400 naming a field,
// a 409 on a stale version, the figures agreeing with their lists, and who may see which records.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`接待 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    // demo accounts: two members of the city CPPCC, the city's office staff, a member of a county CPPCC, an administrator
    let member: Client, other: Client, office: Client, county: Client, sysadmin: Client;

    before(async () => {
      // the product does not ship this module: the test adds it, with its tables and permissions
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, other, office, county, sysadmin] = await Promise.all(['member', 'm0001', 'office', 'county', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) =>
      c.post(`/api/logistics/${id}/transitions`, { action, version, input });

    test('a member creates a record; a missing field is a 400 naming it in Chinese', async () => {
      const bad = await member.post('/api/logistics', { body: '没有标题' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
      assert.equal(bad.body.error.field, 'title');
      assert.match(bad.body.error.message, /标题/);

      const created = await member.post('/api/logistics', { title: '关于会场安排的接待', body: '请安排三楼会议室。' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.state, 'draft');
      assert.equal(created.body.stateLabel, '起草中');
      assert.equal(created.body.version, 1);
      assert.deepEqual(created.body.actions.map((a: any) => a.name), ['submit']);
      assert.equal(created.body.canEdit, true);

      const list = await member.get('/api/logistics?pageSize=5');
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.ok(list.body.items.some((i: any) => i.id === created.body.id));
      assert.equal((await member.get('/api/logistics?state=nonsense')).body.error.field, 'state');
    });

    test('the lifecycle runs draft → submitted → returned → submitted → accepted → done, with work items, history and audit', async () => {
      let r = (await member.post('/api/logistics', { title: '关于资料印制的接待', body: '需要印制会议材料二百份。' })).body;
      r = (await fire(member, r.id, 'submit', r.version)).body;
      assert.equal(r.state, 'submitted');
      assert.deepEqual(r.actions, [], 'the owner has nothing to do while the office decides');

      // the office sees it in its queue and its worklist (待办)
      const queue = await office.get('/api/logistics?state=submitted&pageSize=200');
      assert.ok(queue.body.items.some((i: any) => i.id === r.id));
      const tasks = await office.get('/api/worklist?pageSize=200');
      assert.equal(tasks.status, 200, JSON.stringify(tasks.body));
      assert.ok(JSON.stringify(tasks.body).includes(r.id), 'the submitted record is on the office worklist');
      assert.equal((await fire(member, r.id, 'accept', r.version)).status, 403, 'a member may not accept');

      const noReason = await fire(office, r.id, 'return', r.version);
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /退回理由/);
      r = (await fire(office, r.id, 'return', r.version, { reason: '请写明份数和规格' })).body;
      assert.equal(r.state, 'returned');
      assert.equal(r.returnReason, '请写明份数和规格');

      const edited = await member.patch(`/api/logistics/${r.id}`, { version: r.version, body: '需要印制 A4 会议材料二百份。' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      r = (await fire(member, r.id, 'submit', edited.body.version)).body;

      const past = await fire(office, r.id, 'accept', r.version, { dueDate: '2000-01-01' });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.field, 'input.dueDate');
      assert.match(past.body.error.message, /办理期限/);
      r = (await fire(office, r.id, 'accept', r.version)).body;
      assert.equal(r.state, 'accepted');
      assert.ok(r.dueDate && r.dueDate > clock.today(), 'the configured working days give the deadline');

      const accepted = r;
      r = (await fire(office, r.id, 'complete', r.version, { result: '已印制并送达' })).body;
      assert.equal(r.state, 'done');
      assert.equal(r.progress.status, 'finish');
      assert.deepEqual(r.actions, [], 'a terminal state has no way out');
      assert.deepEqual(r.history.map((h: any) => h.action), ['create', 'submit', 'return', 'submit', 'accept', 'complete']);

      // a write on the version read before the last change is refused
      const stale = await fire(office, accepted.id, 'complete', accepted.version, { result: '重复办结' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const staleEdit = await member.patch(`/api/logistics/${r.id}`, { version: 1, title: '在旧版本上修改' });
      assert.ok([403, 409].includes(staleEdit.status));
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('an edit on a stale version is a 409 VERSION_CONFLICT', async () => {
      const r = (await member.post('/api/logistics', { title: '关于车辆安排的接待', body: '周五需要一辆车。' })).body;
      assert.equal((await member.patch(`/api/logistics/${r.id}`, { version: r.version, title: '关于周五车辆安排的接待' })).status, 200);
      const stale = await member.patch(`/api/logistics/${r.id}`, { version: r.version, title: '另一处修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.match(stale.body.error.message, /接待/);
    });

    test('each figure equals the total of the list it links to', async () => {
      const today = clock.today();
      const r = await office.get(`/api/figures?from=${today}&to=${today}&modules=logistics`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'logistics')?.figures ?? [];
      assert.deepEqual(figures.map((f: any) => f.key), ['logistics.created', 'logistics.done']);
      assert.ok(figures[0].value >= 3 && figures[1].value >= 1, JSON.stringify(figures));
      for (const f of figures) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      const mine = await member.get(`/api/figures?from=${today}&to=${today}&modules=logistics`);
      assert.deepEqual(mine.body.groups, [], 'a member reads no organisation figures');
    });

    test('a member sees only their own records; another CPPCC sees none; administrators may not use the module', async () => {
      const r = (await member.post('/api/logistics', { title: '只属于本人的接待', body: '内容' })).body;
      assert.equal((await other.get(`/api/logistics/${r.id}`)).status, 404, 'another member of the same CPPCC');
      assert.ok(!(await other.get('/api/logistics?pageSize=200')).body.items.some((i: any) => i.id === r.id));
      assert.equal((await county.get(`/api/logistics/${r.id}`)).status, 404, 'a member of another CPPCC');
      assert.equal((await fire(other, r.id, 'submit', r.version)).status, 404);
      assert.equal((await office.get(`/api/logistics/${r.id}`)).status, 200, 'the office reads every record of its CPPCC');
      assert.equal((await sysadmin.get('/api/logistics')).status, 403);
    });
  });
}
