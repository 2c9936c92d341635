/** Sparse vectors (sorted indices with values), hashing of features, and the small vector maths the text module needs. */

/** A sparse vector: strictly increasing indices with their values. */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

/** 32-bit FNV-1a hash of a string (feature hashing). */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Builds a sparse vector from a map of index → value, sorted by index. */
export function fromMap(m: Map<number, number>): SparseVec {
  const keys = [...m.keys()].sort((a, b) => a - b);
  const idx = new Int32Array(keys.length);
  const val = new Float32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    idx[i] = keys[i];
    val[i] = m.get(keys[i])!;
  }
  return { idx, val };
}

export function norm(v: SparseVec): number {
  let s = 0;
  for (let i = 0; i < v.val.length; i++) s += v.val[i] * v.val[i];
  return Math.sqrt(s);
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalize(v: SparseVec): SparseVec {
  const n = norm(v);
  if (n > 0) for (let i = 0; i < v.val.length; i++) v.val[i] /= n;
  return v;
}

/** Dot product of two sparse vectors (merge of sorted indices). */
export function dot(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i];
    const y = b.idx[j];
    if (x === y) {
      s += a.val[i++] * b.val[j++];
    } else if (x < y) i++;
    else j++;
  }
  return s;
}
