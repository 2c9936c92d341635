// The attendance rule (出勤) on worked examples, the leave rule, and the kernel's sign-in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendanceOf, attendanceRate, leaveRefusal } from '../domain/meeting-rules.ts';
import { dailySignInToken, dailySignInTokenValid, fixedSignInToken, fixedSignInTokenValid, newSignInSecret, signInWindowRefusal } from '../../../kernel/server/sign-in-code.ts';

const TWO_THIRDS = 2 / 3;

test('出勤: present for at least two thirds of the sessions; else 请假 on approved leave, else 缺席', () => {
  // a plenary of three half-day sessions
  assert.equal(attendanceOf({ sessions: 3, signedIn: 3, leave: null, presentShare: TWO_THIRDS }), 'present');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 2, leave: null, presentShare: TWO_THIRDS }), 'present', '2 of 3 is exactly two thirds');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 1, leave: null, presentShare: TWO_THIRDS }), 'absent', '1 of 3 is less than two thirds');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 1, leave: 'approved', presentShare: TWO_THIRDS }), 'leave');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 0, leave: 'approved', presentShare: TWO_THIRDS }), 'leave');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 0, leave: 'rejected', presentShare: TWO_THIRDS }), 'absent', 'refused leave is no leave');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 0, leave: 'requested', presentShare: TWO_THIRDS }), 'absent', 'leave still waiting counts for nothing');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 3, leave: 'approved', presentShare: TWO_THIRDS }), 'present', 'came after all');
  // a standing-committee meeting of one session
  assert.equal(attendanceOf({ sessions: 1, signedIn: 1, leave: null, presentShare: TWO_THIRDS }), 'present');
  assert.equal(attendanceOf({ sessions: 1, signedIn: 0, leave: null, presentShare: TWO_THIRDS }), 'absent');
  // four sessions: 2 of 4 is one half, less than two thirds; 3 of 4 is enough
  assert.equal(attendanceOf({ sessions: 4, signedIn: 2, leave: null, presentShare: TWO_THIRDS }), 'absent');
  assert.equal(attendanceOf({ sessions: 4, signedIn: 3, leave: null, presentShare: TWO_THIRDS }), 'present');
  // the share is configurable: at one half, 2 of 4 is present; 0.6667 as typed means two thirds
  assert.equal(attendanceOf({ sessions: 4, signedIn: 2, leave: null, presentShare: 0.5 }), 'present');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 2, leave: null, presentShare: 0.6667 }), 'present');
  assert.equal(attendanceOf({ sessions: 3, signedIn: 2, leave: null, presentShare: 1 }), 'absent');
  // no sessions: nobody present
  assert.equal(attendanceOf({ sessions: 0, signedIn: 0, leave: null, presentShare: TWO_THIRDS }), 'absent');
});

test('出席率 in percent with one decimal', () => {
  assert.equal(attendanceRate(2, 7), 28.6);
  assert.equal(attendanceRate(7, 7), 100);
  assert.equal(attendanceRate(0, 0), null);
});

test('请假 only before the first session of a notified meeting, once, and not after signing in', () => {
  const base = { state: 'noticed', nowMs: Date.parse('2025-03-20T00:00:00Z'), firstStartsAt: '2025-03-20T01:00:00.000Z', leave: null, signedIn: 0 };
  assert.equal(leaveRefusal(base), null);
  assert.match(leaveRefusal({ ...base, state: 'preparing' })!, /尚未通知/);
  assert.match(leaveRefusal({ ...base, state: 'closed' })!, /已结束/);
  assert.match(leaveRefusal({ ...base, leave: 'requested' })!, /等待审批/);
  assert.match(leaveRefusal({ ...base, signedIn: 1 })!, /已签到/);
  assert.match(leaveRefusal({ ...base, nowMs: Date.parse('2025-03-20T01:00:00Z') })!, /已开始/);
  assert.equal(leaveRefusal({ ...base, leave: 'rejected' }), null, 'refused leave may be asked again with a better reason');
});

test('签到码: a daily token works on its day only; a fixed one for its subject only; forged ones fail; the window', () => {
  const secret = newSignInSecret();
  const t = dailySignInToken(secret, 'c1', '2025-03-20');
  assert.ok(t.startsWith('2025-03-20.'));
  assert.equal(dailySignInTokenValid(secret, 'c1', t, '2025-03-20'), true);
  assert.equal(dailySignInTokenValid(secret, 'c1', t, '2025-03-21'), false, 'another day');
  assert.equal(dailySignInTokenValid(secret, 'c2', t, '2025-03-20'), false, 'another record');
  assert.equal(dailySignInTokenValid(newSignInSecret(), 'c1', t, '2025-03-20'), false, 'another secret');
  assert.equal(dailySignInTokenValid(secret, 'c1', `${t.slice(0, -1)}x`, '2025-03-20'), false, 'forged');
  const f = fixedSignInToken(secret, 'meeting-session|s1');
  assert.equal(f.length, 32);
  assert.equal(fixedSignInTokenValid(secret, 'meeting-session|s1', f), true);
  assert.equal(fixedSignInTokenValid(secret, 'meeting-session|s2', f), false);
  assert.equal(fixedSignInTokenValid(secret, 'meeting-session|s1', 'short'), false);
  const w = { opensAt: '2025-03-20T00:00:00.000Z', closesAt: '2025-03-20T03:30:00.000Z' };
  assert.equal(signInWindowRefusal(Date.parse('2025-03-19T23:59:59Z'), w), 'early');
  assert.equal(signInWindowRefusal(Date.parse('2025-03-20T00:00:00Z'), w), null);
  assert.equal(signInWindowRefusal(Date.parse('2025-03-20T03:30:00Z'), w), null);
  assert.equal(signInWindowRefusal(Date.parse('2025-03-20T03:30:01Z'), w), 'late');
});
