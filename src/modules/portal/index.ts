/**
 * What other modules' server code may use of the 门户 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `portal_items` itself.
 */
export { portalModule } from './module.ts';
export { portalLifecycle } from './domain/portal-lifecycle.ts';
export { canSeeItem } from './domain/portal-policy.ts';
