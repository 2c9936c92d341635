/**
 * What other modules' server code may use of the 民主评议 module (imports from other modules go through this file only).
 */
export { appraisalsModule } from './module.ts';
export { appraisalsLifecycle } from './domain/appraisals-lifecycle.ts';
export { viewerOf } from './domain/appraisals-policy.ts';
