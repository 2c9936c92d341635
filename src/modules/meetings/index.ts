/**
 * What other modules' server code may use of the 会议 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `meetings_items` itself.
 */
export { meetingsModule } from './module.ts';
export { meetingsLifecycle } from './domain/meetings-lifecycle.ts';
export { canSeeItem } from './domain/meetings-policy.ts';
