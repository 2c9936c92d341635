/**
 * The rules of 会议 (pure: no database, no HTTP): the kinds, who may see a meeting, and the attendance code (出勤) of a
 * participant from their sign-ins and leave.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { meetingsPermissions } from './meetings-permissions.ts';

/** 会议类别: 全体会议 (all members), 常委会议 (the standing committee), 主席会议 (the chairs). */
export const meetingKinds = ['plenary', 'standing', 'chairs'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = { plenary: '全体会议', standing: '常委会议', chairs: '主席会议' };

/** 出勤: 出席 / 请假 / 缺席. */
export const attendanceCodes = ['present', 'leave', 'absent'] as const;
export type AttendanceCode = (typeof attendanceCodes)[number];
export const attendanceLabels: Record<AttendanceCode, string> = { present: '出席', leave: '请假', absent: '缺席' };

/** 请假 of a participant: none, asked for, approved (准假), refused (不准假). */
export const leaveStates = ['requested', 'approved', 'rejected'] as const;
export type LeaveState = (typeof leaveStates)[number];
export const leaveLabels: Record<LeaveState, string> = { requested: '请假待批', approved: '已准假', rejected: '未准假' };

/** 大会发言: written (书面发言) or oral (口头发言); submitted, then selected (采用) or not by the staff. */
export const speechKinds = ['written', 'oral'] as const;
export const speechKindLabels: Record<(typeof speechKinds)[number], string> = { written: '书面发言', oral: '口头发言' };
export const speechStates = ['submitted', 'selected', 'declined'] as const;
export const speechStateLabels: Record<(typeof speechStates)[number], string> = { submitted: '待遴选', selected: '已采用', declined: '未采用' };

export interface AttendanceCase {
  /** the meeting's sessions (半天会议) */
  sessions: number;
  /** the sessions the participant signed in to */
  signedIn: number;
  /** their leave request, if any */
  leave: LeaveState | null;
  /** the share of the sessions a member must attend to count present (setting meetings.presentShare, default 2/3) */
  presentShare: number;
}

/**
 * 出勤规则: present (出席) for at least the configured share of the sessions; otherwise 请假 if the leave was approved,
 * else 缺席. A member who signed in to some sessions but too few counts absent unless on approved leave. A meeting
 * without sessions has nobody present. The share is compared exactly (2 of 3 sessions is 2/3: present), with a small
 * tolerance so that 0.6667 as configured means two thirds.
 */
export function attendanceOf(c: AttendanceCase): AttendanceCode {
  if (c.sessions > 0 && c.signedIn / c.sessions + 1e-4 >= c.presentShare) return 'present';
  return c.leave === 'approved' ? 'leave' : 'absent';
}

/** The attendance rate (出席率) in percent with one decimal: present over expected; null when nobody was expected. */
export function attendanceRate(present: number, expected: number): number | null {
  return expected > 0 ? Math.round((present / expected) * 1000) / 10 : null;
}

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
/** Staff who organise the meetings of their CPPCC. */
export const manages = (actor: ActorLike) => has(actor, meetingsPermissions.manage);
/** Staff and leaders who read every meeting of their CPPCC. */
export const readsAll = (actor: ActorLike) => has(actor, meetingsPermissions.readAll) || manages(actor);
/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseMeetings = (actor: ActorLike) => manages(actor) || readsAll(actor) || has(actor, meetingsPermissions.attend);

/** Staff see every meeting of their CPPCC; a participant sees the meetings they were notified of. */
export function canSeeMeeting(r: { tenant_id: string; state: string }, actor: ActorLike, participant: boolean): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return readsAll(actor) || (participant && r.state !== 'preparing');
}

/** Leave may be asked before the first session starts, while the meeting is notified. */
export function leaveRefusal(c: { state: string; nowMs: number; firstStartsAt: string | null; leave: LeaveState | null; signedIn: number }): string | null {
  if (c.state !== 'noticed') return c.state === 'preparing' ? '会议尚未通知，不能请假' : '会议已结束，不能请假';
  if (c.leave === 'requested') return '您已提交请假，正在等待审批';
  if (c.leave === 'approved') return '您的请假已获批准';
  if (c.signedIn > 0) return '您已签到，不能请假';
  if (c.firstStartsAt && c.nowMs >= Date.parse(c.firstStartsAt)) return '会议已开始，不能请假';
  return null;
}
