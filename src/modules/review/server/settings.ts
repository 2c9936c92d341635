/**
 * The module's per-tenant settings (系统参数): which figures go into which section of the annual review (篇章与统计数字),
 * data the office adjusts on the 系统管理 settings page.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { defaultLayout, sectionCodes, type SectionLayout } from '../domain/review-document.ts';

export const reviewSettingKeys = { layout: 'review.layout', highlights: 'review.highlightsPerKind' } as const;

/** 每类重点记录条数: how many notable records of each kind a section lists (0: none). */
export const DEFAULT_HIGHLIGHTS_PER_KIND = 5;
const highlightsSchema = z.number().int().min(0, '不能小于 0').max(50, '不能超过 50').describe('工作回眸每类重点记录条数');

const pattern = z.string().regex(/^[a-z_]+(\.[a-z0-9_]*)*$/, '应为统计数字代码或其前缀，如 proposals. 或 proposals.key');
export const layoutSchema = z.record(z.string(), z.array(pattern).max(200))
  .refine((l) => Object.keys(l).every((k) => sectionCodes.includes(k)), `篇章代码应为 ${sectionCodes.join('、')} 之一`)
  .describe('工作回眸各篇章的统计数字');

export async function readLayout(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<SectionLayout> {
  return ctx.settings.get(tenantId, reviewSettingKeys.layout, defaultLayout);
}

export async function readHighlightsPerKind(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<number> {
  return ctx.settings.get(tenantId, reviewSettingKeys.highlights, DEFAULT_HIGHLIGHTS_PER_KIND);
}

export const reviewSettings: SettingDecl<any>[] = [
  { key: reviewSettingKeys.layout, label: '工作回眸各篇章的统计数字（篇章代码 → 统计数字代码或前缀）', schema: layoutSchema, default: defaultLayout },
  // the records' own modules decide what is notable (重点提案, 领导批示, 已落实建议); the office decides how many
  { key: reviewSettingKeys.highlights, label: '工作回眸各篇章每类重点记录条数（0 为不列）', schema: highlightsSchema, default: DEFAULT_HIGHLIGHTS_PER_KIND },
];
