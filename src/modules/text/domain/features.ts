/**
 * Text features for unit suggestion (智能交办): two blocks, hashed character 1–3-grams and jieba words (the title's words
 * once more), each weighted by sublinear TF × IDF and L2-normalised on its own. The vocabulary (hashed feature → column,
 * with its IDF) is fitted on the training texts only, so the columns are compact and unknown or rare features drop out.
 */
import { hashString, type SparseVec } from './sparse.ts';

/** Feature keys are 30-bit hashes (small integers for V8, collisions negligible). */
const KEY_MASK = 0x3fffffff;

/** The two feature blocks: characters and words. */
export const CHAR_BLOCK = 0;
export const WORD_BLOCK = 1;
export const BLOCKS = 2;

/** The block a hashed feature key belongs to (the lowest bit of the key). */
export const blockOf = (key: number) => key & 1;

/** Normalises a text for features: full-width to half-width, lower case, whitespace collapsed. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Raw term counts (hashed feature key → count) of a document before weighting. */
export type TermCounts = Map<number, number>;

function add(m: TermCounts, k: number) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

const isSkippable = (c: number) => c === 32 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || c === 0x2c || c === 0x2e;

const charKey = (h: number, g: number) => (((h ^ Math.imul(g + 1, 0x9e3779b1)) >>> 0) & KEY_MASK & ~1) | CHAR_BLOCK;
const wordKey = (w: string, seed: number) => (hashString(w, seed) & KEY_MASK & ~1) | WORD_BLOCK;
const BODY_SEED = 0x12345678;
const TITLE_SEED = 0x7654321;

/** The feature keys of a word: in the body, and in the title. */
export const wordKeys = (w: string): [number, number] => [wordKey(w, BODY_SEED), wordKey(w, TITLE_SEED)];

/**
 * Counts the features of one document: character n-grams (1..3) within runs of non-punctuation characters,
 * and the words given by the segmenter; a title, when given, adds its words again under their own keys.
 */
export function countFeatures(text: string, words: readonly string[], titleWords: readonly string[] = []): TermCounts {
  const m: TermCounts = new Map();
  const s = normalizeText(text);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let g = 0; g < 3 && i + g < n; g++) {
      const c = s.charCodeAt(i + g);
      if (isSkippable(c)) break;
      h = Math.imul(h ^ c, 0x01000193);
      add(m, charKey(h, g));
    }
  }
  for (const w of words) add(m, wordKey(w, BODY_SEED));
  for (const w of titleWords) add(m, wordKey(w, TITLE_SEED));
  return m;
}

/** Open-addressing table from feature key (a non-negative 30-bit integer) to column: fast lookups over large vocabularies. */
class KeyTable {
  private keys: Int32Array;
  private cols: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.cols = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === -1 ? -1 : this.cols[i];
  }

  /** The key's column, adding it with the next column number when new. */
  add(key: number): number {
    const i = this.slot(key);
    if (this.keys[i] !== -1) return this.cols[i];
    this.keys[i] = key;
    this.cols[i] = this.size++;
    if (this.size * 2 > this.mask) this.grow();
    return this.size - 1;
  }

  private grow() {
    const { keys, cols } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.cols = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.cols[j] = cols[i];
    }
  }
}

/**
 * The fitted vocabulary: each feature seen in at least `minDf` training documents gets a column with its smooth IDF;
 * `weigh` turns counts into a vector over those columns.
 */
export class FeatureSpace {
  private table = new KeyTable();
  keys: number[] = [];
  df: number[] = [];
  docs = 0;
  private idfs = new Float64Array(0);
  private blocks = new Uint8Array(0);

  /**
   * Fits the vocabulary and document frequencies on the training documents. By default a feature must occur in two
   * documents once there are 200 or more (a character trigram seen once is mostly noise, and dropping those halves the
   * model); a small training set keeps everything.
   */
  static fit(counts: readonly TermCounts[], minDf = counts.length >= 200 ? 2 : 1): FeatureSpace {
    const all = new KeyTable(1 << 16);
    const keys: number[] = [];
    const df: number[] = [];
    for (const c of counts) {
      for (const k of c.keys()) {
        const j = all.add(k);
        if (j === keys.length) {
          keys.push(k);
          df.push(1);
        } else df[j]++;
      }
    }
    const keep: number[] = [];
    for (let j = 0; j < keys.length; j++) if (df[j] >= minDf) keep.push(j);
    return FeatureSpace.fromJSON({ docs: counts.length, keys: keep.map((j) => keys[j]), df: keep.map((j) => df[j]) });
  }

  /** Number of columns. */
  get size(): number {
    return this.keys.length;
  }

  /** The column of a feature key, or -1 when the vocabulary does not know it. */
  column(key: number): number {
    return this.table.get(key);
  }

  /** The block (characters or words) of a column. */
  block(column: number): number {
    return this.blocks[column];
  }

  /** Sublinear TF × IDF over the known columns, each block L2-normalised, sorted by column. */
  weigh(c: TermCounts): SparseVec {
    // (column, position) packed in one float so that a native numeric sort orders them
    const packed = new Float64Array(c.size);
    const raw = new Float64Array(c.size);
    const ss = [0, 0];
    let n = 0;
    for (const [k, tf] of c) {
      const j = this.table.get(k);
      if (j < 0) continue;
      const v = (1 + Math.log(tf)) * this.idfs[j];
      raw[n] = v;
      packed[n] = j * 0x1000000 + n;
      n++;
      ss[this.blocks[j]] += v * v;
    }
    const order = packed.subarray(0, n).sort();
    const scale = ss.map((s) => (s > 0 ? 1 / Math.sqrt(s) : 0));
    const idx = new Int32Array(n);
    const val = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(order[i] / 0x1000000);
      idx[i] = j;
      val[i] = raw[order[i] - j * 0x1000000] * scale[this.blocks[j]];
    }
    return { idx, val };
  }

  toJSON() {
    return { docs: this.docs, keys: this.keys, df: this.df };
  }

  static fromJSON(j: { docs: number; keys: number[]; df: number[] }): FeatureSpace {
    const f = new FeatureSpace();
    f.docs = j.docs;
    f.keys = [...j.keys];
    f.df = [...j.df];
    f.table = new KeyTable(f.keys.length);
    for (const k of f.keys) f.table.add(k);
    f.idfs = Float64Array.from(f.df, (d) => Math.log((1 + f.docs) / (1 + d)) + 1);
    f.blocks = Uint8Array.from(f.keys, blockOf);
    return f;
  }
}
