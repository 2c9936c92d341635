/**
 * The module's per-tenant settings (系统参数), declared in the manifest: the 系统管理 settings page lists them with
 * their Chinese labels and validates new values against the schema. Code reads them with a default through
 * `ctx.settings.get`, so a CPPCC that never changed a setting gets the default.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

/** Keys are '<module>.<name>' and unique across modules (a duplicate fails the app's build). */
export const newsSettingKeys = { dueWorkingDays: 'news.dueWorkingDays' } as const;

export interface NewsSettings {
  /** 办理期限: working days from 受理 when the handler gives no date */
  dueWorkingDays: number;
}
export const defaultNewsSettings: NewsSettings = { dueWorkingDays: 10 };

export async function readNewsSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<NewsSettings> {
  return { dueWorkingDays: await ctx.settings.get(tenantId, newsSettingKeys.dueWorkingDays, defaultNewsSettings.dueWorkingDays) };
}

export const newsSettings: SettingDecl<any>[] = [
  {
    key: newsSettingKeys.dueWorkingDays, label: '新闻默认办理期限（工作日）',
    schema: z.number().int().min(1).max(120).describe('办理期限（工作日）'), default: defaultNewsSettings.dueWorkingDays,
  },
];
