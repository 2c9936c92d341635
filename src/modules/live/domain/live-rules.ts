/**
 * The rules of the live room (pure): who takes part as what, what a contribution must be, when it waits for a host
 * (审核), the sensitive-word filter, what a vote is and who may see a session.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { livePermissions } from './live-permissions.ts';

/** A participant's role in the room, shown on every contribution: 主持人, 委员, 部门, 专家, 网友. */
export const participantRoles = ['host', 'member', 'department', 'expert', 'public'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const participantRoleLabels: Record<ParticipantRole, string> = { host: '主持人', member: '委员', department: '部门', expert: '专家', public: '网友' };

/** Kinds of contribution: 发言 (a comment), 提问 (a question to a department), 答复 (a department's answer). */
export const contributionKinds = ['comment', 'question', 'answer'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
export const contributionKindLabels: Record<ContributionKind, string> = { comment: '发言', question: '提问', answer: '答复' };

/** Where a contribution stands: 已发布, 待审核 (held for a host), 未通过 (rejected with a reason). */
export const contributionStatuses = ['published', 'pending', 'rejected'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];
export const contributionStatusLabels: Record<ContributionStatus, string> = { published: '已发布', pending: '待审核', rejected: '未通过' };

/** How the public gets in: 凭链接 (anyone with the link) or 手机验证 (a code sent by text message). */
export const publicAccessModes = ['none', 'link', 'phone'] as const;
export type PublicAccess = (typeof publicAccessModes)[number];
export const publicAccessLabels: Record<PublicAccess, string> = { none: '不向公众开放', link: '凭链接参与', phone: '手机号验证后参与' };

/** 会后转办: what hosts turn an unanswered question or a contribution into after the session. */
export const followupKinds = ['recommendation', 'opinion'] as const;
export type FollowupKind = (typeof followupKinds)[number];
export const followupKindLabels: Record<FollowupKind, string> = { recommendation: '已转委员建议', opinion: '已起草社情民意' };

/** Votes: 赞同 1, 反对 -1, 跳过 0. */
export const voteChoices = ['agree', 'disagree', 'pass'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const voteValue: Record<VoteChoice, 1 | -1 | 0> = { agree: 1, disagree: -1, pass: 0 };
export const voteChoiceLabels: Record<VoteChoice, string> = { agree: '赞同', disagree: '反对', pass: '跳过' };

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
export const readsAll = (actor: ActorLike) => has(actor, livePermissions.readAll);
export const mayHost = (actor: ActorLike) => has(actor, livePermissions.host);
/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseLive = (actor: ActorLike) => has(actor, livePermissions.join) || mayHost(actor) || readsAll(actor);

export interface SessionAccess {
  tenant_id: string;
  host_user_ids: readonly string[];
  responder_unit_ids: readonly string[];
  expert_user_ids: readonly string[];
}

/**
 * The role a signed-in person takes in a session, or null if they may not take part: its hosts are 主持人; accounts
 * of an invited department are 部门; invited experts are 专家; other people of the CPPCC holding the join permission
 * (members, staff, leaders) are 委员. Another CPPCC's session is not theirs.
 */
export function roleInSession(s: SessionAccess, actor: ActorLike & { orgId: string }): ParticipantRole | null {
  if (s.tenant_id !== actor.tenantId) return null;
  if (s.host_user_ids.includes(actor.userId)) return 'host';
  if (s.expert_user_ids.includes(actor.userId)) return 'expert';
  if (s.responder_unit_ids.includes(actor.orgId)) return 'department';
  if (actor.roles.some((r) => r === 'unit_handler' || r === 'unit_leader')) return null; // a department not invited
  if (has(actor, livePermissions.join) || readsAll(actor)) return 'member';
  return null;
}

/** May the actor see the session at all (its page, replay and results)? */
export function canSeeSession(s: SessionAccess, actor: ActorLike & { orgId: string }): boolean {
  return roleInSession(s, actor) !== null || (s.tenant_id === actor.tenantId && readsAll(actor));
}

/**
 * Does a new contribution wait for a host? Public contributions do when the session moderates (the default); hosts',
 * members', departments' and experts' are published at once. A contribution with a sensitive word always waits.
 */
export function needsModeration(role: ParticipantRole, moderatePublic: boolean, flagged: boolean): boolean {
  if (flagged) return role !== 'host';
  return role === 'public' && moderatePublic;
}

/** The sensitive words of the administrator's list found in the text (case-insensitive, whitespace ignored). */
export function sensitiveHits(text: string, words: readonly string[]): string[] {
  const plain = text.toLowerCase().replace(/\s+/g, '');
  const hits: string[] = [];
  for (const w of words) {
    const k = w.toLowerCase().replace(/\s+/g, '');
    if (k && plain.includes(k) && !hits.includes(w)) hits.push(w);
  }
  return hits;
}

/** Masks each sensitive word with ＊ (for the host's view of a held contribution). */
export function maskSensitive(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of words) if (w.trim()) out = out.split(w).join('＊'.repeat([...w].length));
  return out;
}

/** A pseudonym for a public participant (网友 + four characters of their id), stable for their participation. */
export function pseudonymOf(participantId: string): string {
  let h = 0;
  for (const ch of participantId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `网友${(h % 9000) + 1000}`;
}

/** A Chinese mainland mobile number (11 digits, starting 1[3-9]). */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone);
