// 列入协商选题: a 协商选题 and a 计划项 link the proposals and 社情民意 reports that inspired them (选题来源) or came out of
// them (协商成果), on SQLite and PostgreSQL. The links are checked with the records' owning modules (only what the
// caller may read), written under the topic's (item's) version, shown on the plan and in its Word document, and listed
// on the records' pages (GET /api/consultations/topic-links) for those who may see the topic or the plan.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { driveTo, startWorld, type Driver, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { proposalsModule } from '../../proposals/module.ts';

/** 提案 driven through their own API to 已答复 (public, so the office and committees may read and link it). */
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

const docText = async (buf: Buffer) => (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

for (const d of await dialects()) {
  describe(`协商选题和计划项的关联提案、社情民意 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let committee: Client, office: Client, leader: Client, member: Client, m1: Client, county: Client;
    let year: number;
    let proposal: any, draft: any, report: any, topic: any, planId: string, itemId: string;
    const empty = { sourceProposalIds: [], sourceReportIds: [], outcomeProposalIds: [], outcomeReportIds: [] };

    before(async () => {
      w = await startWorld(d.kind, { members: 2, config: { webDist: '/nonexistent-web-dist' } });
      [committee, office, leader, member, m1, county] = await Promise.all(['committee', 'office', 'leader', 'member', 'm0001', 'county'].map((u) => w.as(u)));
      year = (await office.get('/api/consultations/topics/options')).body.year;
      // a member's public proposal, another member's draft nobody else sees, and the committee's own 社情民意 report
      const p = await member.post('/api/proposals', { title: '关于发展特色农产品精深加工的建议', background: '我市特色农产品加工链条短。', analysis: '精深加工企业少。', suggestions: '建议培育龙头企业。', isPublic: true });
      assert.equal(p.status, 201, JSON.stringify(p.body));
      await driveTo(w, proposals(w), p.body.id, 'replied');
      proposal = (await member.get(`/api/proposals/${p.body.id}`)).body;
      draft = (await m1.post('/api/proposals', { title: '关于农产品冷链物流的建议（草稿）' })).body;
      const r = await committee.post('/api/opinions', { title: '关于农产品加工企业用地难的情况反映', body: '基层反映农产品加工企业用地指标紧张，审批周期长，建议统筹安排。' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      report = r.body;
      const t = await committee.post('/api/consultations/topics', { year, title: '促进特色农产品精深加工', reason: '农产品加工是乡村振兴的关键，委员提案和社情民意多次反映。', form: 'special', contact: '张联络员 13800000000' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      topic = t.body;
    });
    after(async () => { await w?.close(); });

    test('the proposing committee links the report that inspired its topic; an unseen record is a 400 naming the field, a stale version a 409', async () => {
      const unseen = await committee.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version, sourceProposalIds: [draft.id] });
      assert.equal(unseen.status, 400);
      assert.equal(unseen.body.error.field, 'sourceProposalIds');
      assert.match(unseen.body.error.message, /来源提案/);
      const wrongType = await committee.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version, outcomeReportIds: [draft.id] });
      assert.equal(wrongType.status, 400);
      assert.equal(wrongType.body.error.field, 'outcomeReportIds');
      const missing = await committee.put(`/api/consultations/topics/${topic.id}/links`, { version: topic.version, sourceReportIds: [] });
      assert.equal(missing.status, 400, 'every list is named');
      const linked = await committee.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version, sourceReportIds: [report.id, report.id] });
      assert.equal(linked.status, 200, JSON.stringify(linked.body));
      assert.deepEqual(linked.body.links.map((l: any) => [l.relation, l.entityType, l.title]), [['source', 'opinion', report.title]], 'twice is once');
      assert.equal(linked.body.links[0].link, `/opinions/${report.id}`);
      assert.equal(linked.body.version, topic.version + 1);
      assert.ok(linked.body.history.some((h: any) => h.action === 'links' && h.actionLabel === '关联提案和社情民意'));
      const stale = await committee.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version });
      assert.equal(stale.status, 409);
      topic = linked.body;
      assert.equal((await office.get(`/api/consultations/topics/${topic.id}`)).body.links.length, 1, 'the stale write removed nothing');
      assert.equal((await member.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version })).status, 404, 'a member does not see another body\'s topic');
      assert.equal((await county.put(`/api/consultations/topics/${topic.id}/links`, { ...empty, version: topic.version })).status, 404, 'another CPPCC does not see it');
    });

    test('accepted into the plan, the item shows the topic\'s links; the office adds the proposal that came out of it; the plan and its Word document list them', async () => {
      const accepted = await office.post(`/api/consultations/topics/${topic.id}/transitions`, { action: 'accept', version: topic.version, input: { plannedMonth: 6 } });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      topic = accepted.body;
      assert.equal(topic.canLink, true, 'the office still links');
      assert.equal((await committee.get(`/api/consultations/topics/${topic.id}`)).body.canLink, false, 'the proposing committee, once the office has it, no longer');
      planId = topic.planId;
      let plan = (await office.get(`/api/consultations/plans/${planId}`)).body;
      const item = plan.items.find((i: any) => i.topicId === topic.id);
      itemId = item.id;
      assert.deepEqual(item.links.map((l: any) => [l.relation, l.id, l.viaTopic]), [['source', report.id, true]]);
      const put = await office.put(`/api/consultations/plans/${planId}/items/${itemId}/links`, { ...empty, version: item.version, outcomeProposalIds: [proposal.id] });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      plan = put.body;
      const after = plan.items.find((i: any) => i.id === itemId);
      assert.deepEqual(after.links.map((l: any) => [l.relation, l.entityType, l.viaTopic]), [['outcome', 'proposal', false], ['source', 'opinion', true]]);
      assert.equal((await office.put(`/api/consultations/plans/${planId}/items/${itemId}/links`, { ...empty, version: item.version })).status, 409, 'stale item version');
      assert.equal((await committee.put(`/api/consultations/plans/${planId}/items/${itemId}/links`, { ...empty, version: after.version })).status, 404, 'a committee does not see a draft plan');
      const doc = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/document.docx`, headers: { cookie: office.cookie } });
      assert.equal(doc.statusCode, 200);
      const text = await docText(doc.rawPayload);
      assert.ok(text.includes(`选题来源：社情民意《${report.title}》`), text.slice(0, 400));
      assert.match(text, /协商成果：提案《[^》]*特色农产品精深加工的建议》/);
    });

    test('the proposal\'s and the report\'s pages list the topic and the plan item for those who may see them, and for nobody else', async () => {
      const listed = async (c: Client, entityType: string, id: string) => {
        const r = await c.get(`/api/consultations/topic-links?entityType=${entityType}&id=${encodeURIComponent(id)}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.items.map((x: any) => [x.kind, x.relationLabel]);
      };
      assert.deepEqual(await listed(office, 'opinion', report.id), [['topic', '选题来源']], 'the report is linked on the topic (the item shows it through its topic)');
      assert.deepEqual(await listed(office, 'proposal', proposal.id), [['plan_item', '协商成果']]);
      assert.deepEqual(await listed(leader, 'proposal', proposal.id), [['plan_item', '协商成果']], 'the leaders read draft plans');
      assert.deepEqual(await listed(committee, 'opinion', report.id), [['topic', '选题来源']], 'the committee sees its own topic');
      assert.deepEqual(await listed(committee, 'proposal', proposal.id), [], 'a committee does not see the draft plan');
      assert.deepEqual(await listed(county, 'proposal', proposal.id), [], 'another CPPCC');
      assert.deepEqual(await listed(member, 'proposal', proposal.id), [], 'the proposer reads the approved plan only, and this one is a draft');
      const one = (await office.get(`/api/consultations/topic-links?entityType=proposal&id=${proposal.id}`)).body.items[0];
      assert.equal(one.link, `/consultations/plans/${planId}`);
      assert.equal(one.title, topic.title);
      const bad = await office.get(`/api/consultations/topic-links?entityType=plan&id=${proposal.id}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'entityType');
    });

    test('approved, the plan\'s items list (the figures\' list) shows each item\'s links as the plan does, and the Excel export has them', async () => {
      let plan = (await office.get(`/api/consultations/plans/${planId}`)).body;
      const sent = await office.post(`/api/consultations/plans/${planId}/transitions`, { action: 'submit', version: plan.version, input: {} });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const ok = await leader.post(`/api/consultations/plans/${planId}/transitions`, { action: 'approve', version: sent.body.version, input: { meeting: '政协主席会议', approvedOn: `${year}-02-20` } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      plan = ok.body;
      const onPlan = plan.items.find((i: any) => i.id === itemId).links;
      assert.equal(onPlan.length, 2);
      for (const c of [office, leader, committee, member]) {
        const list = await c.get(`/api/consultations/plan-items?year=${year}&pageSize=200`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        const item = list.body.items.find((i: any) => i.id === itemId);
        assert.ok(item, 'the approved plan\'s item is listed');
        assert.deepEqual(item.links, onPlan, 'the list shows the links the plan shows, the topic\'s included');
        assert.ok(list.body.items.filter((i: any) => i.id !== itemId).every((i: any) => i.links.length === 0), 'the other items link nothing');
      }
      const res = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/plan.xlsx`, headers: { cookie: member.cookie } });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = book.getWorksheet('计划项')!;
      const head = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String);
      const col = head.indexOf('关联提案和社情民意');
      assert.ok(col > 0, head.join(','));
      const row = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).find((r) => r.getCell(3).value === topic.title)!;
      const numbered = onPlan.find((l: any) => l.entityType === 'proposal').title; // the proposal as its module names it (with its number)
      assert.match(numbered, /特色农产品精深加工的建议$/);
      assert.equal(String(row.getCell(col).value), `选题来源：社情民意《${report.title}》\n协商成果：提案《${numbered}》`);
    });

    test('unlinking takes the record off; the audit chain records the change', async () => {
      const item = (await office.get(`/api/consultations/plans/${planId}`)).body.items.find((i: any) => i.id === itemId);
      const r = await office.put(`/api/consultations/plans/${planId}/items/${itemId}/links`, { ...empty, version: item.version });
      assert.equal(r.status, 200);
      assert.deepEqual((await office.get(`/api/consultations/topic-links?entityType=proposal&id=${proposal.id}`)).body.items, []);
      const audit = await w.zx.ctx.db.selectFrom('audit_log' as never).selectAll().where('action' as never, '=', 'consultation_plan.links' as never).execute();
      assert.equal(audit.length, 2);
    });
  });
}
