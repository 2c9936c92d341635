/**
 * The module's per-tenant settings (系统参数): which figures go into which section of the annual review (篇章与统计数字),
 * data the office adjusts on the 系统管理 settings page.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { defaultLayout, sectionCodes, type SectionLayout } from '../domain/review-document.ts';

export const reviewSettingKeys = { layout: 'review.layout' } as const;

const pattern = z.string().regex(/^[a-z_]+(\.[a-z0-9_]*)*$/, '应为统计数字代码或其前缀，如 proposals. 或 proposals.key');
export const layoutSchema = z.record(z.string(), z.array(pattern).max(200))
  .refine((l) => Object.keys(l).every((k) => sectionCodes.includes(k)), `篇章代码应为 ${sectionCodes.join('、')} 之一`)
  .describe('工作回眸各篇章的统计数字');

export async function readLayout(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<SectionLayout> {
  return ctx.settings.get(tenantId, reviewSettingKeys.layout, defaultLayout);
}

export const reviewSettings: SettingDecl<any>[] = [
  { key: reviewSettingKeys.layout, label: '工作回眸各篇章的统计数字（篇章代码 → 统计数字代码或前缀）', schema: layoutSchema, default: defaultLayout },
];
