// 急报: an urgent 社情民意 report is due with the editors in one working day every time it comes in, including after it
// was returned and resubmitted (the rule lives in the lifecycle, so the runner and the commands that open work items
// themselves agree).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';
import { latestOpenTask, listHistory } from '../../../kernel/server/work-items.ts';

for (const d of await dialects()) {
  describe(`urgent report deadlines (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, editor: Client;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, editor] = await Promise.all(['member', 'editor'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) =>
      c.post(`/api/opinions/${id}/transitions`, { action, version, input });
    const openTask = (id: string) => s.zx.ctx.db.selectFrom('tasks').select(['state', 'due_date', 'assignee_role'])
      .where('entity_type', '=', 'opinion').where('entity_id', '=', id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const body = '近期群众反映，城区部分路段早晚高峰拥堵严重，学校周边接送车辆占道停放，影响通行安全。建议优化信号配时、设置临时停车区。';

    test('an urgent report is due in one working day when submitted, and again after it is returned and resubmitted', async () => {
      const cal = s.zx.ctx.calendar;
      const created = await member.post('/api/opinions', { title: '关于学校周边交通拥堵的紧急反映', body, urgent: true });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      assert.equal((await openTask(id)).due_date, cal.addWorkingDays(cal.today(), 1));

      const returned = await fire(editor, id, 'return', created.body.version, { reason: '请补充具体路段' });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.equal((await openTask(id)).due_date, cal.addWorkingDays(cal.today(), 10), 'the member has the usual ten working days to revise');

      const again = await fire(member, id, 'resubmit', returned.body.version);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      const task = await openTask(id);
      assert.equal(task.state, 'submitted');
      assert.equal(task.due_date, cal.addWorkingDays(cal.today(), 1), 'resubmitted, it is still a 急报');

      const accepted = await fire(editor, id, 'accept', again.body.version);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal((await openTask(id)).due_date, cal.addWorkingDays(cal.today(), 1), 'its 核稿 is urgent too');
    });

    test('an urgent county report returned, resubmitted and sent up: the copy above is due with the city editors in one working day', async () => {
      const cal = s.zx.ctx.calendar;
      const [county, countyEditor] = await Promise.all(['county', 'countyeditor'].map((u) => s.login(u)));
      const created = await county.post('/api/opinions', { title: '关于农贸市场消防隐患的紧急反映', body, urgent: true });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const returned = await fire(countyEditor, id, 'return', created.body.version, { reason: '请补充具体位置' });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      const again = await fire(county, id, 'resubmit', returned.body.version);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      const accepted = await fire(countyEditor, id, 'accept', again.body.version);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const sent = await countyEditor.post(`/api/opinions/${id}/send-up`, { version: accepted.body.version });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const copyId = sent.body.upCopyId;
      assert.ok(copyId, 'the city works in this deployment: a copy lands in its queue');
      const task = await latestOpenTask(s.zx.ctx.db, 'opinion', copyId);
      assert.ok(task, 'the copy has its work item');
      assert.deepEqual([task.state, task.assignee_role, task.title], ['submitted', 'info_editor', '【急】关于农贸市场消防隐患的紧急反映']);
      assert.equal(task.due_date, cal.addWorkingDays(cal.today(), 1), 'still a 急报 above');
      // received through the unit of work: its history entry and the event that tells the city's editors
      const steps = await listHistory(s.zx.ctx.db, 'opinion', copyId);
      assert.deepEqual(steps.map((h) => [h.from_state, h.to_state, h.action]), [[null, 'submitted', 'received']]);
      await s.zx.ctx.events.drain();
      const events = await s.zx.ctx.outbox.eventsOf(copyId);
      assert.deepEqual(events.map((e) => [e.type, e.payload.action, e.delivered]), [['opinion.transitioned', 'received', true]]);
      const [orig, copy] = await Promise.all([id, copyId].map((x) => s.zx.ctx.db.selectFrom('opinion_reports').select('tenant_id').where('id', '=', x).executeTakeFirstOrThrow()));
      assert.equal(events[0].tenantId, copy.tenant_id, 'in the CPPCC above');
      assert.notEqual(copy.tenant_id, orig.tenant_id);
      // the original's send-up is in its history, with its audit record
      assert.deepEqual((await listHistory(s.zx.ctx.db, 'opinion', id)).map((h) => h.action).slice(-2), ['accept', 'send_up']);
      assert.equal((await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 5, entityId: id, actions: ['opinion.send_up'] })).total, 1);
    });

    test('an ordinary report keeps the usual three working days', async () => {
      const cal = s.zx.ctx.calendar;
      const created = await member.post('/api/opinions', { title: '关于背街小巷路灯维修的建议', body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await openTask(created.body.id)).due_date, cal.addWorkingDays(cal.today(), 3));
    });
  });
}
