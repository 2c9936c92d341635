// 不予立案 with conversion (转社情民意 / 转参考件) and the proposer's consent, through the API on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import { createReportFromProposal, fromProposalMigrations } from '../../opinions/server/from-proposals.ts';
import { fire } from './transitions.ts';

for (const d of await dialects()) {
  describe(`proposal conversion with the proposer's consent (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, cosigner: Client, staff: Client, editor: Client;
    let cosignerId: string;
    const converted: DomainEvent[] = [];

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, cosigner, staff, editor] = await Promise.all(['member', 'm0001', 'proposal', 'editor'].map((u) => s.login(u)));
      cosignerId = (await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirstOrThrow()).id;
      s.zx.ctx.events.on('proposal.converted', (e) => { converted.push(e); });
    });
    after(async () => { await s?.close(); });

    async function declined(title: string, convertTo: string, joint = false) {
      const created = await member.post('/api/proposals', {
        title, background: '基层反映的情况', analysis: '原因分析', suggestions: '具体建议', ...(joint ? { type: 'joint', cosignerUserIds: [cosignerId] } : {}),
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let version = created.body.version;
      if (joint) version = (await cosigner.post(`/api/proposals/${created.body.id}/cosign`)).body.version;
      const sub = await fire(member, created.body.id, 'submit', version);
      assert.equal(sub.status, 200, JSON.stringify(sub.body));
      const r = await fire(staff, sub.body.id, 'not_file', sub.body.version, { reasonCode: 'personal', convertTo });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    const openConversionTasks = (id: string) => s.zx.ctx.db.selectFrom('tasks').select(['assignee_user_id', 'label'])
      .where('entity_type', '=', 'proposal-conversion').where('entity_id', '=', id).where('status', '=', 'open').execute();

    test('consent to 社情民意 creates exactly one report crediting the proposer and co-signers, linked both ways', async () => {
      const p = await declined('关于解决小区周边夜间施工噪音扰民问题的建议', 'opinion', true);
      assert.equal(p.state, 'not_filed');
      assert.deepEqual([p.conversion.offer, p.conversion.status, p.conversion.convertedTo], ['opinion', 'pending', null]);
      const tasks = await openConversionTasks(p.id);
      assert.equal(tasks.length, 1, 'the proposer has a consent item in the worklist');
      assert.equal(tasks[0].assignee_user_id, p.proposerUserId);
      const seen = (await member.get(`/api/proposals/${p.id}`)).body;
      assert.deepEqual(seen.actions.map((a: any) => a.name).sort(), ['consent_conversion', 'refuse_conversion']);
      assert.equal((await staff.get(`/api/proposals/${p.id}`)).body.actions.length, 0, 'the office does not answer for the proposer');
      assert.equal((await fire(staff, p.id, 'consent_conversion', p.version)).status, 403);

      const ok = await fire(member, p.id, 'consent_conversion', p.version);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.state, 'not_filed');
      assert.equal(ok.body.conversion.status, 'accepted');
      assert.equal(ok.body.conversion.convertedTo, 'opinion');
      assert.equal(ok.body.conversion.convertedLabel, '已转社情民意');
      assert.ok(ok.body.conversion.reportId);
      assert.equal((await openConversionTasks(p.id)).length, 0, 'the consent item is done');
      await s.zx.ctx.events.drain();

      const reports = await s.zx.ctx.db.selectFrom('opinion_reports').selectAll().where('source_proposal_id', '=', p.id).execute();
      assert.equal(reports.length, 1);
      const rep: any = reports[0];
      assert.equal(rep.id, ok.body.conversion.reportId, 'the proposal links to the report');
      assert.equal(rep.submitter_user_id, p.proposerUserId);
      assert.equal(rep.state, 'submitted');
      assert.match(rep.body, /具体建议/);
      assert.deepEqual(JSON.parse(rep.co_submitters).map((c: any) => c.userId), [cosignerId]);
      assert.equal((await editor.get(`/api/opinions/${rep.id}`)).status, 200, 'it lands in the editors\' queue');
      assert.equal((await member.get(`/api/opinions/${rep.id}`)).status, 200, 'the proposer sees it as their report');

      // the event delivered again, and twice at the same moment: still one report
      const ev = converted.find((e) => e.entityId === p.id);
      assert.ok(ev);
      await s.zx.ctx.events.publish({ ...ev, at: undefined });
      await s.zx.ctx.events.drain();
      const again = await Promise.all([createReportFromProposal(s.zx.ctx, ev), createReportFromProposal(s.zx.ctx, ev)]);
      assert.deepEqual(again, [false, false]);
      const count = await s.zx.ctx.db.selectFrom('opinion_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('source_proposal_id', '=', p.id).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
      // answered once: no second answer
      assert.equal((await fire(member, p.id, 'refuse_conversion', ok.body.version)).status, 403);
    });

    test('a member\'s converted proposal is a personal report (个人报送), and its co-signer finds it in their duty record', async () => {
      const p = await declined('关于整治农贸市场周边占道经营的建议', 'opinion', true);
      const ok = await fire(member, p.id, 'consent_conversion', p.version);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      await s.zx.ctx.events.drain();
      const rep: any = await s.zx.ctx.db.selectFrom('opinion_reports').selectAll().where('source_proposal_id', '=', p.id).executeTakeFirstOrThrow();
      const tenantId = rep.tenant_id as string;
      assert.equal(rep.submitter_org_id, tenantId, 'in the CPPCC\'s name, as a member\'s own report is');

      // the statistics' 报送单位 breakdown: under 个人报送, and its list opens it; nothing under 其他（导入的信息）
      const stats = (await editor.get(`/api/opinions/stats?year=${rep.year}`)).body;
      const units = stats.breakdowns.find((b: any) => b.kind === 'unit').rows;
      const personal = units.find((r: any) => r.id === tenantId);
      assert.ok(personal, JSON.stringify(units.map((r: any) => r.name)));
      assert.match(personal.name, /个人报送/);
      const submitted = personal.figures[0];
      const list = (await editor.get(`/api/opinions?${new URLSearchParams({ ...submitted.list.query, pageSize: '100' })}`)).body;
      assert.equal(list.total, submitted.value);
      assert.ok(list.items.some((x: any) => x.id === rep.id), 'the 个人报送 list holds the converted report');
      const other = units.find((r: any) => r.id === 'none');
      if (other) {
        const none = (await editor.get(`/api/opinions?${new URLSearchParams({ ...other.figures[0].list.query, pageSize: '100' })}`)).body;
        assert.ok(!none.items.some((x: any) => x.id === rep.id), 'not under 其他（导入的信息）');
      }

      // the co-signer's duty record lists it as 联名, with a figure of its own that opens it; their own figures stay theirs
      // 社情民意 count in the calendar year of their events (decision 0037), which after the session cut-off is not the
      // working year the record opens on: ask for the report's year
      const record = (await cosigner.get(`/api/members/me/record?year=${rep.year}`)).body;
      const listed = record.reports.find((r: any) => r.id === rep.id);
      assert.ok(listed, 'the co-signer is credited with the report');
      assert.equal(listed.cosigned, true);
      // each figure opens its list (GET list.api with its query), whose rows are exactly what it counts
      const opened = async (c: typeof member, rec: any, key: string) => {
        const f = rec.figures.find((x: any) => x.key === key);
        assert.ok(f?.list, key);
        const r = (await c.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`)).body;
        assert.equal(r.total, f.value, `${key}: the figure and its list`);
        return r.items.map((x: any) => x.id) as string[];
      };
      assert.ok((await opened(cosigner, record, 'opinions.member.cosigned')).includes(rep.id));
      assert.ok(!(await opened(cosigner, record, 'opinions.member.submitted')).includes(rep.id), 'not among the co-signer\'s own reports');
      const mine = (await member.get(`/api/members/me/record?year=${rep.year}`)).body;
      assert.equal(mine.reports.find((r: any) => r.id === rep.id)?.cosigned, false);
      assert.ok((await opened(member, mine, 'opinions.member.submitted')).includes(rep.id), 'the proposer submitted it');

      // a report converted before this rule had no organisation: the migration makes it a personal report too
      const db = s.zx.ctx.db;
      await db.updateTable('opinion_reports').set({ submitter_org_id: null }).where('id', '=', rep.id).execute();
      await fromProposalMigrations.find((m) => m.name === '1131_opinions_converted_personal')!.up(db, s.zx.ctx.dialect);
      const fixed = await db.selectFrom('opinion_reports').select('submitter_org_id').where('id', '=', rep.id).executeTakeFirstOrThrow();
      assert.equal(fixed.submitter_org_id, tenantId);
    });

    test('refusal keeps it 不予立案 without conversion; consent to 参考件 creates no report', async () => {
      const p = await declined('关于为本人所在单位解决办公用房的建议', 'reference');
      const refused = await fire(member, p.id, 'refuse_conversion', p.version, { reason: '不同意转办' });
      assert.equal(refused.status, 200, JSON.stringify(refused.body));
      assert.equal(refused.body.state, 'not_filed');
      assert.equal(refused.body.conversion.status, 'refused');
      assert.equal(refused.body.conversion.convertedTo, null);
      assert.equal((await openConversionTasks(p.id)).length, 0);

      const q = await declined('关于推广某品牌节水器具的建议', 'reference');
      const ok = await fire(member, q.id, 'consent_conversion', q.version);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.conversion.convertedTo, 'reference');
      assert.equal(ok.body.conversion.reportId, null);
      await s.zx.ctx.events.drain();
      const rows = await s.zx.ctx.db.selectFrom('opinion_reports').select('id').where('source_proposal_id', 'in', [p.id, q.id]).execute();
      assert.equal(rows.length, 0);
      const row = await s.zx.ctx.db.selectFrom('proposals').select(['converted_to', 'converted_at']).where('id', '=', q.id).executeTakeFirstOrThrow();
      assert.equal(row.converted_to, 'reference');
      assert.ok(row.converted_at, 'the statistics can count it by converted_to / converted_at');
    });

    test('bad input: an unknown conversion target is a 400 naming the field; a decline without offer has no consent', async () => {
      const created = await member.post('/api/proposals', { title: '关于转办去向校验的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      const sub = await fire(member, created.body.id, 'submit', created.body.version);
      const bad = await fire(staff, sub.body.id, 'not_file', sub.body.version, { reasonCode: 'vague', convertTo: 'weibo' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'input.convertTo');
      assert.match(bad.body.error.message, /转办去向/);
      const plain = await fire(staff, sub.body.id, 'not_file', sub.body.version, { reasonCode: 'vague' });
      assert.equal(plain.status, 200);
      assert.equal(plain.body.conversion, null);
      assert.equal((await fire(member, sub.body.id, 'consent_conversion', plain.body.version)).status, 403);
    });
  });
}
