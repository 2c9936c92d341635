// Pure tests of the 提案 lifecycle: every transition, its roles, guards and required fields, plus stamping and visibility.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkInput, checkTransition, defineWorkflow } from '../../../kernel/universal/workflow.ts';
import { buildProposalLifecycle, defaultDeadlines, defaultLifecycleRules, proposalLifecycle as wf, type ProposalRecord } from '../domain/proposal-lifecycle.ts';
import { canEditDraft, canSeeProposal, canConfirmCosign } from '../domain/proposal-policy.ts';
import { formatNumber, sessionLabelFor, stampSubmission } from '../domain/proposal-session.ts';
import { proposalStates } from '../contract.ts';
import { aggregateSatisfaction, evaluatorsOf, mayViewScore, mutualGrade, mutualSideOf, pendingEvaluators } from '../domain/proposal-evaluation.ts';

/** The input rules of one action (schema and check) with a tenant's lists, as the server runs them. */
const checkTransitionInput = (action: string, input: Record<string, unknown>, opts: { replyClasses: string[]; notFiledReasons: string[]; recordId: string }) => {
  const w = buildProposalLifecycle(defaultDeadlines, { ...defaultLifecycleRules, replyClasses: opts.replyClasses, notFiledReasons: opts.notFiledReasons });
  const r = checkInput(w.transitions.find((x) => x.name === action)!, input, { id: opts.recordId } as ProposalRecord, { userId: 's1', orgId: 'x', tenantId: 'x', roles: [] });
  return r.ok ? null : r;
};


const CITY = 'city';
const UNIT = 'unit-zhujian';
const member = { userId: 'm1', orgId: CITY, tenantId: CITY, roles: ['member'] };
const otherMember = { userId: 'm2', orgId: CITY, tenantId: CITY, roles: ['member'] };
const staff = { userId: 's1', orgId: CITY, tenantId: CITY, roles: ['proposal_staff'] };
const countyStaff = { userId: 's2', orgId: 'county', tenantId: 'county', roles: ['proposal_staff'] };
const unitClerk = { userId: 'u1', orgId: UNIT, tenantId: CITY, roles: ['unit_handler'] };
const unitLeader = { userId: 'u2', orgId: UNIT, tenantId: CITY, roles: ['unit_leader'] };
const coUnitClerk = { userId: 'u3', orgId: 'unit-co', tenantId: CITY, roles: ['unit_handler'] };
const sysAdmin = { userId: 'a1', orgId: CITY, tenantId: CITY, roles: ['sys_admin'] };

function rec(state: string, over: Partial<ProposalRecord> = {}): ProposalRecord {
  return { id: 'p1', tenant_id: CITY, state, version: 1, proposer_user_id: 'm1', lead_unit_id: UNIT, type: 'individual', cosigner_count: 0, cosigners_pending: 0, ...over };
}

const fire = (state: string, action: string, actor: typeof member, input: Record<string, unknown> = {}, over: Partial<ProposalRecord> = {}) =>
  checkTransition(wf, state, action, { record: rec(state, over), actor, input });

/** Every transition with an actor who may fire it and input that satisfies it. */
const happy: Array<[string, string, typeof member, Record<string, unknown>, string, Partial<ProposalRecord>?]> = [
  ['draft', 'submit', member, {}, 'submitted'],
  ['returned', 'submit', member, {}, 'submitted'],
  ['draft', 'withdraw', member, {}, 'withdrawn'],
  ['submitted', 'withdraw', member, {}, 'withdrawn'],
  ['returned', 'withdraw', member, {}, 'withdrawn'],
  ['submitted', 'return', staff, { reason: '请补充具体建议' }, 'returned'],
  ['submitted', 'file', staff, {}, 'filed'],
  ['submitted', 'not_file', staff, { reasonCode: 'vague' }, 'not_filed'],
  ['submitted', 'merge', staff, { targetId: 'p0' }, 'merged'],
  ['filed', 'assign', staff, { mode: 'single', leadUnitId: UNIT }, 'assigned'],
  ['assigned', 'sign', unitClerk, {}, 'in_progress'],
  ['assigned', 'object', unitLeader, { reason: '不属于本单位职责' }, 'objected'],
  ['objected', 'reassign', staff, { mode: 'single', leadUnitId: 'unit-x' }, 'assigned'],
  ['objected', 'reject_objection', staff, { reason: '属于职责范围' }, 'in_progress'],
  ['in_progress', 'request_extension', unitClerk, { reason: '需要跨部门协调' }, 'extension_requested'],
  ['extension_requested', 'approve_extension', staff, {}, 'in_progress'],
  ['extension_requested', 'reject_extension', staff, { reason: '时间充足' }, 'in_progress'],
  ['in_progress', 'reply', unitClerk, { replyClass: 'A', replyText: '已解决' }, 'reply_signoff'],
  ['rehandle', 'reply', unitClerk, { replyClass: 'B', replyText: '列入计划' }, 'reply_signoff'],
  ['in_progress', 'reply_sign', unitLeader, { replyClass: 'A', replyText: '已解决' }, 'reply_check'],
  ['rehandle', 'reply_sign', unitLeader, { replyClass: 'B', replyText: '列入计划' }, 'reply_check'],
  ['reply_signoff', 'sign_off', unitLeader, {}, 'reply_check'],
  ['reply_signoff', 'return_draft', unitLeader, { reason: '请补充办理时限' }, 'in_progress'],
  ['reply_check', 'release', staff, {}, 'replied'],
  ['reply_check', 'reject_reply', staff, { reason: '答复未逐条回应' }, 'in_progress'],
  ['replied', 'evaluate', member, { satisfaction: 'satisfied' }, 'closed'],
  ['replied', 'rate', otherMember, { satisfaction: 'basically_satisfied' }, 'replied', { evaluators_pending: JSON.stringify(['m1', 'm2']) }],
  ['replied', 'request_rehandle', member, { reason: '问题未解决' }, 'rehandle'],
  ['replied', 'close', staff, {}, 'closed'],
  ['closed', 'follow_up', staff, { reason: '跟踪至项目建成' }, 'assigned', { reply_class: 'B' }],
  ['not_filed', 'consent_conversion', member, {}, 'not_filed', { conversion_offer: 'opinion', conversion_status: 'pending' }],
  ['not_filed', 'refuse_conversion', member, {}, 'not_filed', { conversion_offer: 'reference', conversion_status: 'pending' }],
];

describe('proposal lifecycle', () => {
  test('every state of the contract is in the lifecycle and every transition is covered by a test case', () => {
    assert.deepEqual(Object.keys(wf.states).sort(), [...proposalStates].sort());
    const covered = new Set(happy.map(([from, action]) => `${action}@${from}`));
    for (const t of wf.transitions) for (const from of t.from) assert.ok(covered.has(`${t.name}@${from}`), `untested ${t.name} from ${from}`);
  });

  for (const [from, action, actor, input, to, over] of happy) {
    test(`${action} moves a proposal from ${from} to ${to} when fired by ${actor.roles[0]}`, () => {
      const r = fire(from, action, actor, input, over);
      assert.equal(r.ok, true, JSON.stringify(r));
      if (r.ok) assert.equal(r.transition.to, to);
    });
  }

  test('terminal states allow no action for anyone, by construction; states that may still move are not terminal', () => {
    const terminal = Object.entries(wf.states).filter(([, d]) => d.terminal).map(([k]) => k).sort();
    assert.deepEqual(terminal, ['merged', 'withdrawn']);
    for (const s of terminal) {
      assert.deepEqual(wf.transitions.filter((t) => t.from.includes(s)).map((t) => t.name), [], `nothing leaves ${s}`);
      // with every field an action could look at filled in, still nothing
      const full = rec(s, { reply_class: 'B', conversion_offer: 'opinion', conversion_status: 'pending' } as Partial<ProposalRecord>);
      for (const a of [member, staff, unitClerk]) assert.deepEqual(allowedActions(wf, s, { record: full, actor: a }), []);
    }
    // 已办结 with a B-class answer is followed up next year by the office (二次交办)
    const closedB = rec('closed', { reply_class: 'B' } as Partial<ProposalRecord>);
    assert.deepEqual(allowedActions(wf, 'closed', { record: closedB, actor: staff }).map((a) => a.name), ['follow_up']);
    assert.deepEqual(allowedActions(wf, 'closed', { record: rec('closed', { reply_class: 'A' } as Partial<ProposalRecord>), actor: staff }), []);
    // 不予立案 with an offer waits for the proposer's consent
    const offered = rec('not_filed', { conversion_offer: 'opinion', conversion_status: 'pending' } as Partial<ProposalRecord>);
    assert.deepEqual(allowedActions(wf, 'not_filed', { record: offered, actor: member }).map((a) => a.name).sort(), ['consent_conversion', 'refuse_conversion']);
    // and the kernel refuses a lifecycle in which an action leaves a terminal state
    assert.throws(() => defineWorkflow({
      id: 'x', label: 'x', initial: 'a', states: { a: { label: 'a' }, z: { label: 'z', terminal: true } },
      transitions: [{ name: 'reopen', label: '重开', from: ['z'], to: 'a', roles: ['member'] }],
    }), /leaves terminal state z/);
  });

  test('only the first proposer may submit or withdraw, and only a proposer or confirmed co-signer may evaluate', () => {
    for (const [state, action, input] of [['draft', 'submit', {}], ['submitted', 'withdraw', {}]] as const) {
      const r = fire(state, action, otherMember, input);
      assert.equal(r.ok, false);
      if (!r.ok) { assert.equal(r.code, 'FORBIDDEN'); assert.match(r.message, /第一提案人/); }
    }
    const r = fire('replied', 'evaluate', otherMember, { satisfaction: 'satisfied' });
    assert.equal(r.ok, false);
    if (!r.ok) { assert.equal(r.code, 'FORBIDDEN'); assert.match(r.message, /不是本提案的提案人或联名人/); }
  });

  test('a member cannot file and staff cannot submit for the proposer', () => {
    const a = fire('submitted', 'file', member);
    assert.equal(a.ok, false);
    if (!a.ok) assert.equal(a.code, 'FORBIDDEN');
    const b = fire('draft', 'submit', staff);
    assert.equal(b.ok, false);
  });

  test('staff of another CPPCC cannot review the proposal', () => {
    const r = fire('submitted', 'file', countyStaff);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /本级政协/);
  });

  test('a co-handling unit can neither sign, object nor reply; only the lead unit can', () => {
    for (const [state, action, input] of [['assigned', 'sign', {}], ['assigned', 'object', { reason: 'x' }], ['in_progress', 'reply', { replyClass: 'A', replyText: 'x' }], ['in_progress', 'request_extension', { reason: 'x' }]] as const) {
      const r = fire(state, action, coUnitClerk, input);
      assert.equal(r.ok, false, action);
      if (!r.ok) assert.match(r.message, /主办单位/);
    }
    assert.deepEqual(allowedActions(wf, 'in_progress', { record: rec('in_progress'), actor: coUnitClerk }), []);
  });

  test('administrator roles can fire nothing', () => {
    for (const s of proposalStates) assert.deepEqual(allowedActions(wf, s, { record: rec(s), actor: sysAdmin }), []);
  });

  test('required fields are named when missing', () => {
    const cases: Array<[string, string, typeof member, string]> = [
      ['submitted', 'return', staff, 'reason'],
      ['submitted', 'not_file', staff, 'reasonCode'],
      ['submitted', 'merge', staff, 'targetId'],
      ['filed', 'assign', staff, 'mode'],
      ['assigned', 'object', unitClerk, 'reason'],
      ['in_progress', 'reply', unitClerk, 'replyClass'],
      ['in_progress', 'reply_sign', unitLeader, 'replyClass'],
      ['reply_signoff', 'return_draft', unitLeader, 'reason'],
      ['replied', 'evaluate', member, 'satisfaction'],
      ['replied', 'request_rehandle', member, 'reason'],
      ['objected', 'reject_objection', staff, 'reason'],
      ['extension_requested', 'reject_extension', staff, 'reason'],
      ['reply_check', 'reject_reply', staff, 'reason'],
    ];
    for (const [state, action, actor, field] of cases) {
      const r = fire(state, action, actor, {});
      assert.equal(r.ok, false, action);
      if (!r.ok) { assert.equal(r.code, 'VALIDATION_FAILED'); assert.equal(r.field, field, action); }
    }
    const r = fire('filed', 'assign', staff, { mode: 'single' });
    assert.equal(!r.ok && r.field, 'leadUnitId');
    const blank = fire('submitted', 'return', staff, { reason: '   ' });
    assert.equal(!blank.ok && blank.field, 'reason');
  });

  test('a joint proposal cannot be submitted before every co-signer confirms', () => {
    const none = fire('draft', 'submit', member, {}, { type: 'joint', cosigner_count: 0 });
    assert.equal(none.ok, false);
    if (!none.ok) assert.match(none.message, /至少一位联名委员/);
    const pending = fire('draft', 'submit', member, {}, { type: 'joint', cosigner_count: 2, cosigners_pending: 1 });
    assert.equal(pending.ok, false);
    if (!pending.ok) assert.match(pending.message, /1 位联名委员未确认/);
    assert.equal(fire('draft', 'submit', member, {}, { type: 'joint', cosigner_count: 2, cosigners_pending: 0 }).ok, true);
  });

  test('actions offered to each role match what they may fire', () => {
    const names = (s: string, a: typeof member) => allowedActions(wf, s, { record: rec(s), actor: a }).map((x) => x.name).sort();
    assert.deepEqual(names('submitted', staff), ['file', 'merge', 'not_file', 'return']);
    assert.deepEqual(names('submitted', member), ['withdraw']);
    assert.deepEqual(names('assigned', unitClerk), ['object', 'sign']);
    assert.deepEqual(names('replied', member), ['evaluate', 'request_rehandle']);
    assert.deepEqual(names('replied', staff), ['close']);
    const notFile = allowedActions(wf, 'submitted', { record: rec('submitted'), actor: staff }).find((a) => a.name === 'not_file');
    assert.deepEqual(notFile?.requires, { reasonCode: '不予立案理由' });
    assert.equal(notFile?.confirm, true);
  });

  test('states open work items for the right people with configurable deadlines', () => {
    assert.deepEqual(wf.states.submitted.task, { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: 5, label: '待审查' });
    assert.equal(wf.states.assigned.task?.orgField, 'lead_unit_id');
    // 待评价 items are one per proposer, kept by the module beside the runner's single task
    assert.equal(wf.states.replied.task, undefined);
    assert.equal(wf.states.returned.task?.userField, 'proposer_user_id');
    assert.equal(wf.states.in_progress.task?.dueInWorkingDays, 60);
    assert.equal(wf.states.draft.task, undefined);
    assert.deepEqual(wf.states.reply_signoff.task, { role: 'unit_leader', orgField: 'lead_unit_id', dueInWorkingDays: 3, label: '待签发' });
    const custom = buildProposalLifecycle({ ...{ review: 5, assign: 20, sign: 10, decide: 5, handle: 120, signOff: 2, replyCheck: 5, evaluate: 15, rehandle: 20, revise: 10, extension: 20, coOpinion: 20 } });
    assert.equal(custom.states.assigned.task?.dueInWorkingDays, 10);
    assert.equal(custom.states.in_progress.task?.dueInWorkingDays, 120);
    assert.equal(custom.states.reply_signoff.task?.dueInWorkingDays, 2);
  });
});

describe('transition input rules', () => {
  const opts = { replyClasses: ['A', 'B', 'C'], notFiledReasons: ['vague', 'personal'], recordId: 'p1' };
  test('a 不予立案 reason must come from the configured list', () => {
    assert.equal(checkTransitionInput('not_file', { reasonCode: 'whatever' }, opts)?.field, 'reasonCode');
    assert.equal(checkTransitionInput('not_file', { reasonCode: 'vague' }, opts), null);
  });
  test('the reply class must be one of the configured scheme, also when the checker changes it', () => {
    assert.equal(checkTransitionInput('reply', { replyClass: 'D', replyText: 'x' }, opts)?.field, 'replyClass');
    assert.equal(checkTransitionInput('release', { replyClass: 'E' }, opts)?.field, 'replyClass');
    assert.equal(checkTransitionInput('release', {}, opts), null);
  });
  test('unsatisfied evaluation goes through re-handling, not through evaluate', () => {
    assert.equal(checkTransitionInput('evaluate', { satisfaction: 'unsatisfied' }, opts)?.field, 'satisfaction');
    assert.equal(checkTransitionInput('evaluate', { satisfaction: 'basically_satisfied' }, opts), null);
  });
  test('a proposal cannot be merged into itself', () => {
    assert.equal(checkTransitionInput('merge', { targetId: 'p1' }, opts)?.field, 'targetId');
  });
  test('split and joint handling need co-units, single handling none, and the lead is not a co-unit', () => {
    assert.equal(checkTransitionInput('assign', { mode: 'joint', leadUnitId: 'u' }, opts)?.field, 'coUnitIds');
    assert.equal(checkTransitionInput('assign', { mode: 'single', leadUnitId: 'u', coUnitIds: ['v'] }, opts)?.field, 'coUnitIds');
    assert.equal(checkTransitionInput('assign', { mode: 'split', leadUnitId: 'u', coUnitIds: ['u'] }, opts)?.field, 'coUnitIds');
    assert.equal(checkTransitionInput('assign', { mode: 'joint', leadUnitId: 'u', coUnitIds: ['v'] }, opts), null);
    assert.equal(checkTransitionInput('reassign', { mode: 'single', leadUnitId: 'u' }, opts), null);
  });
});

describe('session stamping and numbering', () => {
  test('the session label follows the term: 2025 is 十四届四次会议, 2027 starts the fifteenth term', () => {
    assert.equal(sessionLabelFor(2025), '十四届四次会议');
    assert.equal(sessionLabelFor(2026), '十四届五次会议');
    assert.equal(sessionLabelFor(2027), '十五届一次会议');
  });
  test('proposals before the session deadline are 大会提案, later ones 平时提案, after 5 Dec they count for next year', () => {
    assert.deepEqual(stampSubmission('2025-01-10'), { year: 2025, sessionLabel: '十四届四次会议', category: 'session' });
    assert.deepEqual(stampSubmission('2025-06-01'), { year: 2025, sessionLabel: '十四届四次会议', category: 'recess' });
    assert.deepEqual(stampSubmission('2025-12-06'), { year: 2026, sessionLabel: '十四届五次会议', category: 'session' });
    assert.equal(stampSubmission('2025-12-05').category, 'recess');
  });
  test('numbers read 第0001号', () => {
    assert.equal(formatNumber(1), '第0001号');
    assert.equal(formatNumber(464), '第0464号');
  });
});

describe('proposal visibility', () => {
  const perms = (...p: string[]) => new Set(p);
  const base = { tenant_id: CITY, state: 'in_progress', proposer_user_id: 'm1', lead_unit_id: UNIT, is_public: 0 };
  const none = { unitIds: [UNIT], cosignerUserIds: ['m3'] };
  test('staff with read_all see every submitted proposal of their own CPPCC but not drafts nor another CPPCC', () => {
    const s = { ...staff, permissions: perms('proposal.read', 'proposal.read_all') };
    assert.equal(canSeeProposal(base, s, none), true);
    assert.equal(canSeeProposal({ ...base, state: 'draft' }, s, none), false);
    assert.equal(canSeeProposal({ ...base, tenant_id: 'county' }, s, none), false);
  });
  test('a unit sees only proposals assigned to it', () => {
    const u = { ...unitClerk, permissions: perms('proposal.read', 'proposal.handle') };
    assert.equal(canSeeProposal(base, u, none), true);
    const other = { ...coUnitClerk, permissions: perms('proposal.read', 'proposal.handle') };
    assert.equal(canSeeProposal(base, other, none), false);
    assert.equal(canSeeProposal(base, other, { unitIds: [UNIT, 'unit-co'], cosignerUserIds: [] }), true);
  });
  test('members see their own, their co-signed and public replied proposals of their CPPCC', () => {
    const m2 = { ...otherMember, permissions: perms('proposal.read', 'proposal.create') };
    assert.equal(canSeeProposal(base, m2, none), false);
    assert.equal(canSeeProposal(base, { ...m2, userId: 'm3' }, none), true);
    assert.equal(canSeeProposal({ ...base, state: 'closed', is_public: 1 }, m2, none), true);
    assert.equal(canSeeProposal({ ...base, state: 'in_progress', is_public: 1 }, m2, none), false);
    assert.equal(canSeeProposal({ ...base, state: 'closed', is_public: 1, tenant_id: 'county' }, m2, none), false);
    assert.equal(canSeeProposal({ ...base, state: 'draft' }, { ...member, permissions: perms('proposal.read') }, none), true);
  });
  test('administrators without business permissions see nothing, not even public proposals', () => {
    const a = { ...sysAdmin, permissions: perms('system.manage') };
    assert.equal(canSeeProposal({ ...base, state: 'closed', is_public: 1 }, a, none), false);
  });
  test('only the proposer edits a draft or a returned proposal; pending co-signers confirm', () => {
    const m = { ...member, permissions: perms('proposal.create') };
    assert.equal(canEditDraft({ state: 'draft', proposer_user_id: 'm1' }, m), true);
    assert.equal(canEditDraft({ state: 'returned', proposer_user_id: 'm1' }, m), true);
    assert.equal(canEditDraft({ state: 'submitted', proposer_user_id: 'm1' }, m), false);
    assert.equal(canEditDraft({ state: 'draft', proposer_user_id: 'm9' }, m), false);
    assert.equal(canConfirmCosign({ state: 'draft' }, { ...otherMember, permissions: perms() }, ['m2']), true);
    assert.equal(canConfirmCosign({ state: 'submitted' }, { ...otherMember, permissions: perms() }, ['m2']), false);
  });

  test('every proposer and confirmed co-signer rates: earlier ones keep it waiting, the last one closes it, anyone may be unsatisfied', () => {
    const pending = { evaluators_pending: JSON.stringify(['m1', 'm2']) };
    assert.deepEqual(allowedActions(wf, 'replied', { record: rec('replied', pending), actor: member }).map((a) => a.name), ['rate', 'request_rehandle']);
    assert.deepEqual(allowedActions(wf, 'replied', { record: rec('replied', pending), actor: otherMember }).map((a) => a.name), ['rate', 'request_rehandle']);
    const last = { evaluators_pending: JSON.stringify(['m2']) };
    assert.deepEqual(allowedActions(wf, 'replied', { record: rec('replied', last), actor: otherMember }).map((a) => a.name), ['evaluate', 'request_rehandle']);
    assert.deepEqual(allowedActions(wf, 'replied', { record: rec('replied', last), actor: member }), [], 'the proposer already rated this reply');
    const stranger = { userId: 'm9', orgId: CITY, tenantId: CITY, roles: ['member'] };
    const r = fire('replied', 'evaluate', stranger, { satisfaction: 'satisfied' }, pending);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'FORBIDDEN');
    const opts = { replyClasses: ['A'], notFiledReasons: ['vague'], recordId: 'p1' };
    assert.equal(checkTransitionInput('rate', { satisfaction: 'unsatisfied' }, opts)?.field, 'satisfaction');
  });

  test('the proposal\'s satisfaction is the least satisfied rating; scores grade as 优秀/良好/一般/较差', () => {
    assert.equal(aggregateSatisfaction([]), null);
    assert.equal(aggregateSatisfaction(['satisfied', 'satisfied']), 'satisfied');
    assert.equal(aggregateSatisfaction(['satisfied', 'basically_satisfied', 'satisfied']), 'basically_satisfied');
    assert.equal(aggregateSatisfaction(['basically_satisfied', 'unsatisfied']), 'unsatisfied');
    assert.deepEqual([95, 90, 89, 75, 74, 60, 59, 0].map(mutualGrade), ['优秀', '优秀', '良好', '良好', '一般', '一般', '较差', '较差']);
    assert.deepEqual(evaluatorsOf('m1', [{ user_id: 'm2', confirmed_at: 'x' }, { user_id: 'm3', confirmed_at: null }, { user_id: 'm1', confirmed_at: 'x' }]), ['m1', 'm2']);
    assert.deepEqual(pendingEvaluators({ proposer_user_id: 'm1', evaluators_pending: null }), ['m1']);
  });

  test('双向评议 is back to back: each side sees its own score, the other only when both are in; the office sees both', () => {
    const r = { proposer_user_id: 'm1', lead_unit_id: UNIT };
    assert.equal(mutualSideOf(r, member), 'handling');
    assert.equal(mutualSideOf(r, unitClerk), 'quality');
    assert.equal(mutualSideOf(r, coUnitClerk), null, 'a co-handling unit does not score');
    assert.equal(mutualSideOf(r, otherMember), null);
    assert.equal(mayViewScore('quality', 'handling', false, false), false);
    assert.equal(mayViewScore('handling', 'handling', false, false), true);
    assert.equal(mayViewScore('quality', 'handling', true, false), true);
    assert.equal(mayViewScore('quality', null, false, true), true);
  });
});
