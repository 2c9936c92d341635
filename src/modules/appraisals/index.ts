/**
 * What other modules' server code may use of the 民主评议 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `appraisals_items` itself.
 */
export { appraisalsModule } from './module.ts';
export { appraisalsLifecycle } from './domain/appraisals-lifecycle.ts';
export { canSeeItem } from './domain/appraisals-policy.ts';
