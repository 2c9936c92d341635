/**
 * The rules of 履职活动 (pure: no database, no HTTP): the kinds of activity, the sign-in window on the kernel clock, the
 * location check against the place's coordinates, one sign-in each, and matching 服务为民 needs to members by skills
 * and place. Commands and tests call these; the messages are the 4xx messages the member sees.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { activitiesPermissions } from './activities-permissions.ts';

/** 活动类型: 学习/第一议题, 委员讲坛, 委员之家活动, 服务为民, 书香政协 (读书活动). */
export const activityKinds = ['study', 'lecture', 'home', 'service', 'reading'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = { study: '学习/第一议题', lecture: '委员讲坛', home: '委员之家活动', service: '服务为民', reading: '书香政协' };
export const activityKindLabelsEn: Record<ActivityKind, string> = { study: 'Study', lecture: 'Members\' lecture', home: 'Member home activity', service: 'Serving the people', reading: 'Reading' };

/** 服务类别 of a 服务为民 activity or service record. */
export const serviceKinds = ['clinic', 'culture', 'education', 'law', 'science', 'other'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export const serviceKindLabels: Record<ServiceKind, string> = { clinic: '义诊', culture: '送文化', education: '助学', law: '送法下基层', science: '科普进校园', other: '其他服务' };
export const serviceKindLabelsEn: Record<ServiceKind, string> = { clinic: 'Free clinic', culture: 'Culture to the villages', education: 'Student aid', law: 'Law to the grassroots', science: 'Science in schools', other: 'Other service' };

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
/** Staff who organise activities (组织活动). */
export const manages = (actor: ActorLike) => has(actor, activitiesPermissions.manage);
/** Staff and leaders who read every activity and the figures. */
export const readsAll = (actor: ActorLike) => has(actor, activitiesPermissions.readAll) || manages(actor);
export const takesPart = (actor: ActorLike) => has(actor, activitiesPermissions.takePart);
export const canUseActivities = (actor: ActorLike) => manages(actor) || readsAll(actor) || takesPart(actor);

/** Great-circle distance in metres between two points (haversine on a sphere of the earth's mean radius). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The sign-in window: from `earlyMinutes` before the start to the end (both instants as epoch ms). */
export interface SignInWindow { startsAt: string; endsAt: string; earlyMinutes: number }
export const windowOpensAt = (w: SignInWindow) => Date.parse(w.startsAt) - w.earlyMinutes * 60_000;

/** Why sign-in is refused: a stable code (the HTTP error), the field it concerns and the Chinese reason. */
export interface Refusal { code: 'INVALID_TRANSITION' | 'VALIDATION_FAILED' | 'CONFLICT' | 'FORBIDDEN'; field?: string; message: string }

export interface SignInCase {
  state: string;
  nowMs: number;
  window: SignInWindow;
  /** the place's coordinates and radius, when the activity has a place; null: no location check */
  place: { lat: number; lng: number; radiusM: number } | null;
  /** the coordinates the phone sent (absent: the phone sent none) */
  at?: { lat: number; lng: number } | null;
  /** staff signing a member in at the door: no location check (the staff member is there) */
  byStaff: boolean;
  /** when the member already signed in, the instant */
  signedInAt: string | null;
}

/**
 * 签到规则: the activity must be taking sign-ins (报名中 or 进行中), now must lie in the window, the phone must be within
 * the radius of the place (when it has one), and a member signs in once. Returns the refusal, or null with the distance.
 */
export function checkSignIn(c: SignInCase): { refusal: Refusal | null; distanceM: number | null } {
  const no = (r: Refusal) => ({ refusal: r, distanceM: null });
  if (c.signedInAt) return no({ code: 'CONFLICT', message: `已于 ${chinaTime(c.signedInAt)} 签到，不能重复签到` });
  if (c.state !== 'open' && c.state !== 'ongoing') return no({ code: 'INVALID_TRANSITION', message: c.state === 'preparing' ? '活动尚未发布，不能签到' : '活动已结束，签到已关闭' });
  if (c.nowMs < windowOpensAt(c.window)) return no({ code: 'INVALID_TRANSITION', message: `签到尚未开始（${chinaTime(new Date(windowOpensAt(c.window)).toISOString())} 起可签到）` });
  if (c.nowMs > Date.parse(c.window.endsAt)) return no({ code: 'INVALID_TRANSITION', message: `签到已截止（活动已于 ${chinaTime(c.window.endsAt)} 结束）` });
  if (!c.place || c.byStaff) return { refusal: null, distanceM: null };
  if (!c.at) return no({ code: 'VALIDATION_FAILED', field: 'lat', message: '「位置」缺失：本活动需在活动地点签到，请允许手机获取位置' });
  const d = Math.round(distanceMeters(c.place, c.at));
  if (d > c.place.radiusM) return no({ code: 'VALIDATION_FAILED', field: 'lat', message: `「位置」距活动地点 ${d} 米，超出签到范围（${c.place.radiusM} 米）` });
  return { refusal: null, distanceM: d };
}

/** Sign-up (报名) is open while the activity is 报名中 and has room. */
export function checkSignUp(c: { state: string; capacity: number | null; taken: number; already: boolean }): Refusal | null {
  if (c.already) return { code: 'CONFLICT', message: '您已报名本活动' };
  if (c.state !== 'open') return { code: 'INVALID_TRANSITION', message: c.state === 'preparing' ? '活动尚未发布，不能报名' : '报名已截止' };
  if (c.capacity !== null && c.taken >= c.capacity) return { code: 'CONFLICT', message: `名额已满（限 ${c.capacity} 人）` };
  return null;
}

/** A China-time 'YYYY-MM-DD HH:mm' of a stored UTC instant, for messages. */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
/** The China date of a stored UTC instant. */
export const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** Skills as a set of trimmed words ('义诊,中医 法律' → {义诊, 中医, 法律}). */
export const skillsOf = (text: string | null | undefined) => new Set((text ?? '').split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean));

/**
 * 需求匹配: members ranked for a need — two points for each skill the need asks that the member has, one for the same
 * county; members with neither are not suggested. Ties by name, so the order is stable.
 */
export function suggestMembers<M extends { userId: string; name: string; skills: string | null; county: string | null }>(need: { skills: string | null; county: string | null }, members: M[], limit = 5): Array<M & { score: number; matched: string[] }> {
  const want = skillsOf(need.skills);
  return members.map((m) => {
    const matched = [...skillsOf(m.skills)].filter((s) => want.has(s));
    const score = matched.length * 2 + (need.county && m.county === need.county ? 1 : 0);
    return { ...m, score, matched };
  }).filter((m) => m.score > 0).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}
