/**
 * The module's per-tenant settings (系统参数): the 栏目 list (with the four defaults) that news items and media reports
 * are filed under.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { defaultNewsColumns, type NewsColumn } from '../domain/news-columns.ts';

export const newsSettingKeys = { columns: 'news.columns' } as const;

export async function readColumns(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<NewsColumn[]> {
  return [...await ctx.settings.get<readonly NewsColumn[]>(tenantId, newsSettingKeys.columns, defaultNewsColumns)];
}

export const columnLabel = (columns: readonly NewsColumn[], code: string) => columns.find((c) => c.code === code)?.label ?? defaultNewsColumns.find((c) => c.code === code)?.label ?? code;

export const newsSettings: SettingDecl<any>[] = [
  {
    key: newsSettingKeys.columns, label: '新闻栏目（要闻动态、委员风采、委员之声、基层协商……）',
    schema: z.array(z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '应为小写英文代码').describe('栏目代码'),
      label: z.string().trim().min(2).max(20).describe('栏目名称'),
    })).min(1).max(30).describe('栏目'),
    default: defaultNewsColumns,
  },
];
