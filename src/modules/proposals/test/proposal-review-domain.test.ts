// Pure tests of conversion consent (转办征询), the configurable follow-up rule and the 优秀提案 selection round.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkInput, checkTransition } from '../../../kernel/universal/workflow.ts';
import { buildProposalLifecycle, defaultDeadlines, defaultLifecycleRules, proposalLifecycle, type ProposalRecord } from '../domain/proposal-lifecycle.ts';
import { checkDecisions, excellentRoundWorkflow as round, mayNominate, nominationSourceFor } from '../domain/excellent-round.ts';

/** The input rules of one action (schema and check) with a tenant's lists, as the server runs them. */
const checkTransitionInput = (action: string, input: Record<string, unknown>, opts: { replyClasses: string[]; notFiledReasons: string[]; recordId: string }) => {
  const w = buildProposalLifecycle(defaultDeadlines, { ...defaultLifecycleRules, replyClasses: opts.replyClasses, notFiledReasons: opts.notFiledReasons });
  const r = checkInput(w.transitions.find((x) => x.name === action)!, input, { id: opts.recordId } as ProposalRecord, { userId: 's1', orgId: 'x', tenantId: 'x', roles: [] });
  return r.ok ? null : r;
};


const CITY = 'city';
const member = { userId: 'm1', orgId: CITY, tenantId: CITY, roles: ['member'] };
const otherMember = { userId: 'm2', orgId: CITY, tenantId: CITY, roles: ['member'] };
const staff = { userId: 's1', orgId: CITY, tenantId: CITY, roles: ['proposal_staff'] };
const leader = { userId: 'l1', orgId: CITY, tenantId: CITY, roles: ['leader'] };
const rec = (state: string, over: Partial<ProposalRecord> = {}): ProposalRecord =>
  ({ id: 'p1', tenant_id: CITY, state, version: 1, proposer_user_id: 'm1', lead_unit_id: 'u1', type: 'individual', cosigner_count: 0, cosigners_pending: 0, ...over });

describe('conversion consent (转办征询)', () => {
  const pending = { conversion_offer: 'opinion', conversion_status: 'pending' };
  test('the first proposer consents or refuses an open offer; nobody else answers', () => {
    const names = allowedActions(proposalLifecycle, 'not_filed', { record: rec('not_filed', pending), actor: member }).map((a) => a.name);
    assert.deepEqual(names.sort(), ['consent_conversion', 'refuse_conversion']);
    for (const who of [otherMember, staff]) {
      const r = checkTransition(proposalLifecycle, 'not_filed', 'consent_conversion', { record: rec('not_filed', pending), actor: who, input: {} });
      assert.equal(r.ok, false);
    }
    const other = checkTransition(proposalLifecycle, 'not_filed', 'consent_conversion', { record: rec('not_filed', pending), actor: otherMember, input: {} });
    if (!other.ok) assert.match(other.message, /第一提案人/);
  });
  test('no offer, or an offer already answered, leaves nothing to answer', () => {
    for (const over of [{}, { conversion_offer: 'opinion', conversion_status: 'accepted' }, { conversion_offer: 'reference', conversion_status: 'refused' }]) {
      assert.deepEqual(allowedActions(proposalLifecycle, 'not_filed', { record: rec('not_filed', over), actor: member }), []);
      const r = checkTransition(proposalLifecycle, 'not_filed', 'refuse_conversion', { record: rec('not_filed', over), actor: member, input: {} });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /没有待答复的转办征询/);
    }
  });
  test('consent only on a declined proposal; the target must be a known one', () => {
    const r = checkTransition(proposalLifecycle, 'submitted', 'consent_conversion', { record: rec('submitted', pending), actor: member, input: {} });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'INVALID_TRANSITION');
    const opts = { replyClasses: ['A', 'B', 'C'], notFiledReasons: ['vague'], recordId: 'p1' };
    assert.equal(checkTransitionInput('not_file', { reasonCode: 'vague', convertTo: 'opinion' }, opts), null);
    assert.equal(checkTransitionInput('not_file', { reasonCode: 'vague', convertTo: 'reference' }, opts), null);
    assert.equal(checkTransitionInput('not_file', { reasonCode: 'vague', convertTo: 'newspaper' }, opts)?.field, 'convertTo');
  });
});

describe('cross-year follow-up classes as a setting', () => {
  test('the default follows up B answers only', () => {
    const ok = checkTransition(proposalLifecycle, 'closed', 'follow_up', { record: rec('closed', { reply_class: 'B' }), actor: staff, input: { reason: '跟踪' } });
    assert.equal(ok.ok, true);
    const no = checkTransition(proposalLifecycle, 'closed', 'follow_up', { record: rec('closed', { reply_class: 'A' }), actor: staff, input: { reason: '跟踪' } });
    assert.equal(no.ok, false);
    if (!no.ok) assert.match(no.message, /答复类别为 B/);
  });
  test('a tenant may follow up other classes, or none', () => {
    const wf = buildProposalLifecycle(defaultDeadlines, { followUpClasses: ['B', 'C'] });
    for (const c of ['B', 'C']) assert.equal(checkTransition(wf, 'closed', 'follow_up', { record: rec('closed', { reply_class: c }), actor: staff, input: { reason: '跟踪' } }).ok, true, c);
    assert.equal(checkTransition(wf, 'closed', 'follow_up', { record: rec('closed', { reply_class: 'A' }), actor: staff, input: { reason: '跟踪' } }).ok, false);
    const none = buildProposalLifecycle(defaultDeadlines, { followUpClasses: [] });
    const r = checkTransition(none, 'closed', 'follow_up', { record: rec('closed', { reply_class: 'B' }), actor: staff, input: { reason: '跟踪' } });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /未设置/);
  });
});

describe('excellent proposals selection round (优秀提案评选)', () => {
  const r = (state: string) => ({ id: 'r1', tenant_id: CITY, year: 2025, state, version: 1, created_at: '', updated_at: '' });
  test('nominating → reviewing (office) → decided (chair\'s meeting) → published (office)', () => {
    const steps: Array<[string, string, typeof staff, Record<string, unknown>, string]> = [
      ['nominating', 'start_review', staff, {}, 'reviewing'],
      ['reviewing', 'decide', leader, { meetingDate: '2026-01-10', decisions: [] }, 'decided'],
      ['decided', 'publish', staff, { notice: '通报' }, 'published'],
    ];
    for (const [from, action, actor, input, to] of steps) {
      const c = checkTransition(round, from, action, { record: r(from), actor, input });
      assert.equal(c.ok, true, `${action}: ${JSON.stringify(c)}`);
      if (c.ok) assert.equal(c.transition.to, to);
    }
    assert.equal(checkTransition(round, 'reviewing', 'decide', { record: r('reviewing'), actor: staff, input: { meetingDate: '2026-01-10', decisions: [] } }).ok, false, 'the office does not decide');
    assert.equal(checkTransition(round, 'nominating', 'publish', { record: r('nominating'), actor: staff, input: { notice: 'x' } }).ok, false, 'no publication before the decision');
    const noDate = checkTransition(round, 'reviewing', 'decide', { record: r('reviewing'), actor: leader, input: { decisions: [] } });
    assert.equal(noDate.ok, false);
    if (!noDate.ok) assert.equal(noDate.field, 'meetingDate');
    assert.deepEqual(allowedActions(round, 'published', { record: r('published'), actor: staff }), []);
  });
  test('the meeting decides every nominee exactly once', () => {
    assert.equal(checkDecisions(['a', 'b'], [{ nomineeId: 'a' }, { nomineeId: 'b' }]), null);
    assert.match(checkDecisions(['a', 'b'], [{ nomineeId: 'a' }]) ?? '', /1 件提名未审定/);
    assert.match(checkDecisions(['a'], [{ nomineeId: 'a' }, { nomineeId: 'a' }]) ?? '', /两次/);
    assert.match(checkDecisions(['a'], [{ nomineeId: 'z' }]) ?? '', /不属于/);
  });
  test('who nominates in whose name: office, the handling unit, the proposing committee; answered proposals of the year only', () => {
    const perms = (...p: string[]) => new Set(p);
    const office = { ...staff, permissions: perms('proposal.review', 'proposal.read_all') };
    const unit = { userId: 'u', orgId: 'unit-1', tenantId: CITY, roles: ['unit_handler'], permissions: perms('proposal.handle') };
    const committee = { userId: 'c', orgId: 'cmte-1', tenantId: CITY, roles: ['committee_staff'], permissions: perms('proposal.read') };
    const mem = { ...member, permissions: perms('proposal.create') };
    const open = { state: 'nominating', year: 2025, tenant_id: CITY };
    const p = { tenant_id: CITY, year: 2025, replied_at: '2025-06-01', lead_unit_id: 'unit-1', committee_id: 'cmte-1', unitIds: ['unit-1'] };
    assert.deepEqual(nominationSourceFor(open, p, office), { source: 'office' });
    assert.deepEqual(nominationSourceFor(open, p, unit), { source: 'unit' });
    assert.deepEqual(nominationSourceFor(open, p, committee), { source: 'committee' });
    assert.ok('refused' in nominationSourceFor(open, p, mem));
    assert.ok('refused' in nominationSourceFor(open, { ...p, unitIds: ['unit-2'] }, unit));
    assert.match((nominationSourceFor(open, { ...p, replied_at: null }, office) as any).refused, /已答复/);
    assert.match((nominationSourceFor(open, { ...p, year: 2024 }, office) as any).refused, /2025 年度/);
    assert.match((nominationSourceFor({ ...open, state: 'reviewing' }, p, office) as any).refused, /结束提名/);
    assert.equal(mayNominate('nominating', unit), true);
    assert.equal(mayNominate('reviewing', office), false);
    assert.equal(mayNominate('nominating', mem), false);
  });
});
