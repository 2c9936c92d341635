/**
 * The module's per-tenant settings (系统参数), declared in the manifest: the 系统管理 settings page lists them with
 * their Chinese labels and validates new values against the schema. Code reads them with a default through
 * `ctx.settings.get`, so a CPPCC that never changed a setting gets the default.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

/** Keys are '<module>.<name>' and unique across modules (a duplicate fails the app's build). */
export const recommendationsSettingKeys = {
  dueWorkingDays: 'recommendations.dueWorkingDays',
  remindBeforeDays: 'recommendations.remindBeforeDays',
} as const;

export interface RecommendationsSettings {
  /** 反馈期限: working days from the hand-over when the office enters a recommendation without one */
  dueWorkingDays: number;
  /** 催办: how many working days before the due date the department is reminded */
  remindBeforeDays: number;
}
export const defaultRecommendationsSettings: RecommendationsSettings = { dueWorkingDays: 20, remindBeforeDays: 3 };

export async function readRecommendationsSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<RecommendationsSettings> {
  return {
    dueWorkingDays: await ctx.settings.get(tenantId, recommendationsSettingKeys.dueWorkingDays, defaultRecommendationsSettings.dueWorkingDays),
    remindBeforeDays: await ctx.settings.get(tenantId, recommendationsSettingKeys.remindBeforeDays, defaultRecommendationsSettings.remindBeforeDays),
  };
}

export const recommendationsSettings: SettingDecl<any>[] = [
  {
    key: recommendationsSettingKeys.dueWorkingDays, label: '建议落实默认反馈期限（工作日）',
    schema: z.number().int().min(1).max(250).describe('反馈期限（工作日）'), default: defaultRecommendationsSettings.dueWorkingDays,
  },
  {
    key: recommendationsSettingKeys.remindBeforeDays, label: '建议落实到期前提醒（工作日）',
    schema: z.number().int().min(0).max(30).describe('到期前提醒（工作日）'), default: defaultRecommendationsSettings.remindBeforeDays,
  },
];
