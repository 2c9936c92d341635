// 公文 rules without a database: the chain per type (会签 skipped when nobody countersigns), who may do what at each step
// (the drafter never reviews or signs their own), all countersign parties before 签发, the 文号, 字数 and the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allCountersigned, allowedActions, chainOf, countChars, defaultChains, diffTexts, documentNumber, nextState, pendingCountersigns, type Chain,
} from '../domain/document-rules.ts';
import { generateBody } from '../server/seed.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';

const office = { userId: 'o1', roles: ['office_staff'], drafts: true };
const reviewer = { userId: 'o2', roles: ['office_staff'], drafts: true };
const leader = { userId: 'l1', roles: ['leader'], drafts: false };
const committee = { userId: 'c1', roles: ['committee_staff'], drafts: false };
const proposal = { userId: 'p1', roles: ['proposal_staff'], drafts: false };

test('a chain without 会签 goes 核稿 → 签发; with 会签 it waits for it; a return goes back to 核稿', () => {
  const plain = defaultChains.notice, withCs = defaultChains.request;
  assert.equal(nextState(plain, 'draft'), 'reviewing');
  assert.equal(nextState(plain, 'reviewing'), 'signing');
  assert.equal(nextState(withCs, 'reviewing'), 'countersigning');
  assert.equal(nextState(withCs, 'countersigning'), 'signing');
  assert.equal(nextState(withCs, 'signing'), 'signed');
  assert.equal(nextState(withCs, 'returned'), 'reviewing');
  assert.equal(nextState(withCs, 'signed'), 'distributed');
});

test('each CPPCC may configure a type\'s chain; the others keep the default', () => {
  const custom: Chain = { review: 'office_staff', countersign: ['committee_staff'], sign: 'leader' };
  assert.deepEqual(chainOf({ notice: custom }, 'notice'), custom);
  assert.deepEqual(chainOf({ notice: custom }, 'letter'), defaultChains.letter);
  assert.deepEqual(chainOf(undefined, 'request'), defaultChains.request);
});

test('who may act: the drafter edits and sends, a reviewer other than the drafter reviews, the chain\'s role signs', () => {
  const doc = (state: any, agreed: string[] = []) => ({ state, ownerUserId: 'o1', chain: defaultChains.request, countersignedRoles: agreed });
  assert.deepEqual(allowedActions(doc('draft'), office), ['edit', 'submit', 'comment']);
  assert.deepEqual(allowedActions(doc('draft'), reviewer), []);
  assert.ok(!allowedActions(doc('reviewing'), office).includes('approve'), 'never one\'s own draft');
  assert.deepEqual(allowedActions(doc('reviewing'), reviewer).slice(0, 3), ['approve', 'return', 'edit']);
  assert.deepEqual(allowedActions(doc('reviewing'), leader), []);
  assert.deepEqual(allowedActions(doc('countersigning'), committee), ['countersign', 'return', 'comment']);
  assert.deepEqual(allowedActions(doc('countersigning', ['committee_staff']), committee), [], 'a party agrees once a round');
  assert.deepEqual(allowedActions(doc('signing'), leader), ['sign', 'return', 'comment']);
  assert.deepEqual(allowedActions(doc('signing'), reviewer), []);
  assert.ok(allowedActions(doc('signed'), reviewer).includes('distribute'));
  assert.ok(allowedActions(doc('distributed'), office).includes('remind'));
  assert.deepEqual(allowedActions(doc('distributed'), leader), []);
});

test('签发 waits for every countersign party; one person holding two party roles answers for both', () => {
  const chain = defaultChains.request;
  assert.equal(allCountersigned(chain, ['committee_staff']), false);
  assert.equal(allCountersigned(chain, ['committee_staff', 'proposal_staff']), true);
  assert.equal(allCountersigned(defaultChains.notice, []), true);
  const both = { userId: 'x', roles: ['committee_staff', 'proposal_staff'], drafts: false };
  assert.deepEqual(pendingCountersigns({ state: 'countersigning', ownerUserId: 'o1', chain, countersignedRoles: [] }, both), ['proposal_staff', 'committee_staff']);
  assert.deepEqual(pendingCountersigns({ state: 'countersigning', ownerUserId: 'o1', chain, countersignedRoles: ['proposal_staff'] }, proposal), []);
  assert.deepEqual(pendingCountersigns({ state: 'signing', ownerUserId: 'o1', chain, countersignedRoles: [] }, committee), []);
});

test('文号: the issuer, the type\'s code, the year in 六角括号, the number without leading zeros', () => {
  assert.equal(documentNumber('长政协', 'notice', 2025, 12), '长政协发〔2025〕12号');
  assert.equal(documentNumber('潞政协', 'letter', 2026, 1), '潞政协函〔2026〕1号');
  assert.equal(documentNumber('长政协', 'request', 2025, 3), '长政协请〔2025〕3号');
});

test('字数 counts the characters of title and body without whitespace; a generated body has exactly the target count', () => {
  assert.equal(countChars('关于 通知', '一、\n二、 三'), 9);
  const rand = seededRandom(7);
  for (const target of [300, 2_000, 9_999]) {
    const title = '关于老旧小区改造有关工作的通知';
    assert.equal(countChars(title, generateBody('notice', '老旧小区改造', title, target, rand)), target);
  }
});

test('the diff between two versions marks the inserted and deleted characters', () => {
  const parts = diffTexts('请于周五前报送材料。', '请于本周四前报送书面材料。');
  assert.equal(parts.filter((p) => p.op === 'ins').map((p) => p.text).join(''), '本四书面');
  assert.equal(parts.filter((p) => p.op === 'del').map((p) => p.text).join(''), '五');
  assert.equal(parts.filter((p) => p.op !== 'ins').map((p) => p.text).join(''), '请于周五前报送材料。', 'without the insertions: the old text');
  assert.equal(parts.filter((p) => p.op !== 'del').map((p) => p.text).join(''), '请于本周四前报送书面材料。', 'without the deletions: the new text');
});
