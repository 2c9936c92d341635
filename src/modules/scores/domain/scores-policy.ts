/** Who may read what of 履职积分 (pure). The three administrator roles hold none of these permissions. */
import type { ActorLike } from '../../../kernel/universal/workflow.ts';
import { scoresPermissions } from './scores-permissions.ts';

const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);

export const readsAll = (actor: ActorLike) => has(actor, scoresPermissions.readAll);
export const managesRules = (actor: ActorLike) => has(actor, scoresPermissions.manage);
export const readsOwn = (actor: ActorLike) => has(actor, scoresPermissions.readOwn);
export const canUseScores = (actor: ActorLike) => readsOwn(actor) || readsAll(actor) || managesRules(actor);
/** A member's own score, or anyone's of the CPPCC for staff who read all. */
export const maySeeScoreOf = (actor: ActorLike & { userId: string }, userId: string) => (actor.userId === userId && readsOwn(actor)) || readsAll(actor);
