/**
 * Who may see a 公文 (pure part). A record an actor may not see is "not found" (404). Staff who read all see every
 * document of their CPPCC; the drafter sees their own; whoever holds a role of the document's chain sees it once it
 * left the draft (to 核稿, 会签 or 签发 it); a recipient sees it once distributed to them or their organisation (the
 * repository checks the receipts).
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import type { Chain } from './document-rules.ts';
import { documentsPermissions } from './documents-permissions.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

export const readsAll = (actor: ActorLike) => has(actor, documentsPermissions.readAll);
export const drafts = (actor: ActorLike) => has(actor, documentsPermissions.draft);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseDocuments = (actor: ActorLike) => Object.values(documentsPermissions).some((p) => has(actor, p));

/** Visible without looking at the receipts. */
export function canSeeByRole(r: { tenant_id: string; owner_user_id: string; state: string; chain: Chain }, actor: ActorLike & { roles?: readonly string[] }): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  if (r.owner_user_id === actor.userId || readsAll(actor)) return true;
  if (r.state === 'draft') return false;
  const roles = actor.roles ?? [];
  return [r.chain.review, r.chain.sign, ...r.chain.countersign].some((x) => roles.includes(x));
}
