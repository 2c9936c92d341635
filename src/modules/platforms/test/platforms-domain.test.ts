// Pure rules of 有事来商量: the result lifecycle (who may fire what, the input checks, the terminal state), who may see
// and record on a platform, and the exact split of the demo figures over the counties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition } from '../../../kernel/universal/workflow.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { assignsTowns, canEditPlatform, canRecordOn, canSeePlatform, canUsePlatforms } from '../domain/platform-policy.ts';
import { platformsPermissions as P, resultLifecycle } from '../domain/result-lifecycle.ts';
import { apportion } from '../server/seed.ts';

const convener = { userId: 'u-conv', orgId: 'c1', tenantId: 'c1', roles: ['member'], permissions: new Set<string>([P.convene]) };
const otherMember = { ...convener, userId: 'u-other' };
const countyStaff = { userId: 'u-staff', orgId: 'c1', tenantId: 'c1', roles: ['platform_staff'], permissions: new Set<string>([P.read, P.manage]) };
const otherCounty = { ...countyStaff, userId: 'u-staff2', orgId: 'c2', tenantId: 'c2' };
const cityLeader = { userId: 'u-lead', orgId: 'city', tenantId: 'city', roles: ['leader'], permissions: new Set<string>([P.read]) };
const admin = { userId: 'u-admin', orgId: 'city', tenantId: 'city', roles: ['sys_admin'], permissions: new Set<string>() };

const result = (state: string) => ({ id: 'r1', tenant_id: 'c1', state, version: 1, convener_user_id: 'u-conv', handed_on: addDays(clock.today(), -10) });
const names = (state: string, actor: typeof convener) => allowedActions(resultLifecycle, state, { record: result(state), actor }).map((a) => a.name);

test('a result goes 已交办 → 已落实 → 已评价, fired by its convener or the county\'s staff, never by others', () => {
  assert.deepEqual(names('handed', convener), ['implement']);
  assert.deepEqual(names('handed', countyStaff), ['implement']);
  assert.deepEqual(names('handed', otherMember), []);
  assert.deepEqual(names('handed', otherCounty), []);
  assert.deepEqual(names('handed', cityLeader), [], 'the city reads but does not record');
  assert.deepEqual(names('implemented', convener), ['evaluate']);
  assert.deepEqual(names('evaluated', countyStaff), [], 'a terminal state has no way out');
  assert.equal(resultLifecycle.states.evaluated.terminal, true);
});

test('the input of each step is checked: feedback required, the day between hand-over and today, a known evaluation', () => {
  const fire = (state: string, action: string, input: Record<string, unknown>) => checkTransition(resultLifecycle, state, action, { record: result(state), actor: convener, input });
  const noFeedback = fire('handed', 'implement', {});
  assert.equal(noFeedback.ok, false);
  assert.match((noFeedback as any).message, /落实情况/);
  const future = fire('handed', 'implement', { feedback: '已完成', implementedOn: addDays(clock.today(), 1) });
  assert.equal((future as any).field, 'input.implementedOn');
  const early = fire('handed', 'implement', { feedback: '已完成', implementedOn: addDays(clock.today(), -30) });
  assert.match((early as any).message, /交办日期/);
  assert.equal(fire('handed', 'implement', { feedback: '已完成', implementedOn: clock.today() }).ok, true);
  assert.equal(fire('implemented', 'evaluate', { evaluation: 'great' }).ok, false);
  assert.equal(fire('implemented', 'evaluate', { evaluation: 'basically' }).ok, true);
  assert.equal(fire('handed', 'evaluate', { evaluation: 'satisfied' }).ok, false, 'not before it is implemented');
});

test('who sees and records on a platform', () => {
  const p = { tenant_id: 'c1', convener_user_id: 'u-conv' };
  assert.equal(canSeePlatform(p, convener, []), true);
  assert.equal(canSeePlatform(p, otherMember, []), false);
  assert.equal(canSeePlatform(p, countyStaff, ['c1']), true);
  assert.equal(canSeePlatform(p, otherCounty, ['c2']), false, 'another county');
  assert.equal(canSeePlatform(p, cityLeader, ['city', 'c1', 'c2']), true, 'the city sees its counties');
  assert.equal(canRecordOn(p, convener), true);
  assert.equal(canRecordOn(p, countyStaff), true);
  assert.equal(canRecordOn(p, cityLeader), false);
  assert.equal(canEditPlatform(p, convener), false);
  assert.equal(canEditPlatform(p, countyStaff), true);
  assert.equal(canUsePlatforms(admin), false, '三员分立');
});

test('a town\'s staff see, record on and edit only their town\'s platforms; the county\'s own staff set the towns', () => {
  const east = { tenant_id: 'c1', convener_user_id: null, town: '东关镇' };
  const west = { tenant_id: 'c1', convener_user_id: 'u-conv', town: '西街镇' };
  assert.equal(canSeePlatform(east, countyStaff, ['c1'], '东关镇'), true);
  assert.equal(canSeePlatform(west, countyStaff, ['c1'], '东关镇'), false);
  assert.equal(canRecordOn(west, countyStaff, '东关镇'), false);
  assert.equal(canEditPlatform(west, countyStaff, '东关镇'), false);
  assert.equal(canEditPlatform(east, countyStaff, '东关镇'), true);
  assert.equal(canSeePlatform(west, convener, [], '东关镇'), true, 'a convener sees their platform whatever the town');
  assert.equal(assignsTowns(countyStaff, null), true);
  assert.equal(assignsTowns(countyStaff, '东关镇'), false);
  assert.equal(assignsTowns(convener, null), false);
});

test('the demo figures split over the counties add up exactly', () => {
  for (const [total, weights] of [[2311, [1.35, 1.2, 0.95, 1, 1.15, 0.8, 0.7, 0.9, 1.1, 0.85, 0.6, 0.75]], [513, [1, 1, 1]], [1402, [3, 1]], [7, [1, 1, 1, 1, 1, 1, 1, 1]]] as const) {
    const parts = apportion(total, weights);
    assert.equal(parts.reduce((a, b) => a + b, 0), total);
    assert.equal(parts.length, weights.length);
  }
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
});
