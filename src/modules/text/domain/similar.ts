/**
 * 相似件检索: TF-IDF word vectors (each item keeps its top-weighted terms) and an approximate index — an inverted
 * index over each item's highest-weighted terms — whose candidates are re-ranked by exact cosine.
 */

/** Word vocabulary with document frequencies: term ids and IDF weights. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  df: number[] = [];
  docs = 0;

  id(w: string): number {
    let i = this.ids.get(w);
    if (i === undefined) {
      i = this.words.length;
      this.ids.set(w, i);
      this.words.push(w);
      this.df.push(0);
    }
    return i;
  }

  /** Counts a document's distinct words towards the document frequencies. */
  observe(words: readonly string[]): void {
    this.docs++;
    for (const w of new Set(words)) this.df[this.id(w)]++;
  }

  idf(id: number): number {
    return Math.log((1 + this.docs) / (1 + (this.df[id] ?? 0))) + 1;
  }

  /**
   * Document frequency and IDF as if some documents were not counted (`less`: how many of them contain each word,
   * `lessDocs`: how many they are): a record's own text leaves its words as rare as they were before it came.
   */
  dfWithout(id: number, less?: ReadonlyMap<number, number>): number {
    return (this.df[id] ?? 0) - (less?.get(id) ?? 0);
  }

  toJSON() {
    return { docs: this.docs, words: this.words, df: this.df };
  }

  static fromJSON(j: { docs: number; words: string[]; df: number[] }): Vocabulary {
    const v = new Vocabulary();
    j.words.forEach((w) => v.id(w));
    v.df = j.df.slice();
    v.docs = j.docs;
    return v;
  }
}

/** A term vector: term ids sorted ascending with L2-normalised weights. */
export interface TermVec {
  ids: Int32Array;
  w: Float32Array;
}

/** What a query leaves out of the vocabulary's counts: the excluded documents' words (id → how many contain it) and their number. */
export interface Without {
  less: ReadonlyMap<number, number>;
  docs: number;
}

/**
 * Sublinear TF × IDF over the vocabulary, keeping the `keep` highest-weighted terms; unknown words are left out. With
 * `without`, the counts are those of the vocabulary without some documents (a record's own): a word only they contain
 * is unknown, so the record itself does not tilt the query towards its own wording.
 */
export function termVector(vocab: Vocabulary, words: readonly string[], keep = 32, without?: Without): TermVec {
  const tf = new Map<number, number>();
  for (const w of words) {
    const id = vocab.ids.get(w);
    if (id === undefined) continue;
    if (without && vocab.dfWithout(id, without.less) <= 0) continue;
    tf.set(id, (tf.get(id) ?? 0) + 1);
  }
  const idf = without
    ? (id: number) => Math.log((1 + vocab.docs - without.docs) / (1 + vocab.dfWithout(id, without.less))) + 1
    : (id: number) => vocab.idf(id);
  let items = [...tf.entries()].map(([id, c]) => [id, (1 + Math.log(c)) * idf(id)] as [number, number]);
  if (items.length > keep) items = items.sort((a, b) => b[1] - a[1]).slice(0, keep);
  items.sort((a, b) => a[0] - b[0]);
  const n = Math.sqrt(items.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { ids: Int32Array.from(items, (x) => x[0]), w: Float32Array.from(items, (x) => x[1] / n) };
}

export function cosine(a: TermVec, b: TermVec): number {
  let i = 0, j = 0, s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i], y = b.ids[j];
    if (x === y) s += a.w[i++] * b.w[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Terms two vectors share, by contribution to their cosine (for highlighting). */
export function sharedTerms(a: TermVec, b: TermVec, vocab: Vocabulary, k = 6): string[] {
  const out: Array<[string, number]> = [];
  let i = 0, j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i], y = b.ids[j];
    if (x === y) { out.push([vocab.words[x], a.w[i++] * b.w[j++]]); }
    else if (x < y) i++;
    else j++;
  }
  return out.sort((p, q) => q[1] - p[1]).slice(0, k).map((p) => p[0]);
}

class Postings {
  ids = new Int32Array(4);
  w = new Float32Array(4);
  n = 0;
  push(doc: number, weight: number) {
    if (this.n === this.ids.length) {
      const ids = new Int32Array(this.n * 2); ids.set(this.ids); this.ids = ids;
      const w = new Float32Array(this.n * 2); w.set(this.w); this.w = w;
    }
    this.ids[this.n] = doc;
    this.w[this.n++] = weight;
  }
}

export interface SimilarHit {
  doc: number;
  score: number;
}

export interface SimilarIndexOptions {
  /** how many of each item's top terms go into the inverted index */
  postTerms?: number;
  /** candidates re-ranked by exact cosine */
  candidates?: number;
}

/** The approximate index: items are dense numbers 0..n-1 (the caller maps them to record ids). */
export class SimilarIndex {
  private off = new Int32Array(1024 + 1);
  private termIds = new Int32Array(1 << 16);
  private weights = new Float32Array(1 << 16);
  private used = 0;
  private count = 0;
  private readonly postings: Postings[] = [];
  private acc = new Float32Array(1024);
  readonly postTerms: number;
  readonly candidates: number;

  constructor(opts: SimilarIndexOptions = {}) {
    this.postTerms = opts.postTerms ?? 16;
    this.candidates = opts.candidates ?? 300;
  }

  get size() {
    return this.count;
  }

  vector(doc: number): TermVec {
    const a = this.off[doc], b = this.off[doc + 1];
    return { ids: this.termIds.subarray(a, b), w: this.weights.subarray(a, b) };
  }

  /** Adds an item; returns its number. */
  add(v: TermVec): number {
    const doc = this.count;
    if (doc + 2 > this.off.length) {
      const o = new Int32Array(this.off.length * 2); o.set(this.off); this.off = o;
      const acc = new Float32Array(this.off.length); this.acc = acc;
    }
    if (this.used + v.ids.length > this.termIds.length) {
      const cap = Math.max(this.termIds.length * 2, this.used + v.ids.length);
      const t = new Int32Array(cap); t.set(this.termIds.subarray(0, this.used)); this.termIds = t;
      const w = new Float32Array(cap); w.set(this.weights.subarray(0, this.used)); this.weights = w;
    }
    this.termIds.set(v.ids, this.used);
    this.weights.set(v.w, this.used);
    this.used += v.ids.length;
    this.off[doc + 1] = this.used;
    this.count++;
    const order = Array.from(v.w.keys()).sort((a, b) => v.w[b] - v.w[a]).slice(0, this.postTerms);
    for (const p of order) {
      const t = v.ids[p];
      (this.postings[t] ??= new Postings()).push(doc, v.w[p]);
    }
    return doc;
  }

  /** Approximate top-k by cosine: candidates from the inverted index, re-ranked exactly. */
  search(q: TermVec, k = 10, exclude?: (doc: number) => boolean): SimilarHit[] {
    const acc = this.acc;
    const touched: number[] = [];
    for (let i = 0; i < q.ids.length; i++) {
      const p = this.postings[q.ids[i]];
      if (!p) continue;
      const qw = q.w[i];
      const ids = p.ids, w = p.w;
      for (let j = 0; j < p.n; j++) {
        const d = ids[j];
        if (acc[d] === 0) touched.push(d);
        acc[d] += qw * w[j];
      }
    }
    const m = Math.max(this.candidates, k);
    let cand: number[];
    if (touched.length > m) {
      const scores = touched.map((d) => acc[d]);
      const cut = kthLargest(scores, m);
      cand = touched.filter((d) => acc[d] >= cut).slice(0, m * 2);
    } else cand = touched;
    for (const d of touched) acc[d] = 0;
    const hits: SimilarHit[] = [];
    for (const d of cand) {
      if (exclude?.(d)) continue;
      hits.push({ doc: d, score: cosine(q, this.vector(d)) });
    }
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
  }

  /** Exact top-k by brute force over every item (the reference the approximate search is measured against). */
  exact(q: TermVec, k = 10, exclude?: (doc: number) => boolean): SimilarHit[] {
    const top: SimilarHit[] = [];
    let floor = -1;
    for (let d = 0; d < this.count; d++) {
      const s = cosine(q, this.vector(d));
      if (s <= floor || s === 0 || exclude?.(d)) continue;
      top.push({ doc: d, score: s });
      if (top.length > k * 4) {
        top.sort((a, b) => b.score - a.score || a.doc - b.doc);
        top.length = k;
        floor = top[k - 1].score;
      }
    }
    return top.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
  }

  /** Approximate bytes held by the index. */
  bytes(): number {
    let b = this.off.byteLength + this.termIds.byteLength + this.weights.byteLength + this.acc.byteLength;
    for (const p of this.postings) if (p) b += p.ids.byteLength + p.w.byteLength + 48;
    return b;
  }
}

function kthLargest(a: number[], k: number): number {
  const s = Float32Array.from(a).sort();
  return s[Math.max(0, s.length - k)];
}
