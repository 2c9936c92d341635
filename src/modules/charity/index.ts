/**
 * What other modules' server code may use of the 公益 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `charity_items` itself.
 */
export { charityModule } from './module.ts';
export { charityLifecycle } from './domain/charity-lifecycle.ts';
export { canSeeItem } from './domain/charity-policy.ts';
