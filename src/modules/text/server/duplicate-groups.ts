/** 查重/并案 for other modules: groups of likely duplicates among some of their records, at the tenant's threshold setting. */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { DEFAULT_DUP_THRESHOLD } from '../domain/duplicates.ts';
import { textServiceOf } from '../module.ts';
import { DUP_THRESHOLD_SETTING } from './routes.ts';

export interface DuplicateGroup {
  refIds: string[];
  pairs: Array<{ a: string; b: string; score: number }>;
  sharedKeywords: string[];
}

/** Likely duplicates among the given records of `source`, with the threshold (`text.duplicate_threshold`) used. */
export async function findDuplicateGroups(ctx: ModuleContext, tenantId: string, source: string, refIds: readonly string[]): Promise<{ groups: DuplicateGroup[]; threshold: number }> {
  const threshold = await ctx.settings.get(tenantId, DUP_THRESHOLD_SETTING, DEFAULT_DUP_THRESHOLD);
  if (refIds.length < 2) return { groups: [], threshold };
  return { groups: await textServiceOf(ctx).duplicateGroups(tenantId, source, refIds, threshold), threshold };
}
