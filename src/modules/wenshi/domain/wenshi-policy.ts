/**
 * Who may see a 文史资料 (pure). A record an actor may not see is "not found" (404). The contributor's contact
 * (联系方式) is for the 文史委 staff only (`seesContact`).
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { wenshiPermissions } from './wenshi-permissions.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every material of their CPPCC (文史委 staff, the office, leaders). */
export const readsAll = (actor: ActorLike) => has(actor, wenshiPermissions.readAll);
/** 文史委 staff: review, edit, make issues, and read contributors' contacts. */
export const handles = (actor: ActorLike) => has(actor, wenshiPermissions.handle);
export const seesContact = handles;

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseWenshi = (actor: ActorLike) => has(actor, wenshiPermissions.create) || handles(actor) || readsAll(actor);

/**
 * Own submissions; every material of the actor's CPPCC for staff; and, for anyone who uses the module, the materials
 * of a published issue (the archive, 文史资料库). Never another CPPCC's.
 */
export function canSeeMaterial(r: { tenant_id: string; owner_user_id: string | null; published: number | boolean }, actor: ActorLike): boolean {
  if (r.tenant_id !== actor.tenantId) return false;
  if (readsAll(actor) || (r.owner_user_id !== null && r.owner_user_id === actor.userId)) return true;
  return Number(r.published) === 1 && canUseWenshi(actor);
}
