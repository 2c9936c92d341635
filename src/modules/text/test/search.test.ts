/** Cross-module search on both databases: two-character words, ranking, highlighting, facets, visibility, re-indexing. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects, createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { openDatabase, type DbHandle } from '../../../kernel/server/db/dialect.ts';
import { deleteWords } from '../server/search-store.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { kernelMigrations } from '../../../kernel/server/kernel-module.ts';
import { createHttpServer, type App } from '../../../kernel/server/http/server.ts';
import { createSettings } from '../../../kernel/server/settings.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { textMigrations } from '../server/migrations.ts';
import { textRoutes } from '../server/routes.ts';
import { TextService } from '../server/text-service.ts';
import type { SearchVisibility } from '../server/search-policy.ts';
import { folderFor, highlight, snippet } from '../domain/highlight.ts';
import { countsInTexts, indexText, indexTokens, rankMatches, storedCounts, type TextCounts } from '../server/search.ts';

const staff: Actor = {
  userId: 'u-staff', username: 'staff', displayName: '提案委工作人员', orgId: 'city', tenantId: 'city', roles: ['proposal_staff'],
  permissions: new Set(['text.use', 'proposal.read_all', 'report.read_all']), sessionId: 's1',
};
const member: Actor = { ...staff, userId: 'u-m', username: 'm', roles: ['member'], permissions: new Set(['proposal.read']), sessionId: 's2' };
const countyStaff: Actor = { ...staff, userId: 'u-c', tenantId: 'county', orgId: 'county', sessionId: 's3' };
const actors = [staff, member, countyStaff];

const hits = (segs: Array<{ text: string; hit: boolean }>) => segs.filter((s) => s.hit).map((s) => s.text);

for (const d of await dialects()) {
  describe(`cross-module search (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let app: App;
    let service: TextService;
    // what the owning module's entity says about the 'proposal' source (null: no module claims it)
    let proposalRule: ((actor: Actor, ids: string[]) => Promise<Set<string>>) | null = null;
    const visibility: SearchVisibility = async (actor, source, ids) => (source === 'proposal' && proposalRule ? proposalRule(actor, ids) : null);
    const search = async (qs: string, who: Actor = staff) => {
      const r = await app.inject({ method: 'GET', url: `/api/text/search?${qs}`, headers: { 'x-test-actor': who.userId } });
      return { status: r.statusCode, body: JSON.parse(r.payload) };
    };
    const refs = (b: any) => b.items.map((i: any) => i.refId).sort();
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...textMigrations]);
      service = new TextService(h.db, h.dialect, visibility);
      app = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1e6, cookieSecret: 't' });
      app.addHook('onRequest', async (req) => { req.actor = actors.find((a) => a.userId === req.headers['x-test-actor']) ?? staff; });
      textRoutes(service)(app, { settings: createSettings(h.db, h.dialect) } as unknown as ModuleContext);
      await app.ready();
      const items: Array<[string, string, string, string, string, string | null]> = [
        ['proposal', 'p1', '关于加快老旧小区加装电梯的建议', '老旧小区居民以老年人为主，上下楼困难，建议简化审批并给予补贴。', '2024-03-01T00:00:00.000Z', 'u-m'],
        ['proposal', 'p2', '关于规范校外培训收费的建议', '校外培训机构收费不透明，家长维权困难，建议教育部门加强监管。', '2025-03-02T00:00:00.000Z', null],
        ['proposal', 'p3', '关于小区停车难的建议', '小区车位不足，晚上停车难，小区周边道路可以划定夜间停车位。', '2025-04-03T00:00:00.000Z', null],
        ['report', 'r1', '群众反映小区物业收费问题', '部分小区物业服务差但收费高，业主意见大。', '2025-05-01T00:00:00.000Z', null],
      ];
      for (const [source, refId, title, body, createdAt, ownerUserId] of items) await service.indexItem('city', { source, refId, title, body, createdAt, ownerUserId });
      await service.indexItem('county', { source: 'proposal', refId: 'c1', title: '县城小区加装电梯问题', body: '县城老旧小区加装电梯审批难。' });
    });
    after(async () => { await app?.close(); await h?.destroy(); await tdb?.drop(); });

    test('a two-character word finds every item of the tenant that contains it, inside longer words too', async () => {
      const r = await search('q=小区');
      assert.equal(r.status, 200);
      assert.deepEqual(refs(r.body), ['p1', 'p3', 'r1'], '老旧小区 is found by 小区');
      const edu = await search('q=教育');
      assert.deepEqual(refs(edu.body), ['p2']);
    });

    test('results are ranked, highlighted, and every query word must match', async () => {
      const r = await search(`q=${encodeURIComponent('小区停车')}`);
      assert.deepEqual(r.body.words, ['小区', '停车']);
      assert.deepEqual(refs(r.body), ['p3']);
      assert.deepEqual(hits(r.body.items[0].title), ['小区', '停车']);
      assert.ok(hits(r.body.items[0].snippet).includes('停车'));
      const ranked = await search('q=小区');
      assert.equal(ranked.body.items[0].refId, 'p3', 'the item that mentions 小区 most ranks first');
      assert.equal(ranked.body.items[0].score, 1);
    });

    test('the year of an item is its China year: one written at 01:00 on 1 January (China time) counts in the new year', async () => {
      await service.indexItem('city', { source: 'report', refId: 'r-newyear', title: '关于元旦烟花燃放管理的建议', body: '元旦凌晨烟花燃放扰民。', createdAt: '2026-12-31T17:00:00.000Z' });
      const r = await search(`q=${encodeURIComponent('烟花')}`);
      assert.deepEqual(r.body.facets.year.map((f: any) => [f.value, f.count]), [['2027', 1]]);
      assert.deepEqual(refs((await search(`q=${encodeURIComponent('烟花')}&year=2027`)).body), ['r-newyear']);
    });

    test('facets count by module and year, and a facet filters the list without changing the counts', async () => {
      const r = await search('q=小区');
      assert.deepEqual(r.body.facets.module.map((f: any) => [f.value, f.label, f.count]), [['proposal', '提案', 2], ['report', '社情民意', 1]]);
      assert.deepEqual(r.body.facets.year.map((f: any) => [f.value, f.count]), [['2025', 2], ['2024', 1]]);
      const only = await search('q=小区&module=report');
      assert.deepEqual(refs(only.body), ['r1']);
      assert.equal(only.body.total, 1);
      assert.equal(only.body.facets.module.length, 2);
      const y = await search('q=小区&year=2024');
      assert.deepEqual(refs(y.body), ['p1']);
    });

    test('another tenant’s items are never found', async () => {
      assert.ok(!refs((await search('q=电梯')).body).includes('c1'));
      assert.deepEqual(refs((await search('q=电梯', countyStaff)).body), ['c1']);
    });

    test('without an entity claiming the source a member finds only what they wrote; the entity decides per record', async () => {
      assert.deepEqual(refs((await search('q=小区', member)).body), ['p1']);
      proposalRule = async (actor, ids) => new Set(ids.filter((id) => actor.userId === 'u-m' ? id === 'p3' : true));
      assert.deepEqual(refs((await search('q=小区', member)).body), ['p3'], 'the entity replaced the default rule');
      assert.deepEqual(refs((await search('q=小区')).body), ['p1', 'p3', 'r1']);
      proposalRule = async () => { throw new Error('broken'); };
      assert.deepEqual(refs((await search('q=小区')).body), ['r1'], 'a failing rule hides its items');
      proposalRule = async (_a, ids) => new Set(ids);
    });

    test('a new item is searchable at once and an edit replaces its words', async () => {
      assert.equal((await search('q=噪音')).body.total, 0);
      await service.indexItem('city', { source: 'proposal', refId: 'p9', title: '关于治理夜间施工噪音的建议', body: '工地夜间施工噪音扰民。' });
      assert.deepEqual(refs((await search('q=噪音')).body), ['p9']);
      await service.indexItem('city', { source: 'proposal', refId: 'p9', title: '关于治理餐饮油烟的建议', body: '餐饮店油烟扰民。' });
      assert.equal((await search('q=噪音')).body.total, 0);
      assert.deepEqual(refs((await search('q=油烟')).body), ['p9']);
    });

    test('an empty query is rejected naming the field, and a word nobody used finds nothing', async () => {
      const bad = await search('q=');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /检索词/);
      const none = await search(`q=${encodeURIComponent('量子计算机')}`);
      assert.equal(none.status, 200);
      assert.equal(none.body.total, 0);
    });

    test('a full-text index that lost its content is rebuilt from the stored texts on first search', async () => {
      const rows = await h.db.selectFrom('text_items').select(['id', 'search_key']).execute();
      for (const r of rows as any[]) await deleteWords(h.db, h.dialect, Number(r.search_key));
      const fresh = new TextService(h.db, h.dialect);
      const r = await fresh.search.search(staff, { q: '小区', page: 1, pageSize: 20 });
      assert.deepEqual(r.items.map((i) => i.refId).sort(), ['p1', 'p3', 'r1']);
    });
  });
}

test('highlight marks every occurrence of the searched words and keeps the text intact', () => {
  const segs = highlight('老旧小区改造与小区停车', ['小区', '停车']);
  assert.equal(segs.map((s) => s.text).join(''), '老旧小区改造与小区停车');
  assert.deepEqual(hits(segs), ['小区', '小区', '停车']);
  const snip = snippet(`${'甲'.repeat(300)}教育收费${'乙'.repeat(300)}`, ['教育'], 60);
  assert.deepEqual(hits(snip), ['教育']);
  assert.equal(snip[0].text, '…');
});

test('letters are matched whatever their case; a Chinese word is found as written beside capitals', () => {
  assert.deepEqual(hits(highlight('全市WiFi覆盖与ＷＩＦＩ热点', ['wifi'])), ['WiFi']);
  assert.deepEqual(hits(highlight('全市WiFi覆盖与ｗｉｆｉ热点', ['ｗｉｆｉ'])), ['ｗｉｆｉ']);
  const segs = highlight('A1栋小区与B2栋小区', ['小区']);
  assert.equal(segs.map((x) => x.text).join(''), 'A1栋小区与B2栋小区');
  assert.deepEqual(hits(segs), ['小区', '小区']);
  assert.equal(folderFor(['小区', '停车'])('ABC'), 'ABC', 'caseless words: texts are not folded');
  assert.equal(folderFor(['小区', 'c3'])('ABC'), 'abc');
  const ranked = rankMatches([{ title: '关于C3栋电梯', order: 0, score: 0 }, { title: '关于电梯', order: 1, score: 0 }], ['c3', '电梯'], countsInTexts(['c3', '电梯'], () => ''));
  assert.equal(ranked[0].title, '关于C3栋电梯', 'a capital in the text matches a lower-case query word');
});

test('the index keeps how often the words occur in the text; ranking by the kept counts agrees with ranking by the texts', () => {
  const t = indexText('老旧小区加装电梯', '小区电梯老化，电梯经常停运。加装电梯需要业主同意。');
  assert.equal(t.bodyLength, 25);
  // 电梯 three times in the text; 老旧小区 only in the title; every other word once (not listed)
  assert.equal(t.wordCounts, ' 电梯 3 老旧小区 0 ');
  assert.deepEqual(t.words.filter((w) => w === '老旧小区').length, 2, 'title words are matched, counted twice');
  const texts = [
    { title: '关于加装电梯的建议', body: '老旧小区没有电梯，老人上下楼难。' },
    { title: '关于电梯的建议', body: '电梯老化，电梯故障多，电梯维修资金难以使用，电梯安全令人担忧。' },
    { title: '关于小区环境的建议', body: '小区里的电梯间堆放杂物。' },
    { title: '关于物业管理的建议', body: '物业不作为，电梯长期停运，业主多次反映无果，小区管理混乱，业主委员会难以成立，物业费收取不透明。' },
  ];
  for (const words of [['电梯'], ['电梯', '小区'], ['建议']]) {
    // the counts as the database reads them from the kept ones: each word's occurrences among the text's words
    const matches = texts.map((x, order) => ({
      title: x.title, body: x.body, order, score: 0, id: String(order), bodyLength: x.body.length,
      counts: words.map((w) => indexTokens(x.body).filter((t) => t === w).length),
    })).filter((m) => words.every((w) => m.title.includes(w) || m.body.includes(w)));
    const byKept = rankMatches(matches, words, storedCounts as unknown as TextCounts<(typeof matches)[number]>).map((m) => m.id);
    const byTexts = rankMatches(matches, words, countsInTexts(words, (m) => m.body)).map((m) => m.id);
    assert.deepEqual(byKept, byTexts, words.join(' '));
    if (words.length === 1 && words[0] === '电梯') assert.equal(byKept[0], '1', 'the text that is about lifts comes first');
  }
  // an item indexed before counts were kept ranks by its title alone
  assert.equal(storedCounts.count({ counts: null } as never, 0), 0);
  assert.equal(storedCounts.length({ bodyLength: null } as never), 0);
});
