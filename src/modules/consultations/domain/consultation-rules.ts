/**
 * The rules of a 协商活动 that are not transitions (pure): its deadlines on the working-day calendar, when a notice or
 * the materials are late, who may see it, and what a participant (参会人员) may do when.
 */
import { addDays, type IsWorkday } from '../../../kernel/universal/working-days.ts';
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { beforeMeetingStates, consultationPermissions, organises, type ConsultationState } from './consultation-lifecycle.ts';

/** The working-day leads the settings give (系统参数): notice and materials before the meeting, outcome after it. */
export interface ConsultationDeadlines {
  /** 通知提前（工作日）: the notice goes out at least this many working days before the meeting (15) */
  noticeWorkingDays: number;
  /** 材料提前（工作日）: the materials at least this many (10) */
  materialsWorkingDays: number;
  /** 成果报送（工作日）: the outcome within this many working days after the meeting (7) */
  outcomeWorkingDays: number;
}
export const defaultDeadlines: ConsultationDeadlines = { noticeWorkingDays: 15, materialsWorkingDays: 10, outcomeWorkingDays: 7 };

/** The working day `n` working days before `date` (the last day on which something "n working days before" is on time). */
export function workingDaysBefore(isWorkday: IsWorkday, date: string, n: number): string {
  let d = date;
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 5000) throw new RangeError('calendar has no working days');
    d = addDays(d, -1);
    if (isWorkday(d)) left--;
  }
  return d;
}

/** The working day `n` working days after `date`. */
export function workingDaysAfter(isWorkday: IsWorkday, date: string, n: number): string {
  let d = date;
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 5000) throw new RangeError('calendar has no working days');
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
  }
  return d;
}

/** 通知期限 and 材料期限 of a meeting planned on `plannedOn`. */
export function preparationDeadlines(isWorkday: IsWorkday, plannedOn: string, s: ConsultationDeadlines): { noticeDue: string; materialsDue: string } {
  return { noticeDue: workingDaysBefore(isWorkday, plannedOn, s.noticeWorkingDays), materialsDue: workingDaysBefore(isWorkday, plannedOn, s.materialsWorkingDays) };
}

/** The facts about a record that lateness reads. */
export interface LatenessFacts {
  state: string;
  notice_due: string;
  materials_due: string;
  notice_sent_on: string | null;
  materials_sent_on: string | null;
}

/** Is the notice late: sent after its deadline, or not sent and the deadline has passed. */
export const noticeLate = (r: LatenessFacts, today: string) => (r.notice_sent_on ? r.notice_sent_on > r.notice_due : r.state === 'preparing' && today > r.notice_due);
/** Are the materials late: sent after their deadline, or not sent and the deadline has passed. */
export const materialsLate = (r: LatenessFacts, today: string) =>
  (r.materials_sent_on ? r.materials_sent_on > r.materials_due : (r.state === 'preparing' || r.state === 'notified') && today > r.materials_due);

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
/** Staff who read every 协商活动 of their CPPCC (the office, the leaders). */
export const readsAll = (actor: ActorLike) => has(actor, consultationPermissions.readAll);
/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseConsultations = (actor: ActorLike) => Object.values(consultationPermissions).some((p) => has(actor, p));

/**
 * Who may see a 协商活动: never another CPPCC's; in its own CPPCC the staff who read all, the lead committee's staff,
 * and the people invited to it.
 */
export function canSeeConsultation(r: { tenant_id: string; lead_committee_id: string }, actor: ActorLike, isParticipant: boolean): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return readsAll(actor) || organises(r, actor) || isParticipant;
}

/** 参会状态 of an invited participant. */
export const attendanceStatuses = ['invited', 'confirmed', 'leave_requested', 'leave_approved'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceLabels: Record<AttendanceStatus, string> = { invited: '待确认', confirmed: '已确认参会', leave_requested: '请假待批', leave_approved: '已准假' };

/** 参会人员类别. */
export const participantKinds = ['member', 'department', 'expert', 'public'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const participantKindLabels: Record<ParticipantKind, string> = { member: '委员', department: '部门负责人', expert: '专家', public: '特邀群众' };

/** 发言方式. */
export const speechKinds = ['oral', 'written'] as const;
export type SpeechKind = (typeof speechKinds)[number];
export const speechKindLabels: Record<SpeechKind, string> = { oral: '口头发言', written: '书面发言' };

/** May an invited member answer (confirm or ask for leave) now: before the meeting, after the notice went out. */
export function mayAnswer(state: string, today: string, plannedOn: string): string | null {
  if (!(beforeMeetingStates as readonly string[]).includes(state) || state === 'preparing') return '会议通知发出后、会议召开前才能确认参会或请假';
  if (today > plannedOn) return '会议日期已过，不能再确认参会或请假';
  return null;
}

/** May an invited member hand in or change a written speech (书面发言) now: from the notice up to the meeting day. */
export function mayHandInSpeech(state: string, today: string, plannedOn: string): string | null {
  if (!(beforeMeetingStates as readonly string[]).includes(state) || state === 'preparing') return '会议通知发出后、会议召开前才能提交书面发言';
  if (today > plannedOn) return '会议日期已过，不能再提交书面发言';
  return null;
}

/** Is sign-in open: on the meeting day (China date), before the meeting is recorded as held or on that day after. */
export function signInOpen(state: ConsultationState | string, today: string, plannedOn: string): string | null {
  if (today !== plannedOn) return today < plannedOn ? '会议当天才能签到' : '会议日期已过，签到已结束';
  if (state === 'preparing') return '会议通知尚未发出，不能签到';
  if (!(['notified', 'materials_sent', 'held'] as string[]).includes(state)) return '签到已结束';
  return null;
}
