/**
 * What other modules' server code may use of the 履职活动 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `activities_items` itself.
 */
export { activitiesModule } from './module.ts';
export { activitiesLifecycle } from './domain/activities-lifecycle.ts';
export { canSeeItem } from './domain/activities-policy.ts';
