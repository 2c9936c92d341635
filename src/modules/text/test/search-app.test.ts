/** Search in the running app on both databases: a submitted proposal is searchable at once, by those who may see it only. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';

for (const d of await dialects()) {
  describe(`search in the app (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client, county: Client;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent' } });
      [member, staff, unit, county] = await Promise.all(['member', 'proposal', 'unit', 'countystaff'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('a proposal submitted through the API is found at once by the proposal office and not by another CPPCC or an unassigned unit', async () => {
      const created = await member.post('/api/proposals', {
        title: '关于整治城区共享单车乱停乱放的建议', background: '共享单车乱停乱放占用盲道', analysis: '投放总量缺乏管控', suggestions: '划定停放区域，实行电子围栏',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const sub = await member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
      assert.equal(sub.status, 200, JSON.stringify(sub.body));
      await s.zx.ctx.events.drain();
      const r = await staff.get(`/api/text/search?q=${encodeURIComponent('共享单车')}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const hit = r.body.items.find((i: any) => i.refId === created.body.id);
      assert.ok(hit, 'the office finds the new proposal');
      assert.equal(hit.source, 'proposal');
      assert.ok(hit.title.some((x: any) => x.hit && x.text === '共享单车'), 'the title is highlighted');
      assert.deepEqual(r.body.facets.module.map((f: any) => f.value), ['proposal']);
      const two = await staff.get(`/api/text/search?q=${encodeURIComponent('单车 盲道')}`);
      assert.ok(two.body.items.some((i: any) => i.refId === created.body.id), 'two words, both in the text');
      for (const c of [county, unit]) {
        const other = await c.get(`/api/text/search?q=${encodeURIComponent('共享单车')}`);
        assert.equal(other.status, 200);
        assert.ok(!other.body.items.some((i: any) => i.refId === created.body.id), `${c.username} must not find it`);
      }
    });

    test('search needs a session and appears in the OpenAPI document', async () => {
      const { anonymous } = await import('../../../../test/support/http.ts');
      assert.equal((await anonymous(s.app).get('/api/text/search?q=教育')).status, 401);
      const doc = await staff.get('/api/openapi.json');
      assert.ok(doc.body.paths['/api/text/search'], 'documented');
    });
  });
}
