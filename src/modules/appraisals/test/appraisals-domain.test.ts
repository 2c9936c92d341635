// The 民主评议 domain, pure: weighted scores, ranking (equal scores share a rank), ballots that must mark every department
// on every item once, the items' rules, the lifecycle's road and who sees what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTransition, type ActorLike } from '../../../kernel/universal/workflow.ts';
import { appraisalsLifecycle, appraisalsPermissions } from '../domain/appraisals-lifecycle.ts';
import { viewerOf } from '../domain/appraisals-policy.ts';
import { ballotFault, computeResults, defaultChoiceScores, itemsFault, meanScore, rank, weightedScore, type Tally } from '../domain/appraisals-scoring.ts';
import { DEMO_APPRAISALS, demoChoice } from '../server/seed.ts';

const items = [{ seq: 1, name: '工作作风', weight: 25 }, { seq: 2, name: '办事效率', weight: 25 }, { seq: 3, name: '服务质量', weight: 30 }, { seq: 4, name: '廉洁自律', weight: 20 }];
const units = [{ unitId: 'a', unitName: '市商务局' }, { unitId: 'b', unitName: '市科技局' }, { unitId: 'c', unitName: '市教育局' }];

test('an item\'s score is the mean of its choices\' scores; the total is the weighted mean of the items', () => {
  assert.equal(meanScore({ satisfied: 3, basic: 1, dissatisfied: 1 }, defaultChoiceScores), 72);
  assert.equal(meanScore({ satisfied: 0, basic: 0, dissatisfied: 0 }, defaultChoiceScores), null, 'no marks, no score');
  assert.equal(meanScore({ satisfied: 1, basic: 1, dissatisfied: 0 }, { satisfied: 10, basic: 8, dissatisfied: 2 }), 9, 'the appraisal\'s own scores count');
  // 80 × 25 + 72 × 25 + 72 × 30 + 72 × 20, over 100
  assert.equal(weightedScore([{ weight: 25, score: 80 }, { weight: 25, score: 72 }, { weight: 30, score: 72 }, { weight: 20, score: 72 }]), 74);
  // weights need not add up to 100; an item without marks is left out rather than counted as 0
  assert.equal(weightedScore([{ weight: 1, score: 100 }, { weight: 3, score: 60 }]), 70);
  assert.equal(weightedScore([{ weight: 50, score: 90 }, { weight: 50, score: null }]), 90);
  assert.equal(weightedScore([{ weight: 50, score: null }]), null);
});

test('results per department and item: counts, weighted score, satisfaction rate, ranked', () => {
  const tallies: Tally[] = [];
  const put = (unitId: string, seq: number, s: number, b: number, d: number) => {
    tallies.push({ unitId, itemSeq: seq, choice: 'satisfied', n: s }, { unitId, itemSeq: seq, choice: 'basic', n: b }, { unitId, itemSeq: seq, choice: 'dissatisfied', n: d });
  };
  put('a', 1, 4, 0, 1); for (const s of [2, 3, 4]) put('a', s, 3, 1, 1);
  for (const s of [1, 2, 3, 4]) put('b', s, 4, 1, 0);
  const res = computeResults(units, items, tallies, defaultChoiceScores);
  assert.deepEqual(res.map((r) => [r.unitName, r.score, r.rank]), [['市科技局', 92, 1], ['市商务局', 74, 2], ['市教育局', null, null]]);
  const a = res.find((r) => r.unitId === 'a')!;
  assert.deepEqual(a.items.map((i) => i.score), [80, 72, 72, 72]);
  assert.deepEqual(a.counts, { satisfied: 13, basic: 3, dissatisfied: 4 });
  assert.equal(a.satisfactionRate, 80);
  assert.equal(a.ballots, 5);
  assert.equal(res[2].satisfactionRate, null, 'a department nobody marked has no rate');
});

test('ranking: best first, equal scores share a rank and the next rank skips (1, 1, 3), unscored last', () => {
  const ranked = rank([
    { unitName: '乙', score: 90 }, { unitName: '甲', score: 95 }, { unitName: '丙', score: 95 }, { unitName: '丁', score: null }, { unitName: '戊', score: 80 },
  ]);
  assert.deepEqual(ranked.map((r) => [r.score, r.rank]), [[95, 1], [95, 1], [90, 3], [80, 4], [null, null]]);
});

test('a ballot marks every department on every item exactly once, with a known choice', () => {
  const ids = ['a', 'b'];
  const seqs = [1, 2];
  const full = ids.flatMap((unitId) => seqs.map((itemSeq) => ({ unitId, itemSeq, choice: 'satisfied' })));
  assert.equal(ballotFault(full, ids, seqs), null);
  assert.equal(ballotFault(full.slice(1), ids, seqs)?.[0], 'marks', 'one mark missing');
  assert.equal(ballotFault([...full, { unitId: 'a', itemSeq: 1, choice: 'basic' }], ids, seqs)?.[0], 'marks.4', 'the same item twice');
  assert.equal(ballotFault([{ unitId: 'x', itemSeq: 1, choice: 'satisfied' }], ids, seqs)?.[0], 'marks.0.unitId');
  assert.equal(ballotFault([{ unitId: 'a', itemSeq: 9, choice: 'satisfied' }], ids, seqs)?.[0], 'marks.0.itemSeq');
  assert.equal(ballotFault([{ unitId: 'a', itemSeq: 1, choice: 'great' }], ids, seqs)?.[0], 'marks.0.choice');
});

test('items: at least one, names distinct', () => {
  assert.equal(itemsFault([])?.[0], 'items');
  assert.equal(itemsFault([{ name: '工作作风', weight: 50 }, { name: '工作作风', weight: 50 }])?.[0], 'items.1.name');
  assert.equal(itemsFault(items), null);
});

test('the lifecycle: 筹备 → 自查 → 评议中 → 结果公布 → 整改 → 办结, fired by the office only', () => {
  const office = { userId: 'o', orgId: 'office', tenantId: 't', roles: ['office_staff'], permissions: new Set([appraisalsPermissions.manage]) };
  const member = { userId: 'm', orgId: 't', tenantId: 't', roles: ['member'], permissions: new Set([appraisalsPermissions.vote]) };
  const record = { id: 'x', tenant_id: 't', state: 'preparing', version: 1, owner_user_id: 'o' };
  const road: string[] = ['preparing'];
  for (const action of ['start_self_check', 'open_vote', 'publish', 'send_rectification', 'close']) {
    const t = appraisalsLifecycle.transitions.find((x) => x.name === action)!;
    assert.ok(t.from.includes(road[road.length - 1]), `${action} leaves ${road[road.length - 1]}`);
    const at = road[road.length - 1];
    const check = (actor: ActorLike, rec = record) => checkTransition(appraisalsLifecycle, at, action, { record: { ...rec, state: at }, actor, input: {} }, { checkInput: false }).ok;
    assert.equal(check(member), false, `a member may not ${action}`);
    assert.equal(check(office), true, `the office may ${action}`);
    assert.equal(check(office, { ...record, tenant_id: 'other' }), false, `never on another CPPCC's appraisal (${action})`);
    road.push(t.to);
  }
  assert.deepEqual(road, ['preparing', 'self_check', 'voting', 'published', 'rectifying', 'closed']);
});

test('who sees an appraisal: staff all of their CPPCC, a department its own, a member once the vote opened, no one another CPPCC\'s', () => {
  const r = (state: string) => ({ tenant_id: 't', state });
  const staff = { userId: 's', orgId: 'office', tenantId: 't', roles: [], permissions: new Set([appraisalsPermissions.readAll]) };
  const dept = { userId: 'd', orgId: 'u1', tenantId: 't', roles: [], permissions: new Set([appraisalsPermissions.selfReport]) };
  const member = { userId: 'm', orgId: 't', tenantId: 't', roles: [], permissions: new Set([appraisalsPermissions.vote]) };
  assert.equal(viewerOf(r('preparing'), staff, ['u1']), 'staff');
  assert.equal(viewerOf(r('preparing'), dept, ['u1']), 'department');
  assert.equal(viewerOf(r('preparing'), dept, ['u2']), null, 'another department\'s appraisal');
  assert.equal(viewerOf(r('self_check'), member, ['u1']), null, 'before the vote a member does not see it');
  assert.equal(viewerOf(r('voting'), member, ['u1']), 'member');
  assert.equal(viewerOf({ tenant_id: 'other', state: 'voting' }, staff, []), null);
});

test('the demo votes give each department a plausible, fixed result', () => {
  for (const a of DEMO_APPRAISALS) {
    const tallies: Tally[] = [];
    const n = a.members + a.representatives;
    for (let b = 0; b < n; b++) for (const it of items) tallies.push({ unitId: 'u', itemSeq: it.seq, choice: demoChoice(a.mix, b, it.seq - 1), n: 1 });
    const [res] = computeResults([{ unitId: 'u', unitName: a.unit }], items, tallies, defaultChoiceScores);
    assert.equal(res.ballots, n);
    assert.ok(res.score! > 80 && res.score! < 100, `${a.unit}: ${res.score}`);
  }
});
