// The test factories: a minimal world whose people sign in and act like the demo's, and proposals and 社情民意 reports
// brought to every state their lifecycle reaches by the real transitions, on both databases.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from './support/db.ts';
import { startWorld, pathTo, nextEvent, drained, type World } from './support/factories.ts';
import { proposalLifecycle } from '../src/modules/proposals/domain/proposal-lifecycle.ts';
import { issueDrivenActions, reportLifecycle } from '../src/modules/opinions/domain/opinion-lifecycle.ts';
import { makeProposal } from '../src/modules/proposals/test/factories.ts';
import { makeReport } from '../src/modules/opinions/test/factories.ts';
import type { ProposalState } from '../src/modules/proposals/contract.ts';
import type { ReportState } from '../src/modules/opinions/contract.ts';

const kinds = await dialects();

test('a path is the fewest transitions the definition allows, and none when the target cannot be reached', () => {
  assert.deepEqual(pathTo(proposalLifecycle, 'draft', 'in_progress')?.map((t) => t.name), ['submit', 'file', 'assign', 'sign']);
  assert.deepEqual(pathTo(proposalLifecycle, 'draft', 'draft'), []);
  assert.equal(pathTo(proposalLifecycle, 'withdrawn', 'filed'), null, 'nothing leaves a terminal state');
  assert.equal(pathTo(reportLifecycle, 'submitted', 'compiled', issueDrivenActions), null, '编期 is the issue commands\' work');
});

for (const d of kinds) {
  describe(`factories (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => { w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } }); });
    after(async () => { await w?.close(); });

    test('the world holds one CPPCC tenant with a county below it, and its people sign in with their roles', async () => {
      const tenants = await w.zx.ctx.db.selectFrom('organizations').select(['id', 'level']).where('kind', '=', 'cppcc').execute();
      assert.deepEqual(tenants.map((t) => t.level).sort(), ['city', 'county']);
      for (const u of ['member', 'proposal', 'unit', 'unitlead', 'editor', 'leader', 'county', 'm0001', 'handler02']) {
        const me = await (await w.as(u)).get('/api/auth/me');
        assert.equal(me.status, 200, `${u}: ${JSON.stringify(me.body)}`);
      }
      const admin = await w.login('sysadmin');
      assert.equal((await admin.get('/api/auth/me')).status, 200);
    });

    test('a proposal is brought to the states the lifecycle reaches (all of them on SQLite), by the real transitions in the history', async () => {
      // every state on SQLite; on PostgreSQL the far ends of the main paths (the same API calls on the other database)
      const targets = (d.kind === 'sqlite' ? Object.keys(proposalLifecycle.states).filter((s) => s !== 'merged') : ['closed', 'rehandle', 'objected', 'not_filed']) as ProposalState[];
      for (const state of targets) {
        const p = await makeProposal(w, state, { title: `关于${proposalLifecycle.states[state].label}状态的测试提案` });
        assert.equal(p.detail.state, state);
        const history = await w.zx.ctx.db.selectFrom('workflow_history').select(['action', 'to_state']).where('entity_id', '=', p.id).orderBy('at').orderBy('id').execute();
        assert.deepEqual(history.map((h) => h.action), ['create', ...p.steps], state);
        assert.equal(history.at(-1)?.to_state, state);
      }
    });

    test('a report is brought to the states its own actions reach; the others are refused with the reason', async () => {
      for (const state of ['submitted', 'returned', 'accepted', 'retained', 'verified', 'withdrawn'] as ReportState[]) {
        const r = await makeReport(w, state);
        assert.equal(r.detail.state, state);
      }
      await assert.rejects(makeReport(w, 'compiled'), /no way from submitted to compiled/);
    });

    test('a delivered event is awaited, not slept for, and the outbox is left empty', async () => {
      const delivered = nextEvent(w.zx, 'proposal.transitioned', (e) => (e.payload as { to?: string }).to === 'submitted');
      const p = await makeProposal(w, 'submitted');
      const e = await delivered;
      assert.equal(e.entityId, p.id);
      await drained(w.zx);
      assert.equal(await w.zx.ctx.outbox.pendingCount(), 0);
    });
  });
}
