// Commands outside the lifecycle (修改草稿, 联名确认, 选题, 双向评议, 优秀提案评选) write in one unit of work: the record under
// its version (a stale one is a 409 that writes nothing), its audit record and its event in the outbox, delivered after
// commit. On SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';
import { ok } from './transitions.ts';

for (const d of await dialects()) {
  describe(`proposal commands in a unit of work (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, cosigner: Client, staff: Client, unit: Client, unitLead: Client;
    let cosignerId: string, zhujianId: string;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, cosigner, staff, unit, unitLead] = await Promise.all(['member', 'm0001', 'proposal', 'unit', 'unitlead'].map((u) => s.login(u)));
      cosignerId = String((await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirstOrThrow()).id);
      zhujianId = String((await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id);
    });
    after(async () => { await s?.close(); });

    const audits = async (entityId: string, action: string) =>
      (await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 50, entityId, actions: [action] })).rows;
    /** the record's events of this type, once delivered */
    const events = async (entityId: string, type: string) => {
      await s.zx.ctx.events.drain();
      return s.zx.ctx.outbox.eventsOf(entityId, { type });
    };
    const draft = async (title: string, extra: Record<string, unknown> = {}) => {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议', ...extra });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body as { id: string; version: number };
    };

    test('修改草稿: a stale version is a 409 and writes nothing; an edit writes its audit record and the proposal.updated event', async () => {
      const p = await draft('关于完善社区养老服务设施的建议');
      const edited = await member.patch(`/api/proposals/${p.id}`, { version: p.version, title: '关于完善社区居家养老服务设施的建议' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.version, p.version + 1);
      const stale = await member.patch(`/api/proposals/${p.id}`, { version: p.version, title: '关于旧版本的建议' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await member.get(`/api/proposals/${p.id}`)).body.title, '关于完善社区居家养老服务设施的建议');
      const audit = await audits(p.id, 'proposal.update');
      assert.equal(audit.length, 1, 'one audit record, none for the stale edit');
      assert.deepEqual(JSON.parse(audit[0].data!), { fields: ['title'], version: p.version + 1 });
      const ev = await events(p.id, 'proposal.updated');
      assert.deepEqual(ev.map((e) => [e.payload.version, e.delivered]), [[p.version + 1, true]]);
    });

    test('联名确认: a stale version is a 409; the confirmation writes its audit record and the proposal.cosigned event', async () => {
      const p = await draft('关于加强社区食品安全监管的建议', { type: 'joint', cosignerUserIds: [cosignerId] });
      // the proposer edits meanwhile: the page the co-signer opened shows the old version
      const edited = await member.patch(`/api/proposals/${p.id}`, { version: p.version, background: '新的情况' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const stale = await cosigner.post(`/api/proposals/${p.id}/cosign`, { version: p.version });
      assert.equal(stale.status, 409);
      assert.equal((await audits(p.id, 'proposal.cosign')).length, 0);
      const done = await cosigner.post(`/api/proposals/${p.id}/cosign`);
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.version, edited.body.version + 1);
      assert.equal((await audits(p.id, 'proposal.cosign')).length, 1);
      assert.equal((await events(p.id, 'proposal.cosigned')).filter((e) => e.delivered).length, 1);
      // the proposal now counts no pending co-signer: it can be submitted
      await ok(member, p.id, 'submit', done.body.version);
    });

    test('选题: publishing and editing write their audit records and events; a stale version is a 409', async () => {
      const created = await staff.post('/api/proposals/topics', { year: 2030, title: '推进城乡公交一体化', description: '公交线网与票价', area: '城乡建设', suggestedUnitIds: [] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const t = created.body;
      assert.equal((await audits(t.id, 'proposal.topic.create')).length, 1);
      assert.equal((await events(t.id, 'proposal.topic.create')).length, 1);
      const edited = await staff.patch(`/api/proposals/topics/${t.id}`, { version: t.version, title: '推进城乡公交一体化发展' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.version, t.version + 1);
      const stale = await staff.patch(`/api/proposals/topics/${t.id}`, { version: t.version, status: 'withdrawn' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.deepEqual((await audits(t.id, 'proposal.topic.update')).map((a) => JSON.parse(a.data!)), [{ fields: ['title'], version: t.version + 1 }]);
      assert.equal((await audits(t.id, 'proposal.topic.withdraw')).length, 0, 'the stale withdrawal wrote nothing');
      assert.deepEqual((await events(t.id, 'proposal.topic.update')).map((e) => e.payload.version), [t.version + 1]);
    });

    async function replied(title: string) {
      const p = await draft(title);
      let r = await ok(member, p.id, 'submit', p.version);
      r = await ok(staff, r.id, 'file', r.version);
      r = await ok(staff, r.id, 'assign', r.version, { mode: 'single', leadUnitId: zhujianId });
      r = await ok(unit, r.id, 'sign', r.version);
      r = await ok(unit, r.id, 'reply', r.version, { replyClass: 'A', replyText: '已办理。' });
      r = await ok(unitLead, r.id, 'sign_off', r.version);
      return ok(staff, r.id, 'release', r.version);
    }

    test('双向评议: a score on a stale version is a 409 and writes nothing; a score writes its audit record and event', async () => {
      const p = await replied('关于推进社区微更新的建议');
      const stale = await unit.post(`/api/proposals/${p.id}/mutual-scores`, { score: 80, version: p.version - 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const scored = await unit.post(`/api/proposals/${p.id}/mutual-scores`, { score: 80, version: p.version });
      assert.equal(scored.status, 200, JSON.stringify(scored.body));
      assert.equal(scored.body.version, p.version + 1, 'the proposal moved on: a page holding the old version gets a 409');
      assert.equal((await audits(p.id, 'proposal.mutual_score')).length, 1);
      assert.deepEqual((await events(p.id, 'proposal.mutual_scored')).map((e) => [e.payload.side, e.delivered]), [['quality', true]]);
    });

    test('优秀提案评选: a nomination on a stale round is a 409; a nomination and the publication write their audit records and events', async () => {
      const first = await replied('关于规范社区快递驿站的建议');
      const p = await replied('关于优化社区停车管理的建议');
      const round = (await staff.post('/api/proposals/excellent/rounds', { year: p.year })).body;
      const url = (x = '') => `/api/proposals/excellent/rounds/${round.id}${x}`;
      const before = await staff.post(url('/nominations'), { proposalId: first.id, reason: '建议具体', version: round.version });
      assert.equal(before.status, 201, JSON.stringify(before.body));
      assert.equal(before.body.version, round.version + 1, 'the round moved on with the nomination');
      // a page opened before that nomination
      const stale = await staff.post(url('/nominations'), { proposalId: p.id, reason: '调研深入', version: round.version });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await audits(p.id, 'proposal.excellent_nominated')).length, 0);
      const nominated = await staff.post(url('/nominations'), { proposalId: p.id, reason: '调研深入' });
      assert.equal(nominated.status, 201, JSON.stringify(nominated.body));
      assert.equal((await audits(p.id, 'proposal.excellent_nominated')).length, 1);
      assert.equal((await events(p.id, 'proposal.excellent_nominated')).length, 1);
      const leader = await s.login('leader');
      let r = await staff.post(url('/transitions'), { action: 'start_review', version: nominated.body.version });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const decisions = r.body.nominees.map((n: { id: string; proposalId: string }) => ({ nomineeId: n.id, decision: n.proposalId === p.id ? 'confirm' : 'drop' }));
      r = await leader.post(url('/transitions'), { action: 'decide', version: r.body.version, meetingDate: s.zx.ctx.calendar.today(), decisions });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      r = await staff.post(url('/transitions'), { action: 'publish', version: r.body.version, notice: '关于通报优秀提案的决定' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await events(p.id, 'proposal.excellent')).map((e) => [e.payload.excellent, e.delivered]), [[true, true]]);
    });
  });
}
