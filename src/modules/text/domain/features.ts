/** Text features for classification: hashed character 1–3-grams and jieba words, sublinear TF, IDF, L2-normalised. */
import { hashString, type SparseVec } from './sparse.ts';

export const FEATURE_BITS = 20;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;

/** Normalises a text for features: full-width to half-width, lower case, whitespace collapsed. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Raw term counts (hashed index → count) of a document before weighting. */
export type TermCounts = Map<number, number>;

function add(m: TermCounts, k: number, w = 1) {
  m.set(k, (m.get(k) ?? 0) + w);
}

const isSkippable = (c: number) => c === 32 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || c === 0x2c || c === 0x2e;

/**
 * Counts the features of one document: character n-grams (1..3) within runs of non-punctuation characters,
 * and the words given by the segmenter; a title, when given, adds its words again.
 */
export function countFeatures(text: string, words: readonly string[], titleWords: readonly string[] = []): TermCounts {
  const m: TermCounts = new Map();
  const s = normalizeText(text);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c0 = s.charCodeAt(i);
    if (isSkippable(c0)) continue;
    let h = Math.imul((0x811c9dc5 ^ 1) >>> 0, 0x01000193) ^ c0;
    h = Math.imul(h, 0x01000193);
    add(m, (h >>> 0) & MASK);
    for (let g = 1; g < 3 && i + g < n; g++) {
      const c = s.charCodeAt(i + g);
      if (isSkippable(c)) break;
      h ^= c;
      h = Math.imul(h, 0x01000193);
      add(m, ((h ^ (g * 0x9e3779b1)) >>> 0) & MASK);
    }
  }
  for (const w of words) add(m, hashString(w, 0x12345678) & MASK);
  for (const w of titleWords) add(m, hashString(w, 0x7654321) & MASK);
  return m;
}

/** Document frequencies learned from a corpus, giving smooth IDF weights. */
export class IdfTable {
  readonly df = new Map<number, number>();
  docs = 0;

  addDocument(c: TermCounts) {
    this.docs++;
    for (const k of c.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }

  idf(k: number): number {
    return Math.log((1 + this.docs) / (1 + (this.df.get(k) ?? 0))) + 1;
  }

  toJSON() {
    return { docs: this.docs, df: [...this.df.entries()].flat() };
  }

  static fromJSON(j: { docs: number; df: number[] }): IdfTable {
    const t = new IdfTable();
    t.docs = j.docs;
    for (let i = 0; i < j.df.length; i += 2) t.df.set(j.df[i], j.df[i + 1]);
    return t;
  }
}

/** Sublinear TF × IDF, L2-normalised, as a sparse vector. */
export function weigh(c: TermCounts, idf: IdfTable): SparseVec {
  const keys = [...c.keys()].sort((a, b) => a - b);
  const idx = new Int32Array(keys.length);
  const val = new Float32Array(keys.length);
  let ss = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = (1 + Math.log(c.get(k)!)) * idf.idf(k);
    idx[i] = k;
    val[i] = v;
    ss += v * v;
  }
  const nrm = Math.sqrt(ss) || 1;
  for (let i = 0; i < val.length; i++) val[i] /= nrm;
  return { idx, val };
}
