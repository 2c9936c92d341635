// 重点提案 (office proposes, chair's meeting decides, leaders supervise), 优秀提案 and 跨年度跟踪 through the API on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { ok } from './transitions.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`key proposals, excellent proposals and follow-up (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client, leader: Client, unitLead: Client;
    let zhujianId: string, leaderId: string;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, leader, unitLead] = await Promise.all(['member', 'proposal', 'unit', 'leader', 'unitlead'].map((u) => s.login(u)));
      const db = s.zx.ctx.db;
      zhujianId = (await db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
      leaderId = (await db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
    });
    after(async () => { await s?.close(); });

    async function signed(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      return ok(unit, p.id, 'sign', p.version);
    }
    async function closed(title: string, replyClass: string) {
      let p = await signed(title);
      p = await ok(unit, p.id, 'reply', p.version, { replyClass, replyText: '已研究办理。' });
      p = await ok(unitLead, p.id, 'sign_off', p.version);
      p = await ok(staff, p.id, 'release', p.version);
      return ok(member, p.id, 'evaluate', p.version, { satisfaction: 'satisfied' });
    }

    test('the office proposes a key proposal, a leader decides with supervising leaders and a plan, and they record progress', async () => {
      const p = await signed('关于系统推进城区排水防涝能力建设的建议');
      const url = (x: string) => `/api/proposals/${p.id}/${x}`;
      assert.equal(p.key.status, null);
      assert.equal((await member.post(url('key/nominate'), { reason: '关系民生' })).status, 403);
      const nominated = await staff.post(url('key/nominate'), { reason: '事关城市安全，群众关注度高' });
      assert.equal(nominated.status, 200, JSON.stringify(nominated.body));
      assert.equal(nominated.body.key.status, 'candidate');
      assert.equal(nominated.body.isKey, false, 'a candidate is not yet a key proposal');
      assert.equal((await staff.post(url('key/decide'), { decision: 'approve', leaderUserIds: [leaderId], plan: '方案' })).status, 403, 'the office does not decide');
      const seen = (await leader.get(`/api/proposals/${p.id}`)).body;
      assert.equal(seen.key.abilities.decide, true);
      const noLeaders = await leader.post(url('key/decide'), { decision: 'approve', plan: '每季度召开一次督办会' });
      assert.equal(noLeaders.status, 400);
      assert.equal(noLeaders.body.error.field, 'leaderUserIds');
      const notALeader = await leader.post(url('key/decide'), { decision: 'approve', leaderUserIds: [p.proposerUserId], plan: '方案' });
      assert.equal(notALeader.status, 400);
      const decided = await leader.post(url('key/decide'), { decision: 'approve', leaderUserIds: [leaderId], plan: '每季度召开一次督办会，汛前开展视察' });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.isKey, true);
      assert.equal(decided.body.key.status, 'key');
      assert.deepEqual(decided.body.key.leaders.map((l: any) => l.userId), [leaderId]);
      assert.equal(decided.body.key.plan, '每季度召开一次督办会，汛前开展视察');
      const keyList = await staff.get(`/api/proposals?isKey=true&year=${p.year}&pageSize=200`);
      assert.ok(keyList.body.items.some((i: any) => i.id === p.id), 'the key list shows it at once');

      const note = await leader.post(url('supervision-notes'), { kind: 'meeting', date: clock.today(), content: '召开督办会，听取住建局办理情况汇报' });
      assert.equal(note.status, 200, JSON.stringify(note.body));
      const byUnit = await unit.post(url('supervision-notes'), { kind: 'progress', date: '2026-01-05', content: '完成排水管网普查' });
      assert.equal(byUnit.status, 200, 'the lead unit reports progress');
      assert.equal((await member.post(url('supervision-notes'), { kind: 'progress', date: '2026-01-05', content: '我来记录' })).status, 403);
      const bad = await leader.post(url('supervision-notes'), { kind: 'lunch', date: '2026-01-05', content: 'x' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /「督办方式」/);
      const after = (await member.get(`/api/proposals/${p.id}`)).body.key;
      assert.deepEqual(after.notes.map((n: any) => n.kindLabel).sort(), ['办理进展', '督办会']);
    });

    test('a candidate the chair\'s meeting declines stays an ordinary proposal', async () => {
      const p = await signed('关于规范城区共享电动车管理的建议');
      await staff.post(`/api/proposals/${p.id}/key/nominate`, { reason: '群众反映集中' });
      const r = await leader.post(`/api/proposals/${p.id}/key/decide`, { decision: 'decline' });
      assert.equal(r.status, 200);
      assert.equal(r.body.key.status, 'declined');
      assert.equal(r.body.isKey, false);
    });

    test('excellent proposals are chosen among answered ones, with a reason', async () => {
      const open = await signed('关于完善城区无障碍设施的建议');
      assert.equal((await staff.post(`/api/proposals/${open.id}/excellent`, { excellent: true, reason: '质量高' })).status, 403);
      const done = await closed('关于推进城区垃圾分类的建议', 'A');
      const noReason = await staff.post(`/api/proposals/${done.id}/excellent`, { excellent: true });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'reason');
      const r = await staff.post(`/api/proposals/${done.id}/excellent`, { excellent: true, reason: '调研深入，建议可行，已落实' });
      assert.equal(r.status, 200);
      assert.equal(r.body.isExcellent, true);
      assert.equal(r.body.key.excellentReason, '调研深入，建议可行，已落实');
      assert.equal((await unit.post(`/api/proposals/${done.id}/excellent`, { excellent: false })).status, 403);
    });

    test('a B-class answer is followed up into a later year (二次交办) by the same unit; others are not', async () => {
      let p = await closed('关于加快城区停车场建设的建议', 'B');
      const actions = (await staff.get(`/api/proposals/${p.id}`)).body.actions.map((a: any) => a.name);
      assert.deepEqual(actions, ['follow_up']);
      const noReason = await staff.post(`/api/proposals/${p.id}/transitions`, { action: 'follow_up', version: p.version, input: {} });
      assert.equal(noReason.status, 400);
      p = await ok(staff, p.id, 'follow_up', p.version, { reason: '列入计划的停车场项目需跟踪至建成' });
      assert.equal(p.state, 'assigned');
      assert.equal(p.leadUnitId, zhujianId);
      assert.equal(p.key.followUpCount, 1);
      assert.equal(p.key.followUpYear, Number(s.zx.ctx.calendar.today().slice(0, 4)));
      const task = await s.zx.ctx.db.selectFrom('tasks').select(['label', 'assignee_org_id']).where('entity_id', '=', p.id).where('status', '=', 'open').executeTakeFirstOrThrow();
      assert.deepEqual([task.label, task.assignee_org_id], ['待签收', zhujianId]);
      const a = await closed('关于优化城区公交线路的建议', 'A');
      const refused = await staff.post(`/api/proposals/${a.id}/transitions`, { action: 'follow_up', version: a.version, input: { reason: '跟踪' } });
      assert.equal(refused.status, 403);
      assert.match(refused.body.error.message, /答复类别为 B/);
    });
  });
}
