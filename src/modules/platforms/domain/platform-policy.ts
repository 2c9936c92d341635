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

export interface PlatformLike { tenant_id: string; convener_user_id: string | null; town?: string }

/**
 * `town`: the 乡镇（街道） a town's staff account is limited to (decision 0053), null for the county's and the city's
 * staff; such an account sees, records on and edits only the platforms of that town.
 */
const inTown = (p: PlatformLike, town: string | null | undefined) => !town || p.town === town;

/** May the actor see the platform: staff of its county or a CPPCC above (`tenants`, within their town if they have one), or its convener. */
export function canSeePlatform(p: PlatformLike, actor: ActorLike, tenants: readonly string[], town: string | null = null): boolean {
  if (p.convener_user_id && p.convener_user_id === actor.userId) return true;
  return readsPlatforms(actor) && tenants.includes(p.tenant_id) && inTown(p, town);
}

/** May the actor record topics, consultations and results on the platform: its convener, or the staff of its own county (or town). */
export function canRecordOn(p: PlatformLike, actor: ActorLike, town: string | null = null): boolean {
  if (p.convener_user_id && p.convener_user_id === actor.userId && convenes(actor)) return true;
  return managesPlatforms(actor) && p.tenant_id === actor.tenantId && inTown(p, town);
}

/** May the actor edit the platform's registry entry: the staff of its own county (or town). */
export const canEditPlatform = (p: PlatformLike, actor: ActorLike, town: string | null = null) => managesPlatforms(actor) && p.tenant_id === actor.tenantId && inTown(p, town);

/** May the actor limit staff accounts to a town: the county's own staff, not limited to a town themselves. */
export const assignsTowns = (actor: ActorLike, town: string | null) => managesPlatforms(actor) && !town;

/** The one place a platform's counts are tallied from (the scenario test and the figures agree on it). */
export interface CountyTally { platforms: number; activities: number; results: number; implemented: number }
