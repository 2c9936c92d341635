/**
 * /api/text/hot-topics on both databases: the matter engine groups one matter told in other words in one district, keeps
 * the same problem in another district apart, lists every item it counts, and sums the supporters (联名) of its items.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects, createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { openDatabase, type DbHandle } from '../../../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { kernelMigrations } from '../../../kernel/server/kernel-module.ts';
import { createHttpServer, type App } from '../../../kernel/server/http/server.ts';
import { createSettings } from '../../../kernel/server/settings.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { textMigrations } from '../server/migrations.ts';
import { textRoutes } from '../server/routes.ts';
import { TextService } from '../server/text-service.ts';
import { organizationsModule } from '../../organizations/module.ts';

const leader: Actor = {
  userId: 'u-leader', username: 'leader', displayName: '市政协领导', orgId: 'city', tenantId: 'city', roles: ['leader'],
  permissions: new Set(['text.use']), sessionId: 's1',
};
const member: Actor = { ...leader, userId: 'u-m', username: 'm', roles: ['member'], permissions: new Set(), sessionId: 's2' };

/** An instant `days` ago (the hot topics count the items of the last days, whatever the date today). */
const ago = (days: number) => new Date(clock.nowMs() - days * 86400_000).toISOString();

// one compound's falling tiles in 潞州区, told three ways, by proposals with co-signers (联名) and a 社情民意 report
const LUZHOU = [
  { refId: 'a1', source: 'proposal', title: '关于潞州区翠澜台小区外墙瓷砖脱落的建议', body: '潞州区翠澜台小区交房不久，外墙瓷砖大面积脱落，砸坏楼下车辆，存在安全隐患，建议住建部门督促开发商维修。', days: 40, supporters: 3 },
  { refId: 'a2', source: 'proposal', title: '翠澜台小区墙砖掉落伤人隐患亟待排除', body: '潞州区翠澜台小区多栋楼外墙砖频繁掉落，居民出行提心吊胆，恳请有关部门尽快检测并修复外墙。', days: 20, supporters: 5 },
  { refId: 'a3', source: 'report', title: '群众反映翠澜台小区外墙砖脱落无人维修', body: '潞州区翠澜台小区居民反映，小区外墙瓷砖脱落已有数月，物业和开发商相互推诿，希望尽快维修。', days: 10 },
];
// the same problem at a compound of another district: another matter
const TUNLIU = [
  { refId: 'b1', source: 'proposal', title: '关于屯留区锦绣华庭外墙瓷砖脱落的建议', body: '屯留区锦绣华庭小区外墙瓷砖脱落严重，多次砸落在人行道上，建议督促物业维修。', days: 30, supporters: 1 },
  { refId: 'b2', source: 'proposal', title: '锦绣华庭小区外墙掉砖问题应尽快解决', body: '屯留区锦绣华庭小区外墙砖不断掉落，威胁行人安全，请住建部门尽快组织检测维修。', days: 15, supporters: 2 },
  { refId: 'b3', source: 'report', title: '屯留区锦绣华庭居民反映外墙瓷砖脱落', body: '屯留区锦绣华庭小区外墙瓷砖脱落，居民担心安全，希望有关部门督促维修。', days: 5 },
];
// other matters, one each
const OTHERS = [
  { refId: 'o1', source: 'proposal', title: '关于增开高铁站公交线路的建议', body: '高铁站与城区之间公交班次太少，建议增开线路。', days: 12 },
  { refId: 'o2', source: 'proposal', title: '关于乡镇卫生院医生短缺的建议', body: '乡镇卫生院缺少全科医生，建议定向培养基层医生。', days: 25 },
  // an answer is not a matter raised: its text joins no topic
  { refId: 'a1', source: 'reply', title: '关于潞州区翠澜台小区外墙瓷砖脱落的建议', body: '经核查，翠澜台小区外墙瓷砖脱落问题已责成开发商维修。', days: 8 },
  // an item older than the period is not counted
  { refId: 'a0', source: 'proposal', title: '翠澜台小区外墙瓷砖脱落', body: '潞州区翠澜台小区外墙瓷砖脱落。', days: 200, supporters: 50 },
];

for (const d of await dialects()) {
  describe(`hot topics API (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let app: App;
    let service: TextService;
    const call = async (url: string, who: Actor = leader) => {
      const r = await app.inject({ method: 'GET', url, headers: { 'x-test-actor': who.userId } });
      return { status: r.statusCode, body: JSON.parse(r.payload) };
    };
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...organizationsModule.migrations!, ...textMigrations]);
      service = new TextService(h.db, h.dialect);
      app = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1e6, cookieSecret: 't' });
      app.addHook('onRequest', async (req) => { req.actor = req.headers['x-test-actor'] === member.userId ? member : leader; });
      textRoutes(service)(app, { db: h.db, settings: createSettings(h.db, h.dialect) } as unknown as ModuleContext);
      await app.ready();
      // two through the batch path (demo data, imports), the rest one by one
      const all = [...LUZHOU, ...TUNLIU, ...OTHERS].map((x) => ({ source: x.source, refId: x.refId, title: x.title, body: x.body, createdAt: ago(x.days), supporters: x.supporters }));
      await service.indexItems('city', all.slice(0, 2));
      for (const x of all.slice(2)) await service.indexItem('city', x);
      // another CPPCC's items on the same compound are not counted here
      for (const x of LUZHOU) await service.indexItem('county', { source: x.source, refId: `c-${x.refId}`, title: x.title, body: x.body, createdAt: ago(x.days), supporters: 100 });
    });
    after(async () => { await app?.close(); await h?.destroy(); await tdb?.drop(); });

    test('one matter in other words in one district is one topic; the same problem in another district is another', async () => {
      const r = await call('/api/text/hot-topics?days=90');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      // proposals and reports of the last 90 days; not the reply, not the old proposal, not the other CPPCC's
      assert.equal(r.body.items, 8);
      const topicOf = (refId: string) => r.body.topics.find((t: any) => t.items.some((i: any) => i.refId === refId && i.source !== 'reply'));
      const luzhou = topicOf('a1');
      const tunliu = topicOf('b1');
      assert.ok(luzhou, JSON.stringify(r.body.topics.map((t: any) => [t.name, t.items.map((i: any) => i.refId)])));
      assert.ok(tunliu, JSON.stringify(r.body.topics.map((t: any) => [t.name, t.items.map((i: any) => i.refId)])));
      assert.notEqual(luzhou, tunliu);
      assert.deepEqual(luzhou.items.map((i: any) => i.refId).sort(), ['a1', 'a2', 'a3']);
      assert.deepEqual(tunliu.items.map((i: any) => i.refId).sort(), ['b1', 'b2', 'b3']);
      for (const t of r.body.topics) {
        // the count is the records the topic opens
        assert.equal(t.count, t.items.length, t.name);
        assert.ok(!t.items.some((i: any) => i.source === 'reply'), 'a reply is not a matter raised');
        assert.equal(t.supporters, t.items.reduce((s: number, i: any) => s + i.supporters, 0));
      }
      // supporters: the co-signers of its proposals (a report has none)
      assert.equal(luzhou.supporters, 8);
      assert.equal(tunliu.supporters, 3);
      assert.match(luzhou.name, /翠澜台/);
      assert.match(luzhou.place, /翠澜台/);
      assert.match(tunliu.place, /锦绣华庭/);
      assert.equal(luzhou.problem, '房屋质量');
      assert.ok(luzhou.heat > tunliu.heat, 'more supporters, more heat');
      // growth: the items of the last 30 days over those of the 30 before, counted from the topic's latest item
      assert.equal(typeof luzhou.growth, 'number');
      assert.equal(luzhou.trend.reduce((s: number, p: any) => s + p.count, 0), 3);
      // the newest first
      assert.deepEqual(luzhou.items.map((i: any) => i.refId), ['a3', 'a2', 'a1']);
    });

    test('an item stored or changed shows at once; a longer period counts the older item', async () => {
      await service.indexItem('city', { source: 'proposal', refId: 'a2', title: LUZHOU[1].title, body: LUZHOU[1].body, createdAt: ago(20), supporters: 9 });
      const r = await call('/api/text/hot-topics?days=90');
      const luzhou = r.body.topics.find((t: any) => t.items.some((i: any) => i.refId === 'a1'));
      assert.equal(luzhou.supporters, 12);
      // a module that re-indexes a text without its supporters keeps the count stored
      await service.indexItem('city', { source: 'proposal', refId: 'a1', title: LUZHOU[0].title, body: LUZHOU[0].body, createdAt: ago(40) });
      assert.equal((await call('/api/text/hot-topics?days=90')).body.topics.find((t: any) => t.items.some((i: any) => i.refId === 'a1')).supporters, 12);
      const year = await call('/api/text/hot-topics?days=365');
      const all = year.body.topics.find((t: any) => t.items.some((i: any) => i.refId === 'a1'));
      assert.deepEqual(all.items.map((i: any) => i.refId).sort(), ['a0', 'a1', 'a2', 'a3']);
      assert.equal(all.supporters, 62);
    });

    test('bad input gets a 400 naming the field; a member may not see the hot topics', async () => {
      const bad = await call('/api/text/hot-topics?days=0');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /统计天数/);
      assert.equal((await call('/api/text/hot-topics', member)).status, 403);
    });
  });
}
