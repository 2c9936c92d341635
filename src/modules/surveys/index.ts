/**
 * What other modules' server code may use of the 网络征集 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `surveys_items` itself.
 */
export { surveysModule } from './module.ts';
export { surveysLifecycle } from './domain/surveys-lifecycle.ts';
export { canSeeItem } from './domain/surveys-policy.ts';
