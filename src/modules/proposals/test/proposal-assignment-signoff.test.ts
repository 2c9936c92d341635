// 分办单位领导签发: a 分办 unit's own reply is signed off by that unit's leader, as pure workflow rules and through the API on SQLite and PostgreSQL;
// the unit's own reply letter (分办答复函) in its name, with its 签发人, and who may have it when.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { letterDate } from '../server/exports.ts';
import { allowedActions, checkTransition } from '../../../kernel/universal/workflow.ts';
import { assignmentWorkflow as wf, buildAssignmentWorkflow, type AssignmentRecord } from '../domain/assignment-workflow.ts';
import { defaultDeadlines } from '../domain/proposal-lifecycle.ts';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { unitClerkOf, unitLeaderOf } from './unit-leader.ts';
import { fire, ok, fireUnit, okUnit } from './transitions.ts';

const CITY = 'city';
const UNIT = 'unit-jiaotong';
const clerk = { userId: 'u1', orgId: UNIT, tenantId: CITY, roles: ['unit_handler'] };
const lead = { userId: 'u2', orgId: UNIT, tenantId: CITY, roles: ['unit_leader'] };
const otherLead = { userId: 'u9', orgId: 'unit-jiaoyu', tenantId: CITY, roles: ['unit_leader'] };
const staff = { userId: 's1', orgId: CITY, tenantId: CITY, roles: ['proposal_staff'] };
type Actor = typeof clerk;

const rec = (state: string, over: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  id: 'a1', tenant_id: CITY, proposal_id: 'p1', unit_id: UNIT, role: 'split', state, version: 3, created_at: '', updated_at: '', ...over,
});
const names = (w: typeof wf, state: string, actor: Actor, over: Partial<AssignmentRecord> = {}) =>
  allowedActions(w, state, { record: rec(state, over), actor }).map((a) => a.name).sort();
const reply = { replyClass: 'A', replyText: '已列入计划。' };
const databases = await dialects();
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function docText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('sign-off in the 分办 workflow (sign-off required, the default)', () => {
  test('the clerk\'s reply waits for the unit\'s leader (待签发); sign-off sends it, returning asks for a reason', () => {
    const sent = checkTransition(wf, 'in_progress', 'reply', { record: rec('in_progress'), actor: clerk, input: reply });
    assert.equal(sent.ok && sent.transition.to, 'reply_signoff');
    const signed = checkTransition(wf, 'reply_signoff', 'sign_off', { record: rec('reply_signoff'), actor: lead, input: {} });
    assert.equal(signed.ok && signed.transition.to, 'replied');
    const back = checkTransition(wf, 'reply_signoff', 'return_draft', { record: rec('reply_signoff'), actor: lead, input: { reason: '请补充资金来源' } });
    assert.equal(back.ok && back.transition.to, 'in_progress');
    const noReason = checkTransition(wf, 'reply_signoff', 'return_draft', { record: rec('reply_signoff'), actor: lead, input: { reason: ' ' } });
    assert.equal(!noReason.ok && noReason.field, 'reason');
  });

  test('a leader replies and signs in one step; the clerk cannot, and the leader cannot send a draft to itself', () => {
    const own = checkTransition(wf, 'in_progress', 'reply_sign', { record: rec('in_progress'), actor: lead, input: reply });
    assert.equal(own.ok && own.transition.to, 'replied');
    const byClerk = checkTransition(wf, 'in_progress', 'reply_sign', { record: rec('in_progress'), actor: clerk, input: reply });
    assert.equal(!byClerk.ok && byClerk.code, 'FORBIDDEN');
    const leaderSends = checkTransition(wf, 'in_progress', 'reply', { record: rec('in_progress'), actor: lead, input: reply });
    assert.equal(leaderSends.ok, false);
    if (!leaderSends.ok) { assert.equal(leaderSends.code, 'FORBIDDEN'); assert.match(leaderSends.message, /答复并签发/); }
  });

  test('only that unit\'s leader signs: another unit\'s leader, a clerk and the office cannot; nor anyone on a 会办 part', () => {
    for (const [actor, why] of [[clerk, /角色无权/], [otherLead, /只有该承办单位/], [staff, /角色无权/]] as const) {
      for (const [action, input] of [['sign_off', {}], ['return_draft', { reason: 'x' }]] as const) {
        const r = checkTransition(wf, 'reply_signoff', action, { record: rec('reply_signoff'), actor, input });
        assert.equal(r.ok, false, `${action} by ${actor.userId}`);
        if (!r.ok) { assert.equal(r.code, 'FORBIDDEN'); assert.match(r.message, why); }
      }
    }
    const co = checkTransition(wf, 'in_progress', 'reply_sign', { record: rec('in_progress', { role: 'co' }), actor: lead, input: reply });
    assert.equal(!co.ok && co.code, 'FORBIDDEN');
  });

  test('sign-off in the wrong state is an invalid transition', () => {
    for (const s of ['assigned', 'in_progress', 'replied', 'cancelled']) {
      const r = checkTransition(wf, s, 'sign_off', { record: rec(s), actor: lead, input: {} });
      assert.equal(!r.ok && r.code, 'INVALID_TRANSITION', s);
    }
  });

  test('each person is offered their own step, and the unit\'s leaders get the work item (分办待签发)', () => {
    assert.deepEqual(names(wf, 'in_progress', clerk), ['reply']);
    assert.deepEqual(names(wf, 'in_progress', lead), ['reply_sign']);
    assert.deepEqual(names(wf, 'reply_signoff', lead), ['return_draft', 'sign_off']);
    assert.deepEqual(names(wf, 'reply_signoff', clerk), []);
    assert.deepEqual(names(wf, 'reply_signoff', otherLead), []);
    assert.deepEqual(wf.states.reply_signoff.task, { role: 'unit_leader', orgField: 'unit_id', dueInWorkingDays: defaultDeadlines.signOff, label: '分办待签发' });
  });

  test('with the setting off the reply leaves the unit as sent, and waiting drafts can still be signed or returned', () => {
    const off = buildAssignmentWorkflow(defaultDeadlines, { replySignOff: false });
    for (const actor of [clerk, lead]) {
      const r = checkTransition(off, 'in_progress', 'reply', { record: rec('in_progress'), actor, input: reply });
      assert.equal(r.ok && r.transition.to, 'replied');
    }
    assert.equal(off.transitions.some((t) => t.name === 'reply_sign'), false);
    assert.deepEqual(names(off, 'reply_signoff', lead), ['return_draft', 'sign_off']);
  });
});

for (const d of databases) {
  describe(`分办 units' sign-off through the API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staffC: Client, unit: Client, unit2: Client, unitLead: Client, sysadmin: Client;
    let unit2Lead: Client, jtClerk: Client, jtLead: Client;
    let zhujianId: string, jiaoyuId: string, jiaotongId: string;
    let leadName: string;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staffC, unit, unit2, unitLead, sysadmin] = await Promise.all(['member', 'proposal', 'unit', 'unit2', 'unitlead', 'sysadmin'].map((u) => s.login(u)));
      unit2Lead = await unitLeaderOf(s, '市教育局', 'jiaoyulead');
      jtLead = await unitLeaderOf(s, '市交通运输局', 'jiaotonglead');
      jtClerk = await unitClerkOf(s, '市交通运输局', 'jiaotongclerk');
      const orgs = await s.zx.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', ['市住建局', '市教育局', '市交通运输局']).execute();
      zhujianId = orgs.find((o: any) => o.name === '市住建局')!.id;
      jiaoyuId = orgs.find((o: any) => o.name === '市教育局')!.id;
      jiaotongId = orgs.find((o: any) => o.name === '市交通运输局')!.id;
      leadName = (await s.zx.ctx.db.selectFrom('users').select('display_name').where('username', '=', 'unitlead').executeTakeFirstOrThrow()).display_name;
    });
    after(async () => { await s?.close(); });

    const stats = async (year: number) => (await staffC.get(`/api/proposals/stats?year=${year}`)).body;
    const pending = async (id: string) => Number((await s.zx.ctx.db.selectFrom('proposals').select('units_pending').where('id', '=', id).executeTakeFirstOrThrow()).units_pending);
    const openTasks = (entityId: string) => s.zx.ctx.db.selectFrom('tasks').select(['label', 'assignee_org_id', 'assignee_role'])
      .where('entity_id', '=', entityId).where('status', '=', 'open').execute();
    /** a proposal handled by 市教育局 (lead) with 分办 units 市住建局 and 市交通运输局, both signed for */
    async function split(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staffC, p.id, 'file', p.version);
      p = await ok(staffC, p.id, 'assign', p.version, { mode: 'split', leadUnitId: jiaoyuId, coUnitIds: [zhujianId, jiaotongId] });
      const zj = p.assignments.find((a: any) => a.unitId === zhujianId);
      const jt = p.assignments.find((a: any) => a.unitId === jiaotongId);
      return { p, zj: await okUnit(unit, p.id, zj.id, 'sign', zj.version), jt: await okUnit(jtClerk, p.id, jt.id, 'sign', jt.version) };
    }

    test('the demo data: every replied 分办 part names its signer, and left its unit at the sign-off', async () => {
      const parts = await s.zx.ctx.db.selectFrom('proposal_assignments').select(['id', 'signer_name', 'signed_off_at', 'reply_sent_at', 'done_at', 'signed_at'])
        .where('role', '=', 'split').where('state', '=', 'replied').execute();
      assert.ok(parts.length > 10, String(parts.length));
      for (const r of parts as any[]) {
        assert.ok(r.signer_name, r.id);
        assert.ok(r.signed_off_at === r.reply_sent_at && r.reply_sent_at === r.done_at, r.id);
        assert.ok(!r.signed_at || r.signed_at <= r.signed_off_at, r.id);
      }
      const mine = parts.filter((r: any) => r.signer_name === leadName);
      const zhujianParts = await s.zx.ctx.db.selectFrom('proposal_assignments').select('id').where('role', '=', 'split').where('state', '=', 'replied').where('unit_id', '=', zhujianId).execute();
      assert.ok(zhujianParts.length === 0 || mine.length > 0, '市住建局\'s parts are signed by the demo leader');
      const signOffs = await s.zx.ctx.db.selectFrom('workflow_history').select('entity_id').where('entity_type', '=', 'proposal_assignment').where('action', '=', 'sign_off').execute();
      assert.ok(signOffs.length >= parts.length);
    });

    test('both 分办 units reply, each signed off by its own leader; only then does the lead reply, and the proposal moves on as before', async () => {
      let { p, zj, jt } = await split('关于统筹校园周边道路和老旧小区改造的建议');
      const before = await stats(p.year);
      // 市住建局's clerk drafts: the part waits for 市住建局's leader, and the proposal still waits for both units
      zj = await okUnit(unit, p.id, zj.id, 'reply', zj.version, { replyClass: 'A', replyText: '初稿' });
      assert.equal(zj.state, 'reply_signoff');
      assert.equal(zj.signerName, null);
      assert.deepEqual((await openTasks(zj.id)).map((t: any) => [t.label, t.assignee_org_id, t.assignee_role]), [['分办待签发', zhujianId, 'unit_leader']]);
      const wl = await unitLead.get('/api/worklist?pageSize=200');
      assert.ok(wl.body.items.some((i: any) => i.entityId === zj.id && i.link === `/proposals/${p.id}`), 'the leader finds the draft in the worklist, linked to the proposal');
      assert.equal(await pending(p.id), 2);

      // another unit's leader, the clerk and the office cannot sign; a stale version conflicts; the wrong state is refused
      for (const [c, who] of [[jtLead, 'another unit\'s leader'], [unit2Lead, 'the lead unit\'s leader'], [unit, 'the clerk'], [staffC, 'the office']] as const) {
        const r = await fireUnit(c, p.id, zj.id, 'sign_off', zj.version);
        assert.equal(r.status, 403, `${who}: ${JSON.stringify(r.body)}`);
      }
      assert.equal((await fireUnit(unitLead, p.id, zj.id, 'sign_off', zj.version - 1)).status, 409);
      const wrong = await fireUnit(jtLead, p.id, jt.id, 'sign_off', jt.version);
      assert.equal(wrong.status, 409);
      assert.equal(wrong.body.error.code, 'INVALID_TRANSITION');

      // returned with a reason, redrafted, then signed off
      const noReason = await fireUnit(unitLead, p.id, zj.id, 'return_draft', zj.version);
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /退回理由/);
      // its 办理期限 was set at 签收; as if that was weeks ago, it is earlier than a fresh count from today would give
      const dueAtSign = s.zx.ctx.calendar.addWorkingDays(s.zx.ctx.calendar.today(), 7);
      await s.zx.ctx.db.updateTable('proposal_assignments').set({ due_date: dueAtSign }).where('id', '=', zj.id).execute();
      zj = await okUnit(unitLead, p.id, zj.id, 'return_draft', zj.version, { reason: '请补充改造资金安排' });
      assert.equal(zj.state, 'in_progress');
      const handling = await s.zx.ctx.db.selectFrom('tasks').select(['due_date', 'label']).where('entity_id', '=', zj.id).where('status', '=', 'open').executeTakeFirstOrThrow();
      assert.deepEqual([handling.label, handling.due_date], ['分办办理中', dueAtSign], 'the returned draft is still due by the part\'s 办理期限');
      zj = await okUnit(unit, p.id, zj.id, 'reply', zj.version, { replyClass: 'B', replyText: '老旧小区改造已列入明年计划，资金由市级财政安排。' });
      zj = await okUnit(unitLead, p.id, zj.id, 'sign_off', zj.version);
      assert.equal(zj.state, 'replied');
      assert.equal(zj.signerName, leadName);
      assert.ok(zj.signedOffAt && zj.doneAt);
      assert.equal((await openTasks(zj.id)).length, 0);
      assert.equal(await pending(p.id), 1);
      const part = await s.zx.ctx.db.selectFrom('proposal_assignments').selectAll().where('id', '=', zj.id).executeTakeFirstOrThrow();
      assert.equal(part.reply_sent_at, part.signed_off_at);
      const history = await s.zx.ctx.db.selectFrom('workflow_history').select(['action', 'note']).where('entity_id', '=', zj.id).orderBy('at').execute();
      assert.deepEqual(history.map((h: any) => h.action), ['create', 'sign', 'reply', 'return_draft', 'reply', 'sign_off']);
      assert.equal(history[3].note, '请补充改造资金安排');
      const audits = await s.zx.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', zj.id).execute();
      assert.ok(audits.some((a: any) => a.action === 'proposal_assignment.sign_off'));

      // the lead unit is still blocked by 市交通运输局, whose leader replies and signs in one step
      p = (await unit2.get(`/api/proposals/${p.id}`)).body;
      const early = await fire(unit2, p.id, 'sign', p.version);
      assert.equal(early.status, 200, JSON.stringify(early.body));
      p = early.body;
      const blocked = await fire(unit2, p.id, 'reply', p.version, { replyClass: 'A', replyText: '已办理。' });
      assert.equal(blocked.status, 403);
      assert.match(blocked.body.error.message, /还有 1 个分办单位未答复/);
      assert.equal((await fireUnit(jtLead, p.id, jt.id, 'reply', jt.version, { replyClass: 'A', replyText: 'x' })).status, 403, 'a leader does not send a draft to itself');
      jt = await okUnit(jtLead, p.id, jt.id, 'reply_sign', jt.version, { replyClass: 'A', replyText: '学校周边道路改造已完成。' });
      assert.deepEqual([jt.state, jt.signerName], ['replied', '市交通运输局分管领导']);
      assert.equal(await pending(p.id), 0);

      // the lead replies, its leader signs, the office releases; the proposer reads both units' replies with their signers
      p = (await unit2.get(`/api/proposals/${p.id}`)).body;
      p = await ok(unit2, p.id, 'reply', p.version, { replyClass: 'A', replyText: '校园周边综合整治已完成。' });
      p = await ok(unit2Lead, p.id, 'sign_off', p.version);
      // timeliness (the clock cannot run months in a test: the dates are moved into the past): 市住建局's reply left it on
      // the due date, 市交通运输局's and the lead's the day after
      const db = s.zx.ctx.db;
      await db.updateTable('proposals').set({ due_date: '2000-01-03', signed_at: '2000-01-04T07:00:00.000Z', reply_sent_at: '2000-01-04T07:00:00.000Z' }).where('id', '=', p.id).execute();
      await db.updateTable('proposal_assignments').set({ reply_sent_at: '2000-01-03T07:00:00.000Z' }).where('id', '=', zj.id).execute();
      await db.updateTable('proposal_assignments').set({ reply_sent_at: '2000-01-04T07:00:00.000Z' }).where('id', '=', jt.id).execute();
      p = await ok(staffC, p.id, 'release', p.version);
      assert.equal(p.state, 'replied');
      const shown = (await member.get(`/api/proposals/${p.id}`)).body.assignments;
      assert.deepEqual(shown.map((a: any) => a.signerName).sort(), ['市交通运输局分管领导', leadName].sort());

      // each 分办 unit is judged by when its own reply left it; the lead by the proposal's reply
      const after = await stats(p.year);
      const row = (st: any, name: string) => st.units.find((u: any) => u.unitName === name);
      const delta = (name: string, k: 'onTime' | 'late') => row(after, name)[k].value - (row(before, name)?.[k].value ?? 0);
      assert.deepEqual(['市住建局', '市交通运输局', '市教育局'].map((n) => [n, delta(n, 'onTime'), delta(n, 'late')]),
        [['市住建局', 1, 0], ['市交通运输局', 0, 1], ['市教育局', 0, 1]]);
      assert.equal(after.replies.late.value - before.replies.late.value, 1, 'the proposal itself was answered late');
      const list = async (q: Record<string, string>, size = 200) => (await staffC.get(`/api/proposals?${new URLSearchParams(q)}&pageSize=${size}`)).body;
      assert.ok((await list(row(after, '市住建局').onTime.list.query)).items.some((i: any) => i.id === p.id), 'on time for 市住建局');
      assert.ok((await list(row(after, '市交通运输局').late.list.query)).items.some((i: any) => i.id === p.id), 'late for 市交通运输局');
      for (const n of ['市住建局', '市交通运输局', '市教育局']) {
        for (const k of ['onTime', 'late'] as const) assert.equal((await list(row(after, n)[k].list.query, 1)).total, row(after, n)[k].value, `list behind ${n} ${k}`);
      }
    });

    test('with the tenant setting off a 分办 reply leaves the unit as sent, as before', async () => {
      const setting = '/api/admin/settings/proposals.replySignOff';
      const cur = await sysadmin.get(setting);
      assert.equal((await sysadmin.put(setting, { value: false, version: cur.body.version ?? 0 })).status, 200);
      try {
        let { p, zj, jt } = await split('关于不需签发时分办答复直接报出的建议');
        assert.deepEqual(zj.actions.map((a: any) => a.name), ['reply'], 'the clerk replies');
        const offered = (await unitLead.get(`/api/proposals/${p.id}`)).body.assignments.find((a: any) => a.id === zj.id);
        assert.deepEqual(offered.actions.map((a: any) => a.name), ['reply'], 'so does the leader, without a sign-off step');
        zj = await okUnit(unit, p.id, zj.id, 'reply', zj.version, { replyClass: 'A', replyText: '已办理。' });
        assert.deepEqual([zj.state, zj.signerName], ['replied', null]);
        const row = await s.zx.ctx.db.selectFrom('proposal_assignments').select(['reply_sent_at', 'done_at']).where('id', '=', zj.id).executeTakeFirstOrThrow();
        assert.ok(row.reply_sent_at && row.reply_sent_at === row.done_at);
        assert.equal((await fireUnit(jtLead, p.id, jt.id, 'reply_sign', jt.version, { replyClass: 'A', replyText: 'x' })).status, 409);
        jt = await okUnit(jtLead, p.id, jt.id, 'reply', jt.version, { replyClass: 'A', replyText: '已办理。' });
        assert.equal(jt.state, 'replied');
        assert.equal(await pending(p.id), 0);
        p = (await unit2.get(`/api/proposals/${p.id}`)).body;
        p = await ok(unit2, p.id, 'sign', p.version);
        p = await ok(unit2, p.id, 'reply', p.version, { replyClass: 'A', replyText: '已办理。' });
        assert.equal(p.state, 'reply_check');
      } finally {
        const now = await sysadmin.get(setting);
        assert.equal((await sysadmin.put(setting, { value: true, version: now.body.version })).status, 200);
      }
    });

    test('a 分办 unit\'s own reply letter: in its name, with its reply and 签发人; the unit and the office from the draft, the proposer once released', async () => {
      let { p, zj, jt } = await split('关于分办单位各自出具答复函的建议');
      const letterUrl = (aid: string, pid = p.id) => `/api/proposals/${pid}/assignments/${aid}/reply-letter.docx`;
      const download = (c: Client, url: string) => s.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
      const refused = async (c: Client, url: string, status: number, code: string, who: string) => {
        const r = await download(c, url);
        assert.equal(r.statusCode, status, `${who}: ${r.payload.slice(0, 200)}`);
        const body = JSON.parse(r.payload);
        assert.equal(body.error.code, code, who);
        return body.error;
      };
      const zjText = '老旧小区改造已列入明年计划，资金由市级财政安排。';
      const jtText = '学校周边道路改造由交通部门年内完成。';

      // nothing drafted yet: no letter, even for the unit itself
      assert.equal((await refused(unit, letterUrl(zj.id), 409, 'INVALID_TRANSITION', 'no reply yet')).message, '这个单位还没有答复');

      // 市住建局's clerk drafts; the unit and the office have the draft's letter, without a signer; nobody else does
      zj = await okUnit(unit, p.id, zj.id, 'reply', zj.version, { replyClass: 'B', replyText: zjText });
      jt = await okUnit(jtClerk, p.id, jt.id, 'reply', jt.version, { replyClass: 'A', replyText: jtText });
      for (const [c, who] of [[unit, 'the clerk'], [unitLead, 'the unit\'s leader'], [staffC, 'the office']] as const) {
        const r = await download(c, letterUrl(zj.id));
        assert.equal(r.statusCode, 200, `${who}: ${r.payload.slice(0, 200)}`);
        assert.ok(!(await docText(r.rawPayload)).includes('签发人'), `${who}: no signer before the sign-off`);
      }
      for (const [c, who] of [[jtClerk, 'another 分办 unit'], [jtLead, 'another 分办 unit\'s leader'], [unit2, 'the lead unit'], [member, 'the proposer']] as const) {
        assert.equal((await refused(c, letterUrl(zj.id), 409, 'INVALID_TRANSITION', who)).message, '这个单位还没有答复');
      }
      // the detail offers the letter exactly to those the download serves
      const offered = async (c: Client, aid: string) => ((await c.get(`/api/proposals/${p.id}`)).body.assignments.find((a: any) => a.id === aid)).replyLetterUrl;
      assert.equal(await offered(unit, zj.id), letterUrl(zj.id));
      assert.equal(await offered(staffC, zj.id), letterUrl(zj.id));
      assert.equal(await offered(member, zj.id), null, 'the proposer is offered no draft letter');
      assert.equal(await offered(jtClerk, zj.id), null, 'nor is another 分办 unit');

      // its leader signs off: the letter carries the unit's name, its own reply, class and signer, its 文号 and date, and nothing of the other unit
      zj = await okUnit(unitLead, p.id, zj.id, 'sign_off', zj.version);
      const r = await download(unit, letterUrl(zj.id));
      assert.equal(r.statusCode, 200, r.payload.slice(0, 200));
      assert.equal(r.headers['content-type'], docx);
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''/);
      assert.equal(r.rawPayload.subarray(0, 2).toString(), 'PK');
      const text = await docText(r.rawPayload);
      const part = await s.zx.ctx.db.selectFrom('proposal_assignments').select(['reply_sent_at']).where('id', '=', zj.id).executeTakeFirstOrThrow();
      const seq = (await s.zx.ctx.db.selectFrom('proposals').select(['number_seq']).where('id', '=', p.id).executeTakeFirstOrThrow()).number_seq;
      const classes = (await staffC.get('/api/proposals/options')).body.replyClasses;
      assert.ok(text.includes('市住建局'), 'the unit heads and signs the letter');
      assert.ok(text.includes(zjText), 'its own reply');
      assert.ok(text.includes(`签发人：${leadName}`), 'its own signer');
      assert.ok(text.includes(classes.find((c: any) => c.code === 'B').label), 'its own reply class');
      assert.ok(text.includes(`住建局提字〔${p.year}〕${seq}号`), 'the 文号');
      assert.ok(text.includes(letterDate(chinaToday(new Date(part.reply_sent_at)))), 'dated by the sign-off');
      assert.ok(!text.includes(jtText) && !text.includes('市交通运输局'), 'nothing of the other unit');
      assert.ok(!text.includes('市教育局'), 'nor of the lead unit');

      // signed off but the proposal's reply is not released: still the unit's and the office's only
      await refused(member, letterUrl(zj.id), 409, 'INVALID_TRANSITION', 'the proposer before the release');
      await refused(jtClerk, letterUrl(zj.id), 409, 'INVALID_TRANSITION', 'another unit before the release');

      // the other unit signs its own, the lead replies, its leader signs, the office releases: now the proposer has both letters
      jt = await okUnit(jtLead, p.id, jt.id, 'sign_off', jt.version);
      p = (await unit2.get(`/api/proposals/${p.id}`)).body;
      p = await ok(unit2, p.id, 'sign', p.version);
      p = await ok(unit2, p.id, 'reply', p.version, { replyClass: 'A', replyText: '校园周边综合整治已完成。' });
      p = await ok(unit2Lead, p.id, 'sign_off', p.version);
      p = await ok(staffC, p.id, 'release', p.version);
      const mine = await download(member, letterUrl(zj.id));
      assert.equal(mine.statusCode, 200, mine.payload.slice(0, 200));
      assert.ok((await docText(mine.rawPayload)).includes(zjText));
      const theirs = await download(member, letterUrl(jt.id));
      assert.equal(theirs.statusCode, 200);
      const theirText = await docText(theirs.rawPayload);
      assert.ok(theirText.includes(jtText) && theirText.includes('签发人：市交通运输局分管领导') && !theirText.includes(zjText));
      assert.equal((await download(jtClerk, letterUrl(zj.id))).statusCode, 200, 'released: whoever sees the proposal');
      assert.equal(await offered(member, zj.id), letterUrl(zj.id), 'released: the proposer is offered the letter');

      // a 会办 part has no reply of its own; an unknown part, or one of another proposal, is not found
      const created = await member.post('/api/proposals', { title: '关于会办单位没有答复函的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      let joint = await ok(member, created.body.id, 'submit', created.body.version);
      joint = await ok(staffC, joint.id, 'file', joint.version);
      joint = await ok(staffC, joint.id, 'assign', joint.version, { mode: 'joint', leadUnitId: jiaoyuId, coUnitIds: [zhujianId] });
      const co = joint.assignments.find((a: any) => a.unitId === zhujianId);
      assert.equal(co.role, 'co');
      const coError = await refused(unit, letterUrl(co.id, joint.id), 409, 'CONFLICT', 'a 会办 part');
      assert.equal(coError.field, 'assignmentId');
      assert.match(coError.message, /会办/);
      await refused(staffC, letterUrl('no-such-part'), 404, 'NOT_FOUND', 'an unknown part');
      await refused(staffC, letterUrl(co.id), 404, 'NOT_FOUND', 'a part of another proposal');
      await refused(unit, letterUrl(zj.id, 'no-such-proposal'), 404, 'NOT_FOUND', 'an unknown proposal');
    });
  });
}
