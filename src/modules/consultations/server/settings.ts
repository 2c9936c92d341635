/**
 * The module's per-tenant settings (系统参数): the working-day leads of a consultation's notice and materials and the
 * time its outcome has. Declared in the manifest; read with a default through `ctx.settings.get`.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { defaultDeadlines, type ConsultationDeadlines } from '../domain/consultation-rules.ts';

export const consultationSettingKeys = {
  noticeWorkingDays: 'consultations.noticeWorkingDays',
  materialsWorkingDays: 'consultations.materialsWorkingDays',
  outcomeWorkingDays: 'consultations.outcomeWorkingDays',
} as const;

export async function readConsultationSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<ConsultationDeadlines> {
  const [noticeWorkingDays, materialsWorkingDays, outcomeWorkingDays] = await Promise.all([
    ctx.settings.get(tenantId, consultationSettingKeys.noticeWorkingDays, defaultDeadlines.noticeWorkingDays),
    ctx.settings.get(tenantId, consultationSettingKeys.materialsWorkingDays, defaultDeadlines.materialsWorkingDays),
    ctx.settings.get(tenantId, consultationSettingKeys.outcomeWorkingDays, defaultDeadlines.outcomeWorkingDays),
  ]);
  return { noticeWorkingDays, materialsWorkingDays, outcomeWorkingDays };
}

const days = (label: string) => z.number().int().min(1).max(60).describe(label);
export const consultationSettings: SettingDecl<any>[] = [
  { key: consultationSettingKeys.noticeWorkingDays, label: '协商会议通知提前（工作日）', schema: days('通知提前（工作日）'), default: defaultDeadlines.noticeWorkingDays },
  { key: consultationSettingKeys.materialsWorkingDays, label: '协商会议材料提前（工作日）', schema: days('材料提前（工作日）'), default: defaultDeadlines.materialsWorkingDays },
  { key: consultationSettingKeys.outcomeWorkingDays, label: '协商成果报送时限（工作日）', schema: days('成果报送时限（工作日）'), default: defaultDeadlines.outcomeWorkingDays },
];
