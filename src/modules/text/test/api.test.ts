/** The text service and its routes on both databases: similar items, learning from assignments, rules, dictionary, input validation. */
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
import { textMigrations } from '../server/migrations.ts';
import { textRoutes } from '../server/routes.ts';
import { TextService } from '../server/text-service.ts';
import { organizationsModule } from '../../organizations/module.ts';

const staff: Actor = {
  userId: 'u-staff', username: 'staff', displayName: '提案委工作人员', orgId: 'city', tenantId: 'city', roles: ['proposal_staff'],
  permissions: new Set(['text.use', 'text.dictionary', 'proposal.read_all']), sessionId: 's1',
};
const member: Actor = { ...staff, userId: 'u-m', username: 'm', roles: ['member'], permissions: new Set(), sessionId: 's2' };

for (const d of await dialects()) {
  describe(`text service and API (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let app: App;
    let service: TextService;
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, who: Actor = staff) => {
      const r = await app.inject({ method, url, payload: body as any, headers: { 'x-test-actor': who.userId } });
      return { status: r.statusCode, body: JSON.parse(r.payload) };
    };
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...organizationsModule.migrations!, ...textMigrations]);
      // the handling units (承办单位) of the city, and one of a county
      const at = '2024-01-01T00:00:00.000Z';
      await h.db.insertInto('organizations').values([
        ['city', null, 'cppcc', '长治市政协', 'city'], ['county', 'city', 'cppcc', '潞州区政协', 'county'],
        ['unit-jy', 'city', 'gov_unit', '市教育局', 'city'], ['unit-zj', 'city', 'gov_unit', '市住建局', 'city'], ['unit-wj', 'city', 'gov_unit', '市卫健委', 'city'],
        ['unit-county', 'county', 'gov_unit', '区教育局', 'county'], ['office', 'city', 'office', '市政协办公室', 'city'],
      ].map(([id, parent, kind, name, tenant]) => ({ id, parent_id: parent, kind, name, tenant_id: tenant, created_at: at, updated_at: at }))).execute();
      service = new TextService(h.db, h.dialect);
      app = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1e6, cookieSecret: 't' });
      app.addHook('onRequest', async (req) => { req.actor = req.headers['x-test-actor'] === member.userId ? member : staff; });
      textRoutes(service)(app, { db: h.db, settings: createSettings(h.db, h.dialect) } as unknown as ModuleContext);
      await app.ready();
      const items = [
        ['p1', '关于加快老旧小区加装电梯的建议', '老旧小区居民以老年人为主，上下楼困难，加装电梯审批涉及多个部门，流程复杂，建议简化审批并给予补贴。', '2024-03-01T00:00:00.000Z'],
        ['p2', '关于规范校外培训收费的建议', '校外培训机构收费不透明，预收费用过高，家长维权困难，建议教育部门加强监管。', '2024-03-02T00:00:00.000Z'],
        ['p3', '关于解决乡镇卫生院医生短缺的建议', '乡镇卫生院缺少全科医生，村民看病要跑县城，建议定向培养基层医生。', '2024-03-03T00:00:00.000Z'],
      ];
      for (const [refId, title, body, createdAt] of items) await service.indexItem('city', { source: 'proposal', refId, title, body, createdAt });
      await service.indexItem('county', { source: 'proposal', refId: 'c1', title: '县里的加装电梯问题', body: '县城老旧小区加装电梯审批难，希望简化流程。' });
    });
    after(async () => { await app?.close(); await h?.destroy(); await tdb?.drop(); });

    test('similar returns the nearest item of the own tenant with shared keywords, and flags an edited copy as duplicate', async () => {
      const r = await call('POST', '/api/text/similar', { text: '建议简化老旧小区加装电梯的审批流程', limit: 5 });
      assert.equal(r.status, 200);
      assert.equal(r.body.items[0].refId, 'p1');
      assert.ok(r.body.items[0].sharedKeywords.includes('加装电梯'), r.body.items[0].sharedKeywords.join(','));
      assert.ok(!r.body.items.some((i: any) => i.refId === 'c1'), 'another tenant’s item is not visible');
      const copy = await call('POST', '/api/text/similar', { text: '关于加快老旧小区加装电梯的建议\n老旧小区居民以老年人为主，上下楼很困难，加装电梯审批涉及多个部门，流程复杂，建议简化审批并给予补贴。' });
      assert.equal(copy.body.items[0].refId, 'p1');
      assert.equal(copy.body.items[0].duplicate, true);
      assert.equal(copy.body.items.filter((i: any) => i.duplicate).length, 1);
    });

    test('suggestions come from keyword rules at first, then from recorded assignments', async () => {
      const put = await call('PUT', '/api/text/unit-rules/unit-jy', { keywords: ['学校', '培训'] });
      assert.equal(put.status, 200);
      const cold = await call('POST', '/api/text/suggest-units', { text: '校外培训机构退费难' });
      assert.equal(cold.body.suggestions[0].unitId, 'unit-jy');
      assert.equal(cold.body.suggestions[0].basis, 'rule');
      const stale = await call('PUT', '/api/text/unit-rules/unit-jy', { keywords: ['学校'], version: 0 });
      assert.equal(stale.status, 409);
      const examples: Array<[string, string]> = [
        ['小区道路破损积水，希望修缮', 'unit-zj'], ['老旧小区外墙脱落需要改造', 'unit-zj'], ['小区加装电梯审批难', 'unit-zj'],
        ['学校课后服务收费不透明', 'unit-jy'], ['幼儿园学位紧张入园难', 'unit-jy'], ['农村小学教师编制不足', 'unit-jy'],
        ['乡镇卫生院缺医生', 'unit-wj'], ['医院挂号排队时间长', 'unit-wj'], ['家庭医生签约服务不到位', 'unit-wj'],
      ];
      for (const [text, unitId] of examples) {
        assert.equal((await call('POST', '/api/text/assignments', { text, unitId })).status, 200);
        await service.settled('city'); // the model retrains in the background
      }
      const warm = await call('POST', '/api/text/suggest-units', { text: '我们小区的电梯坏了，外墙也要改造' });
      assert.equal(warm.body.suggestions[0].unitId, 'unit-zj');
      assert.equal(warm.body.suggestions[0].basis, 'model');
      // retrained when the last unit first appeared (7th example); later ones wait for the next batch retrain
      assert.equal(warm.body.modelExamples, 7);
      const stored = await h.db.selectFrom('text_models').select(['examples']).where('tenant_id', '=', 'city').executeTakeFirstOrThrow();
      assert.equal(Number(stored.examples), 7, 'the model is stored per tenant');
      const retrained = await service.retrain('city');
      assert.equal(retrained?.examples, 9);
      // a model stored in the earlier format is retrained from the recorded assignments when a fresh service needs it
      await h.db.updateTable('text_models').set({ data: Buffer.from(JSON.stringify({ kind: 'ovr-svm-v1', labels: ['unit-zj'] }), 'utf8') })
        .where('tenant_id', '=', 'city').execute();
      const fresh = await new TextService(h.db, h.dialect).suggestUnits('city', '医院挂号难，排队时间太长', 3);
      assert.equal(fresh.suggestions[0].unitId, 'unit-wj');
      assert.equal(fresh.suggestions[0].basis, 'model');
      assert.equal(fresh.modelExamples, 9);
    });

    test('a unit rule or an assignment names a handling unit of the caller\'s CPPCC (400 naming the field otherwise), and only such units are suggested', async () => {
      for (const bad of ['NO-SUCH-UNIT', '..%2F..%2F..%2F..%2Fetc%2Fpasswd', 'unit-county', 'office']) {
        const rule = await call('PUT', `/api/text/unit-rules/${bad}`, { keywords: ['电梯'] });
        assert.equal(rule.status, 400, `${bad}: ${JSON.stringify(rule.body)}`);
        assert.deepEqual([rule.body.error.code, rule.body.error.field], ['VALIDATION_FAILED', 'unitId']);
        assert.match(rule.body.error.message, /「承办单位」/);
        const learned = await call('POST', '/api/text/assignments', { text: '小区电梯坏了', unitId: decodeURIComponent(bad) });
        assert.equal(learned.status, 400, `${bad}: ${JSON.stringify(learned.body)}`);
        assert.equal(learned.body.error.field, 'unitId');
      }
      const stored = await h.db.selectFrom('text_unit_rules').select('unit_id').where('tenant_id', '=', 'city').execute();
      assert.ok(stored.every((r: any) => ['unit-jy', 'unit-zj', 'unit-wj'].includes(r.unit_id)), JSON.stringify(stored));
      const taught = await h.db.selectFrom('text_assignments').select('unit_id').distinct().execute();
      assert.ok(taught.every((r: any) => ['unit-jy', 'unit-zj', 'unit-wj'].includes(r.unit_id)), JSON.stringify(taught));
      // a rule stored before ids were checked suggests nothing; nor does a unit closed since
      await h.db.insertInto('text_unit_rules').values({ id: 'old-rule', tenant_id: 'city', unit_id: '../../../../etc/passwd', keywords: JSON.stringify(['下水道']), version: 1, created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z' }).execute();
      const r = await call('POST', '/api/text/suggest-units', { text: '小区下水道堵塞', limit: 10 });
      assert.equal(r.status, 200);
      assert.ok(!r.body.suggestions.some((x: any) => x.unitId === '../../../../etc/passwd'), JSON.stringify(r.body.suggestions));
      assert.ok(r.body.suggestions.every((x: any) => ['unit-jy', 'unit-zj', 'unit-wj'].includes(x.unitId)));
    });

    test('words added to the dictionary are listed and only dictionary keepers may add them', async () => {
      assert.equal((await call('POST', '/api/text/dictionary', { words: ['智慧协商平台'] }, member)).status, 403);
      const add = await call('POST', '/api/text/dictionary', { words: ['智慧协商平台', '智慧协商平台'] });
      assert.deepEqual(add.body, { added: 1 });
      const list = await call('GET', '/api/text/dictionary');
      assert.deepEqual(list.body.words.map((w: any) => w.word), ['智慧协商平台']);
      assert.deepEqual(list.body.actions, ['add']);
    });

    test('hot topics answer with clusters of recent items', async () => {
      const r = await call('GET', '/api/text/hot-topics?days=3650');
      assert.equal(r.status, 200);
      assert.equal(r.body.items, 3);
    });

    test('bad input gets a 400 naming the field; members may not use the tools and see only their own similar items', async () => {
      const empty = await call('POST', '/api/text/similar', { text: '' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'VALIDATION_FAILED');
      assert.match(empty.body.error.message, /文本/);
      const limit = await call('POST', '/api/text/suggest-units', { text: '有效文本', limit: 500 });
      assert.equal(limit.status, 400);
      assert.match(limit.body.error.message, /返回条数/);
      const days = await call('GET', '/api/text/hot-topics?days=abc');
      assert.equal(days.status, 400);
      assert.match(days.body.error.message, /统计天数/);
      const word = await call('POST', '/api/text/dictionary', { words: ['有 空格'] });
      assert.equal(word.status, 400);
      assert.equal((await call('POST', '/api/text/suggest-units', { text: '加装电梯' }, member)).status, 403);
      // a member writing a proposal may ask for similar items, but sees only what they may see (here: nothing of others)
      const mine = await call('POST', '/api/text/similar', { text: '建议简化老旧小区加装电梯的审批流程' }, member);
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.body.items, []);
    });
  });
}
