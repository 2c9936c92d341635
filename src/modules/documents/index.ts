/**
 * What other modules' server code may use of the 公文 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `documents_items` itself.
 */
export { documentsModule } from './module.ts';
export { documentsLifecycle } from './domain/documents-lifecycle.ts';
export { canSeeItem } from './domain/documents-policy.ts';
