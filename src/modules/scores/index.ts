/**
 * What other modules' server code may use of the 履职积分 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `scores_items` itself.
 */
export { scoresModule } from './module.ts';
export { scoresLifecycle } from './domain/scores-lifecycle.ts';
export { canSeeItem } from './domain/scores-policy.ts';
