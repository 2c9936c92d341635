/**
 * The rules of a 调研视察 that are not transitions (pure): who may see it, when participants sign in and add photos and
 * notes, the report's deadline on the working-day calendar, and what a report must hold.
 */
import { addWorkingDays, type IsWorkday } from '../../../kernel/universal/working-days.ts';
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { collectingStates, inspectionPermissions, organises, planningStates, type InspectionState } from './inspection-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every trip of their CPPCC (the office and the leaders). */
export const readsAll = (actor: ActorLike) => has(actor, inspectionPermissions.readAll);
/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseInspections = (actor: ActorLike) => Object.values(inspectionPermissions).some((p) => has(actor, p));
/** May the actor organise this trip (the lead committee's staff or the office, holding the permission). */
export const mayOrganise = (r: { tenant_id: string; lead_committee_id: string }, actor: ActorLike) => has(actor, inspectionPermissions.manage) && organises(r, actor);

/**
 * Who sees a trip: never another CPPCC's; those who read all, its organisers, the leaders who sign off, and its
 * participants. A trip one may not see is "not found" (404).
 */
export function canSeeInspection(r: { tenant_id: string; lead_committee_id: string }, actor: ActorLike, isParticipant: boolean): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return readsAll(actor) || organises(r, actor) || has(actor, inspectionPermissions.signOff) || isParticipant;
}

/** Why a participant may not sign in now (null: they may): only while the trip is under way, on one of its days. */
export function signInOpen(state: string, today: string, from: string, to: string): string | null {
  if (state !== 'underway') return '调研视察进行中才能签到';
  if (today < from || today > to) return `只能在调研视察期间（${from} 至 ${to}）签到`;
  return null;
}

/** Why photos, notes and documents may not be added now (null: they may): during the trip and while the report is drafted. */
export function mayCollect(state: string): string | null {
  return (collectingStates as readonly string[]).includes(state) ? null : '调研视察开始后、报告提交签发前才能添加照片、笔记和材料';
}

/** Why the plan (dates, places, itinerary, participants) may not change now (null: it may). */
export function mayChangePlan(state: string): string | null {
  return (planningStates as readonly string[]).includes(state) || state === 'underway' ? null : '实地调研视察结束后不能再调整计划';
}

/** The report's deadline: `n` working days after the trip's end (or the day it actually ended, if later). */
export function reportDue(isWorkday: IsWorkday, endedOn: string, n: number): string {
  return addWorkingDays(isWorkday, endedOn, n);
}

/** Is the report late: not yet submitted for sign-off and its deadline has passed. */
export const reportLate = (r: { state: string; report_due: string | null }, today: string) => r.state === 'drafting' && !!r.report_due && today > r.report_due;

/** The plan's dates must make sense: the end is not before the start, both in the plan's year. */
export function datesProblem(from: string, to: string): { field: string; message: string } | null {
  if (to < from) return { field: 'plannedTo', message: '不能早于开始日期' };
  if (from.slice(0, 4) !== to.slice(0, 4)) return { field: 'plannedTo', message: '应与开始日期在同一年度' };
  return null;
}

/** States whose trips a member sees as "mine" when they take part (any but cancelled). */
export const isLive = (state: InspectionState | string) => state !== 'cancelled';
