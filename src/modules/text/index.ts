/** What other modules may use from the text module: event payload types and the pure text functions. */
export type { TextIndexPayload, TextIndexManyPayload, TextAssignedPayload } from './server/subscriptions.ts';
export { segmenter } from './domain/segmenter.ts';
export { findDuplicateGroups, type DuplicateGroup } from './server/duplicate-groups.ts';
