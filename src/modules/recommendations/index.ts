/**
 * What other modules' server code may use of the 建议落实 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `recommendations_items` itself.
 */
export { recommendationsModule } from './module.ts';
export { recommendationsLifecycle } from './domain/recommendations-lifecycle.ts';
export { canSeeItem } from './domain/recommendations-policy.ts';
