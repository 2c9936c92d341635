/**
 * 智能交办 classifier: one-vs-rest linear SVMs (squared hinge, L2), trained by dual coordinate descent with shrinking
 * (LIBLINEAR's method), over character n-gram and word features (features.ts). The character and word blocks are
 * learned as two models whose margins are averaged; the confidence is a softmax over the margins with a temperature
 * fitted on held-out margins (a model of one stratified half scores the other half), so it reads as a probability.
 * Compact for storage; retrained as assignments accumulate.
 */
import { CHAR_BLOCK, FeatureSpace, countFeatures, wordKeys, type TermCounts } from './features.ts';
import type { SparseVec } from './sparse.ts';

/** A training example: the text and the label (the handling unit's id). */
export interface LabeledText {
  text: string;
  title?: string;
  label: string;
}

/** A ranked suggestion: label, raw margin and a confidence in 0..1 (calibrated; the confidences sum to 1). */
export interface Ranked {
  label: string;
  score: number;
  confidence: number;
}

export interface TrainOptions {
  /** SVM cost C (higher fits the training data more closely) */
  c?: number;
  /** upper bound on passes over the data per class */
  epochs?: number;
  seed?: number;
  /** stop when the projected gradient's spread falls below this (LIBLINEAR's ε) */
  tolerance?: number;
  /**
   * class balance (0 = none, default 1.5): a class's own examples get cost C·(n / (K·n_class))^balance in its one-vs-rest problem,
   * so small units are not drowned by large ones
   */
  balance?: number;
  /**
   * weight of the character model when averaging it with the word model (default 0.5); 1 or 0 trains one model on
   * that block alone, `null` one model over both blocks together
   */
  charWeight?: number | null;
  /** fit the confidence temperature on a held-out half (default true; false leaves it at 1 and trains once) */
  calibrate?: boolean;
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

const MODEL_KIND = 'ovr-svm-v2';

/** The trained model: the fitted feature space, one weight per column and class, biases and the confidence temperature. */
export class UnitClassifier {
  constructor(
    readonly labels: string[],
    readonly space: FeatureSpace,
    /** weights, column-major: w[column * K + k] */
    readonly w: Float32Array,
    readonly bias: Float32Array,
    /** softmax temperature turning margins into confidences */
    readonly temperature: number,
    /** number of examples it has learned from */
    public examples: number,
  ) {}

  vectorize(tok: Tokenize, text: string, title?: string): SparseVec {
    return this.space.weigh(exampleCounts(tok, text, title));
  }

  scores(x: SparseVec): Float64Array {
    const K = this.labels.length;
    const s = new Float64Array(K);
    for (let k = 0; k < K; k++) s[k] = this.bias[k];
    for (let i = 0; i < x.idx.length; i++) {
      const base = x.idx[i] * K;
      const v = x.val[i];
      for (let k = 0; k < K; k++) s[k] += this.w[base + k] * v;
    }
    return s;
  }

  /** Labels ranked best first with calibrated confidences. */
  rank(x: SparseVec): Ranked[] {
    return this.rankScores(this.scores(x));
  }

  /** Labels ranked by given margins (the model's, adjusted by the caller), confidences at the model's temperature. */
  rankScores(s: Float64Array): Ranked[] {
    const p = softmax(s, this.temperature);
    return this.labels
      .map((label, k) => ({ label, score: s[k], confidence: p[k] }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Why a label is suggested for a text: the text's words that add most to the label's margin (weight × the word's
   * value in the text, body and title keys together), best first; only words of two or more characters that count for it.
   */
  topTerms(x: SparseVec, words: readonly string[], label: string, k = 5): string[] {
    const K = this.labels.length;
    const c = this.labels.indexOf(label);
    if (c < 0) return [];
    const val = new Map<number, number>();
    for (let i = 0; i < x.idx.length; i++) val.set(x.idx[i], x.val[i]);
    const out: Array<[string, number]> = [];
    for (const w of new Set(words)) {
      if ([...w].length < 2 || /^[\p{N}\p{P}\s]+$/u.test(w)) continue;
      let s = 0;
      for (const key of wordKeys(w)) {
        const col = this.space.column(key);
        const v = col < 0 ? undefined : val.get(col);
        if (v !== undefined) s += this.w[col * K + c] * v;
      }
      if (s > 0) out.push([w, s]);
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, k).map(([w]) => w);
  }

  toJSON() {
    return {
      kind: MODEL_KIND, labels: this.labels, examples: this.examples, temperature: this.temperature,
      docs: this.space.docs, keys: b64(Int32Array.from(this.space.keys)), df: b64(Int32Array.from(this.space.df)),
      w: b64(this.w), bias: Array.from(this.bias),
    };
  }

  /** Restores a stored model; throws for a model stored in another format. */
  static fromJSON(j: ReturnType<UnitClassifier['toJSON']>): UnitClassifier {
    if (j.kind !== MODEL_KIND) throw new Error(`unknown model format ${String(j.kind)}`);
    const keys = new Int32Array(unb64(j.keys));
    const df = new Int32Array(unb64(j.df));
    const space = FeatureSpace.fromJSON({ docs: j.docs, keys: Array.from(keys), df: Array.from(df) });
    return new UnitClassifier(j.labels, space, new Float32Array(unb64(j.w)), Float32Array.from(j.bias), j.temperature, j.examples);
  }

  /** Whether a stored model is in the current format (an older one is retrained rather than read). */
  static readable(j: { kind?: unknown }): boolean {
    return j.kind === MODEL_KIND;
  }
}

function b64(a: Int32Array | Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function unb64(s: string): ArrayBuffer {
  const b = Buffer.from(s, 'base64');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

function softmax(s: ArrayLike<number>, t: number): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < s.length; k++) max = Math.max(max, s[k]);
  const e = new Float64Array(s.length);
  let z = 0;
  for (let k = 0; k < s.length; k++) z += e[k] = Math.exp((s[k] - max) * t);
  for (let k = 0; k < s.length; k++) e[k] /= z;
  return e;
}

/** Training vectors in compressed rows, restricted to some columns. */
interface Rows {
  ptr: Int32Array;
  col: Int32Array;
  val: Float64Array;
  /** squared norm of each row plus the constant bias feature */
  xx: Float64Array;
}

function toRows(xs: readonly SparseVec[], keep: (column: number) => boolean, scale: number): Rows {
  let nnz = 0;
  for (const x of xs) for (let p = 0; p < x.idx.length; p++) if (keep(x.idx[p])) nnz++;
  const ptr = new Int32Array(xs.length + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  const xx = new Float64Array(xs.length);
  let at = 0;
  xs.forEach((x, i) => {
    let s = 1;
    for (let p = 0; p < x.idx.length; p++) {
      if (!keep(x.idx[p])) continue;
      const v = x.val[p] * scale;
      col[at] = x.idx[p];
      val[at++] = v;
      s += v * v;
    }
    ptr[i + 1] = at;
    xx[i] = s;
  });
  return { ptr, col, val, xx };
}

/**
 * One binary L2-loss SVM in the dual, by coordinate descent with shrinking (Hsieh et al. 2008, as in LIBLINEAR):
 * minimises ½‖w‖² + Σ C_i·max(0, 1 − y_i·(w·x_i + b))², the bias being a constant feature of value 1.
 */
function solveBinary(r: Rows, y: Int8Array, cPos: number, cNeg: number, dim: number, rand: () => number, eps: number, maxIter: number) {
  const n = y.length;
  const w = new Float64Array(dim);
  let b = 0;
  const alpha = new Float64Array(n);
  const index = Int32Array.from({ length: n }, (_, i) => i);
  const dPos = 0.5 / cPos;
  const dNeg = 0.5 / cNeg;
  let active = n;
  let pgMaxOld = Infinity;
  for (let iter = 0; iter < maxIter; iter++) {
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let i = 0; i < active; i++) {
      const j = i + Math.floor(rand() * (active - i));
      const t = index[i]; index[i] = index[j]; index[j] = t;
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const yi = y[i];
      const di = yi > 0 ? dPos : dNeg;
      const end = r.ptr[i + 1];
      let wx = b;
      for (let p = r.ptr[i]; p < end; p++) wx += w[r.col[p]] * r.val[p];
      const g = yi * wx - 1 + di * alpha[i];
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) { // shrink: at the bound and likely to stay there
          active--;
          const t = index[s]; index[s] = index[active]; index[active] = t;
          s--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) <= 1e-12) continue;
      const old = alpha[i];
      alpha[i] = Math.max(old - g / (r.xx[i] + di), 0);
      const d = (alpha[i] - old) * yi;
      for (let p = r.ptr[i]; p < end; p++) w[r.col[p]] += d * r.val[p];
      b += d;
    }
    if (pgMax - pgMin <= eps) {
      if (active === n) break;
      active = n; // converged on the active set: check every example once more
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return { w, b, alpha };
}

/**
 * The temperature t minimising the log loss of softmax(t·margins) against the labels (golden-section search on log t;
 * the loss is convex in t).
 */
function fitTemperature(margins: Float64Array, ys: Int32Array, K: number): number {
  const loss = (t: number) => {
    let l = 0;
    for (let i = 0; i < ys.length; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, margins[i * K + k]);
      let z = 0;
      for (let k = 0; k < K; k++) z += Math.exp((margins[i * K + k] - max) * t);
      l += Math.log(z) - (margins[i * K + ys[i]] - max) * t;
    }
    return l;
  };
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.05);
  let hi = Math.log(200);
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = loss(Math.exp(a));
  let fb = loss(Math.exp(b));
  for (let it = 0; it < 40; it++) {
    if (fa < fb) {
      hi = b; b = a; fb = fa;
      a = hi - phi * (hi - lo);
      fa = loss(Math.exp(a));
    } else {
      lo = a; a = b; fa = fb;
      b = lo + phi * (hi - lo);
      fb = loss(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** One-vs-rest weights (column-major, w[column * K + k]) and biases: one model per block, or one over both, averaged. */
function fitOvr(xs: readonly SparseVec[], yi: Int32Array, K: number, space: FeatureSpace, opts: TrainOptions, rand: () => number) {
  const C = opts.c ?? 1;
  const balance = opts.balance ?? 1.5;
  const charWeight = opts.charWeight === undefined ? 0.5 : opts.charWeight;
  const n = xs.length;
  const dim = space.size;
  const perClass = new Array<number>(K).fill(0);
  for (const y of yi) perClass[y]++;
  // one model over both blocks (each unit length, so the joined vector is scaled by 1/√2 to unit length), or one per block
  const parts: Array<{ weight: number; scale: number; keep: (c: number) => boolean }> = charWeight === null
    ? [{ weight: 1, scale: Math.SQRT1_2, keep: () => true }]
    : [
      { weight: charWeight, scale: 1, keep: (c: number) => space.block(c) === CHAR_BLOCK },
      { weight: 1 - charWeight, scale: 1, keep: (c: number) => space.block(c) !== CHAR_BLOCK },
    ].filter((p) => p.weight > 0);
  const w = new Float32Array(dim * K);
  const bias = new Float32Array(K);
  const y = new Int8Array(n);
  for (const part of parts) {
    const rows = toRows(xs, part.keep, part.scale);
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) y[i] = yi[i] === k ? 1 : -1;
      const cPos = C * Math.pow(n / (K * Math.max(1, perClass[k])), balance);
      const m = solveBinary(rows, y, cPos, C, dim, rand, opts.tolerance ?? 0.1, opts.epochs ?? 200);
      for (let j = 0; j < dim; j++) if (m.w[j] !== 0) w[j * K + k] += part.weight * part.scale * m.w[j];
      bias[k] += part.weight * m.b;
    }
  }
  return { w, bias };
}

function marginsOf(x: SparseVec, w: Float32Array, bias: Float32Array, out: Float64Array, at: number) {
  const K = bias.length;
  for (let k = 0; k < K; k++) out[at + k] = bias[k];
  for (let i = 0; i < x.idx.length; i++) {
    const base = x.idx[i] * K;
    for (let k = 0; k < K; k++) out[at + k] += w[base + k] * x.val[i];
  }
}

/**
 * Trains the one-vs-rest models on vectors already weighted over `space` (cross-validation reuses the counts).
 * The confidence temperature is fitted on held-out margins: the data is split in two halves (stratified), a model
 * trained on one half scores the other.
 */
export function trainOnVectors(xs: SparseVec[], ys: string[], space: FeatureSpace, opts: TrainOptions = {}): UnitClassifier {
  const labels = [...new Set(ys)].sort();
  const K = labels.length;
  const n = xs.length;
  const yi = Int32Array.from(ys, (y) => labels.indexOf(y));
  const rand = rng(opts.seed ?? 7);
  const { w, bias } = fitOvr(xs, yi, K, space, opts, rand);
  let temperature = 1;
  const seen = new Array<number>(K).fill(0);
  const half = Int8Array.from(yi, (y) => seen[y]++ % 2);
  if (opts.calibrate !== false && seen.every((c) => c >= 2)) {
    // a model of one half (stratified) scores the other half; a looser tolerance suffices for that model, the fitted
    // temperature moves only in the third decimal
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < n; i++) (half[i] === 0 ? tr : te).push(i);
    const m = fitOvr(tr.map((i) => xs[i]), Int32Array.from(tr, (i) => yi[i]), K, space, { ...opts, tolerance: Math.max(0.5, opts.tolerance ?? 0.1) }, rand);
    const heldOut = new Float64Array(te.length * K);
    te.forEach((i, j) => marginsOf(xs[i], m.w, m.bias, heldOut, j * K));
    temperature = fitTemperature(heldOut, Int32Array.from(te, (i) => yi[i]), K);
  }
  return new UnitClassifier(labels, space, w, bias, temperature, n);
}

/** Trains from labelled texts: fits the feature space on them, weighs their features and fits the models. */
export function train(tok: Tokenize, data: LabeledText[], opts: TrainOptions = {}): UnitClassifier {
  const counts = data.map((d) => exampleCounts(tok, d.text, d.title));
  const space = FeatureSpace.fit(counts);
  const xs = counts.map((c) => space.weigh(c));
  return trainOnVectors(xs, data.map((d) => d.label), space, opts);
}
