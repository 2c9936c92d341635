// Evaluation by every proposer (评价) and two-way evaluation (双向评议) through the API, on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { ok } from './transitions.ts';

for (const d of await dialects()) {
  describe(`proposal evaluation (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, cosigner: Client, staff: Client, unit: Client, unit2: Client, unitLead: Client;
    let cosignerId: string, zhujianId: string, leaderId: string;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, cosigner, staff, unit, unit2, unitLead] = await Promise.all(['member', 'm0001', 'proposal', 'unit', 'unit2', 'unitlead'].map((u) => s.login(u)));
      const db = s.zx.ctx.db;
      cosignerId = (await db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirstOrThrow()).id;
      leaderId = (await db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
      zhujianId = (await db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
    });
    after(async () => { await s?.close(); });

    const fire = async (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => {
      const r = await c.post(`/api/proposals/${id}/transitions`, { action, version, input });
      return r;
    };

    /** A joint proposal with one confirmed co-signer, driven to a released reply. */
    async function repliedJointProposal(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议', type: 'joint', cosignerUserIds: [cosignerId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const confirmed = await cosigner.post(`/api/proposals/${id}/cosign`);
      let p = await ok(member, id, 'submit', confirmed.body.version);
      p = await ok(staff, id, 'file', p.version);
      p = await ok(staff, id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      p = await ok(unit, id, 'sign', p.version);
      p = await ok(unit, id, 'reply', p.version, { replyClass: 'B', replyText: '已列入明年计划。' });
      p = await ok(unitLead, id, 'sign_off', p.version);
      p = await ok(staff, id, 'release', p.version);
      return p;
    }
    const openEvaluationTasks = (id: string) => s.zx.ctx.db.selectFrom('tasks').select(['assignee_user_id', 'label', 'due_date'])
      .where('entity_type', '=', 'proposal-evaluation').where('entity_id', '=', id).where('status', '=', 'open').execute();

    test('each proposer and co-signer rates the reply; the last rating closes it with the least satisfied rating', async () => {
      let p = await repliedJointProposal('关于加强老旧小区消防通道管理的建议');
      const id = p.id;
      assert.equal(p.state, 'replied');
      assert.equal(p.evaluation.round, 1);
      assert.equal(p.evaluation.pending.length, 2);
      // one 待评价 item each, due at the end of the evaluation window, reachable from the worklist
      const tasks = await openEvaluationTasks(id);
      assert.deepEqual(tasks.map((t: any) => t.assignee_user_id).sort(), [p.proposerUserId, cosignerId].sort());
      assert.ok(tasks.every((t: any) => t.label === '待评价' && t.due_date));
      const wl = await cosigner.get('/api/worklist?pageSize=100');
      assert.equal(wl.status, 200);
      assert.ok(wl.body.items.some((i: any) => i.link === `/proposals/${id}` && i.entityType === 'proposal-evaluation' && i.label === '待评价'), JSON.stringify(wl.body.items.slice(0, 3)));
      await s.zx.ctx.events.drain(); // the 待评价 notices are delivered from the outbox
      const told = await s.zx.ctx.db.selectFrom('notifications').select('title').where('user_id', '=', cosignerId).where('link', '=', `/proposals/${id}`).execute();
      assert.ok(told.some((n: any) => n.title.includes('待评价')), 'the co-signer is told the reply is out');

      const coView = (await cosigner.get(`/api/proposals/${id}`)).body;
      assert.deepEqual(coView.actions.map((a: any) => a.name), ['rate', 'request_rehandle']);
      const rated = await ok(cosigner, id, 'rate', coView.version, { satisfaction: 'basically_satisfied', comment: '答复基本回应了建议' });
      assert.equal(rated.state, 'replied', 'it waits for the other proposer');
      assert.deepEqual(rated.evaluation.pending.map((x: any) => x.userId), [p.proposerUserId]);
      assert.deepEqual(rated.actions, [], 'the co-signer has rated this reply');
      assert.equal((await fire(cosigner, id, 'rate', rated.version, { satisfaction: 'satisfied' })).status, 403, 'no second rating');
      assert.deepEqual((await openEvaluationTasks(id)).map((t: any) => t.assignee_user_id), [p.proposerUserId]);

      const mine = (await member.get(`/api/proposals/${id}`)).body;
      assert.deepEqual(mine.actions.map((a: any) => a.name), ['evaluate', 'request_rehandle']);
      // a stranger to the proposal (a unit) cannot rate it
      assert.equal((await fire(unit, id, 'evaluate', mine.version, { satisfaction: 'satisfied' })).status, 403);
      p = await ok(member, id, 'evaluate', mine.version, { satisfaction: 'satisfied', comment: '满意' });
      assert.equal(p.state, 'closed');
      assert.equal(p.satisfaction, 'basically_satisfied', 'the least satisfied rating counts');
      assert.deepEqual(p.evaluation.ratings.map((r: any) => [r.kind, r.satisfaction, r.round]).sort(),
        [['cosigner', 'basically_satisfied', 1], ['proposer', 'satisfied', 1]]);
      assert.equal((await openEvaluationTasks(id)).length, 0);
      assert.deepEqual(p.history.map((h: any) => h.action).slice(-2), ['rate', 'evaluate']);
    });

    test('a co-signer who is not satisfied sends it back for re-handling with the leaders\' attention; the next reply is rated again', async () => {
      let p = await repliedJointProposal('关于规范城区夜间施工噪声管理的建议');
      const id = p.id;
      const coView = (await cosigner.get(`/api/proposals/${id}`)).body;
      const noReason = await fire(cosigner, id, 'request_rehandle', coView.version, {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /不满意的理由/);
      p = await ok(cosigner, id, 'request_rehandle', coView.version, { reason: '施工噪声问题没有解决' });
      assert.equal(p.state, 'rehandle');
      assert.equal(p.satisfaction, 'unsatisfied');
      assert.equal(p.evaluation.leaderAttention, true);
      assert.equal((await openEvaluationTasks(id)).length, 0, 'the proposer\'s item closes too');
      await s.zx.ctx.events.drain(); // the leaders' notice is delivered from the outbox
      const told = await s.zx.ctx.db.selectFrom('notifications').select(['title']).where('user_id', '=', leaderId).where('link', '=', `/proposals/${id}`).execute();
      assert.equal(told.length, 1, 'the leader is told');
      assert.match(told[0].title, /不满意/);

      // the re-handled reply: this time the unit's leader drafts it and signs it in the same step
      p = await ok(unitLead, id, 'reply_sign', p.version, { replyClass: 'A', replyText: '已调整施工时间并加强巡查。' });
      assert.equal(p.state, 'reply_check');
      p = await ok(staff, id, 'release', p.version);
      assert.equal(p.evaluation.round, 2);
      assert.equal(p.satisfaction, null, 'a new reply waits for new ratings');
      assert.equal((await openEvaluationTasks(id)).length, 2);
      p = await ok(cosigner, id, 'rate', p.version, { satisfaction: 'satisfied' });
      p = await ok(member, id, 'evaluate', p.version, { satisfaction: 'satisfied' });
      assert.equal(p.state, 'closed');
      assert.equal(p.satisfaction, 'satisfied');
      assert.deepEqual(p.evaluation.ratings.map((r: any) => `${r.round}:${r.kind}:${r.satisfaction}`),
        ['2:cosigner:satisfied', '2:proposer:satisfied', '1:cosigner:unsatisfied'], 'every rating of every round is kept');
    });

    test('the office closes a proposal when the window has passed, with the ratings given so far', async () => {
      let p = await repliedJointProposal('关于完善城区公共自行车站点布局的建议');
      p = await ok(cosigner, p.id, 'rate', p.version, { satisfaction: 'basically_satisfied' });
      p = await ok(staff, p.id, 'close', p.version);
      assert.equal(p.state, 'closed');
      assert.equal(p.satisfaction, 'basically_satisfied');
      assert.equal((await openEvaluationTasks(p.id)).length, 0);
    });

    test('双向评议 is back to back: neither party sees the other\'s score until both are in; each scores once', async () => {
      const p = await repliedJointProposal('关于推进城区口袋公园建设的建议');
      const id = p.id;
      const early = await staff.post(`/api/proposals/${id}/mutual-scores`, { score: 80 });
      assert.equal(early.status, 403, 'the office organises but does not score');
      const bad = await unit.post(`/api/proposals/${id}/mutual-scores`, { score: 120 });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'score');
      assert.match(bad.body.error.message, /「评分」/);

      const byUnit = await unit.post(`/api/proposals/${id}/mutual-scores`, { score: 86, comment: '调研扎实' });
      assert.equal(byUnit.status, 200, JSON.stringify(byUnit.body));
      assert.equal(byUnit.body.mutual.quality.score, 86);
      assert.equal(byUnit.body.mutual.quality.grade, '良好');
      assert.equal(byUnit.body.mutual.canScore, false);
      const again = await unit.post(`/api/proposals/${id}/mutual-scores`, { score: 90 });
      assert.equal(again.status, 409);

      let m = (await member.get(`/api/proposals/${id}`)).body.mutual;
      assert.equal(m.mySide, 'handling');
      assert.equal(m.canScore, true);
      assert.equal(m.quality.submitted, true);
      assert.equal(m.quality.score, null, 'hidden from the proposer until they score');
      assert.equal(m.quality.comment, null);
      assert.equal((await cosigner.get(`/api/proposals/${id}`)).body.mutual.canScore, false, 'only the first proposer scores the handling');
      assert.equal((await cosigner.post(`/api/proposals/${id}/mutual-scores`, { score: 70 })).status, 403);
      assert.equal((await unit2.post(`/api/proposals/${id}/mutual-scores`, { score: 70 })).status, 403, 'another unit may read a public reply but not score it');

      const office = (await staff.get(`/api/proposals/${id}`)).body.mutual;
      assert.equal(office.quality.score, 86, 'the office sees each score');
      m = (await member.post(`/api/proposals/${id}/mutual-scores`, { score: 93, comment: '办理认真' })).body.mutual;
      assert.equal(m.handling.score, 93);
      assert.equal(m.handling.grade, '优秀');
      assert.equal(m.quality.score, 86, 'both are in: each sees the other');
      const u = (await unit.get(`/api/proposals/${id}`)).body.mutual;
      assert.equal(u.handling.score, 93);
    });

    test('a proposal without a released reply cannot be scored', async () => {
      const created = await member.post('/api/proposals', { title: '关于增设城区便民服务点的建议' });
      const r = await member.post(`/api/proposals/${created.body.id}/mutual-scores`, { score: 80 });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'INVALID_TRANSITION');
    });

    test('the demo data keep each proposer\'s rating of the 2025 proposals and give the member a 待评价 item', async () => {
      const db = s.zx.ctx.db;
      const ratings = await db.selectFrom('proposal_evaluations').innerJoin('proposals', 'proposals.id', 'proposal_evaluations.proposal_id')
        .select((eb) => eb.fn.countAll<number>().as('n')).where('proposals.year', '=', 2025).executeTakeFirstOrThrow();
      assert.ok(Number(ratings.n) >= 464, `${ratings.n}: every closed proposal of 2025 has at least the proposer rating`);
      const memberId = (await db.selectFrom('users').select('id').where('username', '=', 'member').executeTakeFirstOrThrow()).id;
      const items = await db.selectFrom('tasks').select('id').where('entity_type', '=', 'proposal-evaluation').where('assignee_user_id', '=', memberId).where('status', '=', 'open').execute();
      assert.ok(items.length >= 1);
    });
  });
}
