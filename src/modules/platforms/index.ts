/**
 * What other modules' server code may use of the 有事来商量 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `platforms_items` itself.
 */
export { platformsModule } from './module.ts';
export { platformsLifecycle } from './domain/platforms-lifecycle.ts';
export { canSeeItem } from './domain/platforms-policy.ts';
