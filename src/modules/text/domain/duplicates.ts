/** 查重/并案: near-duplicate detection by exact normalised hash plus MinHash over character shingles with LSH banding. */
import { hashString } from './sparse.ts';

const SHINGLE = 3;
export const MINHASH_PERM = 64;
const BANDS = 16;
const ROWS = MINHASH_PERM / BANDS;

/** Normalises for duplicate detection: keeps only CJK characters, letters and digits, lower-cased. */
export function dupNormalize(s: string): string {
  return s.toLowerCase().replace(/[^\p{Script=Han}a-z0-9]/gu, '');
}

function shingles(s: string): Uint32Array {
  const n = Math.max(0, s.length - SHINGLE + 1);
  const set = new Set<number>();
  for (let i = 0; i < n; i++) set.add(hashString(s.slice(i, i + SHINGLE)));
  if (n === 0 && s.length > 0) set.add(hashString(s));
  return Uint32Array.from(set);
}

const PERM_A = new Uint32Array(MINHASH_PERM);
const PERM_B = new Uint32Array(MINHASH_PERM);
{
  let x = 0x9e3779b9;
  const next = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0));
  for (let i = 0; i < MINHASH_PERM; i++) {
    PERM_A[i] = next() | 1;
    PERM_B[i] = next();
  }
}

/** A document's fingerprint: exact hash of the normalised text and its MinHash signature. */
export interface Fingerprint {
  exact: string;
  sig: Uint32Array;
}

export function fingerprint(text: string): Fingerprint {
  const norm = dupNormalize(text);
  const sh = shingles(norm);
  const sig = new Uint32Array(MINHASH_PERM).fill(0xffffffff);
  for (let p = 0; p < MINHASH_PERM; p++) {
    const a = PERM_A[p];
    const b = PERM_B[p];
    let min = 0xffffffff;
    for (let i = 0; i < sh.length; i++) {
      let h = (Math.imul(sh[i], a) + b) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b) >>> 0;
      h ^= h >>> 13;
      if (h < min) min = h;
    }
    sig[p] = min;
  }
  return { exact: `${norm.length}:${hashString(norm).toString(36)}:${hashString(norm, 0x1234567).toString(36)}`, sig };
}

/** Estimated Jaccard similarity of two signatures (1 when the normalised texts are identical). */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.exact === b.exact) return 1;
  let eq = 0;
  for (let i = 0; i < MINHASH_PERM; i++) if (a.sig[i] === b.sig[i]) eq++;
  return eq / MINHASH_PERM;
}

/** Default threshold on estimated shingle Jaccard above which two items are offered as duplicates. */
export const DEFAULT_DUP_THRESHOLD = 0.5;

/** An in-memory duplicate index: LSH buckets over signature bands, and exact hashes. */
export class DuplicateIndex<K = string> {
  private readonly fps = new Map<K, Fingerprint>();
  private readonly exact = new Map<string, K[]>();
  private readonly buckets: Array<Map<string, K[]>> = Array.from({ length: BANDS }, () => new Map());

  get size() {
    return this.fps.size;
  }

  fingerprintOf(key: K): Fingerprint | undefined {
    return this.fps.get(key);
  }

  private bandKey(sig: Uint32Array, band: number): string {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[band * ROWS + r];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return `${h.toString(36)}:${sig[band * ROWS].toString(36)}`;
  }

  add(key: K, fp: Fingerprint): void {
    this.fps.set(key, fp);
    this.exact.set(fp.exact, [...(this.exact.get(fp.exact) ?? []), key]);
    for (let b = 0; b < BANDS; b++) {
      const k = this.bandKey(fp.sig, b);
      const list = this.buckets[b].get(k);
      if (list) list.push(key);
      else this.buckets[b].set(k, [key]);
    }
  }

  /** Items whose estimated similarity to fp reaches the threshold, most similar first. */
  query(fp: Fingerprint, threshold = DEFAULT_DUP_THRESHOLD, exclude?: K): Array<{ key: K; score: number }> {
    const cand = new Set<K>(this.exact.get(fp.exact) ?? []);
    for (let b = 0; b < BANDS; b++) for (const k of this.buckets[b].get(this.bandKey(fp.sig, b)) ?? []) cand.add(k);
    const out: Array<{ key: K; score: number }> = [];
    for (const k of cand) {
      if (k === exclude) continue;
      const s = similarity(fp, this.fps.get(k)!);
      if (s >= threshold) out.push({ key: k, score: s });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** All pairs at or above the threshold (each pair once), for the review queue. */
  pairs(threshold = DEFAULT_DUP_THRESHOLD): Array<{ a: K; b: K; score: number }> {
    const seen = new Set<string>();
    const out: Array<{ a: K; b: K; score: number }> = [];
    const keys = [...this.fps.keys()];
    const pos = new Map(keys.map((k, i) => [k, i]));
    for (const a of keys) {
      for (const { key: b, score } of this.query(this.fps.get(a)!, threshold, a)) {
        const i = pos.get(a)!;
        const j = pos.get(b)!;
        const id = i < j ? `${i}|${j}` : `${j}|${i}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ a, b, score });
      }
    }
    return out;
  }
}

/** Groups of duplicates (connected components of the pairs), for merging (并案). */
export function groupPairs<K>(pairs: Array<{ a: K; b: K }>): K[][] {
  const parent = new Map<K, K>();
  const find = (x: K): K => {
    let p = parent.get(x) ?? x;
    if (p !== x) {
      p = find(p);
      parent.set(x, p);
    }
    return p;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<K, K[]>();
  for (const k of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  }
  return [...groups.values()];
}
