/** 热点: single-pass clustering of recent items over keyword vectors, labelled by the top keywords, with counts and trend by month. */
import { cosine, type TermVec, type Vocabulary } from './similar.ts';

export interface TopicInput {
  vec: TermVec;
  /** 'YYYY-MM-DD…' */
  time: string;
  /** extra weight (for example likes) */
  weight?: number;
}

/** One hot topic: its label words, item numbers (into the input), count and items per month. */
export interface HotTopic {
  keywords: string[];
  members: number[];
  count: number;
  weight: number;
  trend: Array<{ month: string; count: number }>;
}

interface Cluster {
  sum: Map<number, number>;
  members: number[];
  centroid: TermVec;
}

function centroidOf(sum: Map<number, number>, keep = 24): TermVec {
  const items = [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, keep).sort((a, b) => a[0] - b[0]);
  const n = Math.sqrt(items.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { ids: Int32Array.from(items, (x) => x[0]), w: Float32Array.from(items, (x) => x[1] / n) };
}

/**
 * Clusters items: each joins the most similar cluster centroid (found through an inverted index over centroid terms)
 * when the cosine reaches `threshold`, else starts a new cluster; a second pass reassigns items to the final centroids.
 */
export function hotTopics(items: TopicInput[], vocab: Vocabulary, opts: { threshold?: number; top?: number; minCount?: number } = {}): HotTopic[] {
  const threshold = opts.threshold ?? 0.3;
  const clusters: Cluster[] = [];
  const inv = new Map<number, Set<number>>();
  const order = items.map((_, i) => i).sort((a, b) => items[a].time.localeCompare(items[b].time));
  for (const i of order) {
    const v = items[i].vec;
    const cand = new Set<number>();
    for (const t of v.ids) for (const c of inv.get(t) ?? []) cand.add(c);
    let best = -1;
    let bestS = threshold;
    for (const c of cand) {
      const s = cosine(v, clusters[c].centroid);
      if (s >= bestS) { bestS = s; best = c; }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ sum: new Map(), members: [], centroid: v });
    }
    const cl = clusters[best];
    cl.members.push(i);
    for (let p = 0; p < v.ids.length; p++) cl.sum.set(v.ids[p], (cl.sum.get(v.ids[p]) ?? 0) + v.w[p]);
    for (const t of cl.centroid.ids) inv.get(t)?.delete(best);
    cl.centroid = centroidOf(cl.sum);
    for (const t of cl.centroid.ids) {
      let s = inv.get(t);
      if (!s) inv.set(t, (s = new Set()));
      s.add(best);
    }
  }
  const minCount = opts.minCount ?? 2;
  const out: HotTopic[] = clusters
    .filter((c) => c.members.length >= minCount)
    .map((c) => {
      const months = new Map<string, number>();
      for (const m of c.members) {
        const month = items[m].time.slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
      }
      const top = [...c.sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => vocab.words[id]);
      return {
        keywords: top, members: c.members, count: c.members.length,
        weight: c.members.reduce((s, m) => s + 1 + Math.log1p(items[m].weight ?? 0), 0),
        trend: [...months.entries()].sort().map(([month, count]) => ({ month, count })),
      };
    });
  return out.sort((a, b) => b.weight - a.weight).slice(0, opts.top ?? 20);
}
