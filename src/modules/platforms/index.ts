/**
 * What other modules' server code may use of the 有事来商量 module (imports from other modules go through this file only).
 * Export lookups, not tables.
 */
export { platformsModule } from './module.ts';
export { resultLifecycle } from './domain/result-lifecycle.ts';
export { platformFigures } from './server/figures.ts';
