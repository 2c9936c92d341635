/**
 * What other modules' server code may use of the 履职活动 module (imports from other modules go through this file only).
 */
export { activitiesModule } from './module.ts';
export { activitiesLifecycle } from './domain/activities-lifecycle.ts';
export { activitySeedFigures } from './server/seed.ts';
