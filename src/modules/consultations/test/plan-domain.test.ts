// The rules of 协商选题 and 年度协商计划, pure: every transition of both lifecycles (who, from where, what input), when a
// plan may go to the chair's meeting, the changes allowed after approval, and the order the plan is published in.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition, type ActorLike } from '../../../kernel/universal/workflow.ts';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import { itemEditMode, planChangeOf, planLifecycle, planOrder, planPermissions, planReadyProblem, topicLifecycle, type PlanItemFacts } from '../domain/plan-lifecycle.ts';
import { documentSections, linkLines } from '../server/plan-docx.ts';

const actor = (role: string, perms: string[], tenantId = 'city'): ActorLike => ({ userId: `${role}-1`, orgId: 'org', tenantId, roles: [role], permissions: new Set(perms) });
const office = actor('office_staff', [planPermissions.manage, planPermissions.propose]);
const leader = actor('leader', [planPermissions.approve, planPermissions.read]);
const committee = actor('committee_staff', [planPermissions.propose]);
const countyOffice = actor('office_staff', [planPermissions.manage], 'county');
const topic = { id: 't1', tenant_id: 'city', year: 2026, state: 'proposed', version: 1, proposer_user_id: 'committee_staff-1' };
const plan = { id: 'p1', tenant_id: 'city', year: 2026, state: 'draft', version: 1 };

describe('协商选题 lifecycle', () => {
  test('the office accepts, declines or merges a proposed topic; a committee and another CPPCC may not', () => {
    assert.deepEqual(allowedActions(topicLifecycle, 'proposed', { record: topic, actor: office }).map((a) => a.name), ['accept', 'decline', 'merge']);
    assert.deepEqual(allowedActions(topicLifecycle, 'proposed', { record: topic, actor: committee }), []);
    const other = checkTransition(topicLifecycle, 'proposed', 'accept', { record: topic, actor: countyOffice, input: {} });
    assert.equal(other.ok, false);
    assert.equal(!other.ok && other.code, 'FORBIDDEN');
  });
  test('every outcome is final', () => {
    for (const s of ['accepted', 'declined', 'merged']) assert.deepEqual(allowedActions(topicLifecycle, s, { record: { ...topic, state: s }, actor: office }), [], s);
  });
  test('decline needs its reason; merge may not name the topic itself; accept takes a month from 1 to 12', () => {
    const noReason = checkTransition(topicLifecycle, 'proposed', 'decline', { record: topic, actor: office, input: {} });
    assert.ok(!noReason.ok && noReason.code === 'VALIDATION_FAILED' && /不予采纳理由/.test(noReason.message));
    assert.ok(checkTransition(topicLifecycle, 'proposed', 'decline', { record: topic, actor: office, input: { reason: '不宜协商' } }).ok);
    const self = checkTransition(topicLifecycle, 'proposed', 'merge', { record: topic, actor: office, input: { targetId: 't1' } });
    assert.ok(!self.ok && self.field === 'input.targetId');
    assert.ok(checkTransition(topicLifecycle, 'proposed', 'merge', { record: topic, actor: office, input: { targetId: 't2' } }).ok);
    assert.equal(checkTransition(topicLifecycle, 'proposed', 'accept', { record: topic, actor: office, input: { plannedMonth: 13 } }).ok, false);
    assert.ok(checkTransition(topicLifecycle, 'proposed', 'accept', { record: topic, actor: office, input: {} }).ok);
  });
  test('a proposed topic waits on the office\'s worklist', () => {
    assert.equal(topicLifecycle.states.proposed.task?.role, 'office_staff');
  });
});

describe('年度协商计划 lifecycle', () => {
  test('the office submits a draft; the leaders approve or return it; an approved plan has no way back', () => {
    assert.deepEqual(allowedActions(planLifecycle, 'draft', { record: plan, actor: office }).map((a) => a.name), ['submit']);
    assert.deepEqual(allowedActions(planLifecycle, 'draft', { record: plan, actor: leader }), []);
    assert.deepEqual(allowedActions(planLifecycle, 'submitted', { record: { ...plan, state: 'submitted' }, actor: leader }).map((a) => a.name).sort(), ['approve', 'return']);
    assert.deepEqual(allowedActions(planLifecycle, 'submitted', { record: { ...plan, state: 'submitted' }, actor: office }), []);
    assert.deepEqual(allowedActions(planLifecycle, 'approved', { record: { ...plan, state: 'approved' }, actor: leader }), []);
    assert.equal(planLifecycle.transitions.find((t) => t.name === 'return')?.to, 'draft');
    assert.equal(planLifecycle.states.submitted.task?.role, 'leader');
  });
  test('approval names the meeting and its date; a return names its reason', () => {
    const s = { ...plan, state: 'submitted' };
    const noMeeting = checkTransition(planLifecycle, 'submitted', 'approve', { record: s, actor: leader, input: { approvedOn: '2026-02-20' } });
    assert.ok(!noMeeting.ok && /meeting$/.test(noMeeting.field ?? '') && /审定会议/.test(noMeeting.message));
    const badDate = checkTransition(planLifecycle, 'submitted', 'approve', { record: s, actor: leader, input: { meeting: '主席会议', approvedOn: '2026/2/20' } });
    assert.ok(!badDate.ok && /approvedOn$/.test(badDate.field ?? ''));
    assert.ok(checkTransition(planLifecycle, 'submitted', 'approve', { record: s, actor: leader, input: { meeting: '主席会议', approvedOn: '2026-02-20' } }).ok);
    assert.equal(checkTransition(planLifecycle, 'submitted', 'return', { record: s, actor: leader, input: {} }).ok, false);
  });
  test('a plan with 重大协商议题 goes on from the chair\'s meeting to the party committee, whose decision the office records', () => {
    const major = { ...plan, state: 'submitted', major_items: 2 };
    // the chair's meeting may only approve it on to the party committee (or return it)
    assert.deepEqual(allowedActions(planLifecycle, 'submitted', { record: major, actor: leader }).map((a) => a.name).sort(), ['approve_to_party', 'return']);
    const direct = checkTransition(planLifecycle, 'submitted', 'approve', { record: major, actor: leader, input: { meeting: '主席会议', approvedOn: '2026-02-20' } });
    assert.ok(!direct.ok && /报党委审定/.test(direct.message), 'a plan with major topics is not approved by the chair\'s meeting alone');
    assert.ok(!checkTransition(planLifecycle, 'submitted', 'approve_to_party', { record: { ...plan, state: 'submitted' }, actor: leader, input: { meeting: '主席会议', approvedOn: '2026-02-20' } }).ok, 'a plan without major topics needs no party step');
    const toParty = planLifecycle.transitions.find((t) => t.name === 'approve_to_party');
    assert.equal(toParty?.to, 'party_review');
    // before the party committee the office records its decision: approved (meeting and date required), or returned with a reason
    const atParty = { ...major, state: 'party_review' };
    assert.deepEqual(allowedActions(planLifecycle, 'party_review', { record: atParty, actor: office }).map((a) => a.name).sort(), ['party_approve', 'party_return']);
    assert.deepEqual(allowedActions(planLifecycle, 'party_review', { record: atParty, actor: leader }), []);
    const noDate = checkTransition(planLifecycle, 'party_review', 'party_approve', { record: atParty, actor: office, input: { meeting: '市委常委会会议' } });
    assert.ok(!noDate.ok && /approvedOn$/.test(noDate.field ?? '') && /党委审定日期/.test(noDate.message));
    assert.ok(checkTransition(planLifecycle, 'party_review', 'party_approve', { record: atParty, actor: office, input: { meeting: '市委常委会会议', approvedOn: '2026-03-02', document: '长办字〔2026〕12号' } }).ok);
    assert.equal(planLifecycle.transitions.find((t) => t.name === 'party_approve')?.to, 'approved');
    assert.equal(planLifecycle.transitions.find((t) => t.name === 'party_return')?.to, 'draft');
    assert.equal(checkTransition(planLifecycle, 'party_review', 'party_return', { record: atParty, actor: office, input: {} }).ok, false);
    assert.equal(planLifecycle.states.party_review.task?.role, 'office_staff');
    assert.equal(itemEditMode('party_review'), 'none', 'the items stay as the party committee saw them');
  });
  test('items are edited in a draft, changed with reasons once approved, and left alone before the meeting', () => {
    assert.equal(itemEditMode('draft'), 'edit');
    assert.equal(itemEditMode('submitted'), 'none');
    assert.equal(itemEditMode('approved'), 'change');
  });
});

const item = (o: Partial<PlanItemFacts> = {}): PlanItemFacts => ({ title: '老旧小区改造', form: 'counterpart', leadOrgId: 'c1', partnerUnitIds: [], plannedMonth: 6, notes: null, status: 'planned', ...o });

describe('报主席会议审定 needs a complete plan', () => {
  test('no items, or an item without month or lead committee, is refused naming the item', () => {
    assert.equal(planReadyProblem([])?.field, 'items');
    assert.match(planReadyProblem([item(), item({ title: '无月份', plannedMonth: 0 })])!.message, /无月份/);
    assert.match(planReadyProblem([item({ title: '无牵头', leadOrgId: '' })])!.message, /无牵头/);
    assert.equal(planReadyProblem([item(), item({ title: '已取消', plannedMonth: 0, status: 'cancelled' })]), null, 'a cancelled item does not block');
    assert.equal(planReadyProblem([item()]), null);
  });
});

describe('计划调整 rules', () => {
  test('every change gives a reason', () => {
    const r = planChangeOf(item(), { kind: 'move', plannedMonth: 8, reason: ' ' });
    assert.ok(!r.ok && r.field === 'reason');
  });
  test('a move names another month, and says from which to which', () => {
    const same = planChangeOf(item(), { kind: 'move', plannedMonth: 6, reason: '顺延' });
    assert.ok(!same.ok && same.field === 'plannedMonth');
    assert.equal(planChangeOf(item(), { kind: 'move', plannedMonth: 0, reason: '顺延' }).ok, false);
    const ok = planChangeOf(item(), { kind: 'move', plannedMonth: 9, reason: '顺延' });
    assert.ok(ok.ok);
    assert.deepEqual(ok.ok && [ok.set, ok.before, ok.after], [{ plannedMonth: 9 }, '6月', '9月']);
  });
  test('a form change names another known form', () => {
    assert.equal(planChangeOf(item(), { kind: 'form', form: 'picnic', reason: '调整' }).ok, false);
    assert.equal(planChangeOf(item(), { kind: 'form', form: 'counterpart', reason: '调整' }).ok, false);
    const ok = planChangeOf(item(), { kind: 'form', form: 'online', reason: '改为网络议政' });
    assert.ok(ok.ok && ok.before === '对口协商会' && ok.after === '网络议政');
  });
  test('a cancelled item cannot be changed again; a cancel needs an item', () => {
    assert.ok(planChangeOf(item(), { kind: 'cancel', reason: '取消' }).ok);
    const again = planChangeOf(item({ status: 'cancelled' }), { kind: 'cancel', reason: '取消' });
    assert.ok(!again.ok && again.field === 'itemId');
    const none = planChangeOf(null, { kind: 'move', plannedMonth: 3, reason: '调整' });
    assert.ok(!none.ok && none.field === 'itemId');
  });
});

describe('the published order', () => {
  test('items by month, then by form in the forms\' order; the document groups by form and leaves cancelled items out', () => {
    const rows = [
      { id: 'a', plannedMonth: 6, form: 'online', sort: 1 }, { id: 'b', plannedMonth: 3, form: 'special', sort: 2 },
      { id: 'c', plannedMonth: 6, form: 'standing_topic', sort: 3 },
    ];
    assert.deepEqual(planOrder(rows).map((r) => r.id), ['b', 'c', 'a']);
    const sections = documentSections({ items: [
      { ...row('x', 'special', 9) }, { ...row('y', 'special', 4) }, { ...row('z', 'online', 1), status: 'cancelled' as const },
    ] });
    assert.deepEqual(sections.map((s) => [s.label, s.items.map((i) => i.id)]), [['专题协商会', ['y', 'x']]]);
    assert.equal(consultationForms.length, Object.keys(consultationFormLabels).length);
  });

  test('an item\'s linked proposals and reports read as one line per relation, sources first; none, no line', () => {
    const link = (entityType: 'proposal' | 'opinion', title: string, relation: 'source' | 'outcome') => ({ entityType, id: title, title, link: '', relation, viaTopic: false });
    assert.deepEqual(linkLines({ links: [] }), []);
    assert.deepEqual(linkLines({ links: [link('opinion', '用地难', 'outcome'), link('proposal', '第1号 加工', 'source'), link('opinion', '冷链', 'source'), link('proposal', '第2号 品牌', 'source')] }), [
      '选题来源：提案《第1号 加工》、《第2号 品牌》；社情民意《冷链》',
      '协商成果：社情民意《用地难》',
    ]);
  });
});

function row(id: string, form: string, month: number) {
  return {
    id, planId: 'p', year: 2026, topicId: null, title: id, form, formLabel: form, leadOrgId: 'c', leadOrgName: 'c', partnerUnitIds: [], partnerUnitNames: [],
    plannedMonth: month, notes: null, major: false, attachments: [], status: 'planned' as const, addedByChange: false, consultations: [], carriedOut: false, links: [], version: 1,
  };
}
