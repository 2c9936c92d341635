/**
 * Who may see what of a 民主评议 (pure). Staff who read all see everything of their CPPCC (turnout, results, the vote
 * link); a department (被评议单位) sees only the appraisals it is appraised in, its self-report, and the results once
 * published, never a ballot; a member sees the appraisals whose vote has opened (to vote) and the published results.
 * An appraisal an actor may not see is "not found" (404). No one, staff included, can see how a person voted: the
 * marks are stored without the voter (see the tables).
 */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { appraisalsPermissions } from './appraisals-permissions.ts';
import { heldStates } from './appraisals-lifecycle.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

/** Staff who read every 民主评议 of their CPPCC. */
export const readsAll = (actor: ActorLike) => has(actor, appraisalsPermissions.readAll) || has(actor, appraisalsPermissions.manage);
export const manages = (actor: ActorLike) => has(actor, appraisalsPermissions.manage);
export const votes = (actor: ActorLike) => has(actor, appraisalsPermissions.vote);
export const isDepartment = (actor: ActorLike) => has(actor, appraisalsPermissions.selfReport) && !readsAll(actor);

/** May the actor use the module at all (the three administrator roles hold none of its permissions). */
export const canUseAppraisals = (actor: ActorLike) => readsAll(actor) || votes(actor) || has(actor, appraisalsPermissions.selfReport);

/** How the actor sees one appraisal: 'staff', 'department' (their unit is appraised), 'member', or null (not at all). */
export type Viewer = 'staff' | 'department' | 'member';
export function viewerOf(r: { tenant_id: string; state: string }, actor: ActorLike, unitIds: readonly string[]): Viewer | null {
  if (r.tenant_id !== actor.tenantId) return null;
  if (readsAll(actor)) return 'staff';
  if (has(actor, appraisalsPermissions.selfReport) && unitIds.includes(actor.orgId)) return 'department';
  if (votes(actor) && (heldStates as readonly string[]).includes(r.state)) return 'member';
  return null;
}
