/**
 * The module's per-tenant settings (系统参数), declared in the manifest: the 系统管理 settings page lists them with
 * their Chinese labels and validates new values against the schema. Code reads them with a default.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

export const inspectionSettingKeys = { reportWorkingDays: 'inspections.reportWorkingDays', replyWorkingDays: 'inspections.replyWorkingDays' } as const;

export interface InspectionSettings {
  /** 报告期限: working days after the trip for the report to be submitted for sign-off */
  reportWorkingDays: number;
  /** a recommendation's default reply time in working days (建议反馈期限) */
  replyWorkingDays: number;
}
export const defaultInspectionSettings: InspectionSettings = { reportWorkingDays: 15, replyWorkingDays: 60 };

export async function readInspectionSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<InspectionSettings> {
  return {
    reportWorkingDays: await ctx.settings.get(tenantId, inspectionSettingKeys.reportWorkingDays, defaultInspectionSettings.reportWorkingDays),
    replyWorkingDays: await ctx.settings.get(tenantId, inspectionSettingKeys.replyWorkingDays, defaultInspectionSettings.replyWorkingDays),
  };
}

export const inspectionSettings: SettingDecl<any>[] = [
  { key: inspectionSettingKeys.reportWorkingDays, label: '调研视察报告期限（实地结束后工作日）', schema: z.number().int().min(1).max(120).describe('报告期限（工作日）'), default: defaultInspectionSettings.reportWorkingDays },
  { key: inspectionSettingKeys.replyWorkingDays, label: '调研视察建议默认反馈期限（工作日）', schema: z.number().int().min(1).max(250).describe('建议反馈期限（工作日）'), default: defaultInspectionSettings.replyWorkingDays },
];
