/**
 * Who may see a 会议 (pure). Every query and command asks the same policy: a record an actor may not see is "not
 * found" (404), so another CPPCC's or another member's records leak nothing, not even that they exist.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { meetingsPermissions } from './meetings-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every 会议 of their CPPCC (the permission, granted by default to office staff and leaders). */
export const readsAll = (actor: ActorLike) => has(actor, meetingsPermissions.readAll);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseMeetings = (actor: ActorLike) => has(actor, meetingsPermissions.create) || has(actor, meetingsPermissions.handle) || readsAll(actor);

/** Own records, or every record of the actor's CPPCC for staff who read all; never another CPPCC's. */
export function canSeeItem(r: { tenant_id: string; owner_user_id: string }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return r.owner_user_id === actor.userId || readsAll(actor);
}
