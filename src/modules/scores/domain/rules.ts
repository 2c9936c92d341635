/**
 * 履职积分规则 (pure): a rule set of a year — a base score (基础分), items, a ceiling, grade bands and the warning
 * threshold — and the one function that turns a member's counts into points. A rule item is a member figure of the
 * figure catalogue (`<module>.member.*`) × points per unit: positive items earn (加分), negative ones deduct (扣分),
 * each with an optional cap per year (上限). Because an item counts a figure, every point opens the records behind it.
 */

/** One scoring item (积分项). */
export interface RuleItem {
  /** the member figure counted (统计数字 key, e.g. 'proposals.member.filed') */
  figure: string;
  /** the item's name as the member reads it (e.g. 「立案提案」) */
  label: string;
  /** points per unit counted (分/次); negative for a deduction (扣分) */
  points: number;
  /** cap per year on the points of the item, as a positive amount (上限; also bounds a deduction); null: uncapped */
  cap: number | null;
  /** minimum count required in the year (最低要求, e.g. 「三个一」: at least one proposal); null: none */
  min: number | null;
}

/** A grade band (等次): the grade of a total of at least `min`. */
export interface GradeBand {
  /** 优秀 / 称职 / 基本称职 / 不称职 (or a city's own, such as 良好) */
  label: string;
  min: number;
}

/** A year's rules (积分规则). */
export interface RuleSet {
  /** 基础分: every member starts the year with it (济南 70, 东城 60); 0 for a pure tally */
  base: number;
  /** 总分上限 (济南 120); null: uncapped */
  maxTotal: number | null;
  items: RuleItem[];
  /** from the highest grade to the lowest; the last band's min is the floor (usually 0 or below) */
  bands: GradeBand[];
  /** 最低分 (warning threshold): a member below it over the year so far is warned, pro rata */
  minimum: number;
}

/** One item of a member's score: the count, the points it earned, and whether the minimum count is met. */
export interface ScoredItem {
  figure: string;
  label: string;
  count: number;
  pointsEach: number;
  points: number;
  capped: boolean;
  /** the minimum count is met (true when the item has none) */
  minMet: boolean;
}

export interface Score {
  base: number;
  items: ScoredItem[];
  total: number;
  grade: string;
  /** items whose minimum count is not met (「三个一」 shortfalls) */
  unmet: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** An item's points: count × points, bounded by its cap (a deduction by −cap). */
export function itemPoints(item: RuleItem, count: number): { points: number; capped: boolean } {
  const raw = count * item.points;
  if (item.cap === null) return { points: round1(raw), capped: false };
  if (raw > item.cap) return { points: item.cap, capped: true };
  if (raw < -item.cap) return { points: -item.cap, capped: true };
  return { points: round1(raw), capped: false };
}

/** The grade of a total: the first band (highest first) whose min it reaches; the last band otherwise. */
export function gradeOf(bands: readonly GradeBand[], total: number): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => total >= b.min) ?? sorted[sorted.length - 1])?.label ?? '';
}

/** A member's score of a year from their counts by figure key (a key absent from `counts` counts 0). */
export function scoreOf(rules: RuleSet, counts: ReadonlyMap<string, number> | Record<string, number>): Score {
  const get = (k: string) => (counts instanceof Map ? counts.get(k) : (counts as Record<string, number>)[k]) ?? 0;
  const items = rules.items.map((item): ScoredItem => {
    const count = get(item.figure);
    const { points, capped } = itemPoints(item, count);
    return { figure: item.figure, label: item.label, count, pointsEach: item.points, points, capped, minMet: item.min === null || count >= item.min };
  });
  let total = round1(rules.base + items.reduce((s, i) => s + i.points, 0));
  if (rules.maxTotal !== null && total > rules.maxTotal) total = rules.maxTotal;
  return { base: rules.base, items, total, grade: gradeOf(rules.bands, total), unmet: items.filter((i) => !i.minMet).map((i) => i.label) };
}

/**
 * 按进度预警: the part of the minimum a member should have reached by a day of the year (pro rata over the year's
 * days). The base score is not yet earned work, so it counts in full from the first day.
 */
export function proRataMinimum(rules: RuleSet, elapsedDays: number, yearDays: number): number {
  const share = Math.min(1, Math.max(0, elapsedDays / yearDays));
  const earned = Math.max(0, rules.minimum - rules.base);
  return round1(Math.min(rules.minimum, rules.base) + earned * share);
}

/** The periods of a year a warning is given once in (quarters): 1–4 by the elapsed share of the year. */
export const warningPeriodOf = (elapsedDays: number, yearDays: number) => Math.min(4, Math.max(1, Math.ceil((elapsedDays / yearDays) * 4)));

/** Grade distribution (等次分布): how many members in each band, in the bands' order. */
export function distributionOf(bands: readonly GradeBand[], grades: readonly string[]): { label: string; count: number }[] {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((b) => ({ label: b.label, count: grades.filter((g) => g === b.label).length }));
}
