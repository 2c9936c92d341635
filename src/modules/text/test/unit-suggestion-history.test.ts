/**
 * 智能交办 learns from the proposals' own assignment history (交办记录, read through the proposals entity), retrains as
 * assignments accumulate without counting one twice, says why a unit is suggested, and never suggests another CPPCC's
 * unit; similar items leave out the record itself and its 并案 group, so its reviewers see the neighbours its writer saw.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { makeProposal } from '../../proposals/test/factories.ts';
import { ok } from '../../proposals/test/transitions.ts';
import { textServiceOf } from '../module.ts';
import { trainingStats } from '../server/trainer.ts';
import { warmUnitModels, warmUnitModelsJob } from '../server/warm-models.ts';
import { buildApp } from '../../../server/app.ts';
import { proposalAssignmentHistory } from '../../proposals/server/assignment-history.ts';

/** Proposals by topic, each assigned to the unit that handles it. */
const topics = {
  市住建局: [
    ['关于老旧小区加装电梯的建议', '老旧小区居民多为老年人，上下楼困难，加装电梯审批流程复杂。', '建议简化加装电梯审批，完善补贴政策。'],
    ['关于推进老旧小区改造的建议', '老旧小区外墙脱落，管网老化，小区道路破损积水。', '建议加快老旧小区改造，修缮小区道路和管网。'],
    ['关于规范物业服务收费的建议', '部分小区物业服务质量差，收费不透明，业主投诉多。', '建议住建部门加强物业监管，规范小区物业收费。'],
  ],
  市教育局: [
    ['关于规范校外培训收费的建议', '校外培训机构预收费用过高，家长退费困难。', '建议教育部门加强校外培训监管，规范预收费。'],
    ['关于缓解幼儿园入园难的建议', '城区幼儿园学位紧张，入园难问题突出。', '建议新建公办幼儿园，增加学前教育学位。'],
    ['关于补充农村学校教师的建议', '农村小学教师编制不足，学校师资短缺。', '建议增加农村学校教师编制，提高乡村教师待遇。'],
  ],
} as const;

const body = (t: readonly string[]) => ({ title: t[0], background: t[1], analysis: t[1], suggestions: t[2] });

for (const d of await dialects()) {
  describe(`unit suggestion learns from the assignment history (${d.kind})`, { skip: d.skip, timeout: 240_000 }, () => {
    let world: World;
    let unitIds: Record<string, string>;
    before(async () => {
      world = await startWorld(d.kind);
      unitIds = world.ids.unitIds;
      for (const [unit, items] of Object.entries(topics)) {
        for (const t of items) await makeProposal(world, 'assigned', { title: t[0], draft: body(t), input: { assign: { mode: 'single', leadUnitId: unitIds[unit] } } });
      }
      await drained(world.zx);
    });
    after(async () => { await world?.close(); });

    const suggest = async (text: string, record?: { source: string; refId: string }) => {
      const staff = await world.as('proposal');
      const r = await staff.post('/api/text/suggest-units', { text, limit: 3, ...(record ? { record } : {}) });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { suggestions: Array<{ unitId: string; basis: string; confidence: number; reasons?: { terms: string[]; similar: number; similarToUnit: number; unitTotal: number; named?: number } }>; modelExamples: number };
    };

    test('of two texts on one matter, each is suggested the unit its asking sentences name to act, and says so', async () => {
      const about = '关于学校门口小区道路停车秩序的建议\n学校门口就是小区道路，放学时家长停车混乱，学生通行不安全。';
      const toCompound = await suggest(`${about}为此建议：一是由住建部门牵头在小区道路施划停车位；二是加强管理。`);
      const toSchool = await suggest(`${about}为此建议：一是由教育部门牵头错峰放学；二是加强管理。`);
      assert.equal(toCompound.suggestions[0].unitId, unitIds['市住建局'], JSON.stringify(toCompound.suggestions));
      assert.equal(toCompound.suggestions[0].reasons?.named, 1, 'the lead body of the asking sentences');
      assert.equal(toSchool.suggestions[0].unitId, unitIds['市教育局'], JSON.stringify(toSchool.suggestions));
      assert.equal(toSchool.suggestions[0].reasons?.named, 1);
      assert.equal(toSchool.suggestions.find((x) => x.unitId === unitIds['市住建局'])?.reasons?.named, undefined, 'a unit not named has no such reason');
    });

    test('after start, a proposal of an assigned kind is suggested the unit its history favours, with the reasons', async () => {
      const filed = await makeProposal(world, 'filed', { title: '关于老旧小区加装电梯补贴的建议', draft: body(['关于老旧小区加装电梯补贴的建议', '小区老年人多，加装电梯资金不足，审批难。', '建议完善加装电梯补贴，简化审批流程。']) });
      const r = await suggest('关于老旧小区加装电梯补贴的建议\n小区老年人多，加装电梯资金不足，审批难。', { source: 'proposal', refId: filed.id });
      assert.equal(r.modelExamples, 6, 'every assigned proposal once');
      // the model was fitted in a worker thread, not in the thread that answers requests
      assert.ok(trainingStats.inWorker >= 1, JSON.stringify(trainingStats));
      assert.equal(trainingStats.inProcess, 0, 'no training fell back to the main thread');
      const top = r.suggestions[0];
      assert.equal(top.unitId, unitIds['市住建局']);
      assert.equal(top.basis, 'model');
      assert.ok(top.reasons, 'the reasons come with a learned suggestion');
      assert.ok(top.reasons!.terms.some((w) => /电梯|小区/.test(w)), top.reasons!.terms.join(','));
      assert.equal(top.reasons!.unitTotal, 3);
      assert.ok(top.reasons!.similarToUnit >= 1 && top.reasons!.similarToUnit <= top.reasons!.similar, JSON.stringify(top.reasons));
    });

    test('new assignments reach the model; a redelivered event or a restart counts none twice; another CPPCC’s unit is never suggested', async () => {
      const svc = textServiceOf(world.zx.ctx);
      const city = world.ids.cityId;
      svc.retrainEvery = 1; // every new assignment retrains (20 by default)
      // a unit the model does not know yet: two 交通 proposals assigned to 市交通运输局
      const traffic = [
        ['关于增开城区公交线路的建议', '新建小区公交线路少，市民出行换乘不便。', '建议交通部门优化公交线路，增开城区公交。'],
        ['关于治理上下班交通拥堵的建议', '主干道上下班高峰交通拥堵严重，公交准点率低。', '建议优化信号灯配时，设置公交专用道。'],
      ];
      const ids: string[] = [];
      for (const t of traffic) ids.push((await makeProposal(world, 'assigned', { title: t[0], draft: body(t), input: { assign: { mode: 'single', leadUnitId: unitIds['市交通运输局'] } } })).id);
      await drained(world.zx);
      await svc.settled(city);
      const r = await suggest('关于优化公交线路缓解交通拥堵的建议\n公交线路少，高峰拥堵，出行不便。');
      assert.equal(r.modelExamples, 8);
      assert.equal(r.suggestions[0].unitId, unitIds['市交通运输局']);
      assert.equal(r.suggestions[0].reasons?.unitTotal, 2);

      // the same 交办 event delivered again: nothing changes
      const stored = async () => world.zx.ctx.db.selectFrom('text_models').select(['examples', 'updated_at']).where('tenant_id', '=', city).executeTakeFirstOrThrow();
      const before = await stored();
      await svc.recordAssignment(city, '关于增开城区公交线路的建议', unitIds['市交通运输局'], { type: 'proposal', id: ids[0] });
      await svc.recordAssignment(city, '关于增开城区公交线路的建议', unitIds['市交通运输局'], { type: 'proposal', id: ids[0] });
      await svc.settled(city);
      assert.deepEqual(await stored(), before, 'no retraining for a known assignment');
      assert.equal((await suggest('公交线路拥堵')).suggestions.find((s) => s.unitId === unitIds['市交通运输局'])?.reasons?.unitTotal, 2);

      // a county proposal assigned to the county's unit, and a stray record naming it in the city: never in the city's suggestions
      const countyUnit = await world.zx.ctx.db.selectFrom('organizations').select('id').where('tenant_id', '=', world.ids.countyId).where('kind', '=', 'gov_unit').executeTakeFirstOrThrow();
      await makeProposal(world, 'assigned', {
        proposer: 'county', title: '关于县城公交线路的建议', draft: body(['关于县城公交线路的建议', '县城公交线路少，交通拥堵。', '建议增开公交线路。']),
        by: { file: 'countystaff', assign: 'countystaff' }, input: { assign: { mode: 'single', leadUnitId: countyUnit.id } },
      });
      await world.zx.ctx.db.insertInto('text_assignments').values({ id: 'stray', tenant_id: city, text: '县城公交线路少，交通拥堵，建议增开公交', unit_id: countyUnit.id, created_at: before.updated_at }).execute();
      await drained(world.zx);
      await svc.retrain(city);
      const mixed = await suggest('县城公交线路少，交通拥堵，建议增开公交');
      assert.equal(mixed.modelExamples, 8, 'the county’s assignment is not the city’s history');
      assert.ok(!mixed.suggestions.some((s) => s.unitId === countyUnit.id), JSON.stringify(mixed.suggestions));

      // a restart: another app on the same database reads the same history and uses the stored model as it is
      const trained = await stored();
      const again = await buildApp(world.config);
      try {
        const fresh = await textServiceOf(again.ctx).suggestUnits(city, '关于增开城区公交线路的建议', 3);
        assert.equal(fresh.modelExamples, 8);
        await textServiceOf(again.ctx).settled(city);
        assert.deepEqual(await stored(), trained, 'the stored model was trained on the same examples: not retrained');
      } finally {
        await again.close();
      }
    });

    test('after a start, the warm-up job trains each CPPCC\'s missing model in a worker, so the first suggestion does not wait for training', async () => {
      const city = world.ids.cityId;
      const models = () => world.zx.ctx.db.selectFrom('text_models').select(['tenant_id', 'examples']).where('kind', '=', 'units').execute();
      // the stored model is gone (an upgrade from an earlier format, a restored backup without it)
      await world.zx.ctx.db.deleteFrom('text_models').where('tenant_id', '=', city).execute();
      const again = await buildApp(world.config);
      try {
        const svc = textServiceOf(again.ctx);
        // the job does nothing where the installation turned it off (as the tests' configuration does)
        assert.equal(world.config.warmUnitModels, false);
        assert.equal(await warmUnitModelsJob.run(again.ctx), 0);
        assert.ok(!(await models()).some((m) => m.tenant_id === city));

        const trainedBefore = { ...trainingStats };
        const tenants = await warmUnitModels(again.ctx, svc);
        assert.ok(tenants >= 2, 'every CPPCC: the city and its counties');
        const stored = (await models()).find((m) => m.tenant_id === city);
        assert.ok(stored && stored.examples >= 8, JSON.stringify(await models()));
        assert.equal(trainingStats.inWorker, trainedBefore.inWorker + 1, 'the city\'s model was trained once, in a worker thread');
        assert.equal(trainingStats.inProcess, 0);

        // the first suggestion after the warm-up finds the model: nothing more is trained
        const first = await svc.suggestUnits(city, '关于老旧小区加装电梯补贴的建议', 3);
        assert.equal(first.modelExamples, Number(stored.examples));
        assert.equal(first.suggestions[0].basis, 'model');
        await svc.settled(city);
        assert.deepEqual(trainingStats, { ...trainedBefore, inWorker: trainedBefore.inWorker + 1 });
      } finally {
        await again.close();
      }
    });

    test('an assignment decided through another instance reaches this instance\'s suggestions too', async () => {
      const city = world.ids.cityId;
      // a second instance on the same database: the 交办 events are delivered by the first one
      const other = await buildApp(world.config);
      try {
        const svc = textServiceOf(other.ctx);
        svc.retrainEvery = 1;
        svc.staleCheckMs = 0;
        const known = (await svc.suggestUnits(city, '关于老旧小区加装电梯的建议', 3)).modelExamples;
        await svc.settled(city);
        const t = ['关于整治农村人居环境的建议', '农村生活垃圾收运不及时，污水直排，村容村貌较差。', '建议农业农村部门推进农村人居环境整治。'];
        await makeProposal(world, 'assigned', { title: t[0], draft: body(t), input: { assign: { mode: 'single', leadUnitId: unitIds['市农业农村局'] } } });
        await drained(world.zx);
        await svc.suggestUnits(city, t[0], 3);
        await svc.settled(city);
        const after = await svc.suggestUnits(city, '关于改善农村人居环境和垃圾收运的建议\n农村生活垃圾和污水治理', 3);
        assert.equal(after.modelExamples, known + 1, 'the other instance retrained with the new assignment');
        assert.ok(after.suggestions.some((s) => s.unitId === unitIds['市农业农村局'] && s.basis === 'model'), JSON.stringify(after.suggestions));
      } finally {
        await other.close();
      }
    });

    test('similar items of a filed proposal are the ones its writer saw, never itself nor the proposals merged with it', async () => {
      // the writer's new text has many words no earlier proposal uses, as a real one does
      const draft = {
        title: '关于老旧小区加装电梯后续维保与噪声扰民问题的建议',
        background: '加装电梯投入使用后，维保责任主体不明确，电梯故障停运频繁，低楼层住户反映运行噪声扰民、采光受影响，邻里纠纷增多。',
        analysis: '维保资金无稳定来源，物业与业主委员会相互推诿，缺乏第三方评估与调解机制，特种设备安全检验覆盖不足。',
        suggestions: '建议明确维保主体，设立维保基金，引入第三方评估调解。',
      };
      const text = `${draft.title}\n${draft.background}\n${draft.analysis}`;
      const member = await world.as('member');
      const written = await member.post('/api/text/similar', { text, limit: 5 });
      assert.equal(written.status, 200);
      assert.ok(written.body.items.length >= 1, 'the writer sees earlier proposals');

      const p = await makeProposal(world, 'submitted', { title: draft.title, draft });
      const copy = await makeProposal(world, 'submitted', { title: `${draft.title}（二）`, draft: { ...draft, title: `${draft.title}（二）` } });
      const staff = await world.as('proposal');
      const row = async (id: string) => (await staff.get(`/api/proposals/${id}`)).body;
      await ok(staff, copy.id, 'merge', (await row(copy.id)).version, { targetId: p.id });
      await ok(staff, p.id, 'file', (await row(p.id)).version, {});
      await drained(world.zx);

      for (const own of [p.id, copy.id]) {
        const seen = await staff.post('/api/text/similar', { text, limit: 5, record: { source: 'proposal', refId: own } });
        assert.equal(seen.status, 200, JSON.stringify(seen.body));
        const refs = seen.body.items.map((i: any) => i.refId);
        assert.ok(!refs.includes(p.id) && !refs.includes(copy.id), `never itself nor its 并案 group: ${refs}`);
        assert.deepEqual(seen.body.items.map((i: any) => [i.refId, i.score]), written.body.items.map((i: any) => [i.refId, i.score]), 'the neighbours the writer saw');
      }
    });
  });
}

// seeding the demo and training on its 400-odd assigned proposals takes minutes on a busy machine
describe('the demo’s unit suggestion (sqlite)', { timeout: 600_000 }, () => {
  let demo: StartedApp;
  before(async () => { demo = await startApp('sqlite'); });
  after(async () => { await demo?.close(); });

  test('the first suggestion after start trains the model in a worker thread, and other requests are answered meanwhile', async () => {
    const db = demo.zx.ctx.db;
    const tenant = (await db.selectFrom('proposals').select('tenant_id').where('lead_unit_id', 'is not', null).executeTakeFirstOrThrow()).tenant_id as string;
    assert.equal((await db.selectFrom('text_models').select('id').where('tenant_id', '=', tenant).execute()).length, 0, 'no model stored yet: the first suggestion trains one');
    const staff = await demo.login('proposal');
    const member = await demo.login('member');
    const before = { ...trainingStats };
    let finished = false;
    const suggestion = staff.post('/api/text/suggest-units', { text: '关于老旧小区加装电梯的建议\n建议简化审批，完善补贴。', limit: 3 }).finally(() => { finished = true; });
    // the event loop turns while the model trains: this wait sees the training running
    const started = performance.now();
    while (trainingStats.running === 0 && !finished && performance.now() - started < 120_000) await new Promise((r) => setTimeout(r, 5));
    assert.ok(trainingStats.running > 0, 'the training was seen running while the suggestion waited for it');
    // other people's requests are answered while it runs
    const answeredDuringTraining: number[] = [];
    while (trainingStats.running > 0 && answeredDuringTraining.length < 3) {
      const r = await member.get('/api/worklist');
      assert.equal(r.status, 200);
      if (trainingStats.running > 0) answeredDuringTraining.push(r.status);
    }
    assert.ok(answeredDuringTraining.length >= 1, 'a member\'s worklist was answered before the training ended');
    const r = await suggestion;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.modelExamples > 100, 'the model was trained on the demo\'s assignment history');
    assert.equal(trainingStats.inWorker, before.inWorker + 1, 'trained once, in a worker thread');
    assert.equal(trainingStats.inProcess, before.inProcess, 'not in the main thread');
  });

  test('on a fresh demo, the suggestion for an assigned kind of proposal names the unit its history favours, with reasons', async () => {
    const db = demo.zx.ctx.db;
    const tenant = (await db.selectFrom('proposals').select('tenant_id').where('lead_unit_id', 'is not', null).executeTakeFirstOrThrow()).tenant_id as string;
    const history = await proposalAssignmentHistory(db, tenant);
    assert.ok(history.length > 100, `${history.length} assigned proposals`);
    const staff = await demo.login('proposal');
    // an assigned proposal of the unit with the most: asked as its record (left out of the neighbours)
    const counts = new Map<string, number>();
    for (const h of history) counts.set(h.unitId, (counts.get(h.unitId) ?? 0) + 1);
    const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const sample = history.find((h) => h.unitId === unit)!;
    const r = await staff.post('/api/text/suggest-units', { text: sample.text, limit: 3, record: { source: 'proposal', refId: sample.id } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.suggestions.length > 0, 'not empty');
    assert.equal(r.body.modelExamples, history.length);
    const top = r.body.suggestions[0];
    assert.equal(top.unitId, unit);
    assert.ok(top.reasons.terms.length > 0 && top.reasons.similarToUnit > 0, JSON.stringify(top.reasons));
    assert.equal(top.reasons.unitTotal, counts.get(unit));
  });
});
