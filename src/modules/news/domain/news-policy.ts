/**
 * Who may see what of 新闻 (pure). A record an actor may not see is "not found" (404).
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { newsPermissions } from './news-permissions.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

export const readsAll = (actor: ActorLike) => has(actor, newsPermissions.readAll);
export const writesNews = (actor: ActorLike) => has(actor, newsPermissions.write);
export const reviewsNews = (actor: ActorLike) => has(actor, newsPermissions.review);
export const sendsNotices = (actor: ActorLike) => has(actor, newsPermissions.notices);

/** May the actor use the news desk (新闻、媒体报道) at all (the three administrator roles hold none of its permissions). */
export const canUseNews = (actor: ActorLike) => writesNews(actor) || reviewsNews(actor) || readsAll(actor);

/** A news item: one's own; every item of one's CPPCC for reviewers and those who read all; never another CPPCC's. */
export function canSeeItem(r: { tenant_id: string; owner_user_id: string; state?: string }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return r.owner_user_id === actor.userId || readsAll(actor) || reviewsNews(actor) || (r.state === 'published' && writesNews(actor));
}
