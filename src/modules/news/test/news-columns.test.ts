// A CPPCC's own news columns (栏目) on SQLite and PostgreSQL, through the real server on the demo data: the office
// reads and saves the column list (400s naming the field, 409 on a stale version, 403 for a member, a column still
// holding news cannot go); a column beyond the four defaults becomes a section of that CPPCC's public portal only (the
// per-CPPCC section hook), and the portal's cached pages are dropped when the columns change (`news.columns_changed`)
// and when a news item of the new column is published — no waiting for the cache's time limit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { drained } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { portalSiteOf } from '../../portal/server/site.ts';

const portal = (s: StartedApp, url: string) => s.app.inject({ method: 'GET', url, headers: { host: 'zx.example.cn' } });

for (const d of await dialects()) {
  describe(`新闻栏目与门户 (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, secgen: Client, member: Client, county: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, secgen, member, county] = await Promise.all(['office', 'secgen', 'member', 'county'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('the office adds a column: refused input names the field; the portal shows it at once, for this CPPCC only', async () => {
      const cols = (await office.get('/api/news/columns')).body;
      assert.deepEqual(cols.columns.map((c: any) => c.code), ['headlines', 'members', 'voices', 'grassroots']);
      assert.equal(cols.canEdit, true);
      assert.ok(cols.columns[0].items > 0, 'the demo year\'s news are counted per column');
      const next = [...cols.columns.map((c: any) => ({ code: c.code, label: c.label, labelEn: c.labelEn })), { code: 'culture', label: '文史天地' }];

      // the portal's home page, cached before the change
      const home0 = await portal(s, '/portal');
      assert.equal(home0.statusCode, 200);
      assert.ok(!home0.payload.includes('文史天地'));
      assert.equal((await portal(s, '/portal/news.culture')).statusCode, 404);

      const put = (c: Client, body: Record<string, unknown>) => c.request('PUT', '/api/news/columns', body);
      const badCode = await put(office, { version: cols.version, columns: [...next.slice(0, 4), { code: 'Culture!', label: '文史天地' }] });
      assert.equal(badCode.status, 400);
      assert.equal(badCode.body.error.field, 'columns.4.code');
      const dupLabel = await put(office, { version: cols.version, columns: [...next.slice(0, 4), { code: 'culture', label: '要闻动态' }] });
      assert.equal(dupLabel.status, 400);
      assert.equal(dupLabel.body.error.field, 'columns.4.label');
      assert.match(dupLabel.body.error.message, /栏目名称/);
      const notices = await put(office, { version: cols.version, columns: [...next.slice(0, 4), { code: 'notices', label: '公告' }] });
      assert.equal(notices.body.error.field, 'columns.4.code');
      const dropUsed = await put(office, { version: cols.version, columns: next.slice(1) });
      assert.equal(dropUsed.status, 400);
      assert.match(dropUsed.body.error.message, /要闻动态.*不能删除/);
      assert.equal((await put(member, { version: cols.version, columns: next })).status, 403);
      assert.equal((await put(office, { version: 'stale', columns: next })).status, 409);
      assert.equal((await office.get('/api/news/columns')).body.version, cols.version, 'nothing saved by the refused requests');

      const saved = await put(office, { version: cols.version, columns: next });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(saved.body.columns.map((c: any) => c.code), ['headlines', 'members', 'voices', 'grassroots', 'culture']);
      assert.equal((await put(office, { version: cols.version, columns: next })).status, 409, 'the version read before the save is stale');
      await drained(s.zx);

      const home = await portal(s, '/portal');
      assert.ok(home.payload.includes('文史天地'), 'the cached home page was dropped and names the new column');
      const section = await portal(s, '/portal/news.culture');
      assert.equal(section.statusCode, 200);
      assert.match(section.payload, /<title>文史天地/);
      // the news desk offers it
      assert.ok((await office.get('/api/news/options')).body.columns.some((c: any) => c.code === 'culture'));
      // another CPPCC keeps its own columns: neither its desk nor its portal has it
      const countyId = (await county.get('/api/auth/me')).body.user.tenantId;
      assert.equal(await s.zx.ctx.settings.get(countyId, 'news.columns', null), null, 'the county\'s columns are untouched');
      assert.ok(!(await portalSiteOf(s.zx.ctx).sectionsOf(countyId)).some((x) => x.key === 'news.culture'));
    });

    test('a news item published in the new column shows on its cached section page at once; the column then cannot go', async () => {
      const before = await portal(s, '/portal/news.culture');
      assert.equal(before.statusCode, 200);
      let r = (await office.post('/api/news', { column: 'culture', title: '《长治文史》第三十辑出版', body: '<p>本辑收录史料二十篇。</p>', channels: ['website'] })).body;
      r = (await office.post(`/api/news/${r.id}/transitions`, { action: 'submit', version: r.version, input: {} })).body;
      r = (await secgen.post(`/api/news/${r.id}/transitions`, { action: 'publish', version: r.version, input: {} })).body;
      assert.equal(r.state, 'published');
      await drained(s.zx);
      const after = await portal(s, '/portal/news.culture');
      assert.ok(after.payload.includes('《长治文史》第三十辑出版'), 'the section page was dropped by the item\'s event');
      assert.equal((await portal(s, `/portal/news.culture/${r.id}`)).statusCode, 200);

      const cols = (await office.get('/api/news/columns')).body;
      assert.equal(cols.columns.find((c: any) => c.code === 'culture').items, 1);
      const keep = cols.columns.filter((c: any) => c.code !== 'culture').map((c: any) => ({ code: c.code, label: c.label }));
      const gone = await office.request('PUT', '/api/news/columns', { version: cols.version, columns: keep });
      assert.equal(gone.status, 400);
      assert.match(gone.body.error.message, /文史天地/);

      // renamed: every page names it anew, a cached page of no section too
      assert.ok((await portal(s, '/portal/contact')).payload.includes('文史天地'));
      const renamed = cols.columns.map((c: any) => ({ code: c.code, label: c.code === 'culture' ? '文史资料' : c.label }));
      assert.equal((await office.request('PUT', '/api/news/columns', { version: cols.version, columns: renamed })).status, 200);
      await drained(s.zx);
      const contact = await portal(s, '/portal/contact');
      assert.ok(contact.payload.includes('文史资料') && !contact.payload.includes('文史天地'), 'the navigation of a page of no section too');
    });
  });
}
