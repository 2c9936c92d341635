// 社情民意 list pages are kept as bytes per reader and query: every write that changes a list (submit, edit, lifecycle
// actions, 采用 / 批示, 编期, 分发, 向上报送, 报送文件 out and in, 提案转社情民意) drops the pages at once, in every CPPCC
// whose lists it touches, so a list read after the write returns shows it; a page is never served to another reader.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { createReportFromProposal } from '../server/from-proposals.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`opinions list pages cached and dropped by every write (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, informant: Client, editor: Client, leader: Client, county: Client, countyEditor: Client;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, informant, editor, leader, county, countyEditor] = await Promise.all(
        ['member', 'informant', 'editor', 'leader', 'county', 'countyeditor'].map((u) => s.login(u)),
      );
    });
    after(async () => { await s?.close(); });

    /** The ids (and titles) of a list page; read twice so that the second read is the cached page. */
    const page = async (c: Client, query: string) => {
      const r = await c.get(`/api/opinions?pageSize=50&${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { items: Array<{ id: string; title: string; state: string; issueNumber: string | null }>; total: number };
    };
    const primed = async (c: Client, query: string) => {
      const first = await page(c, query);
      assert.deepEqual(await page(c, query), first);
      return first;
    };
    const has = async (c: Client, query: string, id: string) => (await page(c, query)).items.some((i) => i.id === id);
    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/opinions/${id}/transitions`, { action, version, input });
    const q = (t: string, more = '') => `q=${encodeURIComponent(t)}${more ? `&${more}` : ''}`;

    test('a list read is cached: the same bytes come back, and a write that publishes nothing would stay unseen', async () => {
      const t = `缓存页${d.kind}甲`;
      const before = await primed(editor, q(t));
      assert.equal(before.total, 0);
      // a row written behind the application's back (as a bulk load would) is not seen until the page is dropped
      const r = (await member.post('/api/opinions', { title: `${t}对照`, body: '正文内容：建议尽快研究解决。' })).body;
      assert.ok(r.id, JSON.stringify(r));
      assert.ok(await has(editor, q(t), r.id), 'the submission dropped the page');
      const now = clock.iso();
      await s.zx.ctx.db.updateTable('opinion_reports').set({ title: `${t}改写`, updated_at: now }).where('id', '=', r.id).execute();
      assert.equal((await page(editor, q(t))).items.find((i) => i.id === r.id)?.title, `${t}对照`, 'served from the cache');
    });

    test('submit, edit, accept, adoption and instruction, verify, compile, sign-off and distribution, and a piece\'s adoption each show at once', async () => {
      const t = `缓存页${d.kind}乙`;
      assert.equal((await primed(editor, q(t, 'state=submitted'))).total, 0);
      assert.equal((await primed(member, q(t, 'mine=true'))).total, 0);
      let r = (await member.post('/api/opinions', { title: `${t}关于社区食堂运营的建议`, body: '社区食堂运营困难，建议给予补贴。' })).body;
      assert.ok(await has(editor, q(t, 'state=submitted'), r.id), 'submit → the editors\' queue');
      assert.ok(await has(member, q(t, 'mine=true'), r.id), 'submit → the member\'s own list');
      assert.equal((await primed(informant, q(t))).total, 0, 'another reader of the same query never gets the editor\'s page');

      await primed(editor, q(t));
      const edited = await editor.patch(`/api/opinions/${r.id}`, { title: `${t}关于社区食堂持续运营的建议`, version: r.version, note: '压缩标题' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      r = edited.body;
      assert.equal((await page(editor, q(t))).items.find((i) => i.id === r.id)?.title, `${t}关于社区食堂持续运营的建议`, 'edit → the new title');

      assert.equal((await primed(editor, q(t, 'stage=accepted'))).total, 0);
      r = (await fire(editor, r.id, 'accept', r.version)).body;
      assert.ok(await has(editor, q(t, 'stage=accepted'), r.id), 'accept → the accepted list');
      assert.ok(!(await has(editor, q(t, 'state=submitted'), r.id)), 'accept → out of the queue');

      for (const f of ['stage=adoption', 'adoptedLevel=city', 'instructionLevel=city', 'stage=instruction']) assert.equal((await primed(editor, q(t, f))).total, 0);
      assert.equal((await editor.post(`/api/opinions/${r.id}/events`, { kind: 'adoption', level: 'city', adoptionType: 'single' })).status, 201);
      assert.ok(await has(editor, q(t, 'stage=adoption'), r.id), 'adoption → the adoption list');
      assert.ok(await has(editor, q(t, 'adoptedLevel=city'), r.id), 'adoption → its level');
      assert.equal((await editor.post(`/api/opinions/${r.id}/events`, { kind: 'instruction', leaderLevel: 'city', text: '请有关部门研究。' })).status, 201);
      assert.ok(await has(editor, q(t, 'instructionLevel=city'), r.id), 'instruction → its level');
      assert.ok(await has(editor, q(t, 'stage=instruction'), r.id));
      r = (await editor.get(`/api/opinions/${r.id}`)).body;

      assert.equal((await primed(editor, q(t, 'state=verified'))).total, 0);
      r = (await fire(editor, r.id, 'verify', r.version)).body;
      assert.ok(await has(editor, q(t, 'state=verified'), r.id), 'verify');

      assert.equal((await primed(editor, q(t, 'state=compiled'))).total, 0);
      const made = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [r.id] }] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      let issue = made.body;
      const compiled = (await page(editor, q(t, 'state=compiled'))).items.find((i) => i.id === r.id);
      assert.ok(compiled, 'compile → the compiled list');
      assert.equal(compiled.issueNumber, issue.number);

      issue = (await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'send_for_sign', version: issue.version })).body;
      issue = (await leader.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'sign', version: issue.version })).body;
      assert.equal((await primed(editor, q(t, 'state=reported'))).total, 0);
      issue = (await editor.post(`/api/opinions/issues/${issue.id}/transitions`, { action: 'distribute', version: issue.version })).body;
      assert.equal(issue.state, 'distributed');
      assert.ok(await has(editor, q(t, 'state=reported'), r.id), 'distribute → reported');

      assert.equal((await primed(editor, q(t, 'adoptedLevel=province'))).total, 0);
      const pe = await editor.post(`/api/opinions/issues/${issue.id}/pieces/${issue.pieces[0].id}/events`, { kind: 'adoption', level: 'province' });
      assert.equal(pe.status, 200, JSON.stringify(pe.body));
      assert.ok(await has(editor, q(t, 'adoptedLevel=province'), r.id), 'a piece\'s adoption → its sources');
    });

    test('a send-up drops the county\'s and the city\'s pages; an adoption of the city\'s copy shows in the county\'s lists', async () => {
      const t = `缓存页${d.kind}丙`;
      let r = (await county.post('/api/opinions', { title: `${t}关于农贸市场改造的建议`, body: '农贸市场设施老化，建议纳入城市更新。' })).body;
      assert.ok(r.id, JSON.stringify(r));
      r = (await fire(countyEditor, r.id, 'accept', r.version)).body;
      assert.equal((await primed(countyEditor, q(t, 'stage=sent_up'))).total, 0);
      assert.equal((await primed(editor, q(t, 'incoming=true'))).total, 0);
      assert.equal((await countyEditor.post(`/api/opinions/${r.id}/send-up`, { version: r.version })).status, 200);
      assert.ok(await has(countyEditor, q(t, 'stage=sent_up'), r.id), 'the county\'s report is marked sent');
      const copy = (await page(editor, q(t, 'incoming=true'))).items[0];
      assert.ok(copy, 'the copy is in the city\'s queue');

      assert.equal((await primed(countyEditor, q(t, 'adoptedLevel=city'))).total, 0);
      const cp = (await fire(editor, copy.id, 'accept', (await editor.get(`/api/opinions/${copy.id}`)).body.version)).body;
      assert.equal((await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption', adoptionType: 'single' })).status, 201);
      assert.ok(await has(countyEditor, q(t, 'adoptedLevel=city'), r.id), 'the lineage\'s other CPPCC sees the adoption');
    });

    test('an exchange file out and back in drops the pages of both sides', async () => {
      const t = `缓存页${d.kind}丁`;
      let r = (await county.post('/api/opinions', { title: `${t}关于乡村客运的建议`, body: '乡村客运班次少，建议财政补贴公交下乡。' })).body;
      assert.ok(r.id, JSON.stringify(r));
      r = (await fire(countyEditor, r.id, 'accept', r.version)).body;
      assert.equal((await primed(countyEditor, q(t, 'stage=sent_up'))).total, 0);
      const file = await countyEditor.post('/api/opinions/exchange/export', { reportIds: [r.id] });
      assert.equal(file.status, 200, JSON.stringify(file.body));
      assert.ok(await has(countyEditor, q(t, 'stage=sent_up'), r.id), 'export → marked sent');

      assert.equal((await primed(editor, q(t, 'incoming=true'))).total, 0);
      assert.equal((await editor.post('/api/opinions/exchange/import', file.body)).body.reports, 1);
      const copy = (await page(editor, q(t, 'incoming=true'))).items[0];
      assert.ok(copy, 'import → the copy in the queue');

      const cp = (await fire(editor, copy.id, 'accept', (await editor.get(`/api/opinions/${copy.id}`)).body.version)).body;
      assert.equal((await editor.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption', level: 'province', adoptionType: 'single' })).status, 201);
      const back = await editor.post('/api/opinions/exchange/export', { eventsForTenantId: file.body.from.tenantId });
      assert.equal(back.status, 200);
      assert.equal((await primed(countyEditor, q(t, 'adoptedLevel=province'))).total, 0);
      const imported = await countyEditor.post('/api/opinions/exchange/import', back.body);
      assert.ok(imported.body.events >= 1, JSON.stringify(imported.body));
      assert.ok(await has(countyEditor, q(t, 'adoptedLevel=province'), r.id), 'import of feedback → the adoption shows');
    });

    test('a report converted from a proposal (提案转社情民意) drops the pages', async () => {
      const t = `缓存页${d.kind}戊`;
      assert.equal((await primed(editor, q(t))).total, 0);
      const proposer = await s.zx.ctx.db.selectFrom('users').select(['id', 'tenant_id', 'display_name']).where('username', '=', 'member').executeTakeFirstOrThrow();
      const reportId = newId();
      const created = await createReportFromProposal(s.zx.ctx, {
        type: 'proposal.converted', tenantId: String(proposer.tenant_id), entityType: 'proposal', entityId: newId(), at: clock.iso(),
        payload: { proposalId: newId(), reportId, number: '第1号', title: `${t}关于停车难的建议`, body: '城区停车难。', proposer: { userId: String(proposer.id), name: String(proposer.display_name), orgId: null }, cosigners: [] },
      });
      assert.equal(created, true);
      assert.ok(await has(editor, q(t), reportId));
    });
  });
}
