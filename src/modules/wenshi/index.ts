/**
 * What other modules' server code may use of the 文史资料 module (imports from other modules go through this file only).
 */
export { wenshiModule } from './module.ts';
export { wenshiLifecycle } from './domain/wenshi-lifecycle.ts';
export { canSeeMaterial } from './domain/wenshi-policy.ts';
