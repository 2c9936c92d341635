// The portal's pure parts: the page cache (LRU bound, time limit, what an event drops, a render overtaken by an
// event is not kept), the sections' arrangement by 门户设置, links a module gives, escaping, and the templates' tags.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, type CachedPage } from '../domain/page-cache.ts';
import { arrangeSections, portalSettingsSchema, portalTitleOf } from '../domain/portal-settings.ts';
import { renderHome, renderItem, renderRobots, renderSection, renderSitemap, safeHref, type SiteFrame } from '../domain/templates.ts';
import { escapeHtml, excerpt, textToHtml } from '../../../kernel/universal/html.ts';
import { createContributions } from '../../../kernel/server/contributions-catalogue.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';

const page = (tenantId: string, section: string | null): CachedPage => ({ status: 200, type: 'text/html', body: Buffer.from(`${tenantId}${section}`), etag: 'W/"x"', lastModified: '', tenantId, section });

describe('page cache (门户页面缓存)', () => {
  test('bounded: the least recently used page goes first', () => {
    let now = 0;
    const c = new PageCache({ maxEntries: 2, ttlMs: 1000, now: () => now });
    c.set('a', page('t', 's'), c.generation('t'));
    c.set('b', page('t', 's'), c.generation('t'));
    assert.ok(c.get('a'), 'a used, so b is the oldest');
    c.set('c', page('t', 's'), c.generation('t'));
    assert.equal(c.size, 2);
    assert.ok(c.get('a') && c.get('c'));
    assert.equal(c.get('b'), undefined);
    now = 1000;
    assert.equal(c.get('a'), undefined, 'past the time limit');
    assert.deepEqual(c.lookup('a')?.stale, true, 'kept stale while a fresh one renders');
    now = 2000;
    assert.equal(c.lookup('a'), undefined, 'gone past twice the limit');
  });

  test('an event drops its tenant\'s pages of the section and of every section, nothing else', () => {
    const c = new PageCache({ maxEntries: 100, ttlMs: 60_000, now: () => 0 });
    const put = (k: string, t: string, s: string | null) => c.set(k, page(t, s), c.generation(t));
    put('home', 'city', '*'); put('news', 'city', 'news.a'); put('props', 'city', 'proposals.public'); put('contact', 'city', null); put('county-home', 'county', '*');
    assert.equal(c.invalidate('city', 'news.a'), 2);
    assert.equal(c.get('home'), undefined);
    assert.equal(c.get('news'), undefined);
    assert.ok(c.get('props') && c.get('contact') && c.get('county-home'));
    assert.equal(c.invalidate('city'), 2, 'settings: every page of the tenant');
    assert.ok(c.get('county-home'));
    c.invalidate();
    assert.equal(c.size, 0);
  });

  test('a page rendered while an event arrived is not kept', () => {
    const c = new PageCache({ maxEntries: 10, ttlMs: 60_000, now: () => 0 });
    const gen = c.generation('city');
    c.invalidate('city', 'news.a');
    assert.equal(c.set('home', page('city', '*'), gen), false);
    assert.equal(c.get('home'), undefined);
    const all = c.generation('county');
    c.invalidate();
    assert.equal(c.set('x', page('county', '*'), all), false, 'an invalidation of everything counts for every tenant');
  });
});

describe('门户设置', () => {
  const declared = [{ key: 'news.a' }, { key: 'proposals.public' }, { key: 'live.sessions' }];
  test('the office\'s order and choice first, sections it never listed after, in declared order', () => {
    assert.deepEqual(arrangeSections(declared, []).map((s) => s.key), ['news.a', 'proposals.public', 'live.sessions']);
    assert.deepEqual(arrangeSections(declared, [{ key: 'live.sessions', visible: true }, { key: 'news.a', visible: false }, { key: 'gone.section', visible: true }]).map((s) => s.key),
      ['live.sessions', 'proposals.public']);
  });
  test('defaults and the title', () => {
    const s = portalSettingsSchema.parse({});
    assert.equal(s.contact.phone, '');
    assert.equal(portalTitleOf(s, '长治市政协'), '长治市政协门户网站');
    assert.equal(portalTitleOf({ title: '长治政协网' }, '长治市政协'), '长治政协网');
    assert.equal(portalSettingsSchema.safeParse({ siteUrl: 'https://zx.example.cn/path' }).success, false);
    assert.equal(portalSettingsSchema.safeParse({ siteUrl: 'https://zx.example.cn' }).success, true);
  });
});

describe('templates', () => {
  const frame: SiteFrame = { siteTitle: '长治市政协门户网站', subtitle: '', orgName: '长治市政协', base: '/portal', origin: 'https://zx.example.cn', nav: [{ key: 'news.a', title: '要闻' }] };
  test('links a module gives: a path here or http(s), nothing else', () => {
    assert.equal(safeHref('/s/abc'), '/s/abc');
    assert.equal(safeHref('https://x.cn/a'), 'https://x.cn/a');
    assert.equal(safeHref('javascript:alert(1)'), undefined);
    assert.equal(safeHref('//evil.cn/x'), undefined);
    assert.equal(safeHref('/\\evil.cn'), undefined);
  });
  test('escaping and paragraphs', () => {
    assert.equal(escapeHtml('<a href="x">\'&'), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    assert.equal(textToHtml('一段\n\n<二段>'), '<p>一段</p><p>&lt;二段&gt;</p>');
    assert.equal(excerpt('一二三四五', 4), '一二三…');
  });
  test('an item page\'s head; a list\'s paging; the sitemap and robots', () => {
    const html = renderItem(frame, { key: 'news.a', title: '要闻' }, { id: 'x/1', title: '标题"<', date: '2026-12-01', html: '<p>正文</p>', description: '描"述' });
    assert.ok(html.includes('<title>标题&quot;&lt; - 长治市政协门户网站</title>'));
    assert.ok(html.includes('<link rel="canonical" href="https://zx.example.cn/portal/news.a/x%2F1">'));
    assert.ok(html.includes('<meta name="description" content="描&quot;述">'));
    assert.ok(html.includes('<meta property="og:type" content="article">'));
    const list = renderSection(frame, { key: 'news.a', title: '要闻', items: [{ id: '1', title: '甲', date: '2026-12-01', href: 'javascript:x' }], total: 41, hasPages: true }, 2, 3);
    assert.ok(list.includes('href="/portal/news.a/1"'), 'an unsafe href falls back to the portal page');
    assert.ok(list.includes('href="/portal/news.a" rel="prev"') && list.includes('href="/portal/news.a?page=3" rel="next"'));
    assert.ok(list.includes('<title>要闻（第2页） - 长治市政协门户网站</title>'));
    const map = renderSitemap([{ loc: 'https://zx.example.cn/portal?a=1&b=2', lastmod: '2026-12-01' }, { loc: 'https://zx.example.cn/x', lastmod: 'bad' }]);
    assert.ok(map.includes('<loc>https://zx.example.cn/portal?a=1&amp;b=2</loc><lastmod>2026-12-01</lastmod>'));
    assert.ok(map.includes('<loc>https://zx.example.cn/x</loc></url>'));
    assert.match(renderRobots('https://zx.example.cn'), /Sitemap: https:\/\/zx\.example\.cn\/sitemap\.xml/);
  });
  test('home: an empty section stays in the menu and takes no room; nothing at all says so', () => {
    const home = renderHome({ ...frame, nav: [{ key: 'news.a', title: '要闻' }, { key: 'news.b', title: '通知公告' }] }, [
      { key: 'news.a', title: '要闻', items: [{ id: '1', title: '甲', date: '2026-12-01' }], total: 1, hasPages: true },
      { key: 'news.b', title: '通知公告', items: [], total: 0, hasPages: true },
    ], { title: '2026年度履职数据', items: [{ label: '收到提案', value: 1234, unit: '件' }] });
    assert.ok(home.includes('<h2>要闻</h2>') && !home.includes('<h2>通知公告</h2>'));
    assert.ok(home.includes('href="/portal/news.b">通知公告</a>'), 'still in the menu');
    assert.ok(home.includes('<b>1,234</b>'));
    assert.ok(renderHome(frame, [{ key: 'news.a', title: '要闻', items: [], total: 0, hasPages: true }], null).includes('暂无公开内容'));
  });
});

describe('the contributions catalogue\'s public sections', () => {
  const section = (key: string, order?: number) => ({ key, title: key, order, events: [], list: async () => ({ items: [], total: 0 }) });
  const mod = (name: string, sections: ReturnType<typeof section>[]): ModuleManifest => ({ name, label: name, permissions: [], migrations: [], public: { sections } });
  test('sorted by order then key, each with its module; a key declared twice or malformed fails the build', () => {
    const c = createContributions([mod('a', [section('a.late', 200), section('a.first', 5)]), mod('b', [section('b.mid')])]);
    assert.deepEqual(c.publicSections.map((s) => [s.key, s.module]), [['a.first', 'a'], ['b.mid', 'b'], ['a.late', 'a']]);
    assert.throws(() => createContributions([mod('a', [section('x.news')]), mod('b', [section('x.news')])]), /public section x\.news .*a and b/);
    assert.throws(() => createContributions([mod('a', [section('Bad Key')])]), /invalid public section key/);
  });
});
