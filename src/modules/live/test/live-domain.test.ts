// The live room's rules without a database: who takes part as what, moderation, the sensitive-word filter, vote
// values, and opinion groups on small matrices with planted groups (adjusted Rand index).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRandIndex, findOpinionGroups, plantedMatrix, tallyVotes, voteMatrix } from '../domain/opinion-groups.ts';
import { maskSensitive, needsModeration, roleInSession, sensitiveHits, voteValue } from '../domain/live-rules.ts';

const session = { tenant_id: 'city', host_user_ids: ['host1'], responder_unit_ids: ['unitA'], expert_user_ids: ['exp1'] };
const actor = (userId: string, roles: string[], perms: string[], orgId = 'org', tenantId = 'city') => ({ userId, roles, permissions: new Set(perms), orgId, tenantId });

describe('网络议政 rules', () => {
  test('the role in a room comes from the session, not from what the person says', () => {
    assert.equal(roleInSession(session, actor('host1', ['committee_staff'], ['live.host', 'live.join'])), 'host');
    assert.equal(roleInSession(session, actor('exp1', ['member'], ['live.join'])), 'expert');
    assert.equal(roleInSession(session, actor('u9', ['unit_handler'], ['live.join'], 'unitA')), 'department');
    assert.equal(roleInSession(session, actor('u8', ['unit_handler'], ['live.join'], 'unitB')), null, 'a department not invited is not in the room');
    assert.equal(roleInSession(session, actor('m1', ['member'], ['live.join'])), 'member');
    assert.equal(roleInSession(session, actor('m2', ['member'], ['live.join'], 'org', 'county')), null, 'another CPPCC');
    assert.equal(roleInSession(session, actor('a1', ['sys_admin'], [])), null);
  });

  test('public contributions wait when the session moderates; a sensitive word holds anyone but a host', () => {
    assert.equal(needsModeration('public', true, false), true);
    assert.equal(needsModeration('public', false, false), false);
    assert.equal(needsModeration('member', true, false), false);
    assert.equal(needsModeration('member', false, true), true);
    assert.equal(needsModeration('department', false, true), true);
    assert.equal(needsModeration('host', true, true), false);
  });

  test('the sensitive-word filter ignores case and spaces, and masks for the host', () => {
    assert.deepEqual(sensitiveHits('有人在小区里 赌 博，还有人代开发票', ['赌博', '代开发票', '枪支']), ['赌博', '代开发票']);
    assert.deepEqual(sensitiveHits('Buy VIAGRA now', ['viagra']), ['viagra']);
    assert.deepEqual(sensitiveHits('建议增加停车位', ['赌博']), []);
    assert.equal(maskSensitive('代开发票联系我', ['代开发票']), '＊＊＊＊联系我');
  });

  test('votes: agree 1, disagree -1, pass 0, counted per statement', () => {
    assert.deepEqual([voteValue.agree, voteValue.disagree, voteValue.pass], [1, -1, 0]);
    const m = voteMatrix(3, 2, [[0, 0, 1], [1, 0, -1], [2, 0, 0], [0, 1, 1], [1, 1, 1]]);
    assert.deepEqual(tallyVotes(m), [{ agree: 1, disagree: 1, pass: 1 }, { agree: 2, disagree: 0, pass: 0 }]);
  });
});

describe('opinion groups', () => {
  test('two planted camps on a small dense matrix are found exactly', () => {
    // 10 people: the first five agree with statements 0-2 and disagree with 3-5, the others the reverse; all agree with 6
    const votes: Array<[number, number, number]> = [];
    for (let r = 0; r < 10; r++) for (let j = 0; j < 7; j++) votes.push([r, j, j === 6 ? 1 : (r < 5) === (j < 3) ? 1 : -1]);
    const res = findOpinionGroups(voteMatrix(10, 7, votes));
    assert.equal(res.k, 2);
    const truth = Array.from({ length: 10 }, (_, r) => (r < 5 ? 0 : 1));
    assert.equal(adjustedRandIndex(res.assignment, truth), 1);
    assert.deepEqual(res.consensus.map((c) => c.statement), [6], 'only the statement everyone agrees with is consensus');
    for (const g of res.groups) {
      assert.ok(g.informative.length >= 3, 'each group has statements that set it apart');
      const camp = truth[g.members[0]];
      for (const s of g.informative) assert.equal(s.direction === 'agree', camp === 0 ? s.statement < 3 : s.statement >= 3 && s.statement < 6);
    }
  });

  for (const [groups, participants, statements, density] of [[2, 60, 12, 0.8], [3, 90, 20, 0.6], [4, 200, 40, 0.5]] as const) {
    test(`${groups} planted groups in a ${participants} × ${statements} sparse matrix (density ${density}): ARI ≥ 0.9`, () => {
      const { matrix, truth } = plantedMatrix({ participants, statements, groups, density, loyalty: 0.95, seed: groups * 17 });
      const res = findOpinionGroups(matrix);
      assert.equal(res.k, groups, 'the silhouette picks the planted number of groups');
      const ari = adjustedRandIndex(res.assignment, truth);
      assert.ok(ari >= 0.9, `ARI ${ari.toFixed(3)}`);
    });
  }

  test('people with too few votes are not grouped; fewer than four voters give no groups', () => {
    const votes: Array<[number, number, number]> = [];
    for (let r = 0; r < 8; r++) for (let j = 0; j < 4; j++) votes.push([r, j, r < 4 ? 1 : -1]);
    votes.push([8, 0, 1]); // one vote only
    const res = findOpinionGroups(voteMatrix(9, 4, votes));
    assert.equal(res.assignment[8], -1);
    assert.equal(findOpinionGroups(voteMatrix(3, 4, votes.filter((v) => v[0] < 3))).groups.length, 0);
  });

  test('the adjusted Rand index is 1 for the same partition under other names and about 0 for an unrelated one', () => {
    assert.equal(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]), 1);
    const a = Array.from({ length: 400 }, (_, i) => i % 2);
    const b = Array.from({ length: 400 }, (_, i) => Math.floor(i / 2) % 2);
    assert.ok(Math.abs(adjustedRandIndex(a, b)) < 0.05);
  });
});
