// The 协商活动 API through the real server on SQLite and PostgreSQL, on a minimal world: a committee schedules a meeting
// for today, invites members by hand, by committee and others, sends the notice (the invitations reach the members'
// worklists), a member asks for leave and another confirms and hands in a written speech, sign-in by the meeting's link
// (once, only oneself, only with a valid code) and by staff, the outcome with its recommendations, sign-off and 报送
// (the tracker's event is in the outbox), 批示; the figures each equal their lists; who may see and do what.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, nextEvent, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { recommendationsRequestedEvent } from '../../recommendations/contract.ts';
import { preparationDeadlines, defaultDeadlines } from '../domain/consultation-rules.ts';

for (const d of await dialects()) {
  describe(`协商活动 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let staff: Client, office: Client, leader: Client, member: Client, m1: Client, m3: Client, county: Client, sysadmin: Client, otherCommittee: Client;
    let today: string;
    let c: any;
    const committeeOf = (name: string) => w.ids.committeeIds[name];
    const userOf = (u: string) => w.people.get(u)!.userId;

    before(async () => {
      w = await startWorld(d.kind, { members: 4, config: { webDist: '/nonexistent-web-dist' } });
      [staff, office, leader, member, m1, m3, county, sysadmin, otherCommittee] = await Promise.all(['committee', 'office', 'leader', 'member', 'm0001', 'm0003', 'county', 'sysadmin', 'proposal'].map((u) => w.as(u)));
      today = w.zx.ctx.calendar.today();
    });
    after(async () => { await w?.close(); });

    const fire = (cl: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => cl.post(`/api/consultations/${id}/transitions`, { action, version, input });
    const body = () => ({
      title: '促进特色农产品精深加工', form: 'standing_topic', topic: '围绕特色农产品精深加工开展协商。', leadCommitteeId: committeeOf('农业和农村委员会'),
      partnerUnitIds: [w.ids.unitIds['市农业农村局']], plannedOn: today, plannedTime: '09:00', place: '三楼会议室',
    });

    test('a committee schedules a meeting: bad input is a 400 naming the field; the deadlines count back on the working-day calendar', async () => {
      const noTitle = await staff.post('/api/consultations', { ...body(), title: undefined });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /协商议题/);
      const badForm = await staff.post('/api/consultations', { ...body(), form: 'party' });
      assert.equal(badForm.body.error.field, 'form');
      const past = await staff.post('/api/consultations', { ...body(), plannedOn: '2000-01-01' });
      assert.equal(past.body.error.field, 'plannedOn');
      const notMine = await staff.post('/api/consultations', { ...body(), leadCommitteeId: committeeOf('提案委员会') });
      assert.equal(notMine.status, 400);
      assert.equal(notMine.body.error.field, 'leadCommitteeId');
      const badUnit = await staff.post('/api/consultations', { ...body(), partnerUnitIds: [committeeOf('提案委员会')] });
      assert.equal(badUnit.body.error.field, 'partnerUnitIds');
      assert.equal((await member.post('/api/consultations', body())).status, 403, 'a member does not schedule meetings');

      const created = await staff.post('/api/consultations', body());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      c = created.body;
      assert.equal(c.state, 'preparing');
      assert.equal(c.formLabel, '专题议政性常委会议');
      const due = preparationDeadlines(w.zx.ctx.calendar.isWorkday, today, defaultDeadlines);
      assert.equal(c.noticeDue, due.noticeDue);
      assert.equal(c.materialsDue, due.materialsDue);
      assert.equal(c.noticeLate, true, 'a meeting today is too late for a notice 15 working days ahead');
      assert.deepEqual(c.actions.map((a: any) => a.name), ['send_notice']);
      // the committee's worklist shows the notice to send, due on the notice deadline
      const tasks = (await staff.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === c.id);
      assert.deepEqual(tasks.map((t: any) => [t.label, t.dueDate]), [['发出协商会议通知', c.noticeDue]]);
      // a later meeting is on time, and another committee's staff do not see this one
      const later = (await staff.post('/api/consultations', { ...body(), title: '下月的协商会', plannedOn: w.zx.ctx.calendar.addWorkingDays(today, 30) })).body;
      assert.equal(later.noticeLate, false);
      assert.equal((await otherCommittee.get(`/api/consultations/${c.id}`)).status, 403, 'the proposal office holds none of the module\'s permissions');
    });

    test('invitations: hand-picked and by committee, others by name; strangers refused; the notice sends them to the worklists', async () => {
      const stranger = await staff.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: [userOf('county')] });
      assert.equal(stranger.status, 400);
      assert.equal(stranger.body.error.field, 'userIds');
      let r = await staff.post(`/api/consultations/${c.id}/participants`, {
        version: c.version, userIds: [userOf('member'), userOf('m0001'), userOf('m0002')],
        others: [{ kind: 'department', name: '农业农村局局长', orgId: w.ids.unitIds['市农业农村局'] }, { kind: 'expert', name: '李教授' }],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.counts.members, 3);
      assert.equal(r.body.participants.length, 5);
      const stale = await staff.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: [userOf('m0004')] });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      c = r.body;
      // a member does not see the meeting before it is sent them... but it is listed as theirs once invited
      assert.equal((await m3.get(`/api/consultations/${c.id}`)).status, 404, 'a member not invited does not see it');
      assert.equal((await member.post(`/api/consultations/${c.id}/answer`, { answer: 'confirm' })).status, 409, 'no answer before the notice');

      r = await fire(staff, c.id, 'send_notice', c.version);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      c = r.body;
      assert.equal(c.state, 'notified');
      assert.equal(c.noticeSentOn, today);
      const inv = (await member.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === c.id);
      assert.deepEqual(inv.map((t: any) => t.label), ['协商会议邀请']);
      assert.equal(inv[0].link, `/consultations/${c.id}`);
      // invited after the notice: the invitation goes at once
      r = await staff.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: [userOf('m0004')] });
      c = r.body;
      assert.equal((await (await w.as('m0004')).get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === c.id).length, 1);
      const mine = (await member.get('/api/consultations?mine=true')).body;
      assert.deepEqual(mine.items.map((i: any) => i.id), [c.id]);
    });

    test('members answer: leave needs a reason and the committee decides it; a written speech before the meeting', async () => {
      const noReason = await m1.post(`/api/consultations/${c.id}/answer`, { answer: 'leave' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'reason');
      let r = await m1.post(`/api/consultations/${c.id}/answer`, { answer: 'leave', reason: '外出学习' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.me.status, 'leave_requested');
      assert.equal(r.body.participants.length, 1, 'a member sees only their own row');
      assert.equal(r.body.can.seeAll, false);
      assert.equal((await office.get(`/api/consultations/${c.id}`)).body.participants.length, 6, 'the office reads every participant');
      const leaveTasks = (await staff.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.label === '审批协商会议请假');
      assert.equal(leaveTasks.length, 1);
      assert.equal(leaveTasks[0].link, `/consultations/${c.id}`);
      const p = (await staff.get(`/api/consultations/${c.id}`)).body.participants.find((x: any) => x.userId === userOf('m0001'));
      r = await staff.post(`/api/consultations/${c.id}/participants/${p.id}/leave`, { version: p.version, approve: true });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.participants.find((x: any) => x.id === p.id).status, 'leave_approved');
      assert.equal((await staff.post(`/api/consultations/${c.id}/participants/${p.id}/leave`, { version: p.version, approve: true })).status, 409);

      r = await member.post(`/api/consultations/${c.id}/answer`, { answer: 'confirm' });
      assert.equal(r.body.me.status, 'confirmed');
      assert.equal((await member.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === c.id).length, 0, 'the answer closes the invitation');
      const short = await member.put(`/api/consultations/${c.id}/speech`, { text: '太短' });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.field, 'text');
      r = await member.put(`/api/consultations/${c.id}/speech`, { text: '关于特色农产品精深加工的书面发言：建议培育龙头企业，延伸产业链条。' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.me.speechKind, 'written');
      assert.equal((await m3.put(`/api/consultations/${c.id}/speech`, { text: '我没有被邀请，但想提交书面发言。' })).status, 404);
    });

    test('sign-in by the meeting\'s link: only on the day, only oneself, once; staff sign others in', async () => {
      assert.equal((await member.get(`/api/consultations/${c.id}/signin-code`)).status, 403, 'members do not get the code');
      const code = await staff.get(`/api/consultations/${c.id}/signin-code`);
      assert.equal(code.status, 200, JSON.stringify(code.body));
      assert.equal(code.body.validOn, today);
      const token = code.body.token as string;
      const forged = await member.post(`/api/consultations/${c.id}/signin`, { token: `${today}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` });
      assert.equal(forged.status, 400);
      assert.equal(forged.body.error.field, 'token');
      const yesterday = await member.post(`/api/consultations/${c.id}/signin`, { token: token.replace(today, '2000-01-01') });
      assert.equal(yesterday.status, 400, 'another day\'s code is not valid');
      const forOther = await member.post(`/api/consultations/${c.id}/signin`, { token, userId: userOf('m0002') });
      assert.equal(forOther.status, 403);
      assert.match(forOther.body.error.message, /他人/);
      const notInvited = await m3.post(`/api/consultations/${c.id}/signin`, { token });
      assert.equal(notInvited.status, 403);
      assert.match(notInvited.body.error.message, /参会名单/);
      const ok = await member.post(`/api/consultations/${c.id}/signin`, { token });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.name, '王委员');
      const twice = await member.post(`/api/consultations/${c.id}/signin`, { token });
      assert.equal(twice.status, 409);
      assert.match(twice.body.error.message, /重复签到/);
      const detail = (await staff.get(`/api/consultations/${c.id}`)).body;
      const m2 = detail.participants.find((x: any) => x.userId === userOf('m0002'));
      assert.equal((await staff.post(`/api/consultations/${c.id}/participants/${m2.id}/signin`)).status, 200);
      const again = await staff.post(`/api/consultations/${c.id}/participants/${m2.id}/signin`);
      assert.equal(again.status, 409);
      const after = (await staff.get(`/api/consultations/${c.id}`)).body;
      assert.equal(after.counts.signedIn, 2);
      assert.equal(after.participants.find((x: any) => x.id === m2.id).signedInByStaff, true);
      c = after;
    });

    test('the meeting is held, the outcome drafted with its recommendations, signed off and sent: the tracker\'s event is in the outbox', async () => {
      const speakers = c.participants.filter((p: any) => p.userId === userOf('member') || p.kind === 'department');
      let r = await staff.put(`/api/consultations/${c.id}/speeches`, { version: c.version, speeches: speakers.map((p: any) => ({ participantId: p.id, kind: p.kind === 'member' ? 'written' : 'oral' })) });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.participants.filter((p: any) => p.speechOrder).map((p: any) => p.speechOrder), [1, 2]);
      c = r.body;
      c = (await fire(staff, c.id, 'send_materials', c.version)).body;
      assert.equal(c.state, 'materials_sent');
      r = await fire(staff, c.id, 'hold', c.version, { minutes: '会议通报了调研情况。' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      c = r.body;
      assert.equal(c.heldOn, today);
      assert.ok(c.outcomeDue > today, 'the outcome is due working days after the meeting');
      c = (await fire(staff, c.id, 'draft_outcome', c.version, { outcomeKind: 'proposal_report' })).body;
      assert.equal(c.state, 'drafting');
      const empty = await fire(staff, c.id, 'submit_outcome', c.version);
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.field, 'input.outcomeText');
      const badUnits = await staff.put(`/api/consultations/${c.id}/outcome`, { version: c.version, outcomeText: '关于特色农产品精深加工的建议案正文。', recommendations: [{ text: '培育龙头企业', unitIds: [], dueWorkingDays: 30 }] });
      assert.equal(badUnits.status, 400);
      assert.equal(badUnits.body.error.field, 'recommendations.0.unitIds');
      r = await staff.put(`/api/consultations/${c.id}/outcome`, {
        version: c.version, outcomeText: '关于特色农产品精深加工的建议案正文。',
        recommendations: [
          { text: '培育农产品精深加工龙头企业', unitIds: [w.ids.unitIds['市农业农村局']], dueWorkingDays: 30 },
          { text: '打造区域公用品牌', unitIds: [w.ids.unitIds['市农业农村局'], w.ids.unitIds['市住建局']], dueWorkingDays: 60 },
        ],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      c = r.body;
      assert.equal(c.recommendations.length, 2);
      c = (await fire(staff, c.id, 'submit_outcome', c.version)).body;
      assert.equal(c.state, 'signoff');
      assert.equal((await fire(staff, c.id, 'sign_off', c.version)).status, 403, 'committee staff do not sign off');
      const signTasks = (await leader.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.entityId === c.id);
      assert.deepEqual(signTasks.map((t: any) => t.label), ['签发协商成果']);
      c = (await fire(leader, c.id, 'sign_off', c.version)).body;
      assert.equal(c.state, 'signed');

      const delivered = nextEvent(w.zx, recommendationsRequestedEvent, (e) => e.entityId === c.id);
      r = await fire(staff, c.id, 'send', c.version);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      c = r.body;
      assert.equal(c.state, 'sent');
      const ev = await delivered;
      const payload = ev.payload as any;
      assert.equal(payload.source.type, 'consultation');
      assert.equal(payload.source.id, c.id);
      assert.equal(payload.tenantId, w.ids.cityId);
      assert.deepEqual(payload.items.map((i: any) => [i.key, i.text, i.unitIds.length, i.dueInWorkingDays]), [['1', '培育农产品精深加工龙头企业', 1, 30], ['2', '打造区域公用品牌', 2, 60]]);
      const rows = await w.zx.ctx.db.selectFrom('outbox').select(['type', 'entity_id']).where('type', '=', recommendationsRequestedEvent).execute();
      assert.deepEqual(rows.map((x: any) => x.entity_id), [c.id], 'one request, written with the 报送');
      await drained(w.zx);

      const stale = await staff.post(`/api/consultations/${c.id}/instructions`, { version: c.version - 1, by: '市委书记', text: '请认真研究落实。', onDate: today });
      assert.equal(stale.status, 409);
      r = await staff.post(`/api/consultations/${c.id}/instructions`, { version: c.version, by: '市委书记', text: '请认真研究落实。', onDate: today });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      c = r.body;
      assert.deepEqual(c.instructions.map((i: any) => i.by), ['市委书记']);
      const badLink = await staff.put(`/api/consultations/${c.id}/links`, { version: c.version, proposalIds: ['no-such-proposal'], reportIds: [] });
      assert.equal(badLink.status, 400);
      assert.equal(badLink.body.error.field, 'proposalIds');
      assert.ok(c.history.map((h: any) => h.action).includes('instruct'));
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok);
    });

    test('each figure equals the total of the list it links to; a member\'s figures are their own', async () => {
      const r = await office.get(`/api/figures?from=${today}&to=${today}&modules=consultations`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'consultations')?.figures ?? [];
      const value = (k: string) => figures.find((f: any) => f.key === `consultations.${k}`)?.value;
      assert.equal(value('scheduled'), 1);
      assert.equal(value('held'), 1);
      assert.equal(value('participations'), 2);
      assert.equal(value('speeches'), 1, 'the member\'s written speech; the department head\'s is not a member\'s');
      assert.equal(value('outcomes_sent'), 1);
      assert.equal(value('late'), 1);
      assert.equal(value('form_standing_topic'), 1);
      assert.equal(value('form_online'), 0);
      for (const f of figures) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      const stats = (await office.get(`/api/consultations/stats?from=${today}&to=${today}`)).body;
      const agri = stats.byCommittee.find((f: any) => f.label === '农业和农村委员会');
      assert.equal(agri.value, 1);
      assert.equal((await office.get(`${agri.list.api}?${new URLSearchParams(agri.list.query)}`)).body.total, 1);
      assert.equal((await member.get(`/api/consultations/stats?from=${today}&to=${today}`)).status, 403);

      const mine = await member.get(`/api/figures?from=${today}&to=${today}&modules=consultations&userId=${userOf('member')}`);
      const mf = mine.body.groups[0]?.figures ?? [];
      assert.deepEqual(mf.map((f: any) => [f.key, f.value]), [['consultations.member.invited', 1], ['consultations.member.attended', 1], ['consultations.member.speeches', 1]]);
      for (const f of mf) assert.equal((await member.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`)).body.total, f.value);
      assert.equal((await member.get(`/api/consultations/participations?userId=${userOf('m0002')}`)).status, 403, 'not another member\'s');
      assert.deepEqual((await member.get(`/api/figures?from=${today}&to=${today}&modules=consultations`)).body.groups, [], 'a member reads no organisation figures');

      const xlsx = await office.get(`/api/consultations/export.xlsx?from=${today}&to=${today}`);
      assert.equal(xlsx.status, 200);
    });

    test('another CPPCC sees nothing; administrators may not use the module; a stale edit is a 409', async () => {
      assert.equal((await county.get(`/api/consultations/${c.id}`)).status, 404);
      assert.equal((await county.get('/api/consultations')).body.total, 0);
      assert.equal((await county.post(`/api/consultations/${c.id}/signin`, { token: `${today}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` })).status, 404);
      assert.equal((await sysadmin.get('/api/consultations')).status, 403);
      const later = (await staff.get('/api/consultations?q=下月')).body.items[0];
      assert.equal((await staff.patch(`/api/consultations/${later.id}`, { version: later.version, place: '二楼会议室' })).status, 200);
      const stale = await staff.patch(`/api/consultations/${later.id}`, { version: later.version, place: '一楼会议室' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const moved = await staff.patch(`/api/consultations/${later.id}`, { version: later.version + 1, plannedOn: w.zx.ctx.calendar.addWorkingDays(today, 40) });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const task = (await staff.get('/api/worklist?pageSize=100')).body.items.find((t: any) => t.entityId === later.id);
      assert.equal(task.dueDate, moved.body.noticeDue, 'the work item follows the new notice deadline');
    });

    test('(after the figures of the day) members signing in at the same moment: each once, each with its own audit record and event, the chain whole; a second sign-in at the same moment is a 409', async () => {
      let m = (await staff.post('/api/consultations', { ...body(), title: '同时签到的协商会' })).body;
      const people = ['member', 'm0001', 'm0002', 'm0003', 'm0004'];
      m = (await staff.post(`/api/consultations/${m.id}/participants`, { version: m.version, userIds: people.map(userOf) })).body;
      m = (await fire(staff, m.id, 'send_notice', m.version)).body;
      const token = (await staff.get(`/api/consultations/${m.id}/signin-code`)).body.token as string;
      const m0001 = m.participants.find((x: any) => x.userId === userOf('m0001'));
      const clients = await Promise.all(people.map((u) => w.as(u)));
      const answers = await Promise.all([
        ...clients.map((cl) => cl.post(`/api/consultations/${m.id}/signin`, { token })),
        clients[0].post(`/api/consultations/${m.id}/signin`, { token }),
        staff.post(`/api/consultations/${m.id}/participants/${m0001.id}/signin`),
      ]);
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((x) => x === 200).length, 5, JSON.stringify(statuses));
      assert.equal(statuses.filter((x) => x === 409).length, 2, JSON.stringify(statuses));
      assert.equal(statuses[0] + statuses[5], 200 + 409, 'the member twice at once: one sign-in and one refusal');
      const after = (await staff.get(`/api/consultations/${m.id}`)).body;
      assert.equal(after.counts.signedIn, 5);
      const audits = await w.zx.ctx.db.selectFrom('audit_log').select(['data']).where('action', '=', 'consultation.sign_in').where('entity_id', '=', m.id).execute();
      assert.deepEqual(audits.map((a: any) => JSON.parse(a.data).userId).sort(), people.map(userOf).sort(), 'one audit record per person');
      const events = await w.zx.ctx.db.selectFrom('outbox').select(['payload']).where('type', '=', 'consultation.signed_in').where('entity_id', '=', m.id).execute();
      assert.deepEqual(events.map((e: any) => JSON.parse(e.payload).userId).sort(), people.map(userOf).sort(), 'one event per person');
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok);
    });
  });
}
