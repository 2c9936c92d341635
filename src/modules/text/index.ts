/** What other modules may use from the text module: event payload types and the pure text functions. */
export type { TextIndexPayload, TextIndexManyPayload, TextAssignedPayload } from './server/subscriptions.ts';
export { segmenter } from './domain/segmenter.ts';
export { findDuplicateGroups, type DuplicateGroup } from './server/duplicate-groups.ts';
/** 相似度 and 聚类: word vectors over a vocabulary, their cosine, and single-pass clustering labelled by top keywords. */
export { Vocabulary, termVector, cosine } from './domain/similar.ts';
export { hotTopics, type HotTopic } from './domain/hot-topics.ts';
