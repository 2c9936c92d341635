// The 建议落实 API through the real server on SQLite and PostgreSQL, on the minimal world: another module's request
// (the event, delivered twice) becomes one tracked part per department once; the department replies with evidence on
// its worklist; the office assesses each way, grants and refuses extensions; reminders and escalation once a day; the
// board and the figures agree with their lists; a department sees only its own, a county only its own.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { multipart } from '../../attachments/test/harness.ts';
import { recommendationsRequestedEvent, type RecommendationsRequestedPayload } from '../contract.ts';
import { runRecommendationReminders } from '../server/reminders.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

for (const d of await dialects()) {
  describe(`建议落实 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let office: Client, leader: Client, unit: Client, unitlead: Client, unit2: Client, member: Client, countystaff: Client, sysadmin: Client;
    let housing: string, education: string, transport: string;

    before(async () => {
      w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, leader, unit, unitlead, unit2, member, countystaff, sysadmin] = await Promise.all(['office', 'leader', 'unit', 'unitlead', 'unit2', 'member', 'countystaff', 'sysadmin'].map((u) => w.as(u)));
      housing = w.ids.unitIds['市住建局'];
      education = w.ids.unitIds['市教育局'];
      transport = w.ids.unitIds['市交通运输局'];
    });
    after(async () => { await w?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) =>
      c.post(`/api/recommendations/${id}/transitions`, { action, version, input });
    const mine = async (c: Client, q = '') => (await c.get(`/api/recommendations?pageSize=200${q}`)).body;

    /** A source module's request, written to the outbox in a unit of work as the source's command would. */
    async function request(sourceId: string, items: RecommendationsRequestedPayload['items'], tenantId = w.ids.cityId) {
      const payload: RecommendationsRequestedPayload = {
        tenantId, requestedBy: w.ids.demoUsers.office.userId,
        source: { module: 'consultations', type: 'consultation', id: sourceId, title: `协商成果 ${sourceId}`, link: `/consultations/${sourceId}` },
        items,
      };
      await w.zx.ctx.uow.run(async (work) => {
        await work.emit({ type: recommendationsRequestedEvent, tenantId, entityType: 'consultation', entityId: sourceId, actorId: payload.requestedBy, payload: payload as unknown as Record<string, unknown> });
      });
      await drained(w.zx);
    }

    test('a source\'s request tracks one part per recommendation and department, once however often it is delivered', async () => {
      const items = [
        { key: '1', text: '加快老旧小区改造进度', unitIds: [housing], dueInWorkingDays: 15, instruction: { by: '市长', text: '请认真落实', at: '2025-07-01' } },
        { key: '2', text: '完善校车接送安全管理', unitIds: [education, transport], dueInWorkingDays: 20 },
        { key: '3', text: '交给一个不存在的单位', unitIds: ['no-such-unit'], dueInWorkingDays: 20 },
      ];
      await request('c-1', items);
      await request('c-1', items); // delivered again: nothing new
      const all = await mine(office, '&sourceId=c-1');
      assert.equal(all.total, 3, JSON.stringify(all.items.map((i: any) => [i.itemKey, i.unitName])));
      const first = all.items.find((i: any) => i.itemKey === '1');
      assert.equal(first.state, 'pending');
      assert.equal(first.stateLabel, '待反馈');
      assert.equal(first.hasInstruction, true);
      assert.equal(first.dueDate, w.zx.ctx.calendar.addWorkingDays(clock.today(), 15), 'due in working days on the calendar');
      const detail = (await office.get(`/api/recommendations/${all.items.find((i: any) => i.itemKey === '2').id}`)).body;
      assert.equal(detail.siblings.length, 1, 'the other department\'s part of the same recommendation');
      // a later request from the same source with one more entry adds only that one
      await request('c-1', [...items, { key: '4', text: '增设学校周边交通信号灯', unitIds: [transport], dueInWorkingDays: 10 }]);
      assert.equal((await mine(office, '&sourceId=c-1')).total, 4);
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok);
    });

    test('the department sees its parts on its worklist and its list; others see nothing of them', async () => {
      const list = await mine(unit, '&sourceId=c-1');
      assert.deepEqual(list.items.map((i: any) => i.unitName), ['市住建局']);
      const id = list.items[0].id;
      const tasks = await unit.get('/api/worklist?pageSize=200');
      assert.ok(JSON.stringify(tasks.body).includes(id), 'the part is on the unit clerk\'s worklist');
      assert.equal((await unit2.get(`/api/recommendations/${id}`)).status, 404, 'another department');
      assert.equal((await countystaff.get(`/api/recommendations/${id}`)).status, 403, 'a county\'s proposal staff may not use the module');
      assert.equal((await member.get('/api/recommendations')).status, 403, 'a member does not track recommendations');
      assert.equal((await sysadmin.get('/api/recommendations')).status, 403, 'administrators see no business data');
      assert.equal((await leader.get(`/api/recommendations/${id}`)).status, 200, 'a leader reads every recommendation');
      assert.equal((await unit.get('/api/recommendations/board')).status, 403, 'the board is the office\'s and the leaders\'');
    });

    test('reply with evidence, send back, reply again, 落实中, reply, 已落实; stale versions are 409', async () => {
      let r = (await mine(unit, '&sourceId=c-1')).items[0];
      const noText = await fire(unit, r.id, 'reply', r.version);
      assert.equal(noText.status, 400);
      assert.equal(noText.body.error.field, 'input.feedback');
      assert.match(noText.body.error.message, /落实情况/);
      assert.equal((await fire(office, r.id, 'reply', r.version, { feedback: 'x' })).status, 403, 'the office does not reply for the unit');

      const m = multipart('整改台账.pdf', PDF, 'application/pdf');
      const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: unit.cookie, 'x-csrf-token': unit.csrf } });
      assert.equal(up.statusCode, 201, up.payload);
      const attachmentId = JSON.parse(up.payload).id;
      r = (await fire(unit, r.id, 'reply', r.version, { feedback: '已完成 12 个小区改造', attachmentIds: [attachmentId] })).body;
      assert.equal(r.state, 'answered', JSON.stringify(r));
      assert.equal(r.feedback, '已完成 12 个小区改造');
      const files = await office.get(`/api/attachments?entityType=recommendation&entityId=${r.id}`);
      assert.deepEqual(files.body.items.map((f: any) => f.filename), ['整改台账.pdf'], 'the office reads the evidence');
      assert.equal((await unit2.get(`/api/attachments/${attachmentId}`)).status, 404, 'another department does not');

      const sendBack = await fire(office, r.id, 'return', r.version);
      assert.equal(sendBack.body.error.field, 'input.reason');
      r = (await fire(office, r.id, 'return', r.version, { reason: '请补充改造前后照片' })).body;
      assert.equal(r.state, 'pending');
      assert.equal(r.returnReason, '请补充改造前后照片');
      const stale = await fire(unit, r.id, 'reply', r.version - 1, { feedback: '旧版本' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      r = (await fire(unitlead, r.id, 'reply', r.version, { feedback: '补充了照片' })).body;
      assert.equal(r.state, 'answered', 'the unit\'s leader may reply too');

      const past = await fire(office, r.id, 'mark_in_progress', r.version, { note: '继续推进', nextDueDate: '2000-01-01' });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.field, 'input.nextDueDate');
      const next = w.zx.ctx.calendar.addWorkingDays(clock.today(), 30);
      r = (await fire(office, r.id, 'mark_in_progress', r.version, { note: '继续推进', nextDueDate: next })).body;
      assert.equal(r.state, 'in_progress');
      assert.equal(r.dueDate, next, 'the further reply is due on the date the office set');
      r = (await fire(unit, r.id, 'reply', r.version, { feedback: '全部完成' })).body;
      r = (await fire(office, r.id, 'mark_implemented', r.version, { note: '予以销号' })).body;
      assert.equal(r.state, 'implemented');
      assert.equal(r.progress.status, 'finish');
      assert.deepEqual(r.actions, []);
      assert.deepEqual(r.history.map((h: any) => h.action), ['create', 'reply', 'return', 'reply', 'mark_in_progress', 'reply', 'mark_implemented']);
    });

    test('未落实 needs its reason', async () => {
      const items = (await mine(unit2, '&sourceId=c-1')).items;
      let r = (await fire(unit2, items[0].id, 'reply', items[0].version, { feedback: '经研究暂不具备条件' })).body;
      const noReason = await fire(office, r.id, 'not_implemented', r.version);
      assert.equal(noReason.body.error.field, 'input.reason');
      r = (await fire(office, r.id, 'not_implemented', r.version, { reason: '资金未落实' })).body;
      assert.equal(r.state, 'not_implemented');
      assert.equal(r.notDoneReason, '资金未落实');
    });

    test('an extension request: refused needs a reason; granted moves the due date and the work item', async () => {
      const [created] = (await office.post('/api/recommendations', { sourceType: 'inspection', sourceTitle: '浊漳河专项视察报告', itemKey: '7', text: '推进雨污分流管网改造', unitIds: [housing], dueInWorkingDays: 10 })).body.items;
      let r = (await unit.get(`/api/recommendations/${created.id}`)).body;
      assert.equal(r.abilities.requestExtension, true);
      const early = await unit.post(`/api/recommendations/${r.id}/extension`, { version: r.version, reason: '需要协调', dueDate: r.dueDate });
      assert.equal(early.status, 400);
      assert.equal(early.body.error.field, 'dueDate');
      const later = w.zx.ctx.calendar.addWorkingDays(r.dueDate, 10);
      r = (await unit.post(`/api/recommendations/${r.id}/extension`, { version: r.version, reason: '涉及多个部门', dueDate: later })).body;
      assert.equal(r.extension.state, 'requested');
      assert.equal(r.abilities.requestExtension, false, 'one request at a time');
      assert.equal((await unit.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version, grant: true })).status, 403);
      const officeTasks = await office.get('/api/worklist?pageSize=200');
      assert.ok(JSON.stringify(officeTasks.body).includes('建议落实延期申请'), 'the office has the request on its worklist');
      const board = (await office.get('/api/recommendations/board')).body;
      assert.equal(board.extensionRequests, (await mine(office, '&extensionPending=true')).total);

      const refuse = await office.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version, grant: false });
      assert.equal(refuse.body.error.field, 'answer');
      r = (await office.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version, grant: false, answer: '请按期完成' })).body;
      assert.equal(r.extension.state, 'refused');
      assert.equal(r.dueDate, created.dueDate);
      r = (await unit.post(`/api/recommendations/${r.id}/extension`, { version: r.version, reason: '汛期施工受限', dueDate: later })).body;
      const stale = await office.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version - 1, grant: true });
      assert.equal(stale.status, 409);
      r = (await office.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version, grant: true })).body;
      assert.equal(r.extension.state, 'granted');
      assert.equal(r.dueDate, later);
      const unitTasks = (await unit.get('/api/worklist?pageSize=200')).body;
      const task = JSON.stringify(unitTasks).includes(later);
      assert.ok(task, 'the department\'s work item is due on the new date');
      assert.deepEqual(r.history.map((h: any) => h.action), ['create', 'request_extension', 'refuse_extension', 'request_extension', 'grant_extension']);
    });

    test('a county\'s recommendations stay the county\'s: the city office neither lists nor opens them', async () => {
      const countyUnit = await w.zx.ctx.db.selectFrom('organizations').select('id').where('tenant_id', '=', w.ids.countyId).where('kind', '=', 'gov_unit').executeTakeFirstOrThrow();
      await request('county-1', [{ key: '1', text: '县里的建议', unitIds: [countyUnit.id], dueInWorkingDays: 10 }, { key: '2', text: '交给市里单位的建议', unitIds: [housing], dueInWorkingDays: 10 }], w.ids.countyId);
      const row = await w.zx.ctx.db.selectFrom('recommendations').select(['id', 'tenant_id']).where('source_id', '=', 'county-1').execute();
      assert.deepEqual(row.map((r) => r.tenant_id), [w.ids.countyId], 'a unit of another CPPCC is not the county\'s to task');
      assert.equal((await office.get(`/api/recommendations/${row[0].id}`)).status, 404);
      assert.equal((await mine(office, '&sourceId=county-1')).total, 0);
      assert.equal((await unit.get(`/api/recommendations/${row[0].id}`)).status, 404);
    });

    test('entering by hand: bad input is a 400 naming the field; nothing half-written', async () => {
      const before = (await mine(office)).total;
      const noUnit = await office.post('/api/recommendations', { sourceType: 'document', sourceTitle: '某报告', text: '某建议', unitIds: [] });
      assert.equal(noUnit.status, 400);
      assert.equal(noUnit.body.error.field, 'unitIds');
      const foreign = await office.post('/api/recommendations', { sourceType: 'document', sourceTitle: '某报告', text: '某建议', unitIds: [housing, 'no-such-unit'] });
      assert.equal(foreign.body.error.field, 'unitIds');
      assert.match(foreign.body.error.message, /责任单位/);
      const halfInstruction = await office.post('/api/recommendations', { sourceType: 'document', sourceTitle: '某报告', text: '某建议', unitIds: [housing], instructionBy: '市长' });
      assert.equal(halfInstruction.body.error.field, 'instructionText');
      const badType = await office.post('/api/recommendations', { sourceType: 'rumour', sourceTitle: '某报告', text: '某建议', unitIds: [housing] });
      assert.equal(badType.body.error.field, 'sourceType');
      assert.equal((await mine(office)).total, before);
      assert.equal((await unit.post('/api/recommendations', { sourceType: 'document', sourceTitle: '某报告', text: '某建议', unitIds: [housing] })).status, 403);
      assert.equal((await mine(office, '&state=nonsense')).error?.field ?? (await office.get('/api/recommendations?state=nonsense')).body.error.field, 'state');
    });

    test('reminders before the due date, escalation after it, once a day', async () => {
      const [soon] = (await office.post('/api/recommendations', { sourceType: 'document', sourceTitle: '提醒测试', text: '即将到期的建议', unitIds: [education], dueInWorkingDays: 1 })).body.items;
      const [late] = (await office.post('/api/recommendations', { sourceType: 'document', sourceTitle: '超期测试', text: '已经超期的建议', unitIds: [housing], dueInWorkingDays: 1 })).body.items;
      // the late one's due date lies in the past (as if handed over long ago)
      await w.zx.ctx.db.updateTable('recommendations').set({ due_date: '2020-01-02' }).where('id', '=', late.id).execute();
      // the job's own notices (the work-item notices name the recommendation too)
      const count = async (c: Client, re: RegExp) => (await c.get('/api/notifications?pageSize=100')).body.items.filter((n: any) => /到期|超期/.test(n.title) && re.test(n.body)).length;
      const r1 = await runRecommendationReminders(w.zx.ctx);
      assert.ok(r1.reminded >= 1 && r1.escalated >= 1, JSON.stringify(r1));
      await runRecommendationReminders(w.zx.ctx);
      assert.equal(await count(unit2, /即将到期的建议/), 1, 'the clerk is reminded once');
      assert.equal(await count(unit, /已经超期的建议/), 1, 'the clerk is told it is overdue once');
      assert.equal(await count(unitlead, /已经超期的建议/), 1, 'the unit leader too');
      assert.equal(await count(office, /已经超期的建议/), 1, 'the office is told to press');
      assert.equal(soon.state, 'pending');
      assert.equal((await mine(office, '&overdue=true')).items.some((i: any) => i.id === late.id), true);
    });

    test('the board and the figures: every count opens a list with exactly that many rows', async () => {
      const board = (await office.get('/api/recommendations/board')).body;
      assert.ok(board.open > 0 && board.overdue > 0, JSON.stringify(board));
      assert.equal((await mine(office, '&open=true')).total, board.open);
      assert.equal((await mine(office, '&overdue=true')).total, board.overdue);
      for (const cell of [...board.bySource, ...board.byUnit, ...board.byAge]) {
        const list = await office.get(`/api/recommendations?${new URLSearchParams({ ...cell.query, pageSize: '1' })}`);
        assert.equal(list.body.total, cell.open, `${cell.label}: ${JSON.stringify(cell.query)}`);
        const late = await office.get(`/api/recommendations?${new URLSearchParams({ ...cell.query, overdue: 'true', pageSize: '1' })}`);
        assert.equal(late.body.total, cell.overdue, `${cell.label} overdue`);
      }
      assert.equal(board.byUnit.reduce((n: number, u: any) => n + u.open, 0), board.open);

      const today = clock.today();
      const r = await office.get(`/api/figures?from=${today}&to=${today}&modules=recommendations`);
      const figures = r.body.groups.find((g: any) => g.module === 'recommendations')?.figures ?? [];
      const byKey = new Map(figures.map((f: any) => [f.key, f.value]));
      assert.ok((byKey.get('recommendations.received') as number) >= 7, JSON.stringify(figures));
      assert.equal(byKey.get('recommendations.implemented'), 1);
      assert.ok((byKey.get('recommendations.answered') as number) >= 2);
      assert.ok((byKey.get('recommendations.overdue') as number) >= 1);
      for (const f of figures) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams({ ...f.list.query, pageSize: '1' })}`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      assert.deepEqual((await unit.get(`/api/figures?from=${today}&to=${today}&modules=recommendations`)).body.groups, [], 'a department reads no organisation figures');
    });
  });
}
