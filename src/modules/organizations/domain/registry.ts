/**
 * 委员管理 (the member registry): the vocabulary of a member's record — terms (届), posts (职务), reasons for leaving
 * (离任原因), kinds of contact (联络方式). Pure: shared by the server and (through the contract) the web pages.
 */
import { chineseNumber } from '../../../kernel/universal/work-year.ts';

/** 职务 in a term: 主席, 副主席, 秘书长, 常委, 委员 (专委会 posts are the committee memberships' roles). */
export const termPosts = ['主席', '副主席', '秘书长', '常委', '委员'] as const;
export type TermPost = (typeof termPosts)[number];
/** 专委会职务 */
export const committeeRoles = ['主任', '副主任', '委员'] as const;
/** 离任原因 */
export const leaveReasons = ['调离', '辞去', '撤销委员资格', '去世', '其他'] as const;
export type LeaveReason = (typeof leaveReasons)[number];
/** 联络方式: 走访, 电话, 谈心谈话 */
export const contactKinds = ['visit', 'call', 'talk'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKindLabels: Record<ContactKind, string> = { visit: '走访', call: '电话', talk: '谈心谈话' };

/** 届: term 14 → '十四届'. */
export const termLabel = (n: number) => `${chineseNumber(n)}届`;

/** '十四届' → 14 (the label stored on older profiles); undefined when it is not a term label. */
export function termNumberOf(label: string | null | undefined): number | undefined {
  const m = /^([一二三四五六七八九十]+)届$/.exec(String(label ?? '').trim());
  if (!m) return undefined;
  for (let n = 1; n < 100; n++) if (chineseNumber(n) === m[1]) return n;
  return undefined;
}
