/**
 * What other modules' server code may use of the 新闻 module (imports from other modules go through this file only).
 * Export lookups, not tables: another module asks "what may this actor see", never reads `news_items` itself.
 */
export { newsModule } from './module.ts';
export { newsLifecycle } from './domain/news-lifecycle.ts';
export { canSeeItem } from './domain/news-policy.ts';
