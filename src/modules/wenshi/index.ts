/**
 * What other modules' server code may use of the 文史资料 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `wenshi_items` itself.
 */
export { wenshiModule } from './module.ts';
export { wenshiLifecycle } from './domain/wenshi-lifecycle.ts';
export { canSeeItem } from './domain/wenshi-policy.ts';
