// The 调研视察 API through the real server on SQLite and PostgreSQL, on a minimal world: a committee plans a year of
// trips (调研 and 视察), the office records the chair's meeting approval, members sign in with the day's code and add
// notes with photos on the trip, staff draft the report in versions with its problems and recommendations, the leader
// signs it off, 报送 sends the recommendations to the tracker (建议落实), an instruction is recorded; then the figures
// are compared with the scenario and each with its list; bad input, stale versions and who may see and do what.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, nextEvent, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { multipart } from '../../attachments/test/harness.ts';
import { recommendationsRequestedEvent } from '../../recommendations/contract.ts';
import { reportDue } from '../domain/inspection-rules.ts';

const API = '/api/supervision/inspections';
// a small PNG, as a phone's camera would upload (the attachments module checks the content)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

for (const d of await dialects()) {
  describe(`调研视察 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let staff: Client, office: Client, leader: Client, member: Client, m1: Client, m2: Client, county: Client, sysadmin: Client, proposalStaff: Client, unit: Client;
    let today: string;
    const committee = () => w.ids.committeeIds['农业和农村委员会'];
    const userOf = (u: string) => w.people.get(u)!.userId;
    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`${API}/${id}/transitions`, { action, version, input });
    const body = (over: Record<string, unknown> = {}) => ({
      kind: 'inspection', title: '浊漳河“生态走廊”建设专项视察', topic: '察看入河排污口整治和生态修复。', proposer: '农业和农村委员会', leadCommitteeId: committee(),
      plannedFrom: today, plannedTo: today, places: ['潞州区', '襄垣县'], participantIds: [userOf('member'), userOf('m0001')],
      stops: [{ onDate: today, place: '潞州区污水处理厂', purpose: '察看提标改造' }, { onDate: today, place: '襄垣县排污口' }], ...over,
    });

    before(async () => {
      w = await startWorld(d.kind, { members: 4, config: { webDist: '/nonexistent-web-dist' } });
      [staff, office, leader, member, m1, m2, county, sysadmin, proposalStaff, unit] = await Promise.all(['committee', 'office', 'leader', 'member', 'm0001', 'm0002', 'county', 'sysadmin', 'proposal', 'unit'].map((u) => w.as(u)));
      today = w.zx.ctx.calendar.today();
    });
    after(async () => { await w?.close(); });

    /** Drive a trip from 计划 to 进行中 (the office approves it, the committee starts it). */
    async function underway(over: Record<string, unknown> = {}) {
      let r = (await staff.post(API, body(over))).body;
      r = (await fire(office, r.id, 'approve', r.version, { meeting: '主席会议', approvedOn: today })).body;
      r = (await fire(staff, r.id, 'start', r.version)).body;
      assert.equal(r.state, 'underway');
      return r;
    }
    /** Draft the report with `problems` problems and `recs` recommendations, sign it off and send it. */
    async function report(r: any, problems: number, recs: number) {
      if (r.state === 'underway') r = (await fire(staff, r.id, 'finish', r.version)).body;
      const units = [w.ids.unitIds['市住建局'], w.ids.unitIds['市教育局']];
      r = (await staff.put(`${API}/${r.id}/report`, {
        version: r.version, title: `关于${r.title}的报告`, body: '情况与分析。',
        problems: Array.from({ length: problems }, (_, i) => ({ text: `问题${i + 1}：排污口监测不到位` })),
        recommendations: Array.from({ length: recs }, (_, i) => ({ text: `建议${i + 1}：加强联合执法`, unitIds: [units[i % 2]], dueWorkingDays: 30 })),
      })).body;
      r = (await fire(staff, r.id, 'submit_report', r.version)).body;
      r = (await fire(leader, r.id, 'sign_off', r.version)).body;
      const res = await fire(staff, r.id, 'send', r.version);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    }

    test('a committee plans a trip: bad input is a 400 naming the field; the office sees it to approve', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ title: undefined }, 'title'], [{ kind: 'tour' }, 'kind'], [{ plannedTo: '2000-01-01' }, 'plannedTo'], [{ places: [] }, 'places'],
        [{ leadCommitteeId: w.ids.committeeIds['提案委员会'] }, 'leadCommitteeId'], [{ participantIds: [userOf('office')] }, 'participantIds'],
        [{ stops: [{ onDate: '2000-01-01', place: '别处' }] }, 'stops.0.onDate'], [{ plannedFrom: 'tomorrow' }, 'plannedFrom'],
      ];
      for (const [over, field] of cases) {
        const r = await staff.post(API, body(over));
        assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.field, field);
        assert.match(r.body.error.message, /[\u4e00-\u9fa5]/, 'a Chinese message');
      }
      const before = Number((await w.zx.ctx.db.selectFrom('inspections' as never).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);
      assert.equal(before, 0, 'nothing half-written');
      assert.equal((await member.post(API, body())).status, 403, 'a member does not plan trips');

      const created = await staff.post(API, body());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const r = created.body;
      assert.equal(r.state, 'planned');
      assert.equal(r.kindLabel, '视察');
      assert.equal(r.participants.length, 2);
      assert.deepEqual(r.stops.map((s: any) => s.place), ['潞州区污水处理厂', '襄垣县排污口']);
      assert.deepEqual(r.actions.map((a: any) => a.name), ['cancel'], 'the committee may cancel but not approve');
      const tasks = (await office.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === r.id);
      assert.deepEqual(tasks.map((t: any) => t.label), ['提请主席会议审定调研视察']);
      const future = await fire(office, r.id, 'approve', r.version, { meeting: '主席会议', approvedOn: w.zx.ctx.calendar.addWorkingDays(today, 5) });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'input.approvedOn');
      const noMeeting = await fire(office, r.id, 'approve', r.version, { approvedOn: today });
      assert.equal(noMeeting.status, 400);
      assert.match(noMeeting.body.error.message, /审定会议/);
      const ok = await fire(office, r.id, 'approve', r.version, { meeting: '十届主席会议第5次会议', approvedOn: today });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.approvedMeeting, '十届主席会议第5次会议');
      // the committee's worklist: organise the trip, due on its first day
      const next = (await staff.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === r.id);
      assert.deepEqual(next.map((t: any) => [t.label, t.dueDate]), [['组织开展调研视察', today]]);
      const stale = await staff.patch(`${API}/${r.id}`, { version: r.version, title: '另一个题目' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    });

    test('on the trip: members sign in with the day\'s code once, mark stops and add notes with photos on their phones', async () => {
      const r = await underway({ title: '入河排污口管理视察' });
      assert.equal(r.abilities.collect, true);
      const code = (await staff.get(`${API}/${r.id}/signin-code`)).body;
      assert.equal(code.validOn, today);
      assert.equal((await member.get(`${API}/${r.id}/signin-code`)).status, 403, 'a member does not show the code');
      const bad = await member.post(`${API}/${r.id}/signin`, { token: `${today}.forged` });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'token');
      assert.equal((await m2.post(`${API}/${r.id}/signin`, { token: code.token })).status, 403, 'only those on the list sign in');
      const ok = await member.post(`${API}/${r.id}/signin`, { token: code.token });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal((await member.post(`${API}/${r.id}/signin`, { token: code.token })).status, 409, 'once');
      const p1 = r.participants.find((p: any) => p.userId === userOf('m0001'));
      assert.equal((await staff.post(`${API}/${r.id}/participants/${p1.id}/signin`)).status, 200, 'staff sign m0001 in');

      const m = multipart('现场.png', PNG, 'image/png');
      const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: member.cookie, 'x-csrf-token': member.csrf } });
      assert.equal(up.statusCode, 201, up.payload);
      const upload = { body: JSON.parse(up.payload) };
      const stop = r.stops[0];
      assert.equal((await member.post(`${API}/${r.id}/stops/${stop.id}/visited`)).status, 200);
      assert.equal((await member.post(`${API}/${r.id}/stops/${stop.id}/visited`)).status, 409);
      const noText = await member.post(`${API}/${r.id}/notes`, { attachmentIds: [upload.body.id] });
      assert.equal(noText.body.error.field, 'text');
      const note = await member.post(`${API}/${r.id}/notes`, { text: '排污口在线监测设备未联网', stopId: stop.id, attachmentIds: [upload.body.id] });
      assert.equal(note.status, 201, JSON.stringify(note.body));
      assert.equal(note.body.notes[0].attachments[0].filename, '现场.png');
      assert.equal(note.body.notes[0].place, '潞州区污水处理厂');
      assert.equal((await member.post(`${API}/${r.id}/notes`, { text: '再用一次', attachmentIds: [upload.body.id] })).status, 400, 'a photo belongs to one note');
      const doc = await staff.post(`${API}/${r.id}/notes`, { kind: 'document', text: '收到市生态环境局汇报材料' });
      assert.equal(doc.status, 201);
      assert.equal((await m2.post(`${API}/${r.id}/notes`, { text: '不在名单' })).status, 404, 'a member not on the trip does not see it');
      // the photo opens for those who see the trip
      assert.equal((await office.get(`/api/attachments/${upload.body.id}`)).status, 200);
      assert.equal((await county.get(`/api/attachments/${upload.body.id}`)).status, 404);
      const detail = (await member.get(`${API}/${r.id}`)).body;
      assert.ok(detail.me.signedInAt);
      assert.equal(detail.participants.filter((p: any) => p.signedInAt).length, 2);
      assert.ok(detail.stops[0].visitedAt);
    });

    test('the organisers change the plan, the list and the itinerary: dates move the work item, a visited stop keeps its mark, a signed-in member stays', async () => {
      let r = (await staff.post(API, body({ title: '计划调整的视察' }))).body;
      r = (await fire(office, r.id, 'approve', r.version, { meeting: '主席会议', approvedOn: today })).body;
      const later = w.zx.ctx.calendar.addWorkingDays(today, 10);
      const badDates = await staff.patch(`${API}/${r.id}`, { version: r.version, plannedFrom: later });
      assert.equal(badDates.status, 400, 'the end may not come before the start');
      assert.equal(badDates.body.error.field, 'plannedTo');
      assert.equal((await m1.patch(`${API}/${r.id}`, { version: r.version, title: '委员改不了' })).status, 403);
      const moved = await staff.patch(`${API}/${r.id}`, { version: r.version, plannedFrom: later, plannedTo: later, places: ['平顺县'] });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      r = moved.body;
      assert.deepEqual([r.plannedFrom, r.places], [later, ['平顺县']]);
      const task = (await staff.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === r.id);
      assert.deepEqual(task.map((t: any) => t.dueDate), [later], 'the work item follows the new date');
      const outside = await staff.put(`${API}/${r.id}/itinerary`, { version: r.version, stops: [{ onDate: today, place: '昨天的地方' }] });
      assert.equal(outside.body.error.field, 'stops.0.onDate');
      r = (await staff.put(`${API}/${r.id}/itinerary`, { version: r.version, stops: [{ onDate: later, place: '平顺县中药材基地' }, { onDate: later, place: '平顺县卫生院' }] })).body;
      assert.deepEqual(r.stops.map((x: any) => [x.seq, x.place]), [[1, '平顺县中药材基地'], [2, '平顺县卫生院']]);
      const stranger = await staff.put(`${API}/${r.id}/participants`, { version: r.version, userIds: [userOf('unit')] });
      assert.equal(stranger.body.error.field, 'userIds');
      r = (await staff.put(`${API}/${r.id}/participants`, { version: r.version, userIds: [userOf('member'), userOf('m0002')] })).body;
      assert.deepEqual(r.participants.map((p: any) => p.userId).sort(), [userOf('member'), userOf('m0002')].sort());
      assert.equal((await m2.get(`${API}/${r.id}`)).status, 200, 'the member added sees the trip');
      assert.equal((await m1.get(`${API}/${r.id}`)).status, 404, 'the member dropped no longer does');
      // under way (the trip's days are today's only in the trips dated today): a signed-in member may not be dropped
      const now = await underway({ title: '签到后调整名单' });
      const code = (await staff.get(`${API}/${now.id}/signin-code`)).body;
      assert.equal((await member.post(`${API}/${now.id}/signin`, { token: code.token })).status, 200);
      const drop = await staff.put(`${API}/${now.id}/participants`, { version: now.version, userIds: [userOf('m0001')] });
      assert.equal(drop.status, 400);
      assert.match(drop.body.error.message, /已签到/);
      const visited = await staff.post(`${API}/${now.id}/stops/${now.stops[0].id}/visited`);
      assert.equal(visited.status, 200);
      const kept = await staff.put(`${API}/${now.id}/itinerary`, { version: visited.body.version, stops: [{ onDate: today, place: now.stops[0].place }, { onDate: today, place: '新增考察点' }] });
      assert.ok(kept.body.stops[0].visitedAt, 'the visited stop keeps its mark');
      assert.equal(kept.body.stops[1].visitedAt, null);
      const ended = (await fire(staff, now.id, 'finish', kept.body.version)).body;
      assert.equal((await staff.patch(`${API}/${now.id}`, { version: ended.version, title: '结束后改题目' })).status, 409, 'after the trip the plan is fixed');
    });

    test('the report: drafted in versions, a report due in working days, returned and signed off; 报送 sends its recommendations to the tracker', async () => {
      let r = await underway({ kind: 'investigation', title: '农村养老体系调研' });
      r = (await fire(staff, r.id, 'finish', r.version)).body;
      assert.equal(r.state, 'drafting');
      assert.equal(r.reportDue, reportDue(w.zx.ctx.calendar.isWorkday, today, 15));
      const early = await fire(staff, r.id, 'submit_report', r.version);
      assert.equal(early.status, 400);
      assert.equal(early.body.error.field, 'input.report');
      assert.match(early.body.error.message, /报告/);
      const unitId = w.ids.unitIds['市住建局'];
      const draft = (over: Record<string, unknown> = {}) => ({ version: r.version, title: '关于优化农村养老体系建设的调研报告', body: '调研组深入三县。', problems: [{ text: '互助幸福院运营难' }], recommendations: [{ text: '建立运营补贴机制', unitIds: [unitId] }], ...over });
      const badUnit = await staff.put(`${API}/${r.id}/report`, draft({ recommendations: [{ text: '建立运营补贴机制', unitIds: [committee()] }] }));
      assert.equal(badUnit.status, 400);
      assert.equal(badUnit.body.error.field, 'recommendations.0.unitIds');
      const noUnit = await staff.put(`${API}/${r.id}/report`, draft({ recommendations: [{ text: '建立运营补贴机制', unitIds: [] }] }));
      assert.equal(noUnit.body.error.field, 'recommendations.0.unitIds');
      assert.equal((await member.put(`${API}/${r.id}/report`, draft())).status, 403);
      r = (await staff.put(`${API}/${r.id}/report`, draft())).body;
      assert.equal(r.report.no, 1);
      const second = await staff.put(`${API}/${r.id}/report`, draft({ version: r.version, note: '吸收委员意见', problems: [{ text: '互助幸福院运营难' }, { text: '医养结合能力弱' }], recommendations: [{ text: '建立运营补贴机制', unitIds: [unitId] }, { text: '加强乡镇卫生院医养结合', unitIds: [unitId, w.ids.unitIds['市教育局']], dueWorkingDays: 40 }] }));
      assert.equal(second.status, 200, JSON.stringify(second.body));
      r = second.body;
      assert.equal(r.report.no, 2);
      assert.deepEqual([r.problemCount, r.recommendationCount], [2, 2]);
      const versions = (await staff.get(`${API}/${r.id}/report/versions`)).body;
      assert.deepEqual(versions.items.map((v: any) => [v.no, v.problems.length]), [[2, 2], [1, 1]], 'every version kept');

      r = (await fire(staff, r.id, 'submit_report', r.version)).body;
      assert.equal(r.state, 'signoff');
      assert.equal((await fire(staff, r.id, 'sign_off', r.version)).status, 403, 'committee staff do not sign off');
      assert.deepEqual((await leader.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === r.id).map((t: any) => t.label), ['签发调研视察报告']);
      const noReason = await fire(leader, r.id, 'return_report', r.version, {});
      assert.equal(noReason.status, 400);
      r = (await fire(leader, r.id, 'return_report', r.version, { reason: '建议要更具体' })).body;
      assert.equal(r.state, 'drafting');
      assert.equal(r.returnReason, '建议要更具体');
      r = (await fire(staff, r.id, 'submit_report', r.version)).body;
      r = (await fire(leader, r.id, 'sign_off', r.version)).body;
      assert.equal(r.state, 'signed');

      const delivered = nextEvent(w.zx, recommendationsRequestedEvent, (e) => e.entityId === r.id);
      r = (await fire(staff, r.id, 'send', r.version)).body;
      assert.equal(r.state, 'sent');
      const payload = (await delivered).payload as any;
      assert.equal(payload.source.type, 'investigation');
      assert.equal(payload.source.title, '关于优化农村养老体系建设的调研报告');
      assert.deepEqual(payload.items.map((i: any) => [i.key, i.unitIds.length, i.dueInWorkingDays]), [['1', 1, 60], ['2', 2, 40]]);
      await drained(w.zx);
      // the tracker holds one part per department: 1 + 2
      const tracked = await office.get(`/api/recommendations?sourceId=${r.id}&pageSize=50`);
      assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
      assert.equal(tracked.body.total, 3);
      assert.ok(tracked.body.items.every((i: any) => i.sourceType === 'investigation'));
      assert.equal(r.trackerLink, `/recommendations?sourceId=${encodeURIComponent(r.id)}`);

      const late = await staff.post(`${API}/${r.id}/instructions`, { version: r.version, by: '市委书记', text: '请认真研究。', onDate: w.zx.ctx.calendar.addWorkingDays(today, 3) });
      assert.equal(late.body.error.field, 'onDate');
      assert.equal((await staff.post(`${API}/${r.id}/instructions`, { version: r.version - 1, by: '市委书记', text: '请认真研究。', onDate: today })).status, 409);
      const ins = await staff.post(`${API}/${r.id}/instructions`, { version: r.version, by: '市委书记', text: '请市民政局牵头落实。', onDate: today });
      assert.equal(ins.status, 201, JSON.stringify(ins.body));
      assert.equal(ins.body.instructions[0].by, '市委书记');
      // the tracker shows it on every part of the report, and on the recommendation a later one names
      await drained(w.zx);
      for (const i of tracked.body.items) {
        const det = (await office.get(`/api/recommendations/${i.id}`)).body;
        assert.deepEqual(det.instructions.map((x: any) => [x.by, x.scope]), [['市委书记', 'source']], i.itemKey);
      }
      const noSuch = await staff.post(`${API}/${r.id}/instructions`, { version: ins.body.version, by: '市长', text: '请抓紧办理。', onDate: today, recommendationNos: [9] });
      assert.equal(noSuch.status, 400);
      assert.equal(noSuch.body.error.field, 'recommendationNos');
      const onSecond = await staff.post(`${API}/${r.id}/instructions`, { version: ins.body.version, by: '市长', text: '请抓紧办理。', onDate: today, recommendationNos: [2] });
      assert.equal(onSecond.status, 201, JSON.stringify(onSecond.body));
      await drained(w.zx);
      for (const i of tracked.body.items) {
        const det = (await office.get(`/api/recommendations/${i.id}`)).body;
        assert.equal(det.instructions.some((x: any) => x.by === '市长' && x.scope === 'recommendation'), i.itemKey === '2', i.itemKey);
      }
      // a 批示 on the second recommendation with its document (批示件): shown on the trip with its scope and file; the
      // tracker's parts of that recommendation carry the document, which their departments read (not a stranger)
      const m = multipart('批示件.png', PNG, 'image/png');
      const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: staff.cookie, 'x-csrf-token': staff.csrf } });
      assert.equal(up.statusCode, 201, up.payload);
      const docId = JSON.parse(up.payload).id as string;
      const withDoc = await staff.post(`${API}/${r.id}/instructions`, { version: onSecond.body.version, by: '市政府分管领导', text: '请市住建局会同市教育局落实。', onDate: today, recommendationNos: [2], documentId: docId });
      assert.equal(withDoc.status, 201, JSON.stringify(withDoc.body));
      const shown = withDoc.body.instructions.find((x: any) => x.by === '市政府分管领导');
      assert.deepEqual([shown.recommendationNos, shown.document], [[2], { id: docId, filename: '批示件.png' }]);
      assert.deepEqual(withDoc.body.instructions.find((x: any) => x.by === '市委书记').recommendationNos, [], 'the first was on the whole report');
      const reused = await staff.post(`${API}/${r.id}/instructions`, { version: withDoc.body.version, by: '市长', text: '再批一次。', onDate: today, documentId: docId });
      assert.equal(reused.status, 400, 'a document belongs to one instruction');
      assert.equal(reused.body.error.field, 'documentId');
      await drained(w.zx);
      for (const i of tracked.body.items) {
        const det = (await office.get(`/api/recommendations/${i.id}`)).body;
        assert.equal(det.instructions.some((x: any) => x.by === '市政府分管领导' && x.documentId === docId), i.itemKey === '2', i.itemKey);
      }
      assert.equal((await unit.get(`/api/attachments/${docId}`)).status, 200, 'the department of recommendation 2 reads the document');
      assert.equal((await m2.get(`/api/attachments/${docId}`)).status, 404, 'a member not on the trip does not');
      assert.equal((await county.get(`/api/attachments/${docId}`)).status, 404, 'nor another CPPCC');
      const docx = await staff.request('GET', `${API}/${r.id}/report.docx`);
      assert.equal(docx.status, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok, 'the audit chain holds');
    });

    test('a year of trips: every figure equals the scenario and the total of the list it opens', async () => {
      const period = `from=${today}&to=${today}`;
      const base = (await office.get(`/api/figures?${period}&modules=inspections`)).body.groups.find((g: any) => g.module === 'inspections')?.figures ?? [];
      const value = (figs: any[], k: string) => figs.find((f: any) => f.key === `inspections.${k}`)?.value ?? 0;
      // three more trips: two 视察 (one sent with 5 problems and 23 recommendations, one cancelled), one 调研 sent with 3 and 4
      const a = await report(await underway({ title: '浊漳河专项视察' }), 5, 23);
      const code = (await staff.get(`${API}/${(await underway({ title: '未报送的视察', participantIds: [userOf('m0002')] })).id}/signin-code`)).body;
      assert.ok(code.token);
      let c = (await staff.post(API, body({ title: '取消的视察' }))).body;
      c = (await fire(staff, c.id, 'cancel', c.version, { reason: '与协商会议合并' })).body;
      assert.equal(c.state, 'cancelled');
      await report(await underway({ kind: 'investigation', title: '物业管理调研' }), 3, 4);
      // a trip of another year is not counted
      const other = `${Number(today.slice(0, 4)) - 1}-06-10`;
      assert.equal((await staff.post(API, body({ title: '去年的视察', plannedFrom: other, plannedTo: other, stops: [] }))).status, 201);
      await staff.post(`${API}/${a.id}/instructions`, { version: a.version, by: '市长', text: '请逐条落实。', onDate: today });

      const figs = (await office.get(`/api/figures?${period}&modules=inspections`)).body.groups.find((g: any) => g.module === 'inspections').figures;
      const grew = (k: string) => value(figs, k) - value(base, k);
      assert.deepEqual(
        ['investigations_held', 'inspections_held', 'reports_sent', 'problems', 'recommendations', 'instructions'].map(grew),
        [1, 2, 2, 8, 27, 1],
      );
      // the whole scenario so far (this test and the ones before it, all dated today; the report before has three 批示)
      assert.deepEqual(
        ['investigations_held', 'inspections_held', 'participations', 'reports_sent', 'problems', 'recommendations', 'instructions'].map((k) => value(figs, k)),
        [2, 4, 3, 3, 10, 29, 4],
      );
      for (const f of figs) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(list.status, 200, `${f.key}: ${JSON.stringify(list.body)}`);
        assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      assert.deepEqual((await member.get(`/api/figures?${period}&modules=inspections`)).body.groups, [], 'a member reads no organisation figures');
      // the member's own figure (我的履职): the trips they signed in to
      const mine = await member.get(`/api/members/me/record`);
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      const took = JSON.stringify(mine.body).includes('inspections.member.took_part');
      assert.ok(took, 'the duty record shows 参加调研视察');
      const own = await member.get(`${API}/participations?userId=${userOf('member')}&${period}`);
      assert.equal(own.body.total, 2, 'the member signed in to two trips today');
      assert.equal((await member.get(`${API}/participations?${period}`)).status, 403, 'not everyone\'s');
      assert.equal((await member.get(`${API}/findings?type=problem`)).status, 403);
    });

    test('who sees what: participants and organisers; not another committee, another CPPCC or the administrators', async () => {
      const r = (await staff.post(API, body({ title: '只给名单上的人看', participantIds: [userOf('m0001')] }))).body;
      assert.equal((await m1.get(`${API}/${r.id}`)).status, 200, 'a participant');
      assert.equal((await m2.get(`${API}/${r.id}`)).status, 404, 'a member not on the trip');
      assert.ok(!(await m2.get(`${API}?pageSize=200`)).body.items.some((i: any) => i.id === r.id));
      assert.ok((await m1.get(`${API}?mine=true&pageSize=200`)).body.items.some((i: any) => i.id === r.id));
      assert.equal((await county.get(`${API}/${r.id}`)).status, 404, 'a member of another CPPCC');
      assert.equal((await office.get(`${API}/${r.id}`)).status, 200);
      assert.equal((await leader.get(`${API}/${r.id}`)).status, 200);
      assert.equal((await proposalStaff.get(`${API}/${r.id}`)).status, 403, 'the proposal office holds none of the module\'s permissions');
      assert.equal((await unit.get(API)).status, 403);
      assert.equal((await sysadmin.get(API)).status, 403);
      assert.equal((await fire(m1, r.id, 'cancel', r.version, { reason: '不想去' })).status, 403, 'a participant does not run the trip');
      assert.equal((await staff.get(`${API}?state=nonsense`)).body.error.field, 'state');
    });
  });
}
