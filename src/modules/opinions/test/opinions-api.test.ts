// The 社情民意 API through the real server on SQLite and PostgreSQL: demo figures, the editorial pipeline, issues, upward travel and permissions.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const longBody = '近年来，城区部分老旧小区加装电梯推进缓慢。'.repeat(90);

for (const d of await dialects()) {
  describe(`opinions API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, informant: Client, editor: Client, leader: Client, county: Client, countyEditor: Client, otherCounty: Client, sysadmin: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, informant, editor, leader, county, countyEditor, otherCounty, sysadmin] = await Promise.all(
        ['member', 'informant', 'editor', 'leader', 'county', 'countyeditor', 'c02m1', 'sysadmin'].map((u) => s.login(u)),
      );
    });
    after(async () => { await s?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/opinions/${id}/transitions`, { action, version, input });
    const inbox = async (c: Client) => (await c.get('/api/notifications?pageSize=50')).body.items.map((n: any) => `${n.title}|${n.body}`).join('\n');

    test('the demo data give the article figures for 2025 from the statistics, each linked to its records', async () => {
      const r = await editor.get('/api/opinions/stats?year=2025');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const all = [...r.body.totals, ...r.body.adoptedByLevel, ...r.body.instructionsByLevel, ...r.body.members];
      const fig = (k: string) => all.find((f: any) => f.key === `opinions.${k}`);
      assert.equal(fig('submitted').value, 3543);
      assert.equal(fig('issues').value, 86);
      assert.equal(fig('pieces').value, 99);
      assert.equal(fig('sent_up').value, 963);
      assert.equal(fig('adopted_province').value, 165);
      assert.equal(fig('members_submitted').share?.percent, 100, 'every member submitted at least one');
      assert.equal(fig('members_adopted').share?.percent, 56.9);
      assert.equal(fig('accepted').value + fig('retained').value, 3543);
      assert.ok(fig('returned').value > 0 && fig('instruction_city').value > 0);
      for (const k of ['submitted', 'accepted', 'retained', 'returned', 'sent_up', 'adopted_province', 'adopted_national', 'instruction_city']) {
        const list = await editor.get(`${fig(k).list.api}?${new URLSearchParams(fig(k).list.query)}&pageSize=1`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        assert.equal(list.body.total, fig(k).value, `list behind ${k}`);
      }
      const issues = await editor.get(`/api/opinions/issues?${new URLSearchParams(fig('issues').list.query)}&pageSize=1`);
      assert.equal(issues.body.total, 86);
      // the article's year is working year 2025 (2024-12-06 … 2025-12-05): nothing of it falls after the cut-off
      assert.deepEqual([r.body.from, r.body.to], ['2024-12-06', '2025-12-05']);
      const lateDecember = (await editor.get('/api/opinions/stats?from=2025-12-06&to=2025-12-31')).body;
      for (const k of ['submitted', 'issues']) assert.equal(lateDecember.totals.find((f: any) => f.key === `opinions.${k}`).value, 0, `${k} after the cut-off of 2025`);
      const scores = await leader.get('/api/opinions/scores?year=2025');
      assert.equal(scores.status, 200);
      const points = (items: Array<{ points: number }>) => Math.round(items.reduce((n, x) => n + x.points, 0) * 100);
      const afterCutOff = (await leader.get('/api/opinions/scores?from=2025-12-06&to=2025-12-31')).body;
      assert.deepEqual(afterCutOff.items, [], 'no 2025 event is dated after the cut-off');
      assert.ok(points(scores.body.items) > 0);
      assert.ok(scores.body.items.length > 100 && scores.body.items[0].points >= scores.body.items[1].points);
      assert.equal((await member.get('/api/opinions/stats?year=2025')).status, 403);
      assert.equal((await sysadmin.get('/api/opinions?pageSize=1')).status, 403, 'admin roles get no opinion permissions');
    });

    test('a member submits, an editor returns with a reason, the member revises; edits keep every revision; accept and verify tell the member', async () => {
      const bad = await member.post('/api/opinions', { body: '没有标题的信息正文内容' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'title');
      assert.match(bad.body.error.message, /「标题」/);

      const created = await member.post('/api/opinions', { title: '关于老旧小区加装电梯的建议', body: longBody, urgent: true });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let r = created.body;
      assert.equal(r.state, 'submitted');
      assert.equal(r.urgent, true);
      assert.match(r.lengthWarning, /超过建议的 1500 字/);
      assert.deepEqual(r.actions.map((a: any) => a.name), ['withdraw']);

      const queue = await editor.get('/api/opinions?state=submitted&pageSize=100');
      assert.equal(queue.body.items[0].urgent, true, 'urgent reports come first in the queue');
      assert.ok(queue.body.items.some((i: any) => i.id === r.id));
      assert.equal((await informant.get(`/api/opinions/${r.id}`)).status, 404, 'an informant sees only their own reports');
      assert.equal((await fire(member, r.id, 'accept', r.version)).status, 403);

      const noReason = await fire(editor, r.id, 'return', r.version);
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /退回理由/);
      r = (await fire(editor, r.id, 'return', r.version, { reason: '请压缩篇幅，一事一报' })).body;
      assert.equal(r.state, 'returned');
      assert.match(await inbox(member), /信息被退回\|.*请压缩篇幅/);

      const revised = await member.patch(`/api/opinions/${r.id}`, { version: r.version, body: '城区老旧小区加装电梯推进缓慢，建议简化审批、财政补贴。', note: '按要求压缩' });
      assert.equal(revised.status, 200, JSON.stringify(revised.body));
      r = (await fire(member, r.id, 'resubmit', revised.body.version)).body;
      assert.equal(r.state, 'submitted');
      assert.equal(r.lengthWarning, null);

      const edited = await editor.patch(`/api/opinions/${r.id}`, { version: r.version, title: '关于加快老旧小区加装电梯的建议', note: '改标题' });
      assert.equal(edited.status, 200);
      const stale = await editor.patch(`/api/opinions/${r.id}`, { version: r.version, body: '在旧版本上所做的另一处修改内容' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      r = edited.body;
      assert.equal(r.revisions.length, 3);
      assert.equal(r.submittedTitle, '关于老旧小区加装电梯的建议');
      assert.equal(r.submittedBody, longBody, 'the submitted text stays for the side-by-side view');
      assert.equal(r.title, '关于加快老旧小区加装电梯的建议');

      r = (await fire(editor, r.id, 'accept', r.version)).body;
      assert.equal(r.state, 'accepted');
      r = (await fire(editor, r.id, 'verify', r.version)).body;
      assert.equal(r.state, 'verified');
      const text = await inbox(member);
      assert.match(text, /信息已录用/);
      assert.match(text, /信息已核稿/);
      const mine = await member.get('/api/opinions?mine=true&pageSize=100');
      assert.equal(mine.body.items.find((i: any) => i.id === r.id).stateLabel, '已核稿');

      const retained = (await member.post('/api/opinions', { title: '关于农村饮水安全的建议', body: '部分村庄饮水水质不稳定，建议加强监测。' })).body;
      const kept = await fire(editor, retained.id, 'retain', retained.version);
      assert.equal(kept.body.state, 'retained');
      assert.match(await inbox(member), /信息已留存/);
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('an editor compiles 第X期 of a single and a composite piece, the leader signs it off, it is distributed and an adoption credits every source', async () => {
      const ready = (await editor.get('/api/opinions?state=verified&pageSize=10')).body.items;
      assert.ok(ready.length >= 3, `three verified reports (${ready.length})`);
      const [a, b, c] = ready;
      const notVerified = (await editor.get('/api/opinions?state=submitted&pageSize=1')).body.items[0];
      const wrong = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [notVerified.id] }] });
      assert.equal(wrong.status, 400);
      assert.equal((await member.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [a.id] }] })).status, 403);
      const oneInComposite = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'composite', reportIds: [a.id] }] });
      assert.equal(oneInComposite.status, 400);

      const made = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [a.id] }, { kind: 'composite', title: '关于民生领域若干问题的综合反映', reportIds: [b.id, c.id] }] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      let issue = made.body;
      assert.match(issue.number, /^第\d+期$/);
      assert.equal(issue.state, 'editing');
      assert.equal(issue.pieces[1].sources.length, 2);
      assert.deepEqual(issue.pieces[1].sources.map((x: any) => x.submitterName).sort(), [b.submitterName, c.submitterName].sort());
      assert.equal((await editor.get(`/api/opinions/${b.id}`)).body.state, 'compiled');
      const again = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [a.id] }] });
      assert.equal(again.status, 400, 'a report goes into one issue only');

      assert.deepEqual(issue.actions.map((x: any) => x.name), ['send_for_sign']);
      issue = (await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'send_for_sign', version: issue.version })).body;
      assert.equal(issue.state, 'signing');
      assert.equal((await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'sign', version: issue.version })).status, 403);
      const lv = await leader.get(`/api/opinions/issues/${issue.id}`);
      assert.deepEqual(lv.body.actions.map((x: any) => x.name).sort(), ['reject', 'sign']);
      issue = (await leader.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'sign', version: issue.version })).body;
      assert.equal(issue.state, 'signed');
      assert.ok(issue.signedBy);
      const badRecipient = await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'distribute', version: issue.version, input: { recipients: ['nobody'] } });
      assert.equal(badRecipient.status, 400);
      assert.equal(badRecipient.body.error.field, 'input.recipients');
      issue = (await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'distribute', version: issue.version, input: { recipients: ['party_committee', 'government'] } })).body;
      assert.equal(issue.state, 'distributed');
      assert.deepEqual(issue.recipients.map((x: any) => x.label), ['市委', '市政府']);
      assert.equal((await editor.get(`/api/opinions/${a.id}`)).body.state, 'reported');
      // every source report was compiled and reported by its own transition: history, audit and no work item left
      const db = s.zx.ctx.db;
      for (const id of [a.id, b.id, c.id]) {
        const steps = await db.selectFrom('workflow_history').select(['from_state', 'to_state', 'action']).where('entity_type', '=', 'opinion').where('entity_id', '=', id).orderBy('at').orderBy('id').execute();
        assert.deepEqual(steps.slice(-2).map((h) => `${h.from_state}>${h.to_state}:${h.action}`), ['verified>compiled:compile', 'compiled>reported:report']);
        const audited = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', 'in', ['opinion.compile', 'opinion.report']).execute();
        assert.deepEqual(audited.map((x) => x.action).sort(), ['opinion.compile', 'opinion.report']);
        assert.equal((await db.selectFrom('tasks').select('id').where('entity_id', '=', id).where('status', '=', 'open').execute()).length, 0);
      }

      const adopted = await editor.post(`/api/opinions/issues/${issue.id}/pieces/${issue.pieces[1].id}/events`, { kind: 'adoption', level: 'province' });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      for (const id of [b.id, c.id]) {
        const ev = (await editor.get(`/api/opinions/${id}`)).body.events;
        assert.equal(ev.length, 1);
        assert.equal(ev[0].kindLabel, '综合采用');
        assert.equal(ev[0].points, 3, 'province composite adoption earns 3 points by default');
      }
      assert.equal((await member.get(`/api/opinions/issues/${issue.id}`)).status, 403);
    });

    test('a county report sent up travels as a linked copy; the city records adoption and an instruction, which come down to the county and the submitter', async () => {
      let r = (await county.post('/api/opinions', { title: '关于潞州区农贸市场改造的建议', body: '农贸市场设施老化，建议纳入城市更新。' })).body;
      r = (await fire(countyEditor, r.id, 'accept', r.version)).body;
      assert.equal((await countyEditor.post(`/api/opinions/${r.id}/send-up`, { version: r.version })).status, 200, 'may send up once accepted');
      r = (await countyEditor.get(`/api/opinions/${r.id}`)).body;
      assert.equal(r.sentUpTo, '长治市政协');
      assert.ok(r.upCopyId);
      assert.equal(r.abilities.sendUp, false);
      assert.equal((await countyEditor.post(`/api/opinions/${r.id}/send-up`, { version: r.version })).status, 409);

      const incoming = await editor.get('/api/opinions?incoming=true&state=submitted&pageSize=50');
      const copy = incoming.body.items.find((i: any) => i.sourceReportId === r.id);
      assert.ok(copy, 'the city editors see the copy in their queue');
      assert.equal(copy.sourceTenantName, '潞州区政协');
      assert.equal((await county.get(`/api/opinions/${copy.id}`)).status, 404, 'the copy belongs to the city');
      assert.equal((await countyEditor.get(`/api/opinions/${copy.id}`)).status, 404);

      let cp = (await fire(editor, copy.id, 'accept', copy.version)).body;
      const noType = await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption' });
      assert.equal(noType.status, 400);
      assert.equal(noType.body.error.field, 'adoptionType');
      cp = (await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption', adoptionType: 'single' })).body;
      cp = (await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'instruction', leaderLevel: 'city', text: '请市农业农村局研究落实。' })).body;
      cp = (await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'feedback', department: '市农业农村局', text: '已列入明年改造计划。' })).body;
      assert.equal(cp.events.length, 3);

      const seen = (await county.get(`/api/opinions/${r.id}`)).body;
      assert.deepEqual(seen.events.map((e: any) => e.kindLabel), ['单篇采用', '领导批示', '部门反馈']);
      assert.equal(seen.events[0].levelLabel, '市级');
      assert.equal(seen.events[0].tenantName, '长治市政协');
      assert.equal(seen.events[1].text, '请市农业农村局研究落实。');
      assert.match(await inbox(county), /市级单篇采用/);
      assert.match(await inbox(county), /市级领导批示/);
      assert.equal((await otherCounty.get(`/api/opinions/${r.id}`)).status, 404, 'another county never sees it');
      assert.equal((await countyEditor.get(`/api/opinions/${r.id}`)).body.events.length, 3);
      const list = await countyEditor.get('/api/opinions?adoptedLevel=city&pageSize=10');
      assert.ok(list.body.items.some((i: any) => i.id === r.id));

      const year = clock.year();
      const scores = (await leader.get(`/api/opinions/scores?year=${year}`)).body.items;
      assert.ok(Array.isArray(scores));
    });
    test('every opinions route is in the OpenAPI document with a Chinese summary', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
      const doc = JSON.parse(r.payload);
      const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/opinions')).flatMap(([p, m]: [string, any]) => Object.entries(m).map(([k, op]: [string, any]) => ({ p, k, op })));
      assert.ok(ops.length >= 16, `${ops.length} operations`);
      for (const { p, k, op } of ops) {
        assert.deepEqual(op.tags, ['opinions'], `${k} ${p}`);
        assert.match(op.summary, /[\u4e00-\u9fa5]/, `${k} ${p}`);
      }
    });
  });
}
