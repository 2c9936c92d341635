/**
 * What other modules' server code may use of the 接待 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `logistics_items` itself.
 */
export { logisticsModule } from './module.ts';
export { logisticsLifecycle } from './domain/logistics-lifecycle.ts';
export { canSeeItem } from './domain/logistics-policy.ts';
