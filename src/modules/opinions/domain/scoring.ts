/**
 * 积分: the configurable points table — (level where adopted × 单篇/综合) for adoptions and the leader's level for
 * 批示 — and the writing guide (一事一报, about 1,500 characters: a warning, not a wall). Pure.
 */
import type { AdoptionType, Level } from '../contract.ts';

export interface PointsTable {
  /** points for an adoption at each level, single or composite */
  adoption: Record<Level, Record<AdoptionType, number>>;
  /** points for a leadership instruction (批示), by the leader's level */
  instruction: Record<Level, number>;
}

/** Defaults after the guide's example (an own adoption 1, upper levels +5 / +20, city leader +10, central +30). */
export const defaultPoints: PointsTable = {
  adoption: {
    county: { single: 1, composite: 0.5 },
    city: { single: 2, composite: 1 },
    province: { single: 5, composite: 3 },
    national: { single: 20, composite: 10 },
  },
  instruction: { county: 3, city: 10, province: 20, national: 30 },
};

export function pointsFor(t: PointsTable, e: { kind: string; level: Level; adoptionType?: AdoptionType | null; leaderLevel?: Level | null }): number {
  if (e.kind === 'adoption') return t.adoption[e.level]?.[e.adoptionType ?? 'single'] ?? 0;
  if (e.kind === 'instruction') return t.instruction[e.leaderLevel ?? e.level] ?? 0;
  return 0;
}

export const defaultLengthGuide = 1500;

/** Count characters as readers do (code points, whitespace excluded). */
export function textLength(s: string): number {
  return [...s.replace(/\s+/g, '')].length;
}

/** A gentle warning when a report runs past the guide; null when within it. */
export function lengthWarning(body: string, guide = defaultLengthGuide): string | null {
  const n = textLength(body);
  return n > guide ? `正文约 ${n} 字，超过建议的 ${guide} 字左右；一事一报，请尽量精炼` : null;
}

/** The CPPCC level of an organisation level code. */
export function levelOfOrg(level: string | null | undefined): 'county' | 'city' | 'province' | 'national' {
  return level === 'county' || level === 'province' || level === 'national' ? level : 'city';
}
