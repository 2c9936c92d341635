/** 同一事项: what a text says the matter is, the pair model and its explanation, and the similar items marking it on both databases. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { segmenter } from '../domain/segmenter.ts';
import { matterFacts, matterFeatures, sameMatter, titleCosine, trainMatterModel, matterProbability, PlaceIndex, MATTER_FEATURES, type MatterFacts } from '../domain/matter.ts';
import { fingerprint, similarity } from '../domain/duplicates.ts';
import { Vocabulary, termVector, cosine } from '../domain/similar.ts';
import { dialects, createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { openDatabase, type DbHandle } from '../../../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { kernelMigrations } from '../../../kernel/server/kernel-module.ts';
import { createHttpServer, type App } from '../../../kernel/server/http/server.ts';
import { createSettings } from '../../../kernel/server/settings.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { textMigrations } from '../server/migrations.ts';
import { textRoutes } from '../server/routes.ts';
import { TextService } from '../server/text-service.ts';
import { organizationsModule } from '../../organizations/module.ts';

const seg = segmenter();
// the databases first: suites registered after an await at the end of the file would not run
const databases = await dialects();
const facts = (t: string): MatterFacts => {
  const tagged = seg.tag(t);
  return matterFacts(t, seg.contentTerms(tagged.map((w) => w.word)), tagged);
};

// one matter told twice, the same road with another problem, the same problem on another road, and unrelated texts
const FLOOD = ['关于潞州区英雄南路西段积水问题的建议', '潞州区英雄南路西段每逢雨天积水严重，排水管网老化，行人车辆通行困难，建议住建部门改造排水管网。'];
const RAIN = ['英雄南路一下雨就淹', '潞州区英雄南路靠西边那一截，下大雨后路面成了河，车子熄火，人只能蹚水，请尽快把地下排水管道换新。'];
const LIGHTS = ['英雄南路西段路灯不亮', '潞州区英雄南路西段路灯坏了一个多月，夜里漆黑，请维修路灯。'];
const ELSEWHERE = ['太行西街雨天积水', '上党区太行西街雨天积水，排水不畅，建议疏通排水管网。'];
const OTHERS = [
  ['关于加快老旧小区加装电梯的建议', '老旧小区居民以老年人为主，上下楼困难，加装电梯审批涉及多个部门，流程复杂，建议简化审批并给予补贴。'],
  ['关于规范校外培训收费的建议', '校外培训机构收费不透明，预收费用过高，家长维权困难，建议教育部门加强监管。'],
];

describe('what a text says the matter is', () => {
  test('the district, the named road, compound and bus line, the problem and the demand are read; a road lamp is not a road', () => {
    const f = facts('A3区梅溪湖卓越浅水湾小区门口的路灯坏了，70路公交也停了，请尽快维修路灯、恢复线路。');
    assert.deepEqual(f.districts, ['A3区']);
    assert.ok(f.places.includes('梅溪湖卓越浅水湾小区'), f.places.join(','));
    assert.ok(f.places.includes('70路'), f.places.join(','));
    assert.ok(!f.places.some((p) => p.endsWith('路灯')), f.places.join(','));
    assert.ok(f.problems.includes('照明') && f.problems.includes('公交'), f.problems.join(','));
    assert.ok(f.demands.includes('维修修复') && f.demands.includes('恢复'), f.demands.join(','));
    assert.ok(f.placeKeys.length > 0);
  });

  test('the words before a name (关于, 投诉, 在) are not part of it; one place read twice is one place', () => {
    const f = facts('关于潞州区英雄南路积水的建议：投诉英雄南路一下雨就淹');
    assert.deepEqual(f.districts, ['潞州区']);
    assert.deepEqual(f.places, ['英雄南路']);
  });
});

describe('the pair model', () => {
  const vocab = new Vocabulary();
  const all = [FLOOD, RAIN, LIGHTS, ELSEWHERE, ...OTHERS].map(([t, b]) => ({ t, b, f: facts(`${t}。${b}`), terms: seg.terms(`${t}。${b}`) }));
  for (const x of all) vocab.observe(x.terms);
  const verdict = (i: number, j: number) => sameMatter(all[i].f, all[j].f, {
    dup: similarity(fingerprint(`${all[i].t}\n${all[i].b}`), fingerprint(`${all[j].t}\n${all[j].b}`)),
    cosine: cosine(termVector(vocab, all[i].terms), termVector(vocab, all[j].terms)), title: titleCosine(all[i].t, all[j].t),
  }, (w) => vocab.idf(vocab.ids.get(w) ?? -1));

  test('the same road flooding in other words is the same matter, with the shared place, problem and demand as the reason', () => {
    const v = verdict(1, 0);
    assert.equal(v.same, true, String(v.probability));
    assert.deepEqual(v.explanation.places, ['英雄南路']);
    assert.deepEqual(v.explanation.districts, ['潞州区']);
    assert.ok(v.explanation.problems.includes('积水内涝'));
    assert.ok(v.explanation.demands.includes('维修修复'));
  });

  test('the same road with another problem, and the same problem on another road, are other matters; unrelated texts far below', () => {
    const lights = verdict(1, 2);
    const elsewhere = verdict(1, 3);
    assert.equal(lights.same, false, String(lights.probability));
    assert.equal(elsewhere.same, false, String(elsewhere.probability));
    assert.ok(verdict(1, 0).probability > Math.max(lights.probability, elsewhere.probability) + 0.3);
    for (const j of [4, 5]) assert.ok(verdict(1, j).probability < 0.1);
    assert.deepEqual(lights.explanation.problems, [], 'no problem in common to show');
  });

  test('training on labelled pairs separates them: the fitted model ranks every positive above every negative', () => {
    const pos = [[0, 1]], neg = [[1, 2], [1, 3], [0, 2], [0, 3], [1, 4], [0, 5]];
    const x = (i: number, j: number) => {
      const d = similarity(fingerprint(all[i].b), fingerprint(all[j].b));
      const c = cosine(termVector(vocab, all[i].terms), termVector(vocab, all[j].terms));
      return sameMatterFeatures(all[i].f, all[j].f, d, c, titleCosine(all[i].t, all[j].t));
    };
    const xs = [...pos, ...neg].map(([i, j]) => x(i, j));
    const ys = [...pos.map(() => 1), ...neg.map(() => 0)];
    const m = trainMatterModel(xs, ys, { epochs: 2000 });
    assert.equal(m.weights.length, MATTER_FEATURES.length);
    const p = xs.map((v) => matterProbability(m, v));
    assert.ok(p[0] >= 0.5, String(p[0]));
    for (let k = 1; k < p.length; k++) assert.ok(p[k] < p[0] && p[k] < 0.5, `${k}: ${p[k]}`);
  });

  test('the place index finds the items naming the same place however the text around it is worded', () => {
    const idx = new PlaceIndex();
    all.forEach((x, i) => idx.add(i, x.f.placeKeys));
    const found = idx.candidates(all[1].f.placeKeys, 10, (d) => d === 1);
    assert.deepEqual(new Set(found), new Set([0, 2]));
  });
});

function sameMatterFeatures(a: MatterFacts, b: MatterFacts, dup: number, cos: number, title: number) {
  return matterFeatures(a, b, { dup, cosine: cos, title });
}

const staff: Actor = {
  userId: 'u-staff', username: 'staff', displayName: '提案委工作人员', orgId: 'city', tenantId: 'city', roles: ['proposal_staff'],
  permissions: new Set(['text.use', 'text.dictionary', 'proposal.read_all', 'report.read_all']), sessionId: 's1',
};

// the proposal office sees every proposal and no 社情民意 report; a member writing sees only what is theirs
const proposalOffice: Actor = { ...staff, userId: 'u-po', permissions: new Set(['text.use', 'proposal.read_all']), sessionId: 's2' };
const writer: Actor = { ...staff, userId: 'u-w', roles: ['member'], permissions: new Set(), sessionId: 's3' };

for (const d of databases) {
  describe(`similar items mark the same matter (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let app: App;
    let service: TextService;
    const post = async (url: string, body: unknown, who: Actor = staff) => {
      const r = await app.inject({ method: 'POST', url, payload: body as any, headers: { 'x-test-actor': who.userId } });
      return { status: r.statusCode, body: JSON.parse(r.payload) };
    };
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...organizationsModule.migrations!, ...textMigrations]);
      service = new TextService(h.db, h.dialect);
      app = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1e6, cookieSecret: 't' });
      app.addHook('onRequest', async (req) => { req.actor = [proposalOffice, writer].find((a) => a.userId === req.headers['x-test-actor']) ?? staff; });
      textRoutes(service)(app, { db: h.db, settings: createSettings(h.db, h.dialect) } as unknown as ModuleContext);
      await app.ready();
      // a 社情民意 report on the flooding, proposals on the same road's lights and on other matters
      await service.indexItem('city', { source: 'report', refId: 'r-flood', title: FLOOD[0], body: FLOOD[1], createdAt: '2024-05-01T00:00:00.000Z' });
      await service.indexItem('city', { source: 'proposal', refId: 'p-lights', title: LIGHTS[0], body: LIGHTS[1], createdAt: '2024-05-02T00:00:00.000Z' });
      await service.indexItem('city', { source: 'proposal', refId: 'p-else', title: ELSEWHERE[0], body: ELSEWHERE[1], createdAt: '2024-05-03T00:00:00.000Z' });
      for (const [i, [t, b]] of OTHERS.entries()) await service.indexItem('city', { source: 'proposal', refId: `p-o${i}`, title: t, body: b, createdAt: '2024-05-04T00:00:00.000Z' });
    });
    after(async () => { await app?.close(); await h?.destroy(); await tdb?.drop(); });

    test('a proposal written in other words finds the 社情民意 report on its matter marked 同一事项 with the reason, first; the same road\'s lights only 相似', async () => {
      const r = await post('/api/text/similar', { text: `${RAIN[0]}\n${RAIN[1]}`, limit: 5 });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const first = r.body.items[0];
      assert.equal(first.refId, 'r-flood');
      assert.equal(first.source, 'report');
      assert.equal(first.sameMatter, true);
      assert.equal(first.duplicate, false, 'other words: not a copy');
      assert.equal(first.restricted, false, 'staff who may read reports open it');
      assert.deepEqual(first.matter.places, ['英雄南路']);
      assert.ok(first.matter.problems.includes('积水内涝'));
      assert.ok(first.matter.probability >= 0.5 && first.matter.probability <= 1);
      const lights = r.body.items.find((x: any) => x.refId === 'p-lights');
      assert.ok(lights, 'the same road is still a related item');
      assert.equal(lights.sameMatter, false);
      assert.ok(!r.body.items.some((x: any) => x.refId !== 'r-flood' && x.sameMatter));
    });

    test('a copy is 疑似重复 and the same matter; the report\'s own record is left out of its list', async () => {
      const r = await post('/api/text/similar', { text: `${FLOOD[0]}\n${FLOOD[1]}`, limit: 5 });
      const copy = r.body.items.find((x: any) => x.refId === 'r-flood');
      assert.equal(copy.duplicate, true);
      assert.equal(copy.sameMatter, true);
      const own = await post('/api/text/similar', { text: `${FLOOD[0]}\n${FLOOD[1]}`, limit: 5, record: { source: 'report', refId: 'r-flood' } });
      assert.ok(!own.body.items.some((x: any) => x.refId === 'r-flood'));
    });

    test('the proposal office is told of the report on the same matter it may not open (title only, restricted); a member writing is not', async () => {
      const r = await post('/api/text/similar', { text: `${RAIN[0]}\n${RAIN[1]}`, limit: 5 }, proposalOffice);
      const report = r.body.items.find((x: any) => x.refId === 'r-flood');
      assert.ok(report, JSON.stringify(r.body.items.map((x: any) => x.refId)));
      assert.equal(report.sameMatter, true);
      assert.equal(report.restricted, true);
      assert.deepEqual(report.actions, []);
      assert.deepEqual(report.sharedKeywords, []);
      assert.ok(r.body.items.filter((x: any) => x.source === 'report').every((x: any) => x.sameMatter), 'a merely related report stays hidden');
      assert.ok(r.body.items.filter((x: any) => x.source === 'proposal').every((x: any) => !x.restricted));
      const m = await post('/api/text/similar', { text: `${RAIN[0]}\n${RAIN[1]}`, limit: 5 }, writer);
      assert.equal(m.status, 200);
      assert.deepEqual(m.body.items, [], 'nothing of others is shown to a member without text.use');
    });

    test('groups for 并案 across the submitted records: the two on the flooding, with the reason; none of the others', async () => {
      await service.indexItem('city', { source: 'proposal', refId: 'p-rain', title: RAIN[0], body: RAIN[1], createdAt: '2024-05-05T00:00:00.000Z' });
      await service.indexItem('city', { source: 'proposal', refId: 'p-flood', title: FLOOD[0], body: `${FLOOD[1]}汛期前完成清淤。`, createdAt: '2024-05-06T00:00:00.000Z' });
      const groups = await service.duplicateGroups('city', 'proposal', ['p-rain', 'p-flood', 'p-lights', 'p-else', 'p-o0', 'p-o1']);
      assert.equal(groups.length, 1, JSON.stringify(groups));
      assert.deepEqual(new Set(groups[0].refIds), new Set(['p-rain', 'p-flood']));
      assert.equal(groups[0].kind, 'same_matter');
      assert.deepEqual(groups[0].reason.places, ['英雄南路']);
      assert.ok(groups[0].reason.problems.includes('积水内涝'));
    });
  });
}
