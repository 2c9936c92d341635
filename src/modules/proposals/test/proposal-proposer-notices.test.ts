// The proposer and the co-signers (联名) of a proposal are told of each step that changes what they see: 立案, 交办,
// 不予立案 (with the reason and the 转办 offer), 退回修改 (with the reason, in the proposer's one work-item notice) and
// 并案, and the proposer of each co-signer's answer, in the inbox and by a live push, once per step however often the
// event is delivered; the staff who take the step are not told of it.
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
      .where('user_id', '=', userId).where('link', '=', `/proposals/${id}`).where('kind', '=', 'proposal').orderBy('created_at').execute())
      // the co-signers' answers (联名确认) before submission are their own test's
      .filter((n) => !n.title.startsWith('联名委员'));
    /** the proposer's notices of the co-signers' answers */
    const answers = async (userId: string, id: string) => (await s.zx.ctx.db.selectFrom('notifications').select(['title', 'body'])
      .where('user_id', '=', userId).where('link', '=', `/proposals/${id}`).where('kind', '=', 'proposal').where('title', 'like', '联名委员%').orderBy('created_at').execute());
    /** every notice linking to the proposal, of any kind (a step's, a work item's) */
    const toldAny = async (userId: string, id: string) => (await s.zx.ctx.db.selectFrom('notifications').select(['title', 'body', 'link', 'kind'])
      .where('user_id', '=', userId).where('link', '=', `/proposals/${id}`).orderBy('created_at').execute())
      .filter((n) => !n.title.startsWith('联名委员') && !n.title.includes('待确认联名'));

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

    test('退回修改: the proposer gets one notice carrying the reason and the work (in-app, live push); the co-signer hears the reason; a second delivery tells nobody twice', async () => {
      const p = await submittedJoint('关于加强社区养老服务设施建设的建议');
      const stream = await openStream((s.zx.app.server.address() as AddressInfo).port, member.cookie);
      try {
        await ok(staff, p.id, 'return', p.version, { reason: '请补充各街道养老设施的现状数据' });
        const pushed = await stream.next((x) => x.event === 'notification' && x.data.link === `/proposals/${p.id}`, 10_000);
        await s.zx.ctx.events.drain();
        const due = (await member.get('/api/worklist?pageSize=100')).body.items.find((x: any) => x.entityId === p.id && x.label === '退回修改')?.dueDate;
        assert.ok(due, 'the proposer has the 退回修改 work item');
        const mine = await toldAny(memberId, p.id);
        assert.equal(mine.length, 1, `one notice, not the work item's and the step's: ${JSON.stringify(mine)}`);
        assert.equal(mine[0].title, '新待办：退回修改');
        assert.equal(mine[0].kind, 'task', 'it is the work item\'s notice');
        assert.equal(mine[0].body, `您的提案「关于加强社区养老服务设施建设的建议」被退回修改，理由：请补充各街道养老设施的现状数据。请于 ${due} 前修改后重新提交。`);
        assert.equal(pushed.data.body, mine[0].body, 'the live push is that notice');
        const theirs = await toldAny(cosignerId, p.id);
        assert.equal(theirs.length, 1);
        assert.equal(theirs[0].title, '提案被退回修改');
        assert.match(theirs[0].body, /^您联名的提案「关于加强社区养老服务设施建设的建议」被退回修改，理由：请补充各街道养老设施的现状数据。请修改后重新提交。$/);
      } finally {
        stream.close();
      }
      // the step's event delivered again, as after an instance stopped before marking it
      assert.ok(await s.zx.ctx.outbox.redeliver({ entityId: p.id, type: 'proposal.transitioned' }) > 0);
      await s.zx.ctx.events.drain();
      assert.equal((await toldAny(memberId, p.id)).length, 1, 'told once per step');
      assert.equal((await toldAny(cosignerId, p.id)).length, 1, 'told once per step');
    });

    test('联名确认 and 谢绝联名: the proposer hears each answer naming the co-signer; the last confirmation says it can be submitted', async () => {
      const [second, third] = ['m0002', 'm0003'];
      const [secondId, thirdId] = [second, third].map((u) => s.people.get(u)!.userId);
      const [secondC, thirdC] = await Promise.all([second, third].map((u) => s.as(u)));
      const created = await member.post('/api/proposals', {
        title: '关于完善城市应急避难场所布局的建议', background: '情况', analysis: '分析', suggestions: '建议', type: 'joint', cosignerUserIds: [cosignerId, secondId, thirdId],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      const names = new Map([[cosignerId, ''], [secondId, ''], [thirdId, '']]);
      for (const c of (await member.get(`/api/proposals/${id}`)).body.cosigners as Array<{ userId: string; name: string }>) names.set(c.userId, c.name);
      const stream = await openStream((s.zx.app.server.address() as AddressInfo).port, member.cookie);
      try {
        assert.equal((await cosigner.post(`/api/proposals/${id}/cosign`)).status, 200);
        const pushed = await stream.next((x) => x.event === 'notification' && x.data.title === '联名委员已确认' && x.data.link === `/proposals/${id}`, 10_000);
        assert.equal(pushed.data.body, `您的提案「关于完善城市应急避难场所布局的建议」已由${names.get(cosignerId)}确认联名。还有 2 位联名委员未确认。`);
      } finally {
        stream.close();
      }
      assert.equal((await thirdC.post(`/api/proposals/${id}/cosign/decline`)).status, 200);
      assert.equal((await secondC.post(`/api/proposals/${id}/cosign`)).status, 200);
      await s.zx.ctx.events.drain();
      const mine = (await answers(memberId, id)).map((n) => [n.title, n.body]);
      assert.deepEqual(mine, [
        ['联名委员已确认', `您的提案「关于完善城市应急避难场所布局的建议」已由${names.get(cosignerId)}确认联名。还有 2 位联名委员未确认。`],
        ['联名委员谢绝联名', `您的提案「关于完善城市应急避难场所布局的建议」${names.get(thirdId)}谢绝联名。还有 1 位联名委员未确认。`],
        ['联名委员已确认', `您的提案「关于完善城市应急避难场所布局的建议」已由${names.get(secondId)}确认联名。联名委员均已确认，提案现在可以提交。`],
      ]);
      // the co-signers are not told of one another's answers
      for (const u of [cosignerId, secondId, thirdId]) assert.equal((await answers(u, id)).length, 0);
      // and it can indeed be submitted now
      const fresh = await member.get(`/api/proposals/${id}`);
      await ok(member, id, 'submit', fresh.body.version);
    });

    test('谢绝联名 by the only co-signer says the proposal has none left', async () => {
      const created = await member.post('/api/proposals', { title: '关于加快老旧小区加装电梯的建议', background: '情况', analysis: '分析', suggestions: '建议', type: 'joint', cosignerUserIds: [cosignerId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await cosigner.post(`/api/proposals/${created.body.id}/cosign/decline`)).status, 200);
      await s.zx.ctx.events.drain();
      const [n] = await answers(memberId, created.body.id);
      assert.equal(n.title, '联名委员谢绝联名');
      assert.match(n.body, /谢绝联名。目前没有联名委员，请邀请其他委员联名或改为个人提案。$/);
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
