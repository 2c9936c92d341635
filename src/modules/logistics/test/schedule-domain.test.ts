// The rules of a trip's times and mileage (pure): half-open overlap (touching ends are free), trips across midnight,
// bad intervals named in Chinese, and nothing that depends on working days or today's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesOf, firstClash, formatLocal, intervalProblem, isLocalTime, mileage, overlaps } from '../domain/schedule.ts';
import { checkTransition } from '../../../kernel/universal/workflow.ts';
import { tripLifecycle } from '../domain/lifecycles.ts';

const i = (from: string, to: string) => ({ from, to });

test('overlap is half-open: touching intervals do not overlap, any shared minute does', () => {
  assert.equal(overlaps(i('2026-12-08T08:00', '2026-12-08T10:00'), i('2026-12-08T10:00', '2026-12-08T12:00')), false, 'back at 10:00, out at 10:00');
  assert.equal(overlaps(i('2026-12-08T10:00', '2026-12-08T12:00'), i('2026-12-08T08:00', '2026-12-08T10:00')), false, 'symmetric');
  assert.equal(overlaps(i('2026-12-08T08:00', '2026-12-08T10:01'), i('2026-12-08T10:00', '2026-12-08T12:00')), true);
  assert.equal(overlaps(i('2026-12-08T08:00', '2026-12-08T18:00'), i('2026-12-08T10:00', '2026-12-08T11:00')), true, 'one inside the other');
  assert.equal(overlaps(i('2026-12-08T10:00', '2026-12-08T11:00'), i('2026-12-08T10:00', '2026-12-08T11:00')), true, 'the same times');
});

test('across midnight and across the year: text order is time order', () => {
  const night = i('2026-12-31T22:00', '2027-01-01T02:00');
  assert.equal(overlaps(night, i('2027-01-01T01:30', '2027-01-01T03:00')), true, 'New Year\'s night, into the next year');
  assert.equal(overlaps(night, i('2027-01-01T02:00', '2027-01-01T08:00')), false);
  assert.equal(overlaps(night, i('2026-12-31T08:00', '2026-12-31T22:00')), false);
  assert.deepEqual(datesOf(night), ['2026-12-31', '2027-01-01'], 'on both days\' boards');
  assert.deepEqual(datesOf(i('2026-12-08T20:00', '2026-12-09T00:00')), ['2026-12-08'], 'ending at midnight stays on its day');
  assert.equal(intervalProblem(night), null);
});

test('working days play no part: a Sunday, a 调休 Sunday and a holiday are booked the same way', () => {
  // 2026-10-01 (National Day), 2026-09-27 (a Sunday that was a 调休 workday in 2026), 2026-12-06 (a plain Sunday)
  for (const d of ['2026-10-01', '2026-09-27', '2026-12-06']) {
    assert.equal(intervalProblem(i(`${d}T08:00`, `${d}T09:00`)), null);
    assert.equal(overlaps(i(`${d}T08:00`, `${d}T09:00`), i(`${d}T08:30`, `${d}T10:00`)), true);
  }
});

test('bad intervals are named in Chinese', () => {
  assert.match(intervalProblem(i('2026-12-08T10:00', '2026-12-08T09:00'))!, /返回时间.*晚于/);
  assert.match(intervalProblem(i('2026-12-08T10:00', '2026-12-08T10:00'))!, /返回时间/);
  assert.match(intervalProblem(i('2026-12-08 10:00', '2026-12-08T11:00'))!, /出发时间/);
  assert.match(intervalProblem(i('2026-12-01T10:00', '2026-12-09T10:00'))!, /7 天/);
  assert.equal(isLocalTime('2026-02-30T10:00'), false, 'no 30 February');
  assert.equal(isLocalTime('2026-12-08T24:00'), false);
  assert.equal(isLocalTime('2028-02-29T23:59'), true, 'a leap day');
});

test('the first clash is the one named; mileage is end minus start, never negative', () => {
  const booked = [{ from: '2026-12-08T08:00', to: '2026-12-08T09:00', purpose: 'a' }, { from: '2026-12-08T11:00', to: '2026-12-08T12:00', purpose: 'b' }];
  assert.equal(firstClash(i('2026-12-08T09:00', '2026-12-08T11:30'), booked)?.purpose, 'b');
  assert.equal(firstClash(i('2026-12-08T09:00', '2026-12-08T11:00'), booked), undefined);
  assert.equal(formatLocal('2026-12-08T08:30'), '12月8日 08:30');
  assert.deepEqual(mileage(1200, 1286), { km: 86 });
  assert.deepEqual(mileage(1200, 1200), { km: 0 });
  assert.match((mileage(1200, 1100) as { problem: string }).problem, /收车里程/);
  assert.match((mileage(-1, 10) as { problem: string }).problem, /出车里程/);
});

test('the trip lifecycle: who may act when', () => {
  const rec = { id: 't', tenant_id: 'c', state: 'requested', version: 1, owner_user_id: 'u1' };
  const actor = (userId: string, roles: string[]) => ({ userId, orgId: 'c', tenantId: 'c', roles, permissions: undefined });
  assert.equal(checkTransition(tripLifecycle, 'requested', 'approve', { record: rec, actor: actor('o', ['office_staff']), input: {} }).ok, true);
  assert.equal(checkTransition(tripLifecycle, 'requested', 'approve', { record: rec, actor: actor('u1', ['committee_staff']), input: {} }).ok, false);
  assert.equal(checkTransition(tripLifecycle, 'requested', 'assign', { record: rec, actor: actor('o', ['office_staff']), input: { vehicleId: 'v', driverId: 'd' } }).ok, false, 'approve first');
  assert.equal(checkTransition(tripLifecycle, 'assigned', 'withdraw', { record: { ...rec, state: 'assigned' }, actor: actor('u1', ['committee_staff']), input: {} }).ok, true);
  assert.equal(checkTransition(tripLifecycle, 'done', 'withdraw', { record: { ...rec, state: 'done' }, actor: actor('u1', ['committee_staff']), input: {} }).ok, false, 'a trip done stays done');
  const finish = checkTransition(tripLifecycle, 'assigned', 'finish', { record: { ...rec, state: 'assigned' }, actor: actor('o', ['office_staff']), input: { startKm: 10, endKm: 5 } });
  assert.equal(finish.ok, false);
});
