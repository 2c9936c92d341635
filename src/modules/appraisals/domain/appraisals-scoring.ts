/**
 * 满意度测评 (the satisfaction vote) and its results, pure. Each ballot (测评票) marks every appraised department on every
 * item (测评项目: 工作作风, 办事效率, …, each with a weight, 权重) with one choice (满意 / 基本满意 / 不满意), each choice
 * worth a score. A department's item score is the mean of the choices' scores over the ballots; its total (综合得分) is
 * the weighted mean of its item scores; departments are ranked by the total (equal totals share a rank: 1, 1, 3).
 */

/** The choices on a ballot (测评选项). */
export const choices = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Choice = (typeof choices)[number];
export const choiceLabels: Record<Choice, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

/** What each choice is worth (分值), set per appraisal. */
export interface ChoiceScores { satisfied: number; basic: number; dissatisfied: number }
export const defaultChoiceScores: ChoiceScores = { satisfied: 100, basic: 60, dissatisfied: 0 };

/** 测评项目 with its weight (权重, a positive integer; the weights need not add up to 100). */
export interface AppraisalItem { seq: number; name: string; weight: number }
export const defaultItems: ReadonlyArray<Omit<AppraisalItem, 'seq'>> = [
  { name: '工作作风', weight: 25 }, { name: '办事效率', weight: 25 }, { name: '服务质量', weight: 30 }, { name: '廉洁自律', weight: 20 },
];

/** How many ballots chose `choice` for one department on one item (the only thing the results read: no voter). */
export interface Tally { unitId: string; itemSeq: number; choice: Choice; n: number }

export interface Counts { satisfied: number; basic: number; dissatisfied: number }
export interface ItemResult { seq: number; name: string; weight: number; score: number | null; counts: Counts }
export interface UnitResult {
  unitId: string;
  unitName: string;
  /** 综合得分: the weighted mean of the item scores, two decimals; null without a ballot */
  score: number | null;
  /** 满意率: 满意 and 基本满意 among all marks, percent with one decimal; null without a ballot */
  satisfactionRate: number | null;
  /** the ballots that marked the department */
  ballots: number;
  counts: Counts;
  items: ItemResult[];
  /** 排名: 1 for the best; equal scores share a rank; null without a ballot */
  rank: number | null;
}

const round = (x: number, digits: number) => { const f = 10 ** digits; return Math.round(x * f) / f; };
const zero = (): Counts => ({ satisfied: 0, basic: 0, dissatisfied: 0 });
const total = (c: Counts) => c.satisfied + c.basic + c.dissatisfied;

/** The score of a set of marks: the mean of their choices' scores (unrounded), or null without marks. */
export function meanScore(c: Counts, scores: ChoiceScores): number | null {
  const n = total(c);
  return n === 0 ? null : (c.satisfied * scores.satisfied + c.basic * scores.basic + c.dissatisfied * scores.dissatisfied) / n;
}

/** The weighted total of item scores (items without marks left out), or null when no item has any. */
export function weightedScore(items: ReadonlyArray<{ weight: number; score: number | null }>): number | null {
  const scored = items.filter((i) => i.score !== null && i.weight > 0);
  const w = scored.reduce((s, i) => s + i.weight, 0);
  return w === 0 ? null : scored.reduce((s, i) => s + i.weight * (i.score as number), 0) / w;
}

/** Competition ranking by score, best first: equal scores share a rank (1, 1, 3); departments without a score last. */
export function rank<T extends { score: number | null; unitName: string }>(rows: readonly T[]): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.unitName.localeCompare(b.unitName, 'zh'));
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((r, i) => {
    if (r.score === null) return { ...r, rank: null };
    const at: number = r.score === prev ? prevRank : i + 1;
    prev = r.score;
    prevRank = at;
    return { ...r, rank: at };
  });
}

/** The results of an appraisal per department and item, ranked. */
export function computeResults(units: ReadonlyArray<{ unitId: string; unitName: string }>, items: readonly AppraisalItem[], tallies: readonly Tally[], scores: ChoiceScores): UnitResult[] {
  const rows = units.map((u) => {
    const itemResults: ItemResult[] = items.map((it) => {
      const counts = zero();
      for (const t of tallies) if (t.unitId === u.unitId && t.itemSeq === it.seq) counts[t.choice] += Number(t.n);
      const s = meanScore(counts, scores);
      return { seq: it.seq, name: it.name, weight: it.weight, score: s === null ? null : round(s, 2), counts };
    });
    const counts = zero();
    for (const it of itemResults) for (const c of choices) counts[c] += it.counts[c];
    // the total from the unrounded item scores, so rounding happens once
    const unrounded = weightedScore(items.map((it, i) => ({ weight: it.weight, score: meanScore(itemResults[i].counts, scores) })));
    const n = total(counts);
    return {
      unitId: u.unitId, unitName: u.unitName, score: unrounded === null ? null : round(unrounded, 2),
      satisfactionRate: n === 0 ? null : round(((counts.satisfied + counts.basic) / n) * 100, 1),
      ballots: Math.max(0, ...itemResults.map((i) => total(i.counts))), counts, items: itemResults,
    };
  });
  return rank(rows);
}

/**
 * A ballot's marks must name each department on each item exactly once, with a known choice: returns the first fault
 * as [field, message] (the field as the API names it), or null.
 */
export function ballotFault(marks: ReadonlyArray<{ unitId: string; itemSeq: number; choice: string }>, unitIds: readonly string[], itemSeqs: readonly number[]): [string, string] | null {
  const units = new Set(unitIds);
  const seqs = new Set(itemSeqs);
  const seen = new Set<string>();
  for (const [i, m] of marks.entries()) {
    if (!units.has(m.unitId)) return [`marks.${i}.unitId`, '「被评议单位」不是本次评议的单位'];
    if (!seqs.has(m.itemSeq)) return [`marks.${i}.itemSeq`, '「测评项目」不是本次评议的项目'];
    if (!(choices as readonly string[]).includes(m.choice)) return [`marks.${i}.choice`, '「测评意见」应为满意、基本满意或不满意'];
    const k = `${m.unitId}|${m.itemSeq}`;
    if (seen.has(k)) return [`marks.${i}`, '「测评意见」同一单位的同一项目只能选一次'];
    seen.add(k);
  }
  if (seen.size !== units.size * seqs.size) return ['marks', `「测评意见」不完整：每个单位的每个项目都要选择（应有 ${units.size * seqs.size} 项，实有 ${seen.size} 项）`];
  return null;
}

/** The weights: positive integers, names distinct; returns the first fault as [field, message], or null. */
export function itemsFault(items: ReadonlyArray<{ name: string; weight: number }>): [string, string] | null {
  if (items.length === 0) return ['items', '「测评项目」至少要有一项'];
  const names = new Set<string>();
  for (const [i, it] of items.entries()) {
    if (names.has(it.name)) return [`items.${i}.name`, `「测评项目」「${it.name}」重复`];
    names.add(it.name);
  }
  return null;
}
