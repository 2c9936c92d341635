/**
 * Who may see and who may answer a 网络征集 (pure). Staff who run surveys see their CPPCC's surveys; a survey another
 * CPPCC runs is "not found". Answering is decided by the survey's audience (征集对象): the public (anyone, known by
 * an account, a verified phone or, where allowed, an anonymous token), the members of the CPPCC only, or a list of
 * accounts.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { surveysPermissions } from './surveys-permissions.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every survey of their CPPCC and its results (office staff and leaders by default). */
export const readsAll = (actor: ActorLike) => has(actor, surveysPermissions.readAll) || has(actor, surveysPermissions.create);

/** May the actor use the staff pages at all (the three administrator roles hold none of its permissions). */
export const canUseSurveys = (actor: ActorLike) => has(actor, surveysPermissions.create) || readsAll(actor);

/** Every survey of the actor's CPPCC for staff who read all; never another CPPCC's. */
export function canSeeItem(r: { tenant_id: string; owner_user_id: string }, actor: ActorLike): boolean {
  return r.tenant_id === actor.tenantId && readsAll(actor);
}

/** 征集对象 */
export const audiences = ['public', 'members', 'list'] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = { public: '社会公众', members: '本级委员', list: '指定人员' };

/** Who is answering: a signed-in account, or nobody signed in (the public, identified by phone or anonymous token). */
export interface Respondent {
  userId?: string;
  tenantId?: string;
  roles?: readonly string[];
}

/** May this respondent answer a survey with this audience? Returns a Chinese reason when not, or null. */
export function mayAnswer(s: { tenant_id: string; audience: string; audience_user_ids: readonly string[] }, who: Respondent): string | null {
  if (s.audience === 'public') return null;
  if (!who.userId) return s.audience === 'members' ? '本问卷仅限本级政协委员填写，请先登录' : '本问卷仅限指定人员填写，请先登录';
  if (s.audience === 'members') return who.tenantId === s.tenant_id && who.roles?.includes('member') ? null : '本问卷仅限本级政协委员填写';
  return s.audience_user_ids.includes(who.userId) ? null : '本问卷仅限指定人员填写';
}
