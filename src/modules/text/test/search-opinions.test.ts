/** 社情民意 reports in the cross-module search, in the running app on both databases: indexed at once, edits re-indexed, found only by those who may see them. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';

for (const d of await dialects()) {
  describe(`social-conditions reports in search (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, informant: Client, editor: Client, county: Client, countyEditor: Client, proposalStaff: Client;
    let reportId = '';
    let version = 0;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent' } });
      [member, informant, editor, county, countyEditor, proposalStaff] = await Promise.all(['member', 'informant', 'editor', 'county', 'countyeditor', 'proposal'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const find = async (c: Client, q: string, extra = '') => {
      const r = await c.get(`/api/text/search?q=${encodeURIComponent(q)}${extra}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const refs = (body: any) => body.items.filter((i: any) => i.source === 'report').map((i: any) => i.refId);

    test('a report submitted by a member is found at once by a two-character word, by its submitter and the editors only', async () => {
      const created = await member.post('/api/opinions', {
        title: '关于城区窨井盖破损伤人的情况反映', body: '近期城区多处窨井盖破损、缺失，夜间行人易踩空受伤。建议开展井盖专项排查，明确权属单位限期修复。',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      reportId = created.body.id;
      version = created.body.version;
      await s.zx.ctx.events.drain();
      const mine = await find(member, '井盖');
      assert.ok(refs(mine).includes(reportId), 'the submitter finds their report by 井盖');
      const hit = mine.items.find((i: any) => i.refId === reportId);
      assert.ok(hit.title.some((x: any) => x.hit && x.text === '井盖'), 'the title is highlighted');
      assert.deepEqual(mine.facets.module.map((f: any) => f.value), ['report']);
      assert.ok(refs(await find(editor, '井盖')).includes(reportId), 'the city editor finds it');
      assert.ok(refs(await find(editor, '井盖 夜间')).includes(reportId), 'two words, both in the text');
      assert.ok(!refs(await find(informant, '井盖')).includes(reportId), 'another informant does not');
      assert.ok(!refs(await find(proposalStaff, '井盖')).includes(reportId), 'the proposal office (no opinion permission) does not');
      for (const c of [county, countyEditor]) assert.ok(!refs(await find(c, '井盖')).includes(reportId), `${c.username} (another CPPCC) does not`);
    });

    test('an informant finds their own report and not another informant’s', async () => {
      const created = await informant.post('/api/opinions', { title: '关于农贸市场活禽宰杀点卫生的反映', body: '部分农贸市场活禽宰杀点污水横流，气味刺鼻，周边居民意见较大。' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await s.zx.ctx.events.drain();
      assert.deepEqual(refs(await find(informant, '活禽')), [created.body.id]);
      assert.ok(!refs(await find(member, '活禽')).includes(created.body.id), 'the member does not find the informant’s report');
      assert.ok(refs(await find(editor, '活禽')).includes(created.body.id));
    });

    test('the status facet follows the report’s current state, and an edit replaces its words', async () => {
      const before = await find(editor, '井盖');
      const hit = before.items.find((i: any) => i.refId === reportId);
      assert.equal(hit.status, 'report:submitted');
      assert.equal(hit.statusLabel, '待处理');
      assert.ok(before.facets.status.some((f: any) => f.value === 'report:submitted' && f.label === '待处理' && f.count >= 1));
      const edited = await editor.patch(`/api/opinions/${reportId}`, {
        version, title: '关于城区下水道盖板破损伤人的情况反映', body: '近期城区多处下水道盖板破损、缺失，行人易踩空受伤。建议开展专项排查，明确权属单位限期修复。', note: '规范用语',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      await s.zx.ctx.events.drain();
      assert.ok(refs(await find(editor, '盖板')).includes(reportId), 'found by a new word');
      assert.ok(!refs(await find(editor, '井盖')).includes(reportId), 'not by a removed one');
      assert.ok(refs(await find(member, '盖板')).includes(reportId), 'the submitter finds the edited text too');
      const accepted = await editor.post(`/api/opinions/${reportId}/transitions`, { action: 'accept', version: edited.body.version, input: {} });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const after = await find(editor, '盖板');
      assert.equal(after.items.find((i: any) => i.refId === reportId).statusLabel, '已录用', 'the state is read from the report, not from the index');
      const filtered = await find(editor, '盖板', '&status=report:accepted');
      assert.ok(filtered.items.every((i: any) => i.status === 'report:accepted') && refs(filtered).includes(reportId));
      assert.equal((await find(editor, '盖板', '&status=report:submitted')).items.some((i: any) => i.refId === reportId), false);
    });

    test('a county user does not find the city’s demo reports, and the city editor finds them with facets by module, year and status', async () => {
      const city = await find(editor, '养老服务驿站');
      assert.ok(city.total > 0, 'the demo reports are indexed at seed');
      assert.ok(city.facets.module.some((f: any) => f.value === 'report' && f.label === '社情民意'));
      assert.ok(city.facets.year.length >= 1 && city.facets.status.length >= 1);
      const countySees = await find(county, '养老服务驿站');
      const cityIds = new Set(refs(city));
      assert.ok(!refs(countySees).some((id: string) => cityIds.has(id)), 'no city report reaches the county');
    });
  });
}
