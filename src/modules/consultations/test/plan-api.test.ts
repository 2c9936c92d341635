// 协商选题 and 年度协商计划 through the real server on SQLite and PostgreSQL: topics proposed, listed and handled
// (accept into the plan, decline with a reason, merge), the proposer told; the plan drafted, returned, approved by the
// leaders, changed after approval with reasons (409 on a stale version), its Word document, its figures agreeing with
// their lists, and a county seeing its own plan only.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { multipart } from '../../attachments/test/harness.ts';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';

const xmlText = (xml: string) => xml.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

for (const d of await dialects()) {
  describe(`协商选题与年度协商计划 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let committee: Client, office: Client, leader: Client, member: Client, county: Client, sysadmin: Client;
    let year: number;
    let agriId: string, eduId: string, partyId: string;
    const topics: Record<string, any> = {};
    let planId: string;

    before(async () => {
      w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [committee, office, leader, member, county, sysadmin] = await Promise.all(['committee', 'office', 'leader', 'member', 'county', 'sysadmin'].map((u) => w.as(u)));
      const opts = (await office.get('/api/consultations/topics/options')).body;
      year = opts.year;
      agriId = w.ids.committeeIds['农业和农村委员会'];
      eduId = w.ids.committeeIds['提案委员会'];
      partyId = opts.proposers.find((p: any) => p.kind === 'party').id;
    });
    after(async () => { await w?.close(); });

    const topic = (title: string, extra: Record<string, unknown> = {}) => ({ year, title, reason: '这是一个需要协商的重要问题，请列入年度计划。', form: 'special', contact: '张联络员 13800000000', ...extra });
    const fireTopic = (c: Client, t: any, action: string, input: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${t.id}/transitions`, { action, version: t.version, input });
    const firePlan = (c: Client, p: any, action: string, input: Record<string, unknown> = {}) => c.post(`/api/consultations/plans/${p.id}/transitions`, { action, version: p.version, input });
    const plan = async (c: Client = office) => (await c.get(`/api/consultations/plans/${planId}`)).body;

    test('committees and the office propose topics; bad input is a 400 naming the field; a committee proposes for itself only', async () => {
      const noTitle = await committee.post('/api/consultations/topics', { ...topic('x'), title: undefined });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /选题名称/);
      const badForm = await committee.post('/api/consultations/topics', topic('关于规范协商形式的选题', { form: 'picnic' }));
      assert.equal(badForm.status, 400);
      assert.equal(badForm.body.error.field, 'form');
      const forOther = await committee.post('/api/consultations/topics', topic('代别的单位提出的选题', { proposerOrgId: partyId }));
      assert.equal(forOther.status, 403);
      assert.equal((await member.post('/api/consultations/topics', topic('委员个人提出的选题'))).status, 403, 'a member proposes through a body, not alone');

      for (const [key, c, body] of [
        ['agri', committee, topic('促进特色农产品精深加工', { form: 'standing_topic' })],
        ['canteen', committee, topic('改善农村养老食堂运营')],
        ['compound', office, topic('推进城镇老旧小区整治改造', { form: 'counterpart', proposerOrgId: partyId })],
        ['elevator', office, topic('老旧小区加装电梯', { proposerOrgId: partyId })],
        ['dance', office, topic('举办全市广场舞大赛', { form: 'sector', proposerOrgId: partyId })],
      ] as const) {
        const r = await c.post('/api/consultations/topics', body);
        assert.equal(r.status, 201, JSON.stringify(r.body));
        assert.equal(r.body.state, 'proposed');
        topics[key] = r.body;
      }
      assert.equal(topics.agri.proposerOrgId, agriId, 'a committee\'s staff propose for their committee');
      assert.deepEqual(topics.agri.actions, [], 'the proposer waits for the office');
      assert.deepEqual(new Set((await office.get(`/api/consultations/topics/${topics.agri.id}`)).body.actions.map((a: any) => a.name)), new Set(['accept', 'decline', 'merge']));
    });

    test('the office lists topics by year, proposing body and form; a committee sees its own; the office has them on its worklist', async () => {
      assert.equal((await office.get(`/api/consultations/topics?year=${year}`)).body.total, 5);
      assert.equal((await office.get(`/api/consultations/topics?year=${year}&proposerOrgId=${partyId}`)).body.total, 3);
      assert.equal((await office.get(`/api/consultations/topics?year=${year}&form=special`)).body.total, 2);
      const mine = await committee.get(`/api/consultations/topics?year=${year}`);
      assert.equal(mine.body.total, 2);
      assert.equal((await committee.get(`/api/consultations/topics/${topics.compound.id}`)).status, 404, 'another body\'s topic is not found');
      assert.equal((await office.get('/api/consultations/topics?state=nonsense')).body.error.field, 'state');
      const work = JSON.stringify((await office.get('/api/worklist?pageSize=200')).body);
      assert.ok(work.includes(topics.agri.id), 'a proposed topic is on the office worklist');
    });

    test('accept puts a topic into the year\'s draft plan; decline needs a reason; merge joins a like topic; the proposer is told', async () => {
      const accepted = await fireTopic(office, topics.agri, 'accept', { plannedMonth: 6, leadOrgId: agriId });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.state, 'accepted');
      assert.ok(accepted.body.planItemId && accepted.body.planId);
      planId = accepted.body.planId;
      assert.equal((await fireTopic(committee, topics.canteen, 'accept')).status, 403, 'a committee does not decide');
      // no month, no lead: the item is in the plan but incomplete
      assert.equal((await fireTopic(office, topics.canteen, 'accept')).status, 200);
      assert.equal((await fireTopic(office, topics.compound, 'accept', { plannedMonth: 5, leadOrgId: agriId })).status, 200);

      const noReason = await fireTopic(office, topics.dance, 'decline', {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /不予采纳理由/);
      assert.equal((await fireTopic(office, topics.dance, 'decline', { reason: '属群众性文体活动，不宜作为协商议题。' })).body.state, 'declined');

      const self = await fireTopic(office, topics.elevator, 'merge', { targetId: topics.elevator.id });
      assert.equal(self.status, 400);
      assert.equal(self.body.error.field, 'input.targetId');
      const merged = await fireTopic(office, topics.elevator, 'merge', { targetId: topics.compound.id });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal(merged.body.mergedIntoId, topics.compound.id);
      assert.equal((await office.get(`/api/consultations/topics/${topics.compound.id}`)).body.mergedTopics[0].id, topics.elevator.id);

      await drained(w.zx);
      const inbox = JSON.stringify((await committee.get('/api/notifications?pageSize=50')).body);
      assert.ok(inbox.includes('协商选题已列入计划') && inbox.includes('促进特色农产品精深加工'), 'the committee is told its topic is in the plan');
      const mineNow = (await committee.get(`/api/consultations/topics/${topics.agri.id}`)).body;
      assert.equal(mineNow.stateLabel, '已列入计划', 'the proposer sees the outcome');
      assert.equal((await office.get(`/api/consultations/topics?year=${year}&state=proposed`)).body.total, 0);
    });

    test('the office edits the draft: items added and edited under their version; the leaders and members do not see a draft', async () => {
      let p = await plan();
      assert.equal(p.state, 'draft');
      assert.equal(p.itemMode, 'edit');
      assert.equal(p.items.length, 3);
      assert.equal((await member.get(`/api/consultations/plans/${planId}`)).status, 404, 'a member does not see a draft plan');
      assert.equal((await office.post('/api/consultations/plans', { year })).status, 409, 'one plan per year');

      const unit = w.ids.unitIds['市农业农村局'];
      const badLead = await office.post(`/api/consultations/plans/${planId}/items`, { title: '推动农业社会化服务', form: 'sector', leadOrgId: unit, partnerUnitIds: [], plannedMonth: 7 });
      assert.equal(badLead.status, 400);
      assert.equal(badLead.body.error.field, 'leadOrgId');
      const badMonth = await office.post(`/api/consultations/plans/${planId}/items`, { title: '推动农业社会化服务', form: 'sector', leadOrgId: eduId, partnerUnitIds: [], plannedMonth: 13 });
      assert.equal(badMonth.body.error.field, 'plannedMonth');
      for (const [title, form, month] of [['重点提案办理协商：农村供水', 'proposal_handling', 8], ['太行山旅游网络议政', 'online', 9], ['远程协商：数字乡村', 'remote', 11]] as const) {
        const r = await office.post(`/api/consultations/plans/${planId}/items`, { title, form, leadOrgId: eduId, partnerUnitIds: [unit], plannedMonth: month, notes: null });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      p = await plan();
      assert.equal(p.items.length, 6);
      assert.deepEqual(p.items.map((i: any) => i.plannedMonth), [...p.items.map((i: any) => i.plannedMonth)].sort((a: number, b: number) => a - b), 'items in month order');

      // the submit is refused while an item lacks its month and lead committee
      const early = await firePlan(office, p, 'submit');
      assert.equal(early.status, 400);
      assert.equal(early.body.error.field, 'items');
      assert.match(early.body.error.message, /改善农村养老食堂运营/);
      const canteen = p.items.find((i: any) => i.title === '改善农村养老食堂运营');
      const fixed = await office.patch(`/api/consultations/plans/${planId}/items/${canteen.id}`, { version: canteen.version, plannedMonth: 7, leadOrgId: agriId, partnerUnitIds: [unit] });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      const stale = await office.patch(`/api/consultations/plans/${planId}/items/${canteen.id}`, { version: canteen.version, plannedMonth: 9 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const remote = p.items.find((i: any) => i.form === 'remote');
      assert.equal((await office.del(`/api/consultations/plans/${planId}/items/${remote.id}?version=${remote.version}`)).status, 200);
      assert.equal((await plan()).items.length, 5);
    });

    test('the plan goes to the chair\'s meeting: the leaders return it with a reason, then approve it; members then read it', async () => {
      let p = await plan();
      const sent = await firePlan(office, p, 'submit');
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.state, 'submitted');
      assert.equal(sent.body.itemMode, 'none');
      assert.ok(JSON.stringify((await leader.get('/api/worklist?pageSize=200')).body).includes(planId), 'the plan waits on the leaders\' worklist');
      assert.equal((await firePlan(office, sent.body, 'approve', { meeting: '主席会议', approvedOn: '2025-02-20' })).status, 403, 'the office does not approve');
      const noReason = await firePlan(leader, sent.body, 'return', {});
      assert.equal(noReason.body.error.field, 'input.reason');
      const back = await firePlan(leader, sent.body, 'return', { reason: '请补充界别协商安排。' });
      assert.equal(back.body.state, 'draft');
      assert.equal(back.body.returnReason, '请补充界别协商安排。');
      p = (await firePlan(office, (await plan()), 'submit')).body;
      const noMeeting = await firePlan(leader, p, 'approve', { approvedOn: '2025-02-20' });
      assert.equal(noMeeting.status, 400);
      assert.equal(noMeeting.body.error.field, 'input.meeting');
      const ok = await firePlan(leader, p, 'approve', { meeting: '政协第二十八次主席会议', approvedOn: `${year}-02-20` });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.state, 'approved');
      assert.equal(ok.body.itemMode, 'none', 'the leaders do not edit items');
      const read = await member.get(`/api/consultations/plans/${planId}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.items.length, 5);
      assert.equal((await member.get('/api/consultations/plans')).body.items[0].id, planId);
    });

    test('after approval an item changes only by a recorded change with its reason, under the plan\'s version', async () => {
      let p = await plan();
      assert.equal(p.itemMode, 'change');
      const item = p.items.find((i: any) => i.title === '改善农村养老食堂运营');
      assert.equal((await office.patch(`/api/consultations/plans/${planId}/items/${item.id}`, { version: item.version, plannedMonth: 9 })).status, 409, 'no direct edit of an approved plan');
      const noReason = await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'move', itemId: item.id, plannedMonth: 9 });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'reason');
      const same = await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'move', itemId: item.id, plannedMonth: 7, reason: '时间调整' });
      assert.equal(same.body.error.field, 'plannedMonth');
      const moved = await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'move', itemId: item.id, plannedMonth: 9, reason: '配合市委调研安排顺延' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const stale = await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'cancel', itemId: item.id, reason: '已由其他会议覆盖' });
      assert.equal(stale.status, 409, 'a change on a stale version of the plan');
      p = moved.body;
      const online = p.items.find((i: any) => i.form === 'online');
      p = (await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'form', itemId: online.id, form: 'counterpart', reason: '改为对口协商与网络议政结合' })).body;
      const added = await office.post(`/api/consultations/plans/${planId}/changes`, {
        version: p.version, kind: 'add', reason: '市委新交办的协商任务',
        item: { title: '优化营商环境界别协商', form: 'sector', leadOrgId: agriId, partnerUnitIds: [], plannedMonth: 10 },
      });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      p = added.body;
      p = (await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'cancel', itemId: item.id, reason: '已并入省政协对口协商' })).body;
      assert.equal(p.items.find((i: any) => i.id === item.id).status, 'cancelled');
      assert.equal(p.itemCount, 5, 'one added, one cancelled');
      assert.deepEqual(p.changes.map((c: any) => c.kind), ['move', 'form', 'add', 'cancel']);
      assert.equal(p.changes[0].before, '7月');
      assert.equal(p.changes[0].after, '9月');
      assert.equal(p.changes[0].reason, '配合市委调研安排顺延');
      assert.equal(p.history.filter((h: any) => h.action === 'change').length, 4, 'each change is a step in the plan\'s history');
      assert.match(p.history.at(-1).note, /已并入省政协对口协商/);
      assert.equal((await office.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'cancel', itemId: item.id, reason: '再次取消' })).body.error.field, 'itemId');
      assert.equal((await leader.post(`/api/consultations/plans/${planId}/changes`, { version: p.version, kind: 'move', itemId: online.id, plannedMonth: 3, reason: '领导调整' })).status, 403);
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok);
    });

    test('the plan downloads as a Word document listing its items by form with lead committees, departments and changes', async () => {
      const res = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/document.docx`, headers: { cookie: member.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /wordprocessingml/);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const text = xmlText(await zip.file('word/document.xml')!.async('string'));
      assert.ok(text.includes(`${year}年度协商计划`));
      assert.ok(text.includes('政协第二十八次主席会议'));
      assert.ok(text.includes('专题议政性常委会议（1项）') && text.includes('促进特色农产品精深加工'));
      assert.ok(text.includes('对口协商会（2项）'), 'the form change moved the online item');
      assert.ok(text.includes('界别协商会（1项）') && text.includes('优化营商环境界别协商'));
      assert.ok(text.includes('农业和农村委员会') && text.includes('市农业农村局'));
      assert.ok(!text.includes('网络议政（'), 'no item is left under 网络议政');
      assert.ok(!/提案办理协商会[^）]*改善农村养老食堂运营/.test(text));
      assert.ok(text.includes('计划调整情况') && text.includes('配合市委调研安排顺延'));
      const county404 = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/document.docx`, headers: { cookie: county.cookie } });
      assert.equal(county404.statusCode, 404);
    });

    test('a topic carries its supporting material: uploaded first, linked when proposed, read by whoever sees the topic', async () => {
      // (a topic of next year, so that this year's figures below stay the scenario's)
      const m = multipart('调研报告.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf');
      const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: committee.cookie, 'x-csrf-token': committee.csrf } });
      assert.equal(up.statusCode, 201, up.payload);
      const fileId = JSON.parse(up.payload).id;
      const r = await committee.post('/api/consultations/topics', topic('关于发展林下经济的协商选题', { year: year + 1, attachmentIds: [fileId] }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const files = await office.get(`/api/attachments?entityType=consultation_topic&entityId=${r.body.id}`);
      assert.equal(files.status, 200, JSON.stringify(files.body));
      assert.deepEqual(files.body.items.map((f: any) => f.filename), ['调研报告.pdf'], 'the office reads the material');
      assert.equal((await county.get(`/api/attachments/${fileId}`)).status, 404, 'another CPPCC does not');
      const again = await committee.post('/api/consultations/topics', topic('关于发展林下经济的第二个选题', { year: year + 1, attachmentIds: [fileId] }));
      assert.equal(again.status, 400, 'a file belongs to one record');
      assert.equal(again.body.error.field, 'attachmentIds');
      assert.equal((await office.get(`/api/consultations/topics?year=${year + 1}`)).body.total, 1, 'nothing written');
    });

    test('the plan exports to Excel: every item (the cancelled marked) with its month, lead and departments, and the changes with their reasons', async () => {
      const res = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/plan.xlsx`, headers: { cookie: member.cookie } });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows = (name: string) => { const ws = book.getWorksheet(name)!; return Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''))); };
      const p = await plan();
      const items = rows('计划项');
      assert.equal(items.length, p.items.length, 'every item, the cancelled included');
      assert.deepEqual(items.filter((r) => r[6] === '已取消').map((r) => r[2]).sort(), p.items.filter((i: any) => i.status === 'cancelled').map((i: any) => i.title).sort());
      const first = items.find((r) => r[2] === '促进特色农产品精深加工')!;
      assert.deepEqual([first[1], first[4]], ['专题议政性常委会议', '农业和农村委员会']);
      const changes = rows('计划调整');
      assert.equal(changes.length, p.changes.length);
      assert.ok(changes.some((r) => r[5] === '配合市委调研安排顺延'));
      const county404 = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${planId}/plan.xlsx`, headers: { cookie: county.cookie } });
      assert.equal(county404.statusCode, 404);
    });

    test('figures: topics proposed, items by form, items carried out, each equal to its list', async () => {
      const r = await leader.get(`/api/figures?year=${year}&modules=consultations`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figs = r.body.groups.flatMap((g: any) => g.figures).filter((f: any) => /^consultations\.(topics_|plan_)/.test(f.key));
      const by = new Map(figs.map((f: any) => [f.key, f]));
      assert.equal((by.get('consultations.topics_proposed') as any).value, 5);
      assert.equal((by.get('consultations.plan_items') as any).value, 5);
      assert.equal((by.get('consultations.plan_items_counterpart') as any).value, 2);
      assert.equal((by.get('consultations.plan_items_online') as any).value, 0);
      assert.equal((by.get('consultations.plan_items_carried_out') as any).value, 0, 'no consultation of the plan has been held yet');
      for (const f of figs) {
        const q = new URLSearchParams({ ...f.list.query, pageSize: '200' });
        const list = await leader.get(`${f.list.api}?${q}`);
        assert.equal(list.status, 200, `${f.key}: ${JSON.stringify(list.body)}`);
        assert.equal(list.body.total, f.value, `${f.key}: the list agrees with the figure`);
        assert.equal(list.body.items.length, f.value);
      }
      const memberFigs = (await member.get(`/api/figures?year=${year}&modules=consultations`)).body;
      assert.ok(!JSON.stringify(memberFigs).includes('consultations.plan_items'), 'a member gets no organisation figures');
    });

    test('a plan with a 重大协商议题 is approved by the chair\'s meeting and then by the party committee, as the office records it', async () => {
      const next = year + 1;
      const created = await office.post('/api/consultations/plans', { year: next });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const badMajor = await office.post(`/api/consultations/plans/${id}/items`, { title: '编制“十五五”规划专题议政', form: 'standing_topic', leadOrgId: agriId, partnerUnitIds: [], plannedMonth: 4, major: '是' });
      assert.equal(badMajor.status, 400);
      assert.equal(badMajor.body.error.field, 'major');
      const upload = async (c: Client, name: string) => {
        const m = multipart(name, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf');
        const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: c.cookie, 'x-csrf-token': c.csrf } });
        assert.equal(up.statusCode, 201, up.payload);
        return JSON.parse(up.payload).id as string;
      };
      // an item carries its material (调研方案); a file of someone else is refused, naming the field, and nothing is written
      const othersFile = await upload(committee, '别人的文件.pdf');
      const refused = await office.post(`/api/consultations/plans/${id}/items`, { title: '不应写入的计划项', form: 'counterpart', leadOrgId: agriId, partnerUnitIds: [], plannedMonth: 6, attachmentIds: [othersFile] });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.field, 'attachmentIds');
      assert.equal((await office.get(`/api/consultations/plans/${id}`)).body.items.length, 0, 'nothing written');
      const scheme = await upload(office, '十五五规划专题议政调研方案.pdf');
      for (const [title, major] of [['编制“十五五”规划专题议政', true], ['农村人居环境整治对口协商', false]] as const) {
        const r = await office.post(`/api/consultations/plans/${id}/items`, { title, form: major ? 'standing_topic' : 'counterpart', leadOrgId: agriId, partnerUnitIds: [], plannedMonth: major ? 4 : 6, major, ...(major ? { attachmentIds: [scheme] } : {}) });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      let p = (await office.get(`/api/consultations/plans/${id}`)).body;
      assert.equal(p.majorItems, 1);
      assert.deepEqual(p.items.map((i: any) => i.major).sort(), [false, true]);
      p = (await firePlan(office, p, 'submit')).body;
      assert.deepEqual(p.actions, [], 'the office waits for the chair\'s meeting');
      const leaderView = (await leader.get(`/api/consultations/plans/${id}`)).body;
      assert.deepEqual(leaderView.actions.map((a: any) => a.name).sort(), ['approve_to_party', 'return']);
      const alone = await firePlan(leader, p, 'approve', { meeting: '主席会议', approvedOn: `${next}-02-20` });
      assert.ok(alone.status >= 400 && alone.status < 500, 'the chair\'s meeting alone does not approve a plan with major topics');
      assert.match(alone.body.error.message, /报党委审定/);
      const sent = await firePlan(leader, p, 'approve_to_party', { meeting: '政协主席会议', approvedOn: `${next}-02-20` });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.state, 'party_review');
      assert.equal(sent.body.stateLabel, '待党委审定');
      assert.equal(sent.body.approvedMeeting, '政协主席会议');
      assert.equal((await member.get(`/api/consultations/plans/${id}`)).status, 404, 'members read the plan once it is approved');
      assert.ok(JSON.stringify((await office.get('/api/worklist?pageSize=200')).body).includes(id), 'the party step waits on the office\'s worklist');
      assert.equal((await office.patch(`/api/consultations/plans/${id}/items/${sent.body.items[0].id}`, { version: sent.body.items[0].version, plannedMonth: 5 })).status, 409, 'items stay as the party committee saw them');
      assert.equal((await firePlan(leader, sent.body, 'party_approve', { meeting: '市委常委会会议', approvedOn: `${next}-03-02` })).status, 403, 'the office records the party committee\'s decision');
      const noDate = await firePlan(office, sent.body, 'party_approve', { meeting: '市委常委会会议' });
      assert.equal(noDate.status, 400);
      assert.equal(noDate.body.error.field, 'input.approvedOn');
      // returned by the party committee: back to the draft, to go to the chair's meeting again
      const back = await firePlan(office, sent.body, 'party_return', { reason: '请进一步聚焦议题。' });
      assert.equal(back.body.state, 'draft');
      assert.equal(back.body.approvedMeeting, null);
      p = (await firePlan(office, back.body, 'submit')).body;
      p = (await firePlan(leader, p, 'approve_to_party', { meeting: '政协主席会议', approvedOn: `${next}-03-10` })).body;
      const stale = await firePlan(office, { ...p, version: p.version - 1 }, 'party_approve', { meeting: '市委常委会会议', approvedOn: `${next}-03-20` });
      assert.equal(stale.status, 409);
      const done = await firePlan(office, p, 'party_approve', { meeting: '市委常委会会议', approvedOn: `${next}-03-20`, document: '长办字〔2026〕9号' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.state, 'approved');
      assert.deepEqual(done.body.party, { meeting: '市委常委会会议', approvedOn: `${next}-03-20`, document: '长办字〔2026〕9号' });
      // the approved plan's items take more material without a recorded change; members read it, another CPPCC does not
      const majorItem = done.body.items.find((i: any) => i.major);
      assert.deepEqual(majorItem.attachments.map((f: any) => f.filename), ['十五五规划专题议政调研方案.pdf']);
      const background = await upload(office, '背景材料.pdf');
      assert.equal((await member.post(`/api/consultations/plans/${id}/items/${majorItem.id}/attachments`, { attachmentIds: [background] })).status, 403, 'a member adds nothing');
      assert.equal((await office.post(`/api/consultations/plans/${id}/items/${majorItem.id}/attachments`, { attachmentIds: [] })).body.error.field, 'attachmentIds');
      const added = await office.post(`/api/consultations/plans/${id}/items/${majorItem.id}/attachments`, { attachmentIds: [background] });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      assert.equal(added.body.changes.length, 0, 'material is not a change of the plan');
      const read = await member.get(`/api/consultations/plans/${id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.items.find((i: any) => i.id === majorItem.id).attachments.map((f: any) => f.filename), ['十五五规划专题议政调研方案.pdf', '背景材料.pdf']);
      assert.equal((await member.get(`/api/attachments/${background}`)).status, 200, 'a member downloads the approved plan\'s material');
      assert.equal((await county.get(`/api/attachments/${background}`)).status, 404, 'another CPPCC does not');
      const res = await w.app.inject({ method: 'GET', url: `/api/consultations/plans/${id}/document.docx`, headers: { cookie: member.cookie } });
      assert.equal(res.statusCode, 200);
      const text = xmlText(await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string'));
      assert.match(text, /市委常委会会议批准/);
      assert.match(text, /编制“十五五”规划专题议政（重大协商议题）/);
      assert.doesNotMatch(text, /农村人居环境整治对口协商（重大协商议题）/);
    });

    test('a county sees its own plans and topics only; the administrators none', async () => {
      assert.equal((await county.get(`/api/consultations/plans/${planId}`)).status, 404);
      assert.deepEqual((await county.get('/api/consultations/plans')).body.items, []);
      assert.equal((await county.get(`/api/consultations/plan-items?year=${year}`)).body.total, 0);
      assert.equal((await county.get(`/api/consultations/topics/${topics.agri.id}`)).status, 404);
      assert.equal((await sysadmin.get('/api/consultations/plans')).status, 403);
      assert.equal((await sysadmin.get('/api/consultations/topics')).status, 403);
    });
  });
}
