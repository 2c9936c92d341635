// The 建议落实 lifecycle and its rules, pure: every transition by the role that may fire it and refused to others, the
// inputs each asks for, the age buckets and the overdue rule.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition } from '../../../kernel/universal/workflow.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { ageBounds, ageBucketOf, isOverdue, recommendationsLifecycle as wf } from '../domain/recommendations-lifecycle.ts';
import { canSeeItem } from '../domain/recommendations-policy.ts';

const unit = { userId: 'u1', orgId: 'unitA', tenantId: 'city', roles: ['unit_handler'] };
const otherUnit = { userId: 'u2', orgId: 'unitB', tenantId: 'city', roles: ['unit_handler'] };
const office = { userId: 'o1', orgId: 'office', tenantId: 'city', roles: ['office_staff'] };
const countyOffice = { userId: 'o2', orgId: 'countyOffice', tenantId: 'county', roles: ['office_staff'] };
const rec = (state: string) => ({ id: 'r1', tenant_id: 'city', unit_id: 'unitA', state, version: 1 });
const tomorrow = () => new Date(Date.parse(`${clock.today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('建议落实 lifecycle', () => {
  test('待反馈: only the responsible department replies, with what it did', () => {
    assert.deepEqual(allowedActions(wf, 'pending', { record: rec('pending'), actor: unit }).map((a) => a.name), ['reply']);
    assert.deepEqual(allowedActions(wf, 'pending', { record: rec('pending'), actor: otherUnit }), []);
    assert.deepEqual(allowedActions(wf, 'pending', { record: rec('pending'), actor: office }), []);
    const missing = checkTransition(wf, 'pending', 'reply', { record: rec('pending'), actor: unit, input: {} });
    assert.equal(missing.ok, false);
    assert.match(JSON.stringify(missing), /落实情况/);
    const ok = checkTransition(wf, 'pending', 'reply', { record: rec('pending'), actor: unit, input: { feedback: '已完成整改' } });
    assert.equal(ok.ok, true);
    assert.equal(ok.ok && ok.transition.to, 'answered');
  });

  test('已反馈: the office assesses 落实中, 已落实, 未落实 or sends it back; the department waits', () => {
    assert.deepEqual(allowedActions(wf, 'answered', { record: rec('answered'), actor: office }).map((a) => a.name).sort(), ['mark_implemented', 'mark_in_progress', 'not_implemented', 'return']);
    assert.deepEqual(allowedActions(wf, 'answered', { record: rec('answered'), actor: unit }), []);
    assert.deepEqual(allowedActions(wf, 'answered', { record: rec('answered'), actor: countyOffice }), [], 'another CPPCC assesses nothing of ours');
    const to = (action: string, input: Record<string, unknown>) => {
      const c = checkTransition(wf, 'answered', action, { record: rec('answered'), actor: office, input });
      return c.ok ? c.transition.to : `refused: ${c.message}`;
    };
    assert.equal(to('mark_implemented', {}), 'implemented');
    assert.equal(to('not_implemented', { reason: '资金未落实' }), 'not_implemented');
    assert.match(to('not_implemented', {}), /未落实原因/);
    assert.equal(to('return', { reason: '请补充佐证材料' }), 'pending');
    assert.match(to('return', {}), /退回理由/);
    assert.equal(to('mark_in_progress', { note: '请继续推进', nextDueDate: tomorrow() }), 'in_progress');
    assert.match(to('mark_in_progress', { note: '请继续推进', nextDueDate: clock.today() }), /下次反馈期限/);
  });

  test('落实中: the department owes a further reply; 已落实 and 未落实 end the road', () => {
    assert.deepEqual(allowedActions(wf, 'in_progress', { record: rec('in_progress'), actor: unit }).map((a) => a.name), ['reply']);
    assert.equal(wf.states.in_progress.task?.dueField, 'due_date');
    assert.equal(wf.states.pending.task?.orgField, 'unit_id');
    assert.equal(wf.states.implemented.terminal, true);
    assert.equal(wf.states.not_implemented.terminal, true);
    for (const s of ['implemented', 'not_implemented']) assert.deepEqual(allowedActions(wf, s, { record: rec(s), actor: office }), []);
  });

  test('overdue means a reply owed past its due date, not one waiting for the office', () => {
    assert.equal(isOverdue({ state: 'pending', due_date: '2025-01-01' }, '2025-01-02'), true);
    assert.equal(isOverdue({ state: 'in_progress', due_date: '2025-01-01' }, '2025-01-02'), true);
    assert.equal(isOverdue({ state: 'pending', due_date: '2025-01-02' }, '2025-01-02'), false, 'due today is not late');
    assert.equal(isOverdue({ state: 'answered', due_date: '2025-01-01' }, '2025-01-02'), false);
    assert.equal(isOverdue({ state: 'implemented', due_date: '2025-01-01' }, '2025-01-02'), false);
  });

  test('age buckets cover every day once, and their bounds agree with the bucket of a day', () => {
    const today = '2026-03-01';
    for (const [created, bucket] of [['2026-03-01', 'd30'], ['2026-01-30', 'd30'], ['2026-01-29', 'd90'], ['2025-12-01', 'd90'], ['2025-11-30', 'd180'], ['2025-09-02', 'd180'], ['2025-09-01', 'older']] as const) {
      assert.equal(ageBucketOf(created, today), bucket, created);
      const b = ageBounds(bucket, today);
      assert.ok((b.from === null || created >= b.from) && created <= b.to, `${created} within ${bucket} ${JSON.stringify(b)}`);
    }
  });

  test('a department sees its own parts only; the office its CPPCC; nobody another CPPCC', () => {
    const r = { tenant_id: 'city', unit_id: 'unitA' };
    const perms = (...p: string[]) => new Set(p);
    assert.equal(canSeeItem(r, { ...unit, permissions: perms('recommendations.reply') }), true);
    assert.equal(canSeeItem(r, { ...otherUnit, permissions: perms('recommendations.reply') }), false);
    assert.equal(canSeeItem(r, { ...office, permissions: perms('recommendations.read_all') }), true);
    assert.equal(canSeeItem(r, { ...countyOffice, permissions: perms('recommendations.read_all') }), false);
    assert.equal(canSeeItem(r, { userId: 'm', orgId: 'city', tenantId: 'city', roles: ['member'], permissions: perms() }), false);
  });
});
