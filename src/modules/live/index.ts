/**
 * What other modules' server code may use of the 网络议政 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `live_items` itself.
 */
export { liveModule } from './module.ts';
export { liveLifecycle } from './domain/live-lifecycle.ts';
export { canSeeItem } from './domain/live-policy.ts';
