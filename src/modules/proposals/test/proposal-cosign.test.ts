// 联名提案 co-signing through the real server on SQLite and PostgreSQL: each invited co-signer has a 待确认联名 work item
// and a notice; they confirm or decline (谢绝联名); the proposal can be submitted only when every co-signer left has
// confirmed; editing the co-signers and withdrawing the draft keep the work items right.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import { makeProposal } from './factories.ts';

for (const d of await dialects()) {
  describe(`joint proposal co-signing (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => { w = await startWorld(d.kind); });
    after(async () => { await w?.close(); });

    const cosignItems = async (username: string, id: string) => {
      const r = await (await w.as(username)).get('/api/worklist?pageSize=100');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.items.filter((i: any) => i.entityType === 'proposal-cosign' && i.link === `/proposals/${id}`);
    };

    test('co-signers confirm or decline from their worklist, and the proposal goes on once every co-signer left has confirmed', async () => {
      const [a, b] = w.ids.memberUserIds;
      const { id, detail } = await makeProposal(w, 'draft', { title: '关于推进社区养老服务中心建设的建议', draft: { type: 'joint', cosignerUserIds: [a, b] } });
      assert.deepEqual(detail.cosigners.map((c: any) => c.confirmedAt), [null, null]);
      for (const u of ['m0001', 'm0002']) {
        const items = await cosignItems(u, id);
        assert.equal(items.length, 1, `${u} has a 待确认联名 work item`);
        assert.equal(items[0].label, '待确认联名');
      }
      await drained(w.zx);
      const told = await w.zx.ctx.db.selectFrom('notifications').select('user_id').where('link', '=', `/proposals/${id}`).execute();
      assert.deepEqual(new Set(told.map((n: any) => n.user_id)), new Set([a, b]), 'each co-signer is told');

      const proposer = await w.as('member');
      const early = await proposer.post(`/api/proposals/${id}/transitions`, { action: 'submit', version: detail.version, input: {} });
      assert.equal(early.status, 403, 'no submission while co-signers have not confirmed');
      assert.match(early.body.error.message, /2 位联名委员未确认/);

      const A = await w.as('m0001');
      const seen = (await A.get(`/api/proposals/${id}`)).body;
      assert.equal(seen.abilities.confirmCosign, true);
      const confirmed = await A.post(`/api/proposals/${id}/cosign`);
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.abilities.confirmCosign, false);
      assert.deepEqual(await cosignItems('m0001', id), [], 'the work item closes when answered');
      assert.equal((await A.post(`/api/proposals/${id}/cosign`)).status, 403, 'only once');

      const B = await w.as('m0002');
      const declined = await B.post(`/api/proposals/${id}/cosign/decline`);
      assert.equal(declined.status, 200, JSON.stringify(declined.body));
      assert.deepEqual(await cosignItems('m0002', id), []);
      assert.equal((await B.get(`/api/proposals/${id}`)).status, 404, 'the declined co-signer no longer sees the draft');
      assert.equal((await A.post(`/api/proposals/${id}/cosign/decline`)).status, 403, 'a confirmed co-signer cannot decline');

      const now = (await proposer.get(`/api/proposals/${id}`)).body;
      assert.deepEqual(now.cosigners.map((c: any) => [c.userId, !!c.confirmedAt]), [[a, true]]);
      assert.ok(now.actions.some((x: any) => x.name === 'submit'));
      const submitted = await proposer.post(`/api/proposals/${id}/transitions`, { action: 'submit', version: now.version, input: {} });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.state, 'submitted');
      const queue = await (await w.as('proposal')).get('/api/worklist?pageSize=100');
      assert.ok(queue.body.items.some((i: any) => i.link === `/proposals/${id}` && i.label === '待审查'));
    });

    test('editing the co-signers opens and closes their work items; a withdrawn draft leaves none; strangers cannot answer', async () => {
      const [a, b, c] = w.ids.memberUserIds;
      const { id, detail } = await makeProposal(w, 'draft', { title: '关于完善城区停车设施的建议', draft: { type: 'joint', cosignerUserIds: [a, b] } });
      const proposer = await w.as('member');
      const edited = await proposer.patch(`/api/proposals/${id}`, { version: detail.version, cosignerUserIds: [b, c] });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.deepEqual(await cosignItems('m0001', id), [], 'taken off: no work item');
      assert.equal((await cosignItems('m0002', id)).length, 1, 'still invited: still one work item');
      assert.equal((await cosignItems('m0003', id)).length, 1, 'newly invited');
      assert.equal((await (await w.as('m0001')).post(`/api/proposals/${id}/cosign/decline`)).status, 404);
      assert.equal((await (await w.as('county')).post(`/api/proposals/${id}/cosign`)).status, 404);
      const withdrawn = await proposer.post(`/api/proposals/${id}/transitions`, { action: 'withdraw', version: edited.body.version, input: {} });
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
      assert.deepEqual(await cosignItems('m0002', id), []);
      assert.deepEqual(await cosignItems('m0003', id), []);
    });
  });
}
