/**
 * What other modules' server code may use of the 接待、会务、用车 module (imports from other modules go through this file only).
 */
export { logisticsModule } from './module.ts';
export { receptionLifecycle, tripLifecycle } from './domain/lifecycles.ts';
export { overlaps } from './domain/schedule.ts';
