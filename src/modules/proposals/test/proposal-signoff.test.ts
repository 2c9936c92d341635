// 承办单位领导签发: the unit leader's sign-off of a reply, as pure lifecycle rules and through the API on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { allowedActions, checkInput, checkTransition } from '../../../kernel/universal/workflow.ts';
import { buildProposalLifecycle, defaultDeadlines, defaultLifecycleRules, proposalLifecycle as wf, type ProposalRecord } from '../domain/proposal-lifecycle.ts';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { fire, ok } from './transitions.ts';

/** The input rules of one action (schema and check) with a tenant's lists, as the server runs them. */
const checkTransitionInput = (action: string, input: Record<string, unknown>, opts: { replyClasses: string[]; notFiledReasons: string[]; recordId: string }) => {
  const w = buildProposalLifecycle(defaultDeadlines, { ...defaultLifecycleRules, replyClasses: opts.replyClasses, notFiledReasons: opts.notFiledReasons });
  const r = checkInput(w.transitions.find((x) => x.name === action)!, input, { id: opts.recordId } as ProposalRecord, { userId: 's1', orgId: 'x', tenantId: 'x', roles: [] });
  return r.ok ? null : r;
};


const CITY = 'city';
const UNIT = 'unit-zhujian';
const clerk = { userId: 'u1', orgId: UNIT, tenantId: CITY, roles: ['unit_handler'] };
const lead = { userId: 'u2', orgId: UNIT, tenantId: CITY, roles: ['unit_leader'] };
const otherLead = { userId: 'u9', orgId: 'unit-jiaoyu', tenantId: CITY, roles: ['unit_leader'] };
const staff = { userId: 's1', orgId: CITY, tenantId: CITY, roles: ['proposal_staff'] };

const rec = (state: string, over: Partial<ProposalRecord> = {}): ProposalRecord =>
  ({ id: 'p1', tenant_id: CITY, state, version: 1, proposer_user_id: 'm1', lead_unit_id: UNIT, type: 'individual', cosigner_count: 0, cosigners_pending: 0, ...over });
const names = (w: typeof wf, state: string, actor: typeof clerk, over: Partial<ProposalRecord> = {}) =>
  allowedActions(w, state, { record: rec(state, over), actor }).map((a) => a.name).sort();
const reply = { replyClass: 'A', replyText: '已列入计划。' };
// the databases are looked up before any suite is declared, so every suite of the file is registered at once
const databases = await dialects();

describe('sign-off in the proposal lifecycle (sign-off required, the default)', () => {
  test('the clerk\'s reply waits for the leader (待签发), whose sign-off sends it to the office\'s check', () => {
    const sent = checkTransition(wf, 'in_progress', 'reply', { record: rec('in_progress'), actor: clerk, input: reply });
    assert.equal(sent.ok && sent.transition.to, 'reply_signoff');
    const signed = checkTransition(wf, 'reply_signoff', 'sign_off', { record: rec('reply_signoff'), actor: lead, input: {} });
    assert.equal(signed.ok && signed.transition.to, 'reply_check');
    const back = checkTransition(wf, 'reply_signoff', 'return_draft', { record: rec('reply_signoff'), actor: lead, input: { reason: '请补充资金安排' } });
    assert.equal(back.ok && back.transition.to, 'in_progress');
  });

  test('a leader who drafts the reply signs it in the same step; the clerk cannot, nor can the leader only send it for sign-off', () => {
    const own = checkTransition(wf, 'rehandle', 'reply_sign', { record: rec('rehandle'), actor: lead, input: reply });
    assert.equal(own.ok && own.transition.to, 'reply_check');
    const byClerk = checkTransition(wf, 'in_progress', 'reply_sign', { record: rec('in_progress'), actor: clerk, input: reply });
    assert.equal(!byClerk.ok && byClerk.code, 'FORBIDDEN');
    const leaderSends = checkTransition(wf, 'in_progress', 'reply', { record: rec('in_progress'), actor: lead, input: reply });
    assert.equal(leaderSends.ok, false);
    if (!leaderSends.ok) { assert.equal(leaderSends.code, 'FORBIDDEN'); assert.match(leaderSends.message, /答复并签发/); }
  });

  test('only the lead unit\'s leader signs: a clerk, another unit\'s leader and the office cannot', () => {
    for (const [actor, why] of [[clerk, /角色无权/], [otherLead, /主办单位/], [staff, /角色无权/]] as const) {
      for (const [action, input] of [['sign_off', {}], ['return_draft', { reason: 'x' }]] as const) {
        const r = checkTransition(wf, 'reply_signoff', action, { record: rec('reply_signoff'), actor, input });
        assert.equal(r.ok, false, `${action} by ${actor.userId}`);
        if (!r.ok) { assert.equal(r.code, 'FORBIDDEN'); assert.match(r.message, why); }
      }
    }
    // a split unit's pending replies keep the lead's leader from replying too
    const early = checkTransition(wf, 'in_progress', 'reply_sign', { record: rec('in_progress', { units_pending: 1 }), actor: lead, input: reply });
    assert.equal(!early.ok && early.message, '还有 1 个分办单位未答复');
  });

  test('sign-off in the wrong state is an invalid transition, and returning needs a reason', () => {
    for (const s of ['in_progress', 'reply_check', 'replied']) {
      const r = checkTransition(wf, s, 'sign_off', { record: rec(s), actor: lead, input: {} });
      assert.equal(!r.ok && r.code, 'INVALID_TRANSITION', s);
    }
    const noReason = checkTransition(wf, 'reply_signoff', 'return_draft', { record: rec('reply_signoff'), actor: lead, input: { reason: ' ' } });
    assert.equal(!noReason.ok && noReason.field, 'reason');
    assert.equal(checkTransitionInput('reply_sign', { replyClass: 'Z', replyText: 'x' }, { replyClasses: ['A', 'B', 'C'], notFiledReasons: [], recordId: 'p1' })?.field, 'replyClass');
  });

  test('each person is offered their own step, and the leader finds the draft in the worklist (待签发)', () => {
    assert.deepEqual(names(wf, 'in_progress', clerk), ['reply', 'request_extension']);
    assert.deepEqual(names(wf, 'in_progress', lead), ['reply_sign', 'request_extension']);
    assert.deepEqual(names(wf, 'reply_signoff', lead), ['return_draft', 'sign_off']);
    assert.deepEqual(names(wf, 'reply_signoff', clerk), []);
    assert.deepEqual(names(wf, 'reply_signoff', otherLead), []);
    assert.deepEqual(wf.states.reply_signoff.task, { role: 'unit_leader', orgField: 'lead_unit_id', dueInWorkingDays: defaultDeadlines.signOff, label: '待签发' });
    assert.equal(allowedActions(wf, 'reply_signoff', { record: rec('reply_signoff'), actor: lead }).find((a) => a.name === 'sign_off')?.confirm, true);
  });
});

describe('sign-off turned off (tenant setting)', () => {
  const off = buildProposalLifecycle(defaultDeadlines, { followUpClasses: ['B'], replySignOff: false });
  test('the unit\'s reply goes straight to the office\'s check, whoever drafts it, as before', () => {
    for (const actor of [clerk, lead]) {
      const r = checkTransition(off, 'in_progress', 'reply', { record: rec('in_progress'), actor, input: reply });
      assert.equal(r.ok && r.transition.to, 'reply_check', actor.userId);
    }
    assert.deepEqual(names(off, 'in_progress', lead), ['reply', 'request_extension']);
    assert.equal(off.transitions.some((t) => t.name === 'reply_sign'), false);
  });
  test('drafts already waiting for sign-off can still be signed or returned', () => {
    assert.deepEqual(names(off, 'reply_signoff', lead), ['return_draft', 'sign_off']);
  });
});

async function docText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

for (const d of databases) {
  describe(`unit leader sign-off through the API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staff: Client, unit: Client, unit2: Client, unitLead: Client, sysadmin: Client;
    let zhujianId: string;
    let leadUserId: string;
    let leadName: string;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unit2, unitLead, sysadmin] = await Promise.all(['member', 'proposal', 'unit', 'unit2', 'unitlead', 'sysadmin'].map((u) => s.login(u)));
      zhujianId = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
      const u = await s.zx.ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'unitlead').executeTakeFirstOrThrow();
      leadUserId = u.id;
      leadName = u.display_name;
    });
    after(async () => { await s?.close(); });

    async function inProgress(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      return ok(unit, p.id, 'sign', p.version);
    }
    const stats = async (year: number) => (await staff.get(`/api/proposals/stats?year=${year}`)).body;

    test('the clerk drafts, the leader reads the draft and the letter, returns it once, then signs it off; signer and time are kept and printed', async () => {
      let p = await inProgress('关于加快城区老旧供热管网改造的建议');
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'B', replyText: '已列入明年改造计划。' });
      assert.equal(p.state, 'reply_signoff');
      assert.equal(p.stateLabel, '待签发');
      assert.deepEqual(p.actions, [], 'the clerk waits for the leader');
      assert.equal(p.replySentAt, null);

      // the leader's work item (待签发) and its notice, delivered from the outbox
      await s.zx.ctx.events.drain();
      const task = await s.zx.ctx.db.selectFrom('tasks').selectAll().where('entity_id', '=', p.id).where('status', '=', 'open').executeTakeFirstOrThrow();
      assert.deepEqual([task.label, task.assignee_role, task.assignee_org_id], ['待签发', 'unit_leader', zhujianId]);
      const wl = await unitLead.get('/api/worklist?pageSize=200');
      assert.ok(wl.body.items.some((i: any) => i.entityId === p.id || String(i.link ?? '').includes(p.id)), 'the leader finds it in the worklist');
      const told = await s.zx.ctx.db.selectFrom('notifications').select('title').where('user_id', '=', leadUserId).where('link', '=', `/proposals/${p.id}`).execute();
      assert.ok(told.some((n: any) => /待签发/.test(n.title)), JSON.stringify(told));

      // the leader sees the draft, its letter, and the two buttons; another unit does not see the proposal at all
      const seen = (await unitLead.get(`/api/proposals/${p.id}`)).body;
      assert.deepEqual(seen.actions.map((a: any) => a.name).sort(), ['return_draft', 'sign_off']);
      assert.equal(seen.replyText, '已列入明年改造计划。');
      const draftLetter = await s.app.inject({ method: 'GET', url: `/api/proposals/${p.id}/reply-letter.docx`, headers: { cookie: unitLead.cookie } });
      assert.equal(draftLetter.statusCode, 200);
      assert.ok(!(await docText(draftLetter.rawPayload)).includes('签发人'), 'no signer before the sign-off');
      assert.equal((await fire(unit2, p.id, 'sign_off', p.version)).status, 404);
      const byClerk = await fire(unit, p.id, 'sign_off', p.version);
      assert.equal(byClerk.status, 403);
      assert.equal(byClerk.body.error.code, 'FORBIDDEN');
      assert.equal((await fire(staff, p.id, 'release', p.version)).status, 409, 'the office cannot release an unsigned reply');

      // 退回修改 needs a reason, goes back to the clerk, who edits and sends again
      const noReason = await fire(unitLead, p.id, 'return_draft', p.version, {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /退回理由/);
      // the 办理期限 was set at 签收; as if that was weeks ago, it is earlier than a fresh count from today would give
      const db = s.zx.ctx.db;
      const dueAtSign = s.zx.ctx.calendar.addWorkingDays(s.zx.ctx.calendar.today(), 7);
      await db.updateTable('proposals').set({ due_date: dueAtSign }).where('id', '=', p.id).execute();
      p = await ok(unitLead, p.id, 'return_draft', p.version, { reason: '请写明改造资金来源和完成时限。' });
      assert.equal(p.state, 'in_progress');
      const handling = await db.selectFrom('tasks').select(['due_date', 'label']).where('entity_id', '=', p.id).where('status', '=', 'open').executeTakeFirstOrThrow();
      assert.deepEqual([handling.label, handling.due_date], ['办理中', dueAtSign], 'the returned draft is still due by the 办理期限, not counted again from today');
      assert.equal(p.history.at(-1).note, '请写明改造资金来源和完成时限。');
      const stale = p.version;
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'B', replyText: '已列入明年改造计划，市级财政安排资金，年底前完成。' });
      assert.equal((await fire(unitLead, p.id, 'sign_off', stale)).status, 409);

      p = await ok(unitLead, p.id, 'sign_off', p.version);
      assert.equal(p.state, 'reply_check');
      assert.equal(p.signerName, leadName);
      assert.ok(p.signedAt);
      assert.equal(p.replySentAt, p.signedAt);
      assert.deepEqual(p.history.map((h: any) => h.action).slice(-5), ['sign', 'reply', 'return_draft', 'reply', 'sign_off']);
      const audits = await s.zx.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).execute();
      assert.ok(audits.some((a: any) => a.action === 'proposal.sign_off') && audits.some((a: any) => a.action === 'proposal.return_draft'));
      const letter = await s.app.inject({ method: 'GET', url: `/api/proposals/${p.id}/reply-letter.docx`, headers: { cookie: unit.cookie } });
      assert.equal(letter.statusCode, 200);
      assert.ok((await docText(letter.rawPayload)).includes(`签发人：${leadName}`), 'the letter carries the signer');

      // the office releases; the proposer sees who signed
      p = await ok(staff, p.id, 'release', p.version);
      const mine = (await member.get(`/api/proposals/${p.id}`)).body;
      assert.equal(mine.signerName, leadName);
      // the office sends it back: the new reply needs a new sign-off
      const other = await inProgress('关于规范住宅小区物业服务收费的建议');
      let q = await ok(unitLead, other.id, 'reply_sign', other.version, { replyClass: 'A', replyText: '已出台物业服务收费管理办法。' });
      assert.equal(q.state, 'reply_check');
      assert.equal(q.signerName, leadName);
      q = await ok(staff, q.id, 'reject_reply', q.version, { reason: '请逐条回应建议' });
      assert.equal(q.signerName, null);
      q = await ok(unit, q.id, 'reply', q.version, { replyClass: 'A', replyText: '逐条答复如下……' });
      assert.equal(q.state, 'reply_signoff');
    });

    test('timeliness counts by the sign-off, when the reply leaves the unit, not by the office\'s release', async () => {
      const p0 = await inProgress('关于按期签发答复的统计场景的建议');
      const year = p0.year as number;
      const before = await stats(year);
      const db = s.zx.ctx.db;
      // P: signed off on its due date (the clock cannot run months in a test: the dates are moved into the past), released later
      let p = await ok(unit, p0.id, 'reply', p0.version, { replyClass: 'A', replyText: '已完成。' });
      p = await ok(unitLead, p.id, 'sign_off', p.version);
      await db.updateTable('proposals').set({ due_date: '2000-01-03', signed_at: '2000-01-03T07:00:00.000Z', reply_sent_at: '2000-01-03T07:00:00.000Z' }).where('id', '=', p.id).execute();
      p = await ok(staff, p.id, 'release', p.version);
      // L: signed off after its due date
      let l = await inProgress('关于逾期签发答复的统计场景的建议');
      l = await ok(unitLead, l.id, 'reply_sign', l.version, { replyClass: 'B', replyText: '列入计划。' });
      await db.updateTable('proposals').set({ due_date: '2000-01-03', signed_at: '2000-01-04T07:00:00.000Z', reply_sent_at: '2000-01-04T07:00:00.000Z' }).where('id', '=', l.id).execute();
      l = await ok(staff, l.id, 'release', l.version);
      // W: waiting for its leader past the due date: the unit still owes the reply (当前超期)
      let w = await inProgress('关于待签发超期的统计场景的建议');
      w = await ok(unit, w.id, 'reply', w.version, { replyClass: 'A', replyText: '草稿。' });
      await db.updateTable('proposals').set({ due_date: '2000-01-03' }).where('id', '=', w.id).execute();

      const after = await stats(year);
      const delta = (k: 'replied' | 'onTime' | 'late' | 'overdue') => after.replies[k].value - before.replies[k].value;
      assert.deepEqual([delta('replied'), delta('onTime'), delta('late'), delta('overdue')], [2, 1, 1, 1]);
      const unitRow = (st: any) => st.units.find((u: any) => u.unitName === '市住建局');
      assert.equal(unitRow(after).onTime.value - (unitRow(before)?.onTime.value ?? 0), 1);
      const list = async (q: Record<string, string>) => (await staff.get(`/api/proposals?${new URLSearchParams(q)}&pageSize=200`)).body.items.map((i: any) => i.id);
      assert.ok((await list(after.replies.onTime.list.query)).includes(p.id), 'released after its due date, on time by its sign-off');
      assert.ok((await list(after.replies.late.list.query)).includes(l.id));
      assert.ok((await list(after.replies.overdue.list.query)).includes(w.id));
      for (const k of ['replied', 'onTime', 'late', 'overdue'] as const) {
        const r = await staff.get(`/api/proposals?${new URLSearchParams(after.replies[k].list.query)}&pageSize=1`);
        assert.equal(r.body.total, after.replies[k].value, `list behind ${k}`);
      }
    });

    test('with the tenant setting off the reply goes straight to the office\'s check, as before', async () => {
      const setting = '/api/admin/settings/proposals.replySignOff';
      const cur = await sysadmin.get(setting);
      assert.equal(cur.status, 200, JSON.stringify(cur.body));
      assert.equal(cur.body.value, true, 'on by default');
      assert.equal((await sysadmin.put(setting, { value: 'no', version: cur.body.version ?? 0 })).status, 400);
      const put = await sysadmin.put(setting, { value: false, version: cur.body.version ?? 0 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      try {
        const p = await inProgress('关于不需签发时答复直接报送的建议');
        assert.deepEqual((await unitLead.get(`/api/proposals/${p.id}`)).body.actions.map((a: any) => a.name).sort(), ['reply', 'request_extension']);
        const r = await ok(unit, p.id, 'reply', p.version, { replyClass: 'A', replyText: '已办理。' });
        assert.equal(r.state, 'reply_check');
        assert.equal(r.signerName, null);
        assert.ok(r.replySentAt, 'the reply left the unit when it was sent');
        assert.equal((await fire(unit, r.id, 'reply_sign', r.version, { replyClass: 'A', replyText: 'x' })).status, 409);
      } finally {
        const now = await sysadmin.get(setting);
        assert.equal((await sysadmin.put(setting, { value: true, version: now.body.version })).status, 200);
      }
    });

    test('the demo data: drafts wait in the unitlead queue, and released replies name their signer', async () => {
      const waiting = await unitLead.get(`/api/proposals?state=reply_signoff&pageSize=50`);
      assert.ok(waiting.body.items.filter((i: any) => i.leadUnitName === '市住建局').length >= 3, JSON.stringify(waiting.body.total));
      const tasks = await s.zx.ctx.db.selectFrom('tasks').select('entity_id').where('label', '=', '待签发').where('assignee_org_id', '=', zhujianId).where('status', '=', 'open').execute();
      assert.ok(tasks.length >= 3);
      const unsigned = await s.zx.ctx.db.selectFrom('proposals').select('id').where('replied_at', 'is not', null).where('signer_name', 'is', null).execute();
      assert.equal(unsigned.length, 0, 'every released demo reply has a signer');
      const row = await s.zx.ctx.db.selectFrom('proposals').select(['signed_at', 'reply_sent_at', 'replied_at']).where('replied_at', 'is not', null).where('lead_unit_id', '=', zhujianId).executeTakeFirstOrThrow();
      assert.ok(row.signed_at === row.reply_sent_at && row.signed_at! <= row.replied_at!);
    });
  });
}
