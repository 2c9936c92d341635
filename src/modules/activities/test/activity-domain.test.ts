// The rules of 履职活动 on worked cases: the sign-in window (early minutes, the end), the location check (inside and
// outside the radius, no position sent, staff at the door), one sign-in each, sign-up with a capacity, and matching
// needs to members by skills and county. Instants are fixed strings, not the wall clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSignIn, checkSignUp, distanceMeters, suggestMembers, type SignInCase } from '../domain/activity-rules.ts';
import { activitiesLifecycle } from '../domain/activities-lifecycle.ts';

const place = { lat: 36.1953, lng: 113.1163, radiusM: 500 };
// 09:00–11:30 China time on 2025-06-18, sign-in from 30 minutes before
const base: SignInCase = {
  state: 'ongoing', nowMs: Date.parse('2025-06-18T09:05:00+08:00'),
  window: { startsAt: '2025-06-18T01:00:00.000Z', endsAt: '2025-06-18T03:30:00.000Z', earlyMinutes: 30 },
  place, at: { lat: 36.1960, lng: 113.1170 }, byStaff: false, signedInAt: null,
};
const at = (china: string) => Date.parse(`${china}+08:00`);

test('distance: one thousandth of a degree of latitude is about 111 metres; the same point is 0', () => {
  assert.equal(Math.round(distanceMeters({ lat: 36, lng: 113 }, { lat: 36.001, lng: 113 })), 111);
  assert.equal(distanceMeters(place, place), 0);
  // a degree of longitude shrinks with the cosine of the latitude (36°: about 90 km)
  const d = distanceMeters({ lat: 36, lng: 113 }, { lat: 36, lng: 114 });
  assert.ok(d > 89_000 && d < 91_000, String(d));
});

test('the window opens the configured minutes before the start and closes at the end', () => {
  assert.equal(checkSignIn({ ...base, nowMs: at('2025-06-18T08:29:59') }).refusal?.message, '签到尚未开始（2025-06-18 08:30 起可签到）');
  assert.equal(checkSignIn({ ...base, nowMs: at('2025-06-18T08:30:00') }).refusal, null);
  assert.equal(checkSignIn({ ...base, nowMs: at('2025-06-18T11:30:00') }).refusal, null);
  const late = checkSignIn({ ...base, nowMs: at('2025-06-18T11:30:01') }).refusal;
  assert.equal(late?.code, 'INVALID_TRANSITION');
  assert.match(late!.message, /签到已截止.*11:30/);
  // another day entirely, and a window of 0 early minutes
  assert.ok(checkSignIn({ ...base, nowMs: at('2025-06-19T09:00:00') }).refusal);
  assert.ok(checkSignIn({ ...base, window: { ...base.window, earlyMinutes: 0 }, nowMs: at('2025-06-18T08:59:00') }).refusal);
});

test('sign-in only while 报名中 or 进行中', () => {
  assert.equal(checkSignIn({ ...base, state: 'open' }).refusal, null);
  assert.equal(checkSignIn({ ...base, state: 'preparing' }).refusal?.message, '活动尚未发布，不能签到');
  assert.equal(checkSignIn({ ...base, state: 'ended' }).refusal?.message, '活动已结束，签到已关闭');
  assert.equal(checkSignIn({ ...base, state: 'archived' }).refusal?.code, 'INVALID_TRANSITION');
});

test('location: within the radius passes with the distance; outside or without a position is a 400 naming 位置', () => {
  const near = checkSignIn(base);
  assert.equal(near.refusal, null);
  assert.ok(near.distanceM! > 50 && near.distanceM! < 150, String(near.distanceM));
  const far = checkSignIn({ ...base, at: { lat: 36.2053, lng: 113.1163 } });
  assert.equal(far.refusal?.code, 'VALIDATION_FAILED');
  assert.equal(far.refusal?.field, 'lat');
  assert.match(far.refusal!.message, /「位置」距活动地点 11\d\d 米，超出签到范围（500 米）/);
  const none = checkSignIn({ ...base, at: null });
  assert.match(none.refusal!.message, /「位置」缺失/);
  // an activity without a place checks no position; staff at the door need none either
  assert.equal(checkSignIn({ ...base, place: null, at: null }).refusal, null);
  assert.equal(checkSignIn({ ...base, byStaff: true, at: null }).refusal, null);
});

test('one sign-in each: a second is a conflict naming the first time, even for staff', () => {
  const again = checkSignIn({ ...base, signedInAt: '2025-06-18T00:50:00.000Z' }).refusal;
  assert.equal(again?.code, 'CONFLICT');
  assert.equal(again?.message, '已于 2025-06-18 08:50 签到，不能重复签到');
  assert.equal(checkSignIn({ ...base, byStaff: true, signedInAt: '2025-06-18T00:50:00.000Z' }).refusal?.code, 'CONFLICT');
});

test('sign-up: open only, once, within the capacity', () => {
  assert.equal(checkSignUp({ state: 'open', capacity: 2, taken: 1, already: false }), null);
  assert.equal(checkSignUp({ state: 'open', capacity: 2, taken: 2, already: false })?.message, '名额已满（限 2 人）');
  assert.equal(checkSignUp({ state: 'open', capacity: null, taken: 900, already: false }), null);
  assert.equal(checkSignUp({ state: 'open', capacity: null, taken: 0, already: true })?.code, 'CONFLICT');
  assert.equal(checkSignUp({ state: 'ongoing', capacity: null, taken: 0, already: false })?.message, '报名已截止');
  assert.equal(checkSignUp({ state: 'preparing', capacity: null, taken: 0, already: false })?.message, '活动尚未发布，不能报名');
});

test('matching: two points a skill, one for the county; no overlap, no suggestion', () => {
  const members = [
    { userId: 'a', name: '甲', skills: '义诊、中医', county: '潞州区' },
    { userId: 'b', name: '乙', skills: '义诊', county: '上党区' },
    { userId: 'c', name: '丙', skills: '法律', county: '潞州区' },
    { userId: 'd', name: '丁', skills: '书法', county: '屯留区' },
  ];
  const s = suggestMembers({ skills: '义诊,中医', county: '潞州区' }, members);
  assert.deepEqual(s.map((m) => [m.userId, m.score]), [['a', 5], ['b', 2], ['c', 1]]);
  assert.deepEqual(s[0].matched, ['义诊', '中医']);
  assert.deepEqual(suggestMembers({ skills: '摄影', county: null }, members), []);
});

test('the lifecycle: 筹备中 → 报名中 → 进行中 → 已结束 → 已归档; ending asks for the outcome', () => {
  const path = ['publish', 'start', 'end', 'archive'].map((a) => activitiesLifecycle.transitions.find((t) => t.name === a)!);
  assert.deepEqual(path.map((t) => t.to), ['open', 'ongoing', 'ended', 'archived']);
  assert.ok(activitiesLifecycle.states.archived.terminal);
  const end = path[2];
  assert.ok(end.from.includes('open'), 'an activity may end straight from 报名中');
  assert.equal(end.input!.safeParse({}).success, false);
  assert.equal(end.input!.safeParse({ outcome: '完成' }).success, true);
});
