/**
 * 采用层级 / 批示层级 marks: the levels at which a report's lineage (the original and its copies up the levels) has
 * been adopted, and at which leaders have instructed on it, kept on every report of the lineage as one small integer
 * each (one bit per level), so that lists filter on the report row instead of searching the events. Pure.
 */
import type { Level } from '../contract.ts';

/** The bit of each level (县级 1, 市级 2, 省级 4, 全国 8). */
export const levelBits: Record<Level, number> = { county: 1, city: 2, province: 4, national: 8 };

/** The bit of a level, 0 for anything else. */
export function levelBit(level: string | null | undefined): number {
  return level && Object.hasOwn(levelBits, level) ? levelBits[level as Level] : 0;
}

/** The marks an event adds: adoptions mark their level, instructions their leader's level; other kinds mark nothing. */
export function marksOfEvent(e: { kind: string; level: string; leader_level?: string | null }): { adoption: number; instruction: number } {
  return {
    adoption: e.kind === 'adoption' ? levelBit(e.level) : 0,
    instruction: e.kind === 'instruction' ? levelBit(e.leader_level) : 0,
  };
}
