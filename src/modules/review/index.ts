/**
 * What other modules' server code may use of the 工作回眸 module (imports from other modules go through this file only).
 */
export { reviewModule } from './module.ts';
export { reviewLifecycle, reviewPermissions } from './domain/review-lifecycle.ts';
