/**
 * Who may see a 工作室 (pure). Every query and command asks the same policy: a record an actor may not see is "not
 * found" (404), so another CPPCC's or another member's records leak nothing, not even that they exist.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { studiosPermissions } from './studios-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every 工作室 of their CPPCC (the permission, granted by default to office staff and leaders). */
export const readsAll = (actor: ActorLike) => has(actor, studiosPermissions.readAll);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseStudios = (actor: ActorLike) => has(actor, studiosPermissions.create) || has(actor, studiosPermissions.handle) || readsAll(actor);

/** Own records, or every record of the actor's CPPCC for staff who read all; never another CPPCC's. */
export function canSeeItem(r: { tenant_id: string; owner_user_id: string }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return r.owner_user_id === actor.userId || readsAll(actor);
}
