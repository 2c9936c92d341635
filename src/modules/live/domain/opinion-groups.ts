/**
 * Opinion groups (意见分组) from the participants × statements vote matrix, as Pol.is finds them (pure: no I/O).
 *
 * 1. The matrix is sparse: each participant votes on some statements (agree = 1, disagree = -1, pass = 0). A missing
 *    vote is taken as the statement's mean vote, so after centring by the column means it is exactly 0 and only the
 *    votes cast are stored and touched.
 * 2. Principal components by subspace iteration on XᵀX using sparse products (X v and Xᵀ u), O(votes) per step.
 * 3. Each participant's projection is scaled by √(statements / their votes), so one who voted on few statements is not
 *    pulled to the centre (Pol.is does the same).
 * 4. k-means (k-means++ seeding, a fixed-seed generator, several restarts) for k = 2..5; k is chosen by the silhouette
 *    (on a sample when there are many participants).
 * 5. What each group believes: the statements on which the group's agreement (or disagreement) differs most from the
 *    rest (group-informative); consensus: statements most agreed with in every group.
 */

/** One vote: agree 1 (赞同), disagree -1 (反对), pass 0 (跳过). */
export type VoteValue = 1 | -1 | 0;

export interface VoteMatrix {
  /** number of participants (rows) */
  participants: number;
  /** number of statements (columns) */
  statements: number;
  /** the votes: row (participant index), column (statement index), value */
  rows: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

export interface ClusterOptions {
  /** participants with fewer votes are not grouped (default 3, or the number of statements when smaller) */
  minVotes?: number;
  /** candidate group counts (default 2..5) */
  ks?: readonly number[];
  /** principal components used (default 3, at most the number of statements) */
  components?: number;
  /** silhouette on at most this many participants (default 1500) */
  silhouetteSample?: number;
  restarts?: number;
  seed?: number;
}

export interface StatementStats {
  agree: number;
  disagree: number;
  pass: number;
}

export interface GroupStatement {
  statement: number;
  /** 'agree' if the group agrees more than the others do, 'disagree' if it disagrees more */
  direction: 'agree' | 'disagree';
  /** the group's agreement (or disagreement) rate, smoothed */
  rate: number;
  /** the others' rate of the same */
  othersRate: number;
}

export interface OpinionGroup {
  /** the participants (row indices) in the group */
  members: number[];
  /** group-informative statements, the most telling first */
  informative: GroupStatement[];
  /** 2-D position of the group's centre (first two components), for drawing */
  centre: [number, number];
}

export interface OpinionGroupsResult {
  /** group index of each participant, -1 for those not grouped (too few votes) */
  assignment: Int32Array;
  groups: OpinionGroup[];
  /** statements agreed with across all groups, strongest first, with the lowest group agreement rate */
  consensus: Array<{ statement: number; minAgree: number }>;
  /** per statement: agree / disagree / pass counts */
  tallies: StatementStats[];
  k: number;
  silhouette: number;
  /** 2-D positions of the grouped participants (first two components) */
  positions: Float64Array;
}

/** Build a matrix from vote triples. */
export function voteMatrix(participants: number, statements: number, votes: ReadonlyArray<readonly [number, number, number]>): VoteMatrix {
  const rows = new Int32Array(votes.length);
  const cols = new Int32Array(votes.length);
  const values = new Float64Array(votes.length);
  votes.forEach(([r, c, v], i) => { rows[i] = r; cols[i] = c; values[i] = v; });
  return { participants, statements, rows, cols, values };
}

/** A small, fast, seedable generator (mulberry32): the same votes give the same groups. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts per statement. */
export function tallyVotes(m: VoteMatrix): StatementStats[] {
  const t = Array.from({ length: m.statements }, () => ({ agree: 0, disagree: 0, pass: 0 }));
  for (let i = 0; i < m.values.length; i++) {
    const v = m.values[i];
    const s = t[m.cols[i]];
    if (v > 0) s.agree++; else if (v < 0) s.disagree++; else s.pass++;
  }
  return t;
}

/**
 * Top principal components of the column-centred sparse matrix (only cells with a vote), by subspace iteration
 * with Gram–Schmidt. Returns the components as `d` vectors of length `statements`.
 */
export function principalComponents(m: VoteMatrix, d: number, iterations = 60, seed = 7): Float64Array[] {
  const n = m.participants;
  const p = m.statements;
  const mean = new Float64Array(p);
  const count = new Float64Array(p);
  for (let i = 0; i < m.values.length; i++) { mean[m.cols[i]] += m.values[i]; count[m.cols[i]]++; }
  for (let j = 0; j < p; j++) mean[j] = count[j] ? mean[j] / count[j] : 0;
  const centred = new Float64Array(m.values.length);
  for (let i = 0; i < m.values.length; i++) centred[i] = m.values[i] - mean[m.cols[i]];
  const rand = rng(seed);
  let basis: Float64Array[] = Array.from({ length: d }, () => Float64Array.from({ length: p }, () => rand() - 0.5));
  orthonormalise(basis);
  const u = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const next: Float64Array[] = [];
    for (const v of basis) {
      u.fill(0);
      for (let i = 0; i < centred.length; i++) u[m.rows[i]] += centred[i] * v[m.cols[i]];
      const w = new Float64Array(p);
      for (let i = 0; i < centred.length; i++) w[m.cols[i]] += centred[i] * u[m.rows[i]];
      next.push(w);
    }
    orthonormalise(next);
    basis = next;
  }
  return basis;
}

function orthonormalise(vs: Float64Array[]): void {
  for (let a = 0; a < vs.length; a++) {
    const v = vs[a];
    for (let b = 0; b < a; b++) {
      const dot = dotp(v, vs[b]);
      for (let j = 0; j < v.length; j++) v[j] -= dot * vs[b][j];
    }
    const norm = Math.sqrt(dotp(v, v)) || 1;
    for (let j = 0; j < v.length; j++) v[j] /= norm;
  }
}

function dotp(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** k-means on points (n × d, row-major) with k-means++ seeding; the best of `restarts` by within-group sum of squares. */
export function kMeans(points: Float64Array, n: number, d: number, k: number, restarts = 4, seed = 11): { assignment: Int32Array; centres: Float64Array; inertia: number } {
  const rand = rng(seed + k * 101);
  let best: { assignment: Int32Array; centres: Float64Array; inertia: number } | null = null;
  for (let r = 0; r < restarts; r++) {
    const centres = new Float64Array(k * d);
    // k-means++: the first centre at random, each next one with probability ∝ squared distance to the nearest
    const first = Math.floor(rand() * n);
    for (let x = 0; x < d; x++) centres[x] = points[first * d + x];
    const dist = new Float64Array(n).fill(Infinity);
    for (let c = 1; c < k; c++) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const dd = sq(points, i, centres, c - 1, d);
        if (dd < dist[i]) dist[i] = dd;
        total += dist[i];
      }
      let pick = rand() * total;
      let chosen = n - 1;
      for (let i = 0; i < n; i++) { pick -= dist[i]; if (pick <= 0) { chosen = i; break; } }
      for (let x = 0; x < d; x++) centres[c * d + x] = points[chosen * d + x];
    }
    const assignment = new Int32Array(n);
    let inertia = 0;
    for (let it = 0; it < 100; it++) {
      let changed = 0;
      inertia = 0;
      for (let i = 0; i < n; i++) {
        let bi = 0;
        let bd = Infinity;
        for (let c = 0; c < k; c++) { const dd = sq(points, i, centres, c, d); if (dd < bd) { bd = dd; bi = c; } }
        if (assignment[i] !== bi || it === 0) { changed++; assignment[i] = bi; }
        inertia += bd;
      }
      if (!changed && it > 0) break;
      const sums = new Float64Array(k * d);
      const counts = new Int32Array(k);
      for (let i = 0; i < n; i++) {
        counts[assignment[i]]++;
        for (let x = 0; x < d; x++) sums[assignment[i] * d + x] += points[i * d + x];
      }
      for (let c = 0; c < k; c++) {
        if (!counts[c]) continue; // an empty group keeps its centre
        for (let x = 0; x < d; x++) centres[c * d + x] = sums[c * d + x] / counts[c];
      }
    }
    if (!best || inertia < best.inertia) best = { assignment, centres, inertia };
  }
  return best!;
}

function sq(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let x = 0; x < d; x++) { const t = a[i * d + x] - b[j * d + x]; s += t * t; }
  return s;
}

/** Mean silhouette of an assignment over the given sample of points (1 = tight, separate groups; ≤ 0 = no structure). */
export function silhouette(points: Float64Array, d: number, assignment: Int32Array, k: number, sample: readonly number[]): number {
  let total = 0;
  let counted = 0;
  for (const i of sample) {
    const sums = new Float64Array(k);
    const counts = new Int32Array(k);
    for (const j of sample) {
      if (j === i) continue;
      sums[assignment[j]] += Math.sqrt(sq(points, i, points, j, d));
      counts[assignment[j]]++;
    }
    const own = assignment[i];
    if (!counts[own]) continue;
    const a = sums[own] / counts[own];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]) b = Math.min(b, sums[c] / counts[c]);
    if (!Number.isFinite(b)) continue;
    const s = Math.max(a, b) ? (b - a) / Math.max(a, b) : 0;
    total += s;
    counted++;
  }
  return counted ? total / counted : 0;
}

/** Find the opinion groups. Needs at least two participants with enough votes and two statements; else no groups. */
export function findOpinionGroups(m: VoteMatrix, opts: ClusterOptions = {}): OpinionGroupsResult {
  const tallies = tallyVotes(m);
  const assignment = new Int32Array(m.participants).fill(-1);
  const empty: OpinionGroupsResult = { assignment, groups: [], consensus: [], tallies, k: 0, silhouette: 0, positions: new Float64Array(0) };
  if (m.statements < 2 || m.participants < 4) return empty;
  const minVotes = Math.min(opts.minVotes ?? 3, m.statements);
  const votesOf = new Int32Array(m.participants);
  for (let i = 0; i < m.rows.length; i++) votesOf[m.rows[i]]++;
  const grouped: number[] = [];
  const slot = new Int32Array(m.participants).fill(-1);
  for (let r = 0; r < m.participants; r++) if (votesOf[r] >= minVotes) { slot[r] = grouped.length; grouped.push(r); }
  const n = grouped.length;
  if (n < 4) return empty;
  const d = Math.min(opts.components ?? 3, m.statements);
  const comps = principalComponents(m, d, 60, opts.seed ?? 7);
  // projections of the centred rows, scaled up for participants who voted on few statements
  const mean = new Float64Array(m.statements);
  const count = new Float64Array(m.statements);
  for (let i = 0; i < m.values.length; i++) { mean[m.cols[i]] += m.values[i]; count[m.cols[i]]++; }
  for (let j = 0; j < m.statements; j++) mean[j] = count[j] ? mean[j] / count[j] : 0;
  const points = new Float64Array(n * d);
  for (let i = 0; i < m.values.length; i++) {
    const s = slot[m.rows[i]];
    if (s < 0) continue;
    const c = m.values[i] - mean[m.cols[i]];
    for (let x = 0; x < d; x++) points[s * d + x] += c * comps[x][m.cols[i]];
  }
  for (let s = 0; s < n; s++) {
    const scale = Math.sqrt(m.statements / votesOf[grouped[s]]);
    for (let x = 0; x < d; x++) points[s * d + x] *= scale;
  }
  const rand = rng((opts.seed ?? 7) + 3);
  const sampleSize = Math.min(n, opts.silhouetteSample ?? 1500);
  const sample: number[] = [];
  if (sampleSize === n) for (let i = 0; i < n; i++) sample.push(i);
  else {
    // a reservoir sample of the participants, the same for every k
    for (let i = 0; i < n; i++) {
      if (sample.length < sampleSize) sample.push(i);
      else { const j = Math.floor(rand() * (i + 1)); if (j < sampleSize) sample[j] = i; }
    }
  }
  let best: { k: number; s: number; assignment: Int32Array; centres: Float64Array } | null = null;
  for (const k of opts.ks ?? [2, 3, 4, 5]) {
    if (k >= n) break;
    const km = kMeans(points, n, d, k, opts.restarts ?? 4, opts.seed ?? 11);
    const s = silhouette(points, d, km.assignment, k, sample);
    if (!best || s > best.s + 1e-9) best = { k, s, assignment: km.assignment, centres: km.centres };
  }
  if (!best) return empty;
  // renumber groups by size (largest first), dropping empty ones
  const sizes = new Int32Array(best.k);
  for (let s = 0; s < n; s++) sizes[best.assignment[s]]++;
  const order = [...sizes.keys()].filter((c) => sizes[c] > 0).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const renumber = new Int32Array(best.k).fill(-1);
  order.forEach((c, i) => { renumber[c] = i; });
  const k = order.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let s = 0; s < n; s++) {
    const g = renumber[best.assignment[s]];
    assignment[grouped[s]] = g;
    members[g].push(grouped[s]);
  }
  // per group and statement: agree / disagree / votes
  const ga = Array.from({ length: k }, () => new Float64Array(m.statements));
  const gd = Array.from({ length: k }, () => new Float64Array(m.statements));
  const gn = Array.from({ length: k }, () => new Float64Array(m.statements));
  for (let i = 0; i < m.values.length; i++) {
    const g = assignment[m.rows[i]];
    if (g < 0) continue;
    const j = m.cols[i];
    gn[g][j]++;
    if (m.values[i] > 0) ga[g][j]++; else if (m.values[i] < 0) gd[g][j]++;
  }
  const totA = new Float64Array(m.statements);
  const totD = new Float64Array(m.statements);
  const totN = new Float64Array(m.statements);
  for (let g = 0; g < k; g++) for (let j = 0; j < m.statements; j++) { totA[j] += ga[g][j]; totD[j] += gd[g][j]; totN[j] += gn[g][j]; }
  // smoothed rates (Laplace): a statement few voted on says little
  const rate = (x: number, t: number) => (x + 1) / (t + 2);
  const groups: OpinionGroup[] = members.map((mem, g) => {
    const informative: GroupStatement[] = [];
    for (let j = 0; j < m.statements; j++) {
      if (gn[g][j] < 1) continue;
      const agree = rate(ga[g][j], gn[g][j]);
      const othersAgree = rate(totA[j] - ga[g][j], totN[j] - gn[g][j]);
      const dis = rate(gd[g][j], gn[g][j]);
      const othersDis = rate(totD[j] - gd[g][j], totN[j] - gn[g][j]);
      if (agree - othersAgree >= dis - othersDis) informative.push({ statement: j, direction: 'agree', rate: agree, othersRate: othersAgree });
      else informative.push({ statement: j, direction: 'disagree', rate: dis, othersRate: othersDis });
    }
    informative.sort((a, b) => (b.rate - b.othersRate) - (a.rate - a.othersRate) || a.statement - b.statement);
    const cx = d > 0 ? best!.centres[order[g] * d] : 0;
    const cy = d > 1 ? best!.centres[order[g] * d + 1] : 0;
    return { members: mem, informative: informative.filter((x) => x.rate - x.othersRate > 0.15).slice(0, 5), centre: [cx, cy] };
  });
  const consensus: Array<{ statement: number; minAgree: number }> = [];
  for (let j = 0; j < m.statements; j++) {
    let min = Infinity;
    for (let g = 0; g < k; g++) min = Math.min(min, rate(ga[g][j], gn[g][j]));
    if (min >= 0.6) consensus.push({ statement: j, minAgree: min });
  }
  consensus.sort((a, b) => b.minAgree - a.minAgree || a.statement - b.statement);
  const positions = new Float64Array(n * 2);
  for (let s = 0; s < n; s++) { positions[s * 2] = points[s * d]; positions[s * 2 + 1] = d > 1 ? points[s * d + 1] : 0; }
  return { assignment, groups, consensus: consensus.slice(0, 5), tallies, k, silhouette: best.s, positions };
}

/** Adjusted Rand index of two labelings (1 = the same partition, about 0 = chance). Labels < 0 are left out. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const table = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    n++;
    const key = `${a[i]}:${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  const c2 = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  for (const v of ra.values()) sa += c2(v);
  let sb = 0;
  for (const v of rb.values()) sb += c2(v);
  const expected = (sa * sb) / (c2(n) || 1);
  const max = (sa + sb) / 2;
  return max - expected === 0 ? 1 : (index - expected) / (max - expected);
}

/**
 * A synthetic vote matrix with planted groups (tests and the benchmark): each group has its own stance on each
 * statement (agree / disagree), each participant votes on a share of the statements and follows their group's
 * stance with the given probability.
 */
export function plantedMatrix(opts: { participants: number; statements: number; groups: number; density: number; loyalty: number; seed?: number }): { matrix: VoteMatrix; truth: Int32Array } {
  const rand = rng(opts.seed ?? 1);
  const stance = Array.from({ length: opts.groups }, () => Int8Array.from({ length: opts.statements }, () => (rand() < 0.5 ? 1 : -1)));
  const truth = new Int32Array(opts.participants);
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < opts.participants; r++) {
    const g = r % opts.groups;
    truth[r] = g;
    for (let j = 0; j < opts.statements; j++) {
      if (rand() >= opts.density) continue;
      const u = rand();
      const v = u < opts.loyalty ? stance[g][j] : u < opts.loyalty + (1 - opts.loyalty) / 2 ? 0 : -stance[g][j];
      rows.push(r); cols.push(j); values.push(v);
    }
  }
  return { matrix: { participants: opts.participants, statements: opts.statements, rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float64Array.from(values) }, truth };
}
