/**
 * 智能交办 classifier: one-vs-rest linear SVM (squared hinge, L2), trained by dual coordinate descent,
 * over hashed char n-gram + word features; compact for storage, updated online as assignments are made.
 */
import { FEATURE_DIM, IdfTable, countFeatures, weigh, type TermCounts } from './features.ts';
import type { SparseVec } from './sparse.ts';

/** A training example: the text and the label (the handling unit's id). */
export interface LabeledText {
  text: string;
  title?: string;
  label: string;
}

/** A ranked suggestion: label, raw margin and a confidence in 0..1 (softmax over margins). */
export interface Ranked {
  label: string;
  score: number;
  confidence: number;
}

export interface TrainOptions {
  /** SVM cost C (higher fits the training data more closely) */
  c?: number;
  epochs?: number;
  seed?: number;
  /** stop when the projected gradient's spread falls below this */
  tolerance?: number;
  /**
   * class balance (0 = none, default 0.5): a class's own examples get cost C·(n / (K·n_class))^balance in its one-vs-rest problem,
   * so small units are not drowned by large ones
   */
  balance?: number;
}

/** Splits text into words: the caller passes the segmenter so the domain stays free of native state in tests. */
export type Tokenize = (text: string) => string[];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

/** Features of one example (text, optional title) as counts. */
export function exampleCounts(tok: Tokenize, text: string, title?: string): TermCounts {
  const words = tok(text);
  return title ? countFeatures(`${text}。${title}`, words, tok(title)) : countFeatures(text, words, []);
}

/** The trained model in compact form: the features it knows, and one weight per feature and class. */
export class UnitClassifier {
  constructor(
    readonly labels: string[],
    /** sorted feature indices with a non-zero weight in some class */
    readonly feat: Int32Array,
    /** weights, feature-major: w[f * K + k] */
    readonly w: Float32Array,
    readonly bias: Float32Array,
    readonly idf: IdfTable,
    /** number of examples it has learned from */
    public examples: number,
  ) {}

  private slot(f: number): number {
    let lo = 0;
    let hi = this.feat.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.feat[mid];
      if (v === f) return mid;
      if (v < f) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  vectorize(tok: Tokenize, text: string, title?: string): SparseVec {
    return weigh(exampleCounts(tok, text, title), this.idf);
  }

  scores(x: SparseVec): Float64Array {
    const K = this.labels.length;
    const s = new Float64Array(K);
    for (let k = 0; k < K; k++) s[k] = this.bias[k];
    for (let i = 0; i < x.idx.length; i++) {
      const p = this.slot(x.idx[i]);
      if (p < 0) continue;
      const v = x.val[i];
      const base = p * K;
      for (let k = 0; k < K; k++) s[k] += this.w[base + k] * v;
    }
    return s;
  }

  /** Labels ranked best first with confidences. */
  rank(x: SparseVec): Ranked[] {
    const s = this.scores(x);
    const max = Math.max(...s);
    const e = Array.from(s, (v) => Math.exp((v - max) * 4));
    const z = e.reduce((a, b) => a + b, 0);
    return this.labels
      .map((label, k) => ({ label, score: s[k], confidence: e[k] / z }))
      .sort((a, b) => b.score - a.score);
  }

  toJSON() {
    return {
      kind: 'ovr-svm-v1', labels: this.labels, examples: this.examples,
      feat: Buffer.from(this.feat.buffer, this.feat.byteOffset, this.feat.byteLength).toString('base64'),
      w: Buffer.from(this.w.buffer, this.w.byteOffset, this.w.byteLength).toString('base64'),
      bias: Array.from(this.bias), idf: this.idf.toJSON(),
    };
  }

  static fromJSON(j: ReturnType<UnitClassifier['toJSON']>): UnitClassifier {
    const fb = Buffer.from(j.feat, 'base64');
    const wb = Buffer.from(j.w, 'base64');
    const feat = new Int32Array(fb.buffer.slice(fb.byteOffset, fb.byteOffset + fb.byteLength));
    const w = new Float32Array(wb.buffer.slice(wb.byteOffset, wb.byteOffset + wb.byteLength));
    return new UnitClassifier(j.labels, feat, w, Float32Array.from(j.bias), IdfTable.fromJSON(j.idf), j.examples);
  }
}

/** Trains the one-vs-rest model on vectors already weighted (used by cross-validation to reuse features). */
export function trainOnVectors(xs: SparseVec[], ys: string[], idf: IdfTable, opts: TrainOptions = {}): UnitClassifier {
  const C = opts.c ?? 3;
  const epochs = opts.epochs ?? 20;
  const labels = [...new Set(ys)].sort();
  const K = labels.length;
  const n = xs.length;
  const D = 1 / (2 * C); // squared hinge (L2-loss SVM)
  const BIAS = 1; // constant feature for the intercept
  const xx = xs.map((x) => {
    let s = BIAS * BIAS;
    for (let i = 0; i < x.val.length; i++) s += x.val[i] * x.val[i];
    return s;
  });
  const perClass = new Map<string, number>();
  for (const y of ys) perClass.set(y, (perClass.get(y) ?? 0) + 1);
  const balance = opts.balance ?? 0.5;
  const Dpos = new Float64Array(n);
  const qpos = new Float64Array(n);
  ys.forEach((y, i) => {
    const w = Math.pow(n / (K * perClass.get(y)!), balance);
    Dpos[i] = D / w;
    qpos[i] = xx[i] + Dpos[i];
  });
  const qneg = xx.map((v) => v + D);
  const W = new Float32Array(FEATURE_DIM);
  const used = new Uint8Array(FEATURE_DIM);
  for (const x of xs) for (let i = 0; i < x.idx.length; i++) used[x.idx[i]] = 1;
  const featList: number[] = [];
  for (let f = 0; f < FEATURE_DIM; f++) if (used[f]) featList.push(f);
  const feat = Int32Array.from(featList);
  const slotOf = new Int32Array(FEATURE_DIM).fill(-1);
  for (let i = 0; i < feat.length; i++) slotOf[feat[i]] = i;
  const wOut = new Float32Array(feat.length * K);
  const bias = new Float32Array(K);
  const rand = rng(opts.seed ?? 7);
  const order = Array.from({ length: n }, (_, i) => i);
  const alpha = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    W.fill(0);
    alpha.fill(0);
    let b = 0;
    const yk = ys.map((y) => (y === labels[k] ? 1 : -1));
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i]; order[i] = order[j]; order[j] = t;
      }
      let maxPG = -Infinity;
      let minPG = Infinity;
      for (const i of order) {
        const x = xs[i];
        const y = yk[i];
        let wx = b * BIAS;
        for (let p = 0; p < x.idx.length; p++) wx += W[x.idx[p]] * x.val[p];
        const Di = y > 0 ? Dpos[i] : D;
        const G = y * wx - 1 + Di * alpha[i];
        const PG = alpha[i] === 0 ? Math.min(G, 0) : G;
        if (PG > maxPG) maxPG = PG;
        if (PG < minPG) minPG = PG;
        if (PG === 0) continue;
        const old = alpha[i];
        const a = Math.max(old - G / (y > 0 ? qpos[i] : qneg[i]), 0);
        alpha[i] = a;
        const d = (a - old) * y;
        if (d === 0) continue;
        for (let p = 0; p < x.idx.length; p++) W[x.idx[p]] += d * x.val[p];
        b += d * BIAS;
      }
      if (maxPG - minPG < (opts.tolerance ?? 0.1)) break; // LIBLINEAR's stopping rule on the projected gradient
    }
    for (let s = 0; s < feat.length; s++) wOut[s * K + k] = W[feat[s]];
    bias[k] = b * BIAS;
  }
  return new UnitClassifier(labels, feat, wOut, bias, idf, n);
}

/** Trains from labelled texts: learns IDF over them, weighs features and fits the model. */
export function train(tok: Tokenize, data: LabeledText[], opts: TrainOptions = {}): UnitClassifier {
  const counts = data.map((d) => exampleCounts(tok, d.text, d.title));
  const idf = new IdfTable();
  for (const c of counts) idf.addDocument(c);
  const xs = counts.map((c) => weigh(c, idf));
  return trainOnVectors(xs, data.map((d) => d.label), idf, opts);
}
