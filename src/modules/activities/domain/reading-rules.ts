/**
 * The rules of 书香政协 (pure): who keeps a reading group (the office, or its 领读人), a book's reading plan (its days in
 * order), and a check-in's day (not in the future, and within the current 工作年度's reach: at most 30 days back, so a
 * forgotten day can be made up but a year's notes cannot be back-filled at its end). Messages are the 4xx the member sees.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { manages } from './activity-rules.ts';

/** How many days back a check-in may be made up (补卡). */
export const READING_MAKE_UP_DAYS = 30;

export const keepsGroup = (actor: ActorLike & { userId: string }, group: { leader_user_id: string | null }) => manages(actor) || group.leader_user_id === actor.userId;

/** A real calendar day ('2025-02-30' is not). */
const realDay = (d: string) => { const t = Date.parse(`${d}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d; };
/** Days between two China dates 'YYYY-MM-DD' (b − a). */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Why a check-in's day is refused, or null: not after today, not more than READING_MAKE_UP_DAYS before it. */
export function checkNoteDay(onDate: string, today: string): string | null {
  if (!realDay(onDate)) return '不是有效的日期';
  if (onDate > today) return '不能晚于今天';
  if (daysBetween(onDate, today) > READING_MAKE_UP_DAYS) return `最多补 ${READING_MAKE_UP_DAYS} 天内的打卡`;
  return null;
}

/** Why a reading plan's days are refused, or null. */
export function checkPlanDays(startsOn: string, endsOn: string): { field: 'startsOn' | 'endsOn'; message: string } | null {
  if (!realDay(startsOn)) return { field: 'startsOn', message: '不是有效的日期' };
  if (!realDay(endsOn)) return { field: 'endsOn', message: '不是有效的日期' };
  if (endsOn < startsOn) return { field: 'endsOn', message: '不能早于开始日期' };
  if (daysBetween(startsOn, endsOn) > 366) return { field: 'endsOn', message: '：一本书的阅读计划最长一年' };
  return null;
}
