// Work items a command opens beside a proposal's own (转办征询 for the proposer, 待评价 for each proposer) tell the
// person they are for, once, however often the event is delivered.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { fire } from './transitions.ts';
import { makeProposal } from './factories.ts';

for (const d of await dialects()) {
  describe(`side tasks tell their people (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client;
    let memberId: string, tenantId: string;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff] = await Promise.all(['member', 'proposal'].map((u) => s.login(u)));
      const me = await s.zx.ctx.db.selectFrom('users').select(['id', 'tenant_id']).where('username', '=', 'member').executeTakeFirstOrThrow();
      memberId = String(me.id);
      tenantId = String(me.tenant_id);
    });
    after(async () => { await s?.close(); });

    const inbox = (title: string) => s.zx.ctx.db.selectFrom('notifications').select(['title', 'body', 'link', 'user_id'])
      .where('user_id', '=', memberId).where('title', '=', title).execute();

    test('declined with an offer to turn it into 社情民意: the proposer is told of the 转办征询 work item, once', async () => {
      const created = await member.post('/api/proposals', { title: '关于规范小区电动车充电管理的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const sub = await fire(member, created.body.id, 'submit', created.body.version);
      const before = (await inbox('新待办：转办征询（转社情民意）')).length;
      const r = await fire(staff, created.body.id, 'not_file', sub.body.version, { reasonCode: 'personal', convertTo: 'opinion' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      await s.zx.ctx.events.drain();
      const told = await inbox('新待办：转办征询（转社情民意）');
      assert.equal(told.length, before + 1, 'the proposer has a notice for the consent item');
      const mine = told.find((n) => n.link === `/proposals/${created.body.id}`);
      assert.ok(mine, JSON.stringify(told));
      assert.match(String(mine.body), /规范小区电动车充电管理/);

      // the event delivered again (at least once): nobody is told twice
      assert.equal(await s.zx.ctx.outbox.redeliver({ entityId: created.body.id, type: 'task.opened' }), 1);
      await s.zx.ctx.events.drain();
      assert.equal((await inbox('新待办：转办征询（转社情民意）')).length, before + 1);
    });

    test('a released reply opens one 待评价 item per proposer and tells each of them once', async () => {
      // a proposal whose reply waits for the office's check (督办审核)
      const made = await makeProposal(s, 'reply_check');
      const row = await s.zx.ctx.db.selectFrom('proposals').select(['id', 'version', 'proposer_user_id']).where('id', '=', made.id)
        .where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      const r = await fire(staff, row.id, 'release', Number(row.version));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      await s.zx.ctx.events.drain();
      const tasks = await s.zx.ctx.db.selectFrom('tasks').select('assignee_user_id').where('entity_type', '=', 'proposal-evaluation')
        .where('entity_id', '=', row.id).where('status', '=', 'open').execute();
      assert.ok(tasks.some((t) => t.assignee_user_id === row.proposer_user_id));
      const notices = await s.zx.ctx.db.selectFrom('notifications').select(['user_id']).where('title', '=', '新待办：待评价')
        .where('link', '=', `/proposals/${row.id}`).execute();
      assert.deepEqual(notices.map((n) => n.user_id).sort(), tasks.map((t) => t.assignee_user_id).sort(), 'each proposer told once');
    });
  });
}
