// The public portal (门户) through the real server on SQLite and PostgreSQL, on the demo data, without signing in: the
// home page lists the latest items of every declared section (a test module's and the real 已公开提案), the year's
// figures; section pages page; an item page has its title, description, canonical link and Open Graph tags, with
// hostile text escaped; a proposal not agreed for publication is a 404; the sitemap lists the items. A cached page is
// served with no database query at all (counted by a Kysely plugin on the app's own database), answers 304 to its
// ETag, and a section's event written through the outbox drops it. The office's 门户设置 hides and orders sections.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { escapeHtml } from '../../../kernel/universal/html.ts';
import { drained } from '../../../../test/support/factories.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { portalSiteOf } from '../server/site.ts';
import { CHANGED, HOSTILE, testModule } from './test-section.ts';

/** Every query the app runs through `ctx.db` while `fn` runs. */
async function queriesDuring(s: StartedApp, fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const plugin: KyselyPlugin = { transformQuery: (a) => { n++; return a.node; }, transformResult: async (a) => a.result };
  const db = s.zx.ctx.db;
  s.zx.ctx.db = db.withPlugin(plugin);
  try { await fn(); } finally { s.zx.ctx.db = db; }
  return n;
}

const get = (s: StartedApp, url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers: { host: 'zx.example.cn', ...headers } });
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const metaOf = (html: string, attr: string, name: string) => new RegExp(`<meta ${attr}="${name.replace('.', '\\.')}" content="([^"]*)">`).exec(html)?.[1];

for (const d of await dialects()) {
  describe(`门户 public portal (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    const t = testModule();
    let cityId: string;
    let publicProposal: { id: string; title: string };
    let hiddenProposal: { id: string };

    before(async () => {
      s = await startApp(d.kind, { extraModules: [t.manifest] });
      const db = s.zx.ctx.db;
      cityId = (await db.selectFrom('organizations').select('id').where('code', '=', '140400').executeTakeFirstOrThrow()).id as string;
      publicProposal = await db.selectFrom('proposals').select(['id', 'title']).where('tenant_id', '=', cityId).where('is_public', '=', 1)
        .where('state', 'in', ['replied', 'closed']).where('replied_at', 'is not', null).orderBy('replied_at', 'desc').orderBy('id').executeTakeFirstOrThrow() as { id: string; title: string };
      hiddenProposal = await db.selectFrom('proposals').select(['id']).where('tenant_id', '=', cityId).where('is_public', '=', 0)
        .where('state', 'in', ['replied', 'closed']).executeTakeFirstOrThrow() as { id: string };
    });
    after(async () => { await s?.close(); });

    test('the catalogue collects every declared section in order', () => {
      const keys = s.zx.ctx.contributions.publicSections.map((x) => x.key);
      assert.deepEqual(keys.slice(0, 1), ['portaltest.news'], 'the lowest order first');
      for (const k of ['proposals.public', 'consultations.meetings', 'live.sessions', 'surveys.open']) assert.ok(keys.includes(k), k);
      assert.equal(s.zx.ctx.contributions.publicSections.find((x) => x.key === 'proposals.public')?.module, 'proposals');
    });

    test('home: the sections\' latest items, the year\'s figures, its title and tags, without signing in', async () => {
      const r = await get(s, '/portal');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.equal(r.headers['cache-control'], 'public, max-age=60');
      assert.ok(r.headers.etag && r.headers['last-modified']);
      const html = r.payload;
      assert.equal(titleOf(html), '长治市政协门户网站');
      assert.match(html, /<link rel="canonical" href="http:\/\/zx\.example\.cn\/portal">/);
      assert.equal(metaOf(html, 'property', 'og:title'), '长治市政协门户网站');
      assert.ok(metaOf(html, 'name', 'description')?.includes('已公开提案'));
      assert.ok(html.includes('测试要闻第25条') && !html.includes('测试要闻第19条'), 'the six newest of the test section');
      assert.ok(html.includes(escapeHtml(publicProposal.title)), 'the newest public proposal');
      assert.ok(html.includes(`/portal/proposals.public/${publicProposal.id}`));
      assert.match(html, /\d{4}年度履职数据/);
      assert.ok(html.includes('收到提案'), 'the proposals figure');
      // the test section (order 10) comes before the proposals (40)
      assert.ok(html.indexOf('测试要闻') < html.indexOf('已公开提案'));
    });

    test('a section pages its items; past the last page is a 404', async () => {
      const p1 = await get(s, '/portal/portaltest.news');
      assert.equal(p1.statusCode, 200);
      assert.equal(titleOf(p1.payload), '测试要闻 - 长治市政协门户网站');
      assert.equal((p1.payload.match(/<li>/g) ?? []).length, 20);
      assert.ok(p1.payload.includes('rel="next"'));
      const p2 = await get(s, '/portal/portaltest.news?page=2&utm_source=wechat');
      assert.equal(p2.statusCode, 200);
      assert.equal((p2.payload.match(/<li>/g) ?? []).length, 6);
      assert.ok(p2.payload.includes('测试要闻第1条'));
      assert.equal((await get(s, '/portal/portaltest.news?page=3')).statusCode, 404);
      assert.equal((await get(s, '/portal/nobody.section')).statusCode, 404);
      const proposals = await get(s, '/portal/proposals.public');
      assert.equal(proposals.statusCode, 200);
      assert.ok(proposals.payload.includes(escapeHtml(publicProposal.title)));
    });

    test('an item page: title, description, canonical and Open Graph; hostile text escaped', async () => {
      const r = await get(s, '/portal/portaltest.news/hostile');
      assert.equal(r.statusCode, 200);
      const html = r.payload;
      assert.ok(!html.includes('<script>'), 'no script from a title');
      assert.ok(!html.includes('<b>粗</b>'));
      assert.equal(titleOf(html), `${escapeHtml(HOSTILE)} - 长治市政协门户网站`);
      assert.equal(metaOf(html, 'name', 'description'), escapeHtml(`描述：${HOSTILE}`));
      assert.equal(metaOf(html, 'property', 'og:type'), 'article');
      assert.equal(metaOf(html, 'property', 'og:url'), 'http://zx.example.cn/portal/portaltest.news/hostile');
      assert.match(html, /<link rel="canonical" href="http:\/\/zx\.example\.cn\/portal\/portaltest\.news\/hostile">/);
      assert.equal((await get(s, '/portal/portaltest.news/none')).statusCode, 404);
      // a Host header with markup in it is not written into the page
      const evil = await get(s, '/portal/portaltest.news/n1', { host: 'evil"><script>x' });
      assert.equal(evil.statusCode, 200);
      assert.ok(!evil.payload.includes('evil'), 'an unusable host becomes localhost');
    });

    test('a public proposal with its reply; one not agreed for publication is a 404', async () => {
      const r = await get(s, `/portal/proposals.public/${publicProposal.id}`);
      assert.equal(r.statusCode, 200);
      assert.equal(titleOf(r.payload), `${escapeHtml(publicProposal.title)} - 长治市政协门户网站`);
      assert.ok(r.payload.includes('<h2>答复</h2>'));
      assert.ok(r.payload.includes(`/public/proposals/${publicProposal.id}`), 'links to 公开提案查询');
      const hidden = await get(s, `/portal/proposals.public/${hiddenProposal.id}`);
      assert.equal(hidden.statusCode, 404);
      assert.ok(hidden.payload.includes('页面不存在'));
      // the county's portal does not show the city's proposal
      assert.equal((await get(s, `/portal/t/140403/proposals.public/${publicProposal.id}`)).statusCode, 404);
      const county = await get(s, '/portal/t/140403');
      assert.equal(county.statusCode, 200);
      assert.match(titleOf(county.payload) ?? '', /潞州区/);
      assert.equal((await get(s, '/portal/t/999999')).statusCode, 404);
    });

    test('sitemap.xml lists the portal\'s pages and items; robots.txt names it', async () => {
      const r = await get(s, '/sitemap.xml');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /xml/);
      assert.ok(r.payload.includes('<loc>http://zx.example.cn/portal/portaltest.news/n7</loc><lastmod>2026-11-07</lastmod>'));
      assert.ok(r.payload.includes(`<loc>http://zx.example.cn/portal/proposals.public/${publicProposal.id}</loc>`));
      assert.ok(!r.payload.includes(hiddenProposal.id));
      assert.ok(r.payload.includes('<loc>http://zx.example.cn/portal/t/140403</loc>'), 'the counties\' portals');
      const slash = await get(s, '/portal/?from=share');
      assert.equal(slash.statusCode, 301);
      assert.equal(slash.headers.location, '/portal');
      const robots = await get(s, '/robots.txt');
      assert.equal(robots.statusCode, 200);
      assert.match(robots.payload, /Sitemap: http:\/\/zx\.example\.cn\/sitemap\.xml/);
    });

    test('a cached page runs no database query; its ETag answers 304; compressed for browsers that take it', async () => {
      const url = '/portal/proposals.public';
      for (const u of [url, '/portal', '/portal/portaltest.news/n3']) await get(s, u); // rendered (or already cached)
      const calls = { ...t.calls };
      let first: Awaited<ReturnType<typeof get>> | undefined;
      const cachedQueries = await queriesDuring(s, async () => {
        first = await get(s, url);
        await get(s, '/portal');
        await get(s, '/portal/portaltest.news/n3');
      });
      assert.equal(first!.statusCode, 200);
      assert.equal(cachedQueries, 0, 'no query for cached pages');
      assert.deepEqual(t.calls, calls, 'the sections were not asked');
      // the counter sees queries: a page not yet cached runs some
      const fresh = await queriesDuring(s, () => get(s, '/portal/proposals.public?page=2'));
      assert.ok(fresh > 0, `a render queries (${fresh})`);
      const etag = String(first!.headers.etag);
      const again = await queriesDuring(s, async () => {
        const nm = await get(s, url, { 'if-none-match': etag });
        assert.equal(nm.statusCode, 304);
        assert.equal(nm.payload, '');
      });
      assert.equal(again, 0);
      const br = await get(s, url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      const gz = await get(s, url, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(br.headers.vary, 'Accept-Encoding');
      // past the time limit the page kept is served once more while a fresh one renders
      const site = portalSiteOf(s.zx.ctx);
      const kept = await get(s, '/portal/portaltest.news/n3');
      const renders = site.renders;
      clock.advance(61_000);
      try {
        const stale = await get(s, '/portal/portaltest.news/n3');
        assert.equal(stale.statusCode, 200);
        assert.equal(stale.headers['last-modified'], kept.headers['last-modified'], 'the page kept');
        assert.equal(site.renders, renders + 1, 'a fresh render started');
        await new Promise((r) => setTimeout(r, 50));
        const fresh = await get(s, '/portal/portaltest.news/n3');
        assert.notEqual(fresh.headers['last-modified'], kept.headers['last-modified'], 'the fresh page');
        assert.equal(site.renders, renders + 1);
      } finally { clock.advance(-61_000); }
    });

    test('a section\'s event through the outbox drops its pages and the home page, not other sections\'', async () => {
      const site = portalSiteOf(s.zx.ctx);
      await get(s, '/portal');
      await get(s, '/portal/portaltest.news');
      await get(s, '/portal/proposals.public');
      t.items.push({ id: 'fresh', title: '新发布的测试要闻', date: '2026-12-06' });
      // still the cached page until the event
      assert.ok(!(await get(s, '/portal')).payload.includes('新发布的测试要闻'));
      await s.zx.ctx.uow.run((w) => w.emit({ type: CHANGED, tenantId: cityId, payload: {} }));
      await drained(s.zx);
      const renders = site.renders;
      const proposals = await queriesDuring(s, () => get(s, '/portal/proposals.public'));
      assert.equal(proposals, 0, 'another section\'s page stays cached');
      const home = await get(s, '/portal');
      assert.ok(home.payload.includes('新发布的测试要闻'), 'the home page shows the new item');
      assert.ok((await get(s, '/portal/portaltest.news')).payload.includes('新发布的测试要闻'));
      assert.equal(site.renders, renders + 2);
      // the real sections' declared events are subscribed: a proposal's step drops the proposals' pages
      await get(s, '/portal/proposals.public');
      await s.zx.ctx.uow.run((w) => w.emit({ type: 'proposal.transitioned', tenantId: cityId, entityType: 'proposal', entityId: publicProposal.id, payload: {} }));
      await drained(s.zx);
      const before = site.renders;
      await get(s, '/portal/proposals.public');
      assert.equal(site.renders, before + 1, 'rendered again after proposal.transitioned');
      await get(s, '/portal');
      // an event of another CPPCC leaves the city's pages alone
      const county = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('code', '=', '140403').executeTakeFirstOrThrow()).id as string;
      await s.zx.ctx.uow.run((w) => w.emit({ type: CHANGED, tenantId: county, payload: {} }));
      await drained(s.zx);
      assert.equal(await queriesDuring(s, () => get(s, '/portal')), 0);
    });

    test('门户设置: the office hides and orders sections; stale versions, unknown sections and others are refused', async () => {
      const office = await s.login('office');
      const member = await s.login('member');
      const a = await office.get('/api/portal/settings');
      assert.equal(a.status, 200, JSON.stringify(a.body));
      assert.equal(a.body.path, '/portal');
      assert.ok(a.body.sections.some((x: { key: string }) => x.key === 'portaltest.news'));
      assert.equal((await member.get('/api/portal/settings')).status, 403);
      assert.equal((await s.app.inject({ method: 'GET', url: '/api/portal/settings' })).statusCode, 401);
      await get(s, '/portal');
      const body = { ...a.body.settings, title: '长治政协网', sections: [{ key: 'proposals.public', visible: true }, { key: 'portaltest.news', visible: false }], version: a.body.version };
      const bad = await office.put('/api/portal/settings', { ...body, sections: [{ key: 'nobody.section', visible: true }] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'sections');
      const badUrl = await office.put('/api/portal/settings', { ...body, siteUrl: 'javascript:alert(1)' });
      assert.equal(badUrl.status, 400);
      const saved = await office.put('/api/portal/settings', body);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, a.body.version + 1);
      assert.equal((await office.put('/api/portal/settings', body)).status, 409, 'the version read before is stale');
      await drained(s.zx);
      const home = await get(s, '/portal');
      assert.equal(titleOf(home.payload), '长治政协网');
      assert.ok(!home.payload.includes('测试要闻'), 'the hidden section is gone');
      assert.equal((await get(s, '/portal/portaltest.news')).statusCode, 404);
      // sections the office did not list show after its own, in declared order
      const nav = /<nav[^>]*>(.*?)<\/nav>/.exec(home.payload)?.[1] ?? '';
      assert.ok(nav.indexOf('已公开提案') < nav.indexOf('协商议政'));
    });
  });
}
