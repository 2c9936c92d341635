// The inbox API, work-item notifications from real transitions, and the delivery log, on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { anonymous } from '../../../../test/support/http.ts';
import { loadActor } from '../../identity/index.ts';
import type { NotificationService } from '../server/notifier.ts';
import { startWorld, type World } from './harness.ts';
import { createDemoTable, demoSpec, type DemoItem } from './demo-workflow.ts';
import { newId } from '../../../kernel/universal/ids.ts';

for (const d of await dialects()) {
  describe(`notifications inbox (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => {
      w = await startWorld(d.kind);
      await createDemoTable(w.zx.ctx.db);
    });
    after(async () => { await w?.close(); });

    const notify = (userIds: string[], title: string, extra: Record<string, unknown> = {}) =>
      w.zx.ctx.notifier.notify({ tenantId: w.orgs.city, userIds, kind: 'notice', title, body: `${title}的内容`, link: '/proposals/X', ...extra });

    test('a user lists, counts and reads only their own notifications', async () => {
      await notify([w.users.alice.id, w.users.bob.id], '会议通知：十四届四次会议');
      await notify([w.users.alice.id], '提案已立案');
      await w.zx.ctx.events.drain();
      const alice = await w.login('alice');
      const bob = await w.login('bob');

      const list = await alice.get('/api/notifications');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 2);
      assert.deepEqual(list.body.items.map((i: any) => i.title), ['提案已立案', '会议通知：十四届四次会议']);
      assert.deepEqual(list.body.items[0].actions, ['read']);
      assert.equal(list.body.items[0].readAt, null);
      assert.equal((await alice.get('/api/notifications/unread-count')).body.count, 2);

      const bobList = await bob.get('/api/notifications');
      assert.equal(bobList.body.total, 1);
      const bobsId = bobList.body.items[0].id;

      // alice cannot read (or learn about) bob's notification
      const foreign = await alice.post(`/api/notifications/${bobsId}/read`);
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.error.code, 'NOT_FOUND');
      assert.equal((await bob.get('/api/notifications/unread-count')).body.count, 1);

      const read = await alice.post(`/api/notifications/${list.body.items[0].id}/read`);
      assert.equal(read.status, 200);
      assert.ok(read.body.readAt);
      assert.deepEqual(read.body.actions, []);
      assert.equal((await alice.get('/api/notifications/unread-count')).body.count, 1);
      const unread = await alice.get('/api/notifications?unread=true');
      assert.deepEqual(unread.body.items.map((i: any) => i.title), ['会议通知：十四届四次会议']);

      const all = await alice.post('/api/notifications/read-all');
      assert.equal(all.body.count, 1);
      assert.equal((await alice.get('/api/notifications/unread-count')).body.count, 0);
      assert.equal((await bob.get('/api/notifications/unread-count')).body.count, 1, "read-all touches only the caller's own");
    });

    test('paging and bad paging input', async () => {
      const carol = await w.login('carol');
      for (let i = 0; i < 5; i++) await notify([w.users.carol.id], `通知${i}`);
      const p2 = await carol.get('/api/notifications?page=2&pageSize=2');
      assert.equal(p2.body.total, 5);
      assert.deepEqual(p2.body.items.map((i: any) => i.title), ['通知2', '通知1']);
      const bad = await carol.get('/api/notifications?pageSize=abc');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /每页条数/);
    });

    test('without signing in the inbox answers 401', async () => {
      const anon = anonymous(w.zx.app);
      assert.equal((await anon.get('/api/notifications')).status, 401);
      assert.equal((await anon.get('/api/notifications/unread-count')).status, 401);
      assert.equal((await anon.get('/api/events/stream')).status, 401);
    });

    test('a transition that opens a work item notifies the role holders of the unit, not the actor', async () => {
      const actor = await loadActor(w.zx.ctx.db, w.users.alice.id);
      const item = await w.zx.ctx.workflows.create(demoSpec, {
        id: newId(), tenant_id: w.orgs.city, title: '关于推进城镇老旧小区整治改造的建议', owner_id: w.users.alice.id, unit_id: w.orgs.unit,
      } as Omit<DemoItem, 'state' | 'version' | 'created_at' | 'updated_at'>, actor);
      await w.zx.ctx.events.drain();
      const clerk = await w.login('clerk');
      const before = (await clerk.get('/api/notifications')).body.total;
      await w.zx.ctx.workflows.fire(demoSpec, { id: item.id, action: 'send', expectedVersion: 1, actor });
      await w.zx.ctx.events.drain();
      const list = await clerk.get('/api/notifications');
      assert.equal(list.body.total, before + 1);
      const n = list.body.items[0];
      assert.equal(n.kind, 'task');
      assert.equal(n.title, '新待办：待签收');
      assert.match(n.body, /老旧小区/);
      assert.equal(n.link, `/demos/${item.id}`);
      const aliceTasks = await w.zx.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', w.users.alice.id).where('kind', '=', 'task').execute();
      assert.equal(aliceTasks.length, 0, 'the actor (whose own draft task it was) is not notified');
    });

    test('every channel delivery is logged, failures included, and never undoes the inbox entry', async () => {
      const svc = w.zx.ctx.notifier as NotificationService;
      const sent: string[] = [];
      svc.registerChannel({ name: 'sms-test', canReach: (to) => to.userId !== w.users.bob.id, async send(to) { sent.push(to.userId); } });
      svc.registerChannel({ name: 'broken', async send() { throw new Error('网关不可用'); } });
      await notify([w.users.alice.id, w.users.bob.id], '渠道测试', { channels: ['sms-test', 'broken'] });
      await w.zx.ctx.events.drain();
      assert.deepEqual(sent, [w.users.alice.id]);
      const rows = await w.zx.ctx.db.selectFrom('notification_deliveries')
        .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
        .select(['notification_deliveries.channel', 'notification_deliveries.status', 'notification_deliveries.error', 'notifications.user_id'])
        .where('notifications.title', '=', '渠道测试').execute();
      const summary = rows.map((r: any) => `${r.channel}:${r.user_id === w.users.alice.id ? 'alice' : 'bob'}:${r.status}`).sort();
      assert.deepEqual(summary, ['broken:alice:failed', 'broken:bob:failed', 'sms-test:alice:sent']);
      assert.ok(rows.every((r: any) => r.status === 'sent' || /网关不可用/.test(r.error)));
      const bob = await w.login('bob');
      assert.ok((await bob.get('/api/notifications')).body.items.some((i: any) => i.title === '渠道测试'));
    });
  });
}
