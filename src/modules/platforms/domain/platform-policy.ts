/**
 * Who may see and do what with the grassroots platforms (pure). A platform belongs to a county CPPCC (its tenant):
 * the county's staff see their county's platforms, the city's staff see every county below the city (`tenants`, the
 * actor's own CPPCC and those below it, worked out by the caller from the organisation tree), and a convener sees the
 * platforms they convene. Anything else is "not found" (404), so another county's platforms leak nothing.
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { platformsPermissions } from './result-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read the platforms of their CPPCC and the CPPCCs below it. */
export const readsPlatforms = (actor: ActorLike) => has(actor, platformsPermissions.read);
/** Staff who register platforms and record on any platform of their own county. */
export const managesPlatforms = (actor: ActorLike) => has(actor, platformsPermissions.manage);
/** Members who may convene a platform. */
export const convenes = (actor: ActorLike) => has(actor, platformsPermissions.convene);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUsePlatforms = (actor: ActorLike) => readsPlatforms(actor) || managesPlatforms(actor) || convenes(actor);

export interface PlatformLike { tenant_id: string; convener_user_id: string | null }

/** May the actor see the platform: staff of its county or a CPPCC above (`tenants`), or its convener. */
export function canSeePlatform(p: PlatformLike, actor: ActorLike, tenants: readonly string[]): boolean {
  if (p.convener_user_id && p.convener_user_id === actor.userId) return true;
  return readsPlatforms(actor) && tenants.includes(p.tenant_id);
}

/** May the actor record topics, consultations and results on the platform: its convener, or the staff of its own county. */
export function canRecordOn(p: PlatformLike, actor: ActorLike): boolean {
  if (p.convener_user_id && p.convener_user_id === actor.userId && convenes(actor)) return true;
  return managesPlatforms(actor) && p.tenant_id === actor.tenantId;
}

/** May the actor edit the platform's registry entry: the staff of its own county. */
export const canEditPlatform = (p: PlatformLike, actor: ActorLike) => managesPlatforms(actor) && p.tenant_id === actor.tenantId;

/** The one place a platform's counts are tallied from (the scenario test and the figures agree on it). */
export interface CountyTally { platforms: number; activities: number; results: number; implemented: number }
