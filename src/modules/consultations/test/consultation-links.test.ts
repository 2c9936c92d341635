// 关联: a consultation's links to the proposals and 社情民意 reports it yielded, both ways, on SQLite and PostgreSQL. The
// organisers find the records by number or title through the records' own lists (only what they may see), link them
// under the meeting's version, and the records' pages list the consultations that link them
// (GET /api/consultations/links) to whoever may see those consultations, and to nobody else.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { driveTo, startWorld, type Driver, type World } from '../../../../test/support/factories.ts';
import { proposalsModule } from '../../proposals/module.ts';

/** 提案 driven through their own API: required input as a proposals office and a handling unit would give it. */
function proposals(world: World): Driver<any> {
  const defaults: Record<string, unknown> = {
    mode: 'single', leadUnitId: world.ids.unitIds['市住建局'], replyClass: 'A', replyText: '经研究，所提问题已列入本年度工作计划。', satisfaction: 'satisfied', reason: '请补充具体情况',
  };
  return {
    workflow: proposalsModule.workflows!.find((x) => x.id === 'proposal')!,
    load: async (id) => (await world.zx.ctx.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as any,
    fire: (c, id, action, version, input) => c.post(`/api/proposals/${id}/transitions`, { action, version, input }),
    fieldDefault: (field) => defaults[field],
    avoid: new Set(['merge', 'follow_up', 'not_file', 'withdraw', 'return']),
  };
}
import type { Client } from '../../../../test/support/http.ts';

for (const d of await dialects()) {
  describe(`协商活动的关联提案和社情民意 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let staff: Client, office: Client, leader: Client, member: Client, m1: Client, m2: Client, county: Client, unit: Client, proposalStaff: Client;
    let today: string;
    let c: any;
    let proposal: any, draft: any, report: any;

    before(async () => {
      w = await startWorld(d.kind, { members: 3, config: { webDist: '/nonexistent-web-dist' } });
      [staff, office, leader, member, m1, m2, county, unit, proposalStaff] = await Promise.all(['committee', 'office', 'leader', 'member', 'm0001', 'm0002', 'county', 'unit', 'proposal'].map((u) => w.as(u)));
      today = w.zx.ctx.calendar.today();
      // a member's proposal, answered and open to the public (so the committee's staff may read it), a draft only its
      // proposer sees, and the committee's own 社情民意 report from the meeting
      const p = await member.post('/api/proposals', { title: '关于发展特色农产品精深加工的建议', background: '我市特色农产品加工链条短。', analysis: '精深加工企业少。', suggestions: '建议培育龙头企业。', isPublic: true });
      assert.equal(p.status, 201, JSON.stringify(p.body));
      await driveTo(w, proposals(w), p.body.id, 'replied');
      proposal = (await member.get(`/api/proposals/${p.body.id}`)).body;
      assert.ok(proposal.number, 'a filed proposal has its number');
      draft = (await m1.post('/api/proposals', { title: '关于农产品冷链物流的建议（草稿）' })).body;
      const r = await staff.post('/api/opinions', { title: '关于农产品加工企业用地难的情况反映', body: '基层反映农产品加工企业用地指标紧张，审批周期长，建议统筹安排。' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      report = r.body;
      const created = await staff.post('/api/consultations', {
        title: '促进特色农产品精深加工', form: 'standing_topic', topic: '围绕特色农产品精深加工开展协商。', leadCommitteeId: w.ids.committeeIds['农业和农村委员会'],
        partnerUnitIds: [], plannedOn: today,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      c = created.body;
      const invited = await staff.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: [w.people.get('m0001')!.userId] });
      assert.equal(invited.status, 200, JSON.stringify(invited.body));
      c = invited.body;
    });
    after(async () => { await w?.close(); });

    test('the picker finds a proposal by its number or its title, and a report by its title, through their own lists', async () => {
      const digits = String(proposal.number).replace(/\D/g, '').replace(/^0+/, '');
      const byNumber = await staff.get(`/api/proposals?q=${encodeURIComponent(digits)}&pageSize=20`);
      assert.equal(byNumber.status, 200, JSON.stringify(byNumber.body));
      assert.ok(byNumber.body.items.some((x: any) => x.id === proposal.id), `「${digits}」 finds ${proposal.number}`);
      const byTitle = await staff.get(`/api/proposals?q=${encodeURIComponent('精深加工')}&pageSize=20`);
      assert.deepEqual(byTitle.body.items.map((x: any) => x.id), [proposal.id]);
      const other = await staff.get(`/api/proposals?q=${encodeURIComponent('冷链')}&pageSize=20`);
      assert.deepEqual(other.body.items, [], 'another member\'s draft is not offered');
      const reports = await staff.get(`/api/opinions?q=${encodeURIComponent('用地难')}&pageSize=20`);
      assert.equal(reports.status, 200, JSON.stringify(reports.body));
      assert.deepEqual(reports.body.items.map((x: any) => x.id), [report.id]);
    });

    test('linking checks every id and the version: an unseen record is a 400 naming the field, a stale version a 409, nothing written', async () => {
      const unseen = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [proposal.id, draft.id], reportIds: [] });
      assert.equal(unseen.status, 400);
      assert.equal(unseen.body.error.field, 'proposalIds');
      assert.match(unseen.body.error.message, /关联提案/);
      const badType = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [report.id], reportIds: [] });
      assert.equal(badType.status, 400, 'a report is not a proposal');
      assert.equal((await member.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [proposal.id], reportIds: [] })).status, 404, 'a member not invited does not see the meeting');
      const linked = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [proposal.id, proposal.id], reportIds: [report.id] });
      assert.equal(linked.status, 200, JSON.stringify(linked.body));
      assert.deepEqual(linked.body.proposals.map((x: any) => x.id), [proposal.id], 'twice is once');
      assert.match(linked.body.proposals[0].title, new RegExp(String(proposal.number)));
      assert.equal(linked.body.proposals[0].link, `/proposals/${proposal.id}`);
      assert.deepEqual(linked.body.reports.map((x: any) => x.title), [report.title]);
      const stale = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [], reportIds: [] });
      assert.equal(stale.status, 409);
      c = linked.body;
      assert.equal((await staff.get(`/api/consultations/links?entityType=proposal&id=${proposal.id}`)).body.items.length, 1, 'the stale write removed nothing');
    });

    test('the proposal\'s and the report\'s pages list the consultation for those who may see it, and for nobody else', async () => {
      const listed = async (cl: Client, entityType: string, id: string) => {
        const r = await cl.get(`/api/consultations/links?entityType=${entityType}&id=${encodeURIComponent(id)}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.items.map((x: any) => x.id);
      };
      for (const [who, cl] of [['the lead committee', staff], ['the office', office], ['the leaders', leader], ['the invited member', m1]] as const) {
        assert.deepEqual(await listed(cl, 'proposal', proposal.id), [c.id], `${who}: the proposal`);
        assert.deepEqual(await listed(cl, 'opinion', report.id), [c.id], `${who}: the report`);
      }
      // the proposer may read the proposal but was not invited to the meeting; a county member is another CPPCC
      assert.deepEqual(await listed(member, 'proposal', proposal.id), []);
      assert.deepEqual(await listed(m2, 'opinion', report.id), []);
      assert.equal((await proposalStaff.get(`/api/consultations/links?entityType=proposal&id=${proposal.id}`)).status, 403, 'the proposals office reads every proposal, but no consultation (its page shows no panel)');
      assert.deepEqual(await listed(county, 'proposal', proposal.id), []);
      assert.deepEqual(await listed(staff, 'opinion', proposal.id), [], 'a proposal\'s id is not a report\'s');
      assert.equal((await unit.get(`/api/consultations/links?entityType=proposal&id=${proposal.id}`)).status, 403, 'a handling unit does not use consultations');
      const bad = await staff.get(`/api/consultations/links?entityType=plan&id=${proposal.id}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'entityType');
      const one = (await staff.get(`/api/consultations/links?entityType=proposal&id=${proposal.id}`)).body.items[0];
      assert.equal(one.title, c.title);
      assert.equal(one.formLabel, '专题议政性常委会议');
    });

    test('unlinking takes the consultation off the records\' pages, and the history says so', async () => {
      const r = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: [], reportIds: [report.id] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await office.get(`/api/consultations/links?entityType=proposal&id=${proposal.id}`)).body.items, []);
      assert.equal((await office.get(`/api/consultations/links?entityType=opinion&id=${report.id}`)).body.items.length, 1);
      assert.deepEqual(r.body.history.filter((h: any) => h.action === 'links').map((h: any) => h.note), ['提案 1 件，社情民意 1 篇', '提案 0 件，社情民意 1 篇']);
    });
  });
}
