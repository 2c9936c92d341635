/**
 * Who may see what (pure). Receptions and checklists are the office's records: those who manage logistics or read all.
 * A trip (用车申请) is seen by its requester and by the office; a record an actor may not see is "not found" (404).
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { logisticsPermissions as P } from './logistics-permissions.ts';

export const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

export const readsAll = (actor: ActorLike) => has(actor, P.readAll);
export const readsOffice = (actor: ActorLike) => readsAll(actor) || has(actor, P.manage);
export const seesAllTrips = (actor: ActorLike) => readsAll(actor) || has(actor, P.dispatch) || has(actor, P.approveTrip);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseLogistics = (actor: ActorLike) => Object.values(P).some((p) => has(actor, p));

export function canSeeOfficeRecord(r: { tenant_id: string }, actor: ActorLike): boolean {
  return r.tenant_id === actor.tenantId && readsOffice(actor);
}
export function canSeeTrip(r: { tenant_id: string; owner_user_id: string }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  return r.owner_user_id === actor.userId || seesAllTrips(actor);
}
