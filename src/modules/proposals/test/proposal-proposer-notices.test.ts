// The proposer and the co-signers (联名) of a proposal are told of each step that changes what they see: 立案, 交办,
// 不予立案 (with the reason and the 转办 offer), 退回修改 (with the reason) and 并案, in the inbox and by a live push, once per
// step however often the event is delivered; the staff who take the step are not told of it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { openStream } from '../../../../test/support/sse-client.ts';
import { ok } from './transitions.ts';
import { proposerNotice } from '../server/proposer-notices.ts';

const kinds = await dialects();

describe('proposer notice text', () => {
  test('names what happened and the reason, and never nests brackets', () => {
    const declined = proposerNotice('not_file', { reasonLabel: '属于学术研究范畴', reason: '建议以论文形式发表。', offer: 'opinion' })!;
    assert.equal(declined.title, '提案不予立案');
    assert.equal(declined.what, '不予立案，理由：属于学术研究范畴；建议以论文形式发表。经审查可转社情民意办理，请在待办中答复是否同意。');
    const assigned = proposerNotice('assign', { leadUnit: '市住建局', otherUnits: ['市教育局'], mode: 'co' })!;
    assert.equal(assigned.what, '已交办，主办单位：市住建局，会办单位：市教育局。');
    for (const n of [declined, assigned, proposerNotice('return', { reason: '请补充数据（附表）' })!]) assert.doesNotMatch(n.what, /（[^）]*（/);
    assert.equal(proposerNotice('submit', {}), null, 'the proposer is not told of their own step');
  });
});

for (const d of kinds) {
  describe(`the proposer and co-signers hear of each step (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, cosigner: Client, staff: Client;
    let memberId: string, cosignerId: string, staffId: string;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      await s.zx.app.listen({ port: 0, host: '127.0.0.1' });
      [member, cosigner, staff] = await Promise.all(['member', 'm0001', 'proposal'].map((u) => s.as(u)));
      [memberId, cosignerId, staffId] = ['member', 'm0001', 'proposal'].map((u) => s.people.get(u)!.userId);
    });
    after(async () => { await s?.close(); });

    /** A joint proposal of `member` with `m0001`, confirmed and submitted: its detail. */
    async function submittedJoint(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议', type: 'joint', cosignerUserIds: [cosignerId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await cosigner.post(`/api/proposals/${created.body.id}/cosign`)).status, 200);
      const fresh = await member.get(`/api/proposals/${created.body.id}`);
      return ok(member, created.body.id, 'submit', fresh.body.version);
    }
    const told = async (userId: string, id: string) => (await s.zx.ctx.db.selectFrom('notifications').select(['title', 'body', 'link', 'kind'])
      .where('user_id', '=', userId).where('link', '=', `/proposals/${id}`).where('kind', '=', 'proposal').orderBy('created_at').execute());

    test('立案 and 交办: the proposer and the co-signer are told, by inbox and live push; the staff member is not', async () => {
      const p = await submittedJoint('关于推进城市一刻钟便民生活圈建设的建议');
      const stream = await openStream((s.zx.app.server.address() as AddressInfo).port, member.cookie);
      try {
        const filed = await ok(staff, p.id, 'file', p.version);
        const pushed = await stream.next((x) => x.event === 'notification' && x.data.title === '提案已立案' && x.data.link === `/proposals/${p.id}`, 10_000);
        assert.match(pushed.data.body, new RegExp(`^您的提案「关于推进城市一刻钟便民生活圈建设的建议」已立案，编号为${filed.number}。$`));
        await ok(staff, p.id, 'assign', filed.version, { mode: 'single', leadUnitId: s.ids.unitIds['市住建局'] });
        await s.zx.ctx.events.drain();
        const mine = await told(memberId, p.id);
        assert.deepEqual(mine.map((n) => n.title), ['提案已立案', '提案已交办']);
        assert.equal(mine[0].body, pushed.data.body, 'the pushed notice is the inbox row');
        assert.match(mine[1].body, /已交办，主办单位：市住建局。$/);
        const theirs = await told(cosignerId, p.id);
        assert.deepEqual(theirs.map((n) => n.title), ['提案已立案', '提案已交办']);
        assert.match(theirs[0].body, /^您联名的提案「/);
        assert.equal((await told(staffId, p.id)).length, 0, 'the person who took the step is not told of it');
        // the proposer reads it in the inbox
        const inbox = await member.get('/api/notifications?pageSize=100');
        assert.ok(inbox.body.items.some((i: any) => i.id === pushed.data.id && i.link === `/proposals/${p.id}`));
      } finally {
        stream.close();
      }
    });

    test('退回修改 names the reason; a second delivery of the event tells nobody twice', async () => {
      const p = await submittedJoint('关于加强社区养老服务设施建设的建议');
      await ok(staff, p.id, 'return', p.version, { reason: '请补充各街道养老设施的现状数据' });
      await s.zx.ctx.events.drain();
      for (const u of [memberId, cosignerId]) {
        const n = await told(u, p.id);
        assert.equal(n.length, 1);
        assert.equal(n[0].title, '提案被退回修改');
        assert.match(n[0].body, /被退回修改，理由：请补充各街道养老设施的现状数据。请修改后重新提交。$/);
      }
      // the step's event delivered again, as after an instance stopped before marking it
      assert.ok(await s.zx.ctx.outbox.redeliver({ entityId: p.id, type: 'proposal.transitioned' }) > 0);
      await s.zx.ctx.events.drain();
      assert.equal((await told(memberId, p.id)).length, 1, 'told once per step');
    });

    test('不予立案 names the reason from the tenant\'s list and the 转办 offer; the 转办征询 item is a notice of its own without nested brackets', async () => {
      const p = await submittedJoint('关于规范校园周边摊点经营的建议');
      await ok(staff, p.id, 'not_file', p.version, { reasonCode: 'personal', convertTo: 'opinion' });
      await s.zx.ctx.events.drain();
      const [n] = await told(memberId, p.id);
      assert.equal(n.title, '提案不予立案');
      assert.match(n.body, /^您的提案「关于规范校园周边摊点经营的建议」不予立案，理由：[^。]+。经审查可转社情民意办理，请在待办中答复是否同意。$/);
      assert.doesNotMatch(n.body, /理由：personal/, 'the reason is named by its label');
      assert.equal((await told(cosignerId, p.id)).length, 1);
      const consent = await s.zx.ctx.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', memberId)
        .where('link', '=', `/proposals/${p.id}`).where('kind', '=', 'task').execute();
      assert.equal(consent.length, 1, 'the proposer is told of the 转办征询 work item');
      assert.equal(consent[0].title, '新待办：转办征询（转社情民意）');
      assert.doesNotMatch(consent[0].body, /（[^）]*（/, 'label and title never nest brackets');
    });

    test('并案 names the proposal it was merged into', async () => {
      const target = await submittedJoint('关于优化城区公交线网的建议');
      const p = await submittedJoint('关于增开城区公交夜班线路的建议');
      await ok(staff, p.id, 'merge', p.version, { targetId: target.id });
      await s.zx.ctx.events.drain();
      const [n] = await told(memberId, p.id);
      assert.equal(n.title, '提案已并案');
      assert.equal(n.body, '您的提案「关于增开城区公交夜班线路的建议」已并入「关于优化城区公交线网的建议」办理，答复时分别答复。');
      assert.equal((await told(cosignerId, p.id)).length, 1);
    });
  });
}
