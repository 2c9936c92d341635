/**
 * What other modules' server code may use of the 协商议政 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `consultations_items` itself.
 */
export { consultationsModule } from './module.ts';
export { consultationsLifecycle } from './domain/consultations-lifecycle.ts';
export { canSeeItem } from './domain/consultations-policy.ts';
