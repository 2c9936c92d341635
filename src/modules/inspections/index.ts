/**
 * What other modules' server code may use of the 调研视察 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `inspections_items` itself.
 */
export { inspectionsModule } from './module.ts';
export { inspectionsLifecycle } from './domain/inspections-lifecycle.ts';
export { canSeeItem } from './domain/inspections-policy.ts';
