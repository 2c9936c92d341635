/**
 * What is offered can be fired, and what can be fired is offered: for every state of the 提案 lifecycle and the 承办任务
 * workflow (签发 on and off), every demo role with its default permissions, and each record shape of a fixture, the
 * actions `allowedActions` returns are exactly those `checkTransition` (the runner's decision) lets through; each offered
 * action fires with a valid input, and refuses one with a required field left out, naming that field.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition, type ActorLike, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import { kernelRoles } from '../../../kernel/universal/roles.ts';
import { modules } from '../../../server/modules.ts';
import { buildProposalLifecycle, defaultDeadlines, defaultLifecycleRules, type ProposalRecord } from '../domain/proposal-lifecycle.ts';
import { buildAssignmentWorkflow, type AssignmentRecord } from '../domain/assignment-workflow.ts';
import { proposalsModule } from '../module.ts';

const CITY = 'city';
/** every role the app knows: the kernel's three administrators and the business roles the manifests declare */
const roleCodes = [...kernelRoles.map((r) => r.code as string), ...modules.flatMap((m) => (m.roles ?? []).map((r) => r.code))];
const UNIT = 'unit-a';

/** Each demo role's default permissions, as the module grants them. */
const permissionsOf = (role: string) =>
  new Set((proposalsModule.permissions ?? []).filter((p) => (p.defaultRoles ?? []).includes(role)).map((p) => p.code));

/** One actor per demo role (and the two unit roles together), inside and outside the record's CPPCC and unit. */
const actors: ActorLike[] = [
  ...roleCodes.flatMap((role) => [
    { userId: `${role}-1`, orgId: role.startsWith('unit_') ? UNIT : CITY, tenantId: CITY, roles: [role], permissions: permissionsOf(role) },
    { userId: `${role}-2`, orgId: role.startsWith('unit_') ? 'unit-b' : 'county', tenantId: role.startsWith('unit_') ? CITY : 'county', roles: [role], permissions: permissionsOf(role) },
  ]),
  { userId: 'both', orgId: UNIT, tenantId: CITY, roles: ['unit_handler', 'unit_leader'], permissions: new Set([...permissionsOf('unit_handler'), ...permissionsOf('unit_leader')]) },
  // a member whose grant was taken away (安全管理员): the role alone is not enough
  { userId: 'member-1', orgId: CITY, tenantId: CITY, roles: ['member'], permissions: new Set<string>() },
];

/** Record shapes: who proposed it, co-signers, pending evaluators, split units, a conversion offer, the reply class. */
const proposalShapes: Array<Partial<ProposalRecord>> = [
  {},
  { type: 'joint', cosigner_count: 0 },
  { cosigner_count: 2, cosigners_pending: 1 },
  { evaluators_pending: JSON.stringify(['member-1']) },
  { evaluators_pending: JSON.stringify(['member-1', 'member-2']) },
  { evaluators_pending: JSON.stringify(['member-2']) },
  { units_pending: 1 },
  { conversion_offer: 'opinion', conversion_status: 'pending' },
  { reply_class: 'B' },
  { reply_class: 'A', lead_unit_id: 'unit-b' },
  { proposer_user_id: 'member-2', lead_unit_id: null },
];

const validProposalInput: Record<string, Record<string, unknown>> = {
  return: { reason: '请补充调研材料' }, not_file: { reasonCode: 'vague' }, merge: { targetId: 'p-other' },
  assign: { mode: 'joint', leadUnitId: UNIT, coUnitIds: ['unit-b'] }, reassign: { mode: 'single', leadUnitId: UNIT },
  object: { reason: '不属于本单位职责' }, reject_objection: { reason: '职责明确' }, request_extension: { reason: '需要跨部门协调', extensionDays: 10 },
  reject_extension: { reason: '期限充足' }, reply: { replyClass: 'A', replyText: '已解决' }, reply_sign: { replyClass: 'B', replyText: '列入计划' },
  return_draft: { reason: '请补充数据' }, reject_reply: { reason: '答复不具体' }, rate: { satisfaction: 'satisfied' }, evaluate: { satisfaction: 'basically_satisfied' },
  request_rehandle: { reason: '问题没有解决' }, follow_up: { reason: '明年继续跟踪' }, submit_opinion: { opinion: '建议统筹实施' },
};

function agree<R>(wf: WorkflowDef<R>, records: (state: string) => R[], valid: Record<string, Record<string, unknown>>) {
  let offeredCount = 0;
  for (const state of Object.keys(wf.states)) {
    for (const record of records(state)) {
      for (const actor of actors) {
        const offered = allowedActions(wf, state, { record, actor });
        const offeredNames = offered.map((a) => a.name).sort();
        const fireable = [...new Set(wf.transitions.map((t) => t.name))]
          .filter((name) => checkTransition(wf, state, name, { record, actor, input: valid[name] ?? {} }).ok).sort();
        assert.deepEqual(offeredNames, fireable, `${wf.id} ${state} ${actor.userId} ${JSON.stringify(record)}`);
        for (const a of offered) {
          offeredCount++;
          for (const f of a.fields.filter((x) => x.required)) {
            const { [f.name]: _left, ...without } = valid[a.name] ?? {};
            const r = checkTransition(wf, state, a.name, { record, actor, input: without });
            assert.ok(!r.ok && r.code === 'VALIDATION_FAILED' && r.field === f.name && r.message.includes(f.label), `${a.name} without ${f.name}`);
          }
        }
        if (wf.states[state].terminal) assert.deepEqual(offered, [], `${state} is terminal`);
      }
    }
  }
  return offeredCount;
}

describe('allowed actions and firing agree', () => {
  const rules = { ...defaultLifecycleRules, replyClasses: ['A', 'B', 'C'], notFiledReasons: ['vague'] };
  for (const replySignOff of [true, false]) {
    test(`the 提案 lifecycle, 签发 ${replySignOff ? 'on' : 'off'}`, () => {
      const wf = buildProposalLifecycle(defaultDeadlines, { ...rules, replySignOff });
      const base = (state: string): ProposalRecord => ({
        id: 'p1', tenant_id: CITY, state, version: 1, proposer_user_id: 'member-1', lead_unit_id: UNIT, type: 'individual', cosigner_count: 0, cosigners_pending: 0,
        evaluators_pending: null, units_pending: 0,
      });
      const n = agree(wf, (state) => proposalShapes.map((s) => ({ ...base(state), ...s }) as ProposalRecord), validProposalInput);
      assert.ok(n > 50, `the fixture offers many actions (${n})`);
    });
    test(`the 承办任务 workflow, 签发 ${replySignOff ? 'on' : 'off'}`, () => {
      const wf = buildAssignmentWorkflow(defaultDeadlines, { replySignOff, replyClasses: ['A', 'B', 'C'] });
      const rec = (state: string, role: string): AssignmentRecord => ({
        id: 'a1', tenant_id: CITY, proposal_id: 'p1', unit_id: UNIT, role, state, version: 1, created_at: '', updated_at: '',
      });
      const n = agree(wf, (state) => [rec(state, 'split'), rec(state, 'co')], validProposalInput);
      assert.ok(n > 5, `the fixture offers actions (${n})`);
    });
  }

  test('a 分办 reply whose class is not one of the tenant\'s 答复类别 is refused by the transition\'s own check, naming the field', () => {
    const unitActor = { userId: 'u', orgId: UNIT, tenantId: CITY, roles: ['unit_handler'], permissions: new Set(['proposal.handle']) };
    const record = { id: 'a1', tenant_id: CITY, proposal_id: 'p1', unit_id: UNIT, role: 'split', state: 'in_progress', version: 1, created_at: '', updated_at: '' } as AssignmentRecord;
    for (const replySignOff of [true, false]) {
      const wf = buildAssignmentWorkflow(defaultDeadlines, { replySignOff, replyClasses: ['A', 'B'] });
      const bad = checkTransition(wf, 'in_progress', 'reply', { record, actor: unitActor, input: { replyClass: 'C', replyText: '答复' } });
      assert.ok(!bad.ok, 'C is not a class of this tenant');
      assert.equal(bad.code, 'VALIDATION_FAILED');
      assert.match(String(bad.field), /replyClass$/);
      assert.match(bad.message, /答复类别.*A \/ B/);
      assert.ok(checkTransition(wf, 'in_progress', 'reply', { record, actor: unitActor, input: { replyClass: 'B', replyText: '答复' } }).ok);
    }
  });

  test('a permission taken away hides the action and refuses it', () => {
    const wf = buildProposalLifecycle(defaultDeadlines, rules);
    const record = { id: 'p1', tenant_id: CITY, state: 'draft', version: 1, proposer_user_id: 'm', lead_unit_id: null, type: 'individual', cosigner_count: 0, cosigners_pending: 0 } as ProposalRecord;
    const granted = { userId: 'm', orgId: CITY, tenantId: CITY, roles: ['member'], permissions: new Set(['proposal.create']) };
    const revoked = { ...granted, permissions: new Set<string>() };
    assert.deepEqual(allowedActions(wf, 'draft', { record, actor: granted }).map((a) => a.name).sort(), ['submit', 'withdraw']);
    assert.deepEqual(allowedActions(wf, 'draft', { record, actor: revoked }), []);
    const r = checkTransition(wf, 'draft', 'submit', { record, actor: revoked, input: {} });
    assert.ok(!r.ok && r.code === 'FORBIDDEN');
  });
});
