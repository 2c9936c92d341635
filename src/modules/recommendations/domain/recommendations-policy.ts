/**
 * Who may see a tracked recommendation (pure). Every query and command asks the same policy: a record an actor may not
 * see is "not found" (404), so another CPPCC's or another department's records leak nothing, not even that they exist.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { recommendationsPermissions, unitRoles } from './recommendations-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** The office and leaders, who read every recommendation of their CPPCC (the board, the figures). */
export const readsAll = (actor: ActorLike) => has(actor, recommendationsPermissions.readAll);

/** A responsible department's people: they see their own unit's recommendations only. */
export const isUnitActor = (actor: ActorLike) => has(actor, recommendationsPermissions.reply) && actor.roles.some((r) => (unitRoles as readonly string[]).includes(r));

/** May the actor use the module at all (the three administrator roles hold none of its permissions; members neither). */
export const canUseRecommendations = (actor: ActorLike) => readsAll(actor) || isUnitActor(actor) || has(actor, recommendationsPermissions.assess);

/** Every record of the actor's CPPCC for those who read all; a department its own; never another CPPCC's. */
export function canSeeItem(r: { tenant_id: string; unit_id: string }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  if (readsAll(actor)) return true;
  return isUnitActor(actor) && r.unit_id === actor.orgId;
}
