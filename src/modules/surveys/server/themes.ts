/**
 * 主题聚类: free-text answers grouped into themes, each labelled by its top keywords. Uses the text module's contract
 * (its segmenter, TF-IDF word vectors and single-pass clustering), the same as its 热点 (hot topics), on the answers of
 * one question.
 */
import { hotTopics, segmenter, termVector, Vocabulary } from '../../text/index.ts';

export interface Theme {
  keywords: string[];
  /** indexes into the texts given */
  members: number[];
}

/**
 * Clusters short texts: each text's content words weighted by TF-IDF over the texts themselves, grouped when their
 * cosine to a theme's centroid reaches `threshold`. Themes of fewer than `minCount` texts are left out; the largest first.
 */
export function themesOf(texts: readonly string[], opts: { threshold?: number; minCount?: number; top?: number } = {}): Theme[] {
  if (texts.length === 0) return [];
  const seg = segmenter();
  // single characters (离, 时, 站) say little about a theme and make poor labels
  const words = texts.map((t) => seg.terms(t).filter((w) => w.length >= 2));
  const vocab = new Vocabulary();
  for (const w of words) vocab.observe(w);
  const items = words.map((w, i) => ({ vec: termVector(vocab, w, 16), time: String(i).padStart(8, '0') }));
  const topics = hotTopics(items, vocab, { threshold: opts.threshold ?? 0.12, minCount: opts.minCount ?? 2, top: opts.top ?? 12 });
  return topics.map((t) => ({ keywords: t.keywords.slice(0, 4), members: t.members })).sort((a, b) => b.members.length - a.members.length);
}
