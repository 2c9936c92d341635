/**
 * What other modules' server code may use of the 新闻 module (imports from other modules go through this file only).
 */
export { newsModule } from './module.ts';
export { newsLifecycle } from './domain/news-lifecycle.ts';
export { canSeeItem } from './domain/news-policy.ts';
export { sanitizeNewsHtml, htmlToText } from './domain/news-html.ts';
