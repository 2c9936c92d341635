/**
 * What other modules' server code may use of the 工作室 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `studios_items` itself.
 */
export { studiosModule } from './module.ts';
export { studiosLifecycle } from './domain/studios-lifecycle.ts';
export { canSeeItem } from './domain/studios-policy.ts';
