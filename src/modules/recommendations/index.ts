/**
 * What other modules' server code may use of the 建议落实 module (imports from other modules go through this file only).
 * A source asks for tracking by emitting `recommendationsRequestedEvent` (contract.ts) in its own unit of work.
 */
export { recommendationsModule } from './module.ts';
export { recommendationsLifecycle } from './domain/recommendations-lifecycle.ts';
export { canSeeItem } from './domain/recommendations-policy.ts';
export { recommendationsRequestedEvent, type RecommendationsRequestedPayload, type RecommendationSourceType } from './contract.ts';
export { countItems as countRecommendations } from './server/repository.ts';
