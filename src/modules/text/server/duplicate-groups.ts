/** 查重/并案 for other modules: groups of likely duplicates and of the same matter in other words (同一事项) among some of their records, at the tenant's threshold setting. */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { DEFAULT_DUP_THRESHOLD } from '../domain/duplicates.ts';
import { textServiceOf } from '../module.ts';
import { DUP_THRESHOLD_SETTING } from './routes.ts';
import type { MatterReason } from '../contract.ts';

export interface DuplicateGroup {
  refIds: string[];
  /** 疑似重复 (copies) or 同一事项 (the same matter in other words; at least one pair is not a copy) */
  kind: 'duplicate' | 'same_matter';
  pairs: Array<{ a: string; b: string; score: number; kind: 'duplicate' | 'same_matter' }>;
  sharedKeywords: string[];
  /** what the members share: places, districts, problems, demands, objects */
  reason: MatterReason;
}

/** Likely duplicates among the given records of `source`, with the threshold (`text.duplicate_threshold`) used. */
export async function findDuplicateGroups(ctx: ModuleContext, tenantId: string, source: string, refIds: readonly string[]): Promise<{ groups: DuplicateGroup[]; threshold: number }> {
  const threshold = await ctx.settings.get(tenantId, DUP_THRESHOLD_SETTING, DEFAULT_DUP_THRESHOLD);
  if (refIds.length < 2) return { groups: [], threshold };
  return { groups: await textServiceOf(ctx).duplicateGroups(tenantId, source, refIds, threshold), threshold };
}
