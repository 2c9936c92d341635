// 分办 and 会办 through the API on SQLite and PostgreSQL: each split unit signs and replies on its own, co-handlers send opinions to the lead.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { unitLeaderOf } from './unit-leader.ts';
import { fire, ok, fireUnit } from './transitions.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';

for (const d of await dialects()) {
  describe(`proposal split and joint handling (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client, unit2: Client, unitLead: Client, unit2Lead: Client;
    let zhujianId: string, jiaoyuId: string;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unit2, unitLead] = await Promise.all(['member', 'proposal', 'unit', 'unit2', 'unitlead'].map((u) => s.login(u)));
      unit2Lead = await unitLeaderOf(s, '市教育局', 'jiaoyulead');
      const orgs = await s.zx.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', ['市住建局', '市教育局']).execute();
      zhujianId = orgs.find((o: any) => o.name === '市住建局')!.id;
      jiaoyuId = orgs.find((o: any) => o.name === '市教育局')!.id;
    });
    after(async () => { await s?.close(); });


    async function filed(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const p = await ok(member, created.body.id, 'submit', created.body.version);
      return ok(staff, p.id, 'file', p.version);
    }
    const openTasks = (entityId: string) => s.zx.ctx.db.selectFrom('tasks').select(['label', 'assignee_org_id', 'due_date'])
      .where('entity_id', '=', entityId).where('status', '=', 'open').execute();

    test('交办 opens each 分办 part with its audit record and an outbox event that tells the unit; 重新交办 cancels it the same way', async () => {
      let p = await filed('关于完善校园周边交通安全设施的建议');
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'split', leadUnitId: zhujianId, coUnitIds: [jiaoyuId] });
      const a = p.assignments[0];
      await s.zx.ctx.events.drain();
      const audits = await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 20, entityId: a.id });
      assert.deepEqual(audits.rows.map((r) => r.action), ['proposal_assignment.create']);
      assert.equal(JSON.parse(audits.rows[0].data!).unitId, jiaoyuId);
      const events = await s.zx.ctx.outbox.eventsOf(a.id);
      assert.deepEqual(events.map((e) => [e.type, e.payload.action]), [['proposal_assignment.transitioned', 'create']]);
      assert.ok(events[0].delivered, 'delivered after commit');
      const told = await s.zx.ctx.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
        .select(['users.username', 'notifications.title']).where('notifications.link', '=', `/proposals/${p.id}`).where('notifications.title', '=', '新待办：分办待签收').execute();
      assert.ok(told.some((n: any) => n.username === 'unit2' && n.title === '新待办：分办待签收'), JSON.stringify(told));
      assert.deepEqual((await listHistory(s.zx.ctx.db, 'proposal_assignment', a.id)).map((h) => [h.from_state, h.to_state, h.action]), [[null, 'assigned', 'create']]);

      // the lead objects; 重新交办 to the lead alone: the part is cancelled, its work item closed, with its history, audit record and event
      p = await ok(unit, p.id, 'object', p.version, { reason: '需由教育部门主办' });
      p = await ok(staff, p.id, 'reassign', p.version, { mode: 'single', leadUnitId: zhujianId });
      await s.zx.ctx.events.drain();
      assert.equal((await openTasks(a.id)).length, 0);
      assert.deepEqual((await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 20, entityId: a.id })).rows.map((r) => r.action), ['proposal_assignment.cancel', 'proposal_assignment.create']);
      assert.deepEqual((await listHistory(s.zx.ctx.db, 'proposal_assignment', a.id)).map((h) => [h.to_state, h.action]), [['assigned', 'create'], ['cancelled', 'cancel']]);
      const cancelled = await s.zx.ctx.db.selectFrom('proposal_assignments').select(['state', 'version']).where('id', '=', a.id).executeTakeFirstOrThrow();
      assert.deepEqual([cancelled.state, Number(cancelled.version)], ['cancelled', 2]);
    });

    test('分办: each unit signs and replies on its own, and the lead replies only after every split unit has', async () => {
      let p = await filed('关于统筹推进校园周边老旧住宅改造的建议');
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'split', leadUnitId: zhujianId, coUnitIds: [jiaoyuId] });
      assert.equal(p.assignments.length, 1);
      const a = p.assignments[0];
      assert.deepEqual([a.unitName, a.role, a.state], ['市教育局', 'split', 'assigned']);
      assert.deepEqual(await openTasks(a.id).then((t) => t.map((x: any) => [x.label, x.assignee_org_id])), [['分办待签收', jiaoyuId]]);
      const wl = await unit2.get('/api/worklist?pageSize=100');
      assert.ok(wl.body.items.some((i: any) => i.entityId === a.id && i.link === `/proposals/${p.id}`), 'the split unit finds it in its worklist, linked to the proposal');
      const back = await unit2.get(`/api/proposals/assignments/${a.id}`);
      assert.equal(back.status, 200);
      assert.equal(back.body.proposalId, p.id);

      const seen2 = (await unit2.get(`/api/proposals/${p.id}`)).body;
      assert.deepEqual(seen2.actions, [], 'a split unit does not act on the lead\'s part');
      assert.deepEqual(seen2.assignments[0].actions.map((x: any) => x.name), ['sign']);
      assert.deepEqual((await unit.get(`/api/proposals/${p.id}`)).body.assignments[0].actions, [], 'the lead does not sign for the split unit');
      assert.equal((await fireUnit(unit, p.id, a.id, 'sign', a.version)).status, 403);

      p = await ok(unit, p.id, 'sign', p.version);
      const early = await fire(unit, p.id, 'reply', p.version, { replyClass: 'A', replyText: '已改造。' });
      assert.equal(early.status, 403);
      assert.match(early.body.error.message, /还有 1 个分办单位未答复/);

      let r = await fireUnit(unit2, p.id, a.id, 'sign', a.version);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      let mine = r.body.assignments[0];
      assert.equal(mine.state, 'in_progress');
      assert.ok(mine.dueDate && mine.signedAt);
      const stale = await fireUnit(unit2, p.id, a.id, 'reply', a.version, { replyClass: 'A', replyText: '旧版本' });
      assert.equal(stale.status, 409);
      const noText = await fireUnit(unit2, p.id, a.id, 'reply', mine.version, { replyClass: 'A' });
      assert.equal(noText.status, 400);
      assert.equal(noText.body.error.field, 'input.replyText', 'the action\'s own input schema requires it');
      assert.match(noText.body.error.message, /答复内容/);
      const badClass = await fireUnit(unit2, p.id, a.id, 'reply', mine.version, { replyClass: 'Z', replyText: '答复' });
      assert.equal(badClass.status, 400);
      assert.equal(badClass.body.error.field, 'input.replyClass');
      r = await fireUnit(unit2, p.id, a.id, 'reply', mine.version, { replyClass: 'B', replyText: '校园周边道路改造已列入明年计划。' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      mine = r.body.assignments[0];
      // the split unit's own leader signs its reply off (分办单位领导签发) before it leaves the unit
      assert.equal(mine.state, 'reply_signoff');
      assert.deepEqual(await openTasks(a.id).then((t) => t.map((x: any) => [x.label, x.assignee_org_id])), [['分办待签发', jiaoyuId]]);
      r = await fireUnit(unit2Lead, p.id, a.id, 'sign_off', mine.version);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      mine = r.body.assignments[0];
      assert.equal(mine.state, 'replied');
      assert.equal(mine.signerName, '市教育局分管领导');
      assert.equal((await openTasks(a.id)).length, 0);
      // the reply left the unit in one unit of work: the part's transition and the proposal's 「分办单位已答复」 event, from the outbox
      const replied = await s.zx.ctx.outbox.eventsOf(p.id, { type: 'proposal.unit_replied' });
      assert.deepEqual(replied.map((e) => [e.payload.unitId, e.payload.assignmentId, e.delivered]), [[jiaoyuId, a.id, true]]);
      const partEvents = await s.zx.ctx.outbox.eventsOf(a.id);
      assert.deepEqual(partEvents.map((e) => e.payload.action), ['create', 'sign', 'reply', 'sign_off']);
      assert.deepEqual((await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 20, entityId: a.id })).rows.map((x) => x.action)[0], 'proposal_assignment.sign_off');
      // the proposer sees the split unit's reply only once the proposal's reply is released
      assert.equal((await member.get(`/api/proposals/${p.id}`)).body.assignments[0].replyText, null);

      p = (await unit.get(`/api/proposals/${p.id}`)).body;
      assert.deepEqual(p.actions.map((x: any) => x.name).sort(), ['reply', 'request_extension']);
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'A', replyText: '小区改造已完成。' });
      p = await ok(unitLead, p.id, 'sign_off', p.version);
      p = await ok(staff, p.id, 'release', p.version);
      const shown = (await member.get(`/api/proposals/${p.id}`)).body;
      assert.equal(shown.assignments[0].replyText, '校园周边道路改造已列入明年计划。');
      assert.equal(shown.assignments[0].replyClass, 'B');
      const history = await s.zx.ctx.db.selectFrom('workflow_history').select('action').where('entity_id', '=', a.id).orderBy('at').execute();
      assert.deepEqual(history.map((h: any) => h.action), ['create', 'sign', 'reply', 'sign_off']);
    });

    test('会办: the co-handler sends its opinion to the lead by a due date, the proposer never sees it, and only the lead replies', async () => {
      let p = await filed('关于加强中小学校舍安全排查的建议');
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'joint', leadUnitId: jiaoyuId, coUnitIds: [zhujianId] });
      const a = p.assignments[0];
      assert.deepEqual([a.role, a.state], ['co', 'opinion_pending']);
      const [task] = await openTasks(a.id);
      assert.equal(task.label, '会办意见');
      assert.ok(task.due_date);
      const co = (await unit.get(`/api/proposals/${p.id}`)).body;
      assert.deepEqual(co.actions, [], 'a co-handler never replies to the proposer');
      assert.deepEqual(co.assignments[0].actions.map((x: any) => x.name), ['submit_opinion']);
      assert.equal((await fireUnit(unit, p.id, a.id, 'reply', a.version, { replyClass: 'A', replyText: '答复' })).status, 409);
      const empty = await fireUnit(unit, p.id, a.id, 'submit_opinion', a.version, { opinion: '  ' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.field, 'input.opinion');
      assert.match(empty.body.error.message, /会办意见/);
      const sent = await fireUnit(unit, p.id, a.id, 'submit_opinion', a.version, { opinion: '建议将校舍抗震加固纳入城市更新项目统筹实施。' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.assignments[0].state, 'opinion_submitted');
      const lead = (await unit2.get(`/api/proposals/${p.id}`)).body;
      assert.equal(lead.assignments[0].opinion, '建议将校舍抗震加固纳入城市更新项目统筹实施。', 'the lead reads the opinion');
      p = await ok(unit2, p.id, 'sign', lead.version);
      p = await ok(unit2, p.id, 'reply', p.version, { replyClass: 'A', replyText: '会同住建部门完成排查。' });
      // the co-handler's leader cannot sign the lead unit's reply; the lead unit's own leader does
      assert.equal((await fire(unitLead, p.id, 'sign_off', p.version)).status, 403);
      p = await ok(unit2Lead, p.id, 'sign_off', p.version);
      p = await ok(staff, p.id, 'release', p.version);
      assert.equal((await member.get(`/api/proposals/${p.id}`)).body.assignments[0].opinion, null);
    });

    test('重新交办 cancels the earlier units\' parts with their work items', async () => {
      let p = await filed('关于优化城区学校周边停车管理的建议');
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'split', leadUnitId: jiaoyuId, coUnitIds: [zhujianId] });
      const old = p.assignments[0].id;
      p = await ok(unit2, p.id, 'object', p.version, { reason: '主要由公安交管部门负责' });
      p = await ok(staff, p.id, 'reassign', p.version, { mode: 'single', leadUnitId: zhujianId });
      assert.deepEqual(p.assignments, []);
      assert.equal((await openTasks(old)).length, 0);
      const row = await s.zx.ctx.db.selectFrom('proposal_assignments').select('state').where('id', '=', old).executeTakeFirstOrThrow();
      assert.equal(row.state, 'cancelled');
      p = await ok(unit, p.id, 'sign', p.version);
      assert.ok(p.actions.some((x: any) => x.name === 'reply'), 'a single unit replies at once');
    });

    test('面商: the handling units record consultations with the proposer, who reads them on the proposal', async () => {
      let p = await filed('关于完善城区学校午餐配送服务的建议');
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'joint', leadUnitId: zhujianId, coUnitIds: [jiaoyuId] });
      p = await ok(unit, p.id, 'sign', p.version);
      assert.equal((await unit.get(`/api/proposals/${p.id}`)).body.abilities.recordConsultation, true);
      assert.equal((await member.get(`/api/proposals/${p.id}`)).body.abilities.recordConsultation, false);
      const today = clock.today();
      const url = `/api/proposals/${p.id}/consultations`;
      const badMethod = await unit.post(url, { method: 'wechat', date: today, people: '张委员', notes: '当面听取意见' });
      assert.equal(badMethod.status, 400);
      assert.match(badMethod.body.error.message, /「沟通方式」/);
      const future = await unit.post(url, { method: 'phone', date: '2099-01-01', people: '张委员', notes: '电话沟通' });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'date');
      const noNotes = await unit.post(url, { method: 'phone', date: today, people: '张委员' });
      assert.equal(noNotes.status, 400);
      assert.equal(noNotes.body.error.field, 'notes');
      // a page showing an older version of the proposal is refused, and nothing is written
      const stale = await unit.post(url, { method: 'phone', date: today, people: '张委员', notes: '旧页面', version: p.version - 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.deepEqual((await unit.get(`/api/proposals/${p.id}`)).body.consultations, []);
      const r = await unit.post(url, { method: 'face_to_face', date: today, people: '提案人、住建局城建科科长', notes: '介绍了办理思路，提案人建议先行试点。', version: p.version });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.version, p.version + 1, 'the proposal\'s version moved');
      // the page that sent it, now stale, cannot send it twice
      assert.equal((await unit.post(url, { method: 'face_to_face', date: today, people: '提案人', notes: '重复提交', version: p.version })).status, 409);
      const consulted = await s.zx.ctx.outbox.eventsOf(p.id, { type: 'proposal.consulted' });
      assert.deepEqual(consulted.map((e) => [e.payload.method, e.payload.unitId, e.delivered]), [['face_to_face', zhujianId, true]]);
      const step = (await listHistory(s.zx.ctx.db, 'proposal', p.id)).filter((h) => h.action === 'consultation');
      assert.deepEqual(step.map((h) => [h.from_state, h.to_state, h.note]), [['in_progress', 'in_progress', '市住建局：提案人、住建局城建科科长']]);
      const byCo = await unit2.post(url, { method: 'forum', date: today, people: '提案人、教育局', notes: '座谈会听取意见' });
      assert.equal(byCo.status, 201, 'a co-handling unit also talks with the proposer');
      assert.equal((await member.post(url, { method: 'phone', date: today, people: '我', notes: '自己记录' })).status, 403);
      const seen = (await member.get(`/api/proposals/${p.id}`)).body.consultations;
      assert.deepEqual(seen.map((c: any) => [c.unitName, c.methodLabel]).sort(), [['市住建局', '面谈'], ['市教育局', '座谈会']]);
      const audits = (await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 100, entityId: p.id, action: 'proposal.consultation' })).rows;
      assert.deepEqual(audits.map((a) => JSON.parse(a.data!).method).sort(), ['face_to_face', 'forum']);
      assert.equal((await s.zx.ctx.outbox.eventsOf(p.id, { type: 'proposal.consulted' })).length, 2);
    });
  });
}
