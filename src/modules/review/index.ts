/**
 * What other modules' server code may use of the 工作回眸 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `review_items` itself.
 */
export { reviewModule } from './module.ts';
export { reviewLifecycle } from './domain/review-lifecycle.ts';
export { canSeeItem } from './domain/review-policy.ts';
