/**
 * What other modules' server code may use of the 事项 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `template_items` itself.
 */
export { templateModule } from './module.ts';
export { templateLifecycle } from './domain/template-lifecycle.ts';
export { canSeeItem } from './domain/template-policy.ts';
