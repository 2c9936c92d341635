/**
 * The module's per-tenant settings (系统参数): how early before the start a member may sign in, and the default
 * sign-in radius around an activity's place.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

export const activitiesSettingKeys = { earlyMinutes: 'activities.signInEarlyMinutes', radiusM: 'activities.signInRadiusM' } as const;

export interface ActivitiesSettings {
  /** 签到提前量: minutes before the start from which a member may sign in */
  earlyMinutes: number;
  /** 默认签到范围: metres around the place when the organiser gives none */
  radiusM: number;
}
export const defaultActivitiesSettings: ActivitiesSettings = { earlyMinutes: 30, radiusM: 500 };

export async function readActivitiesSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<ActivitiesSettings> {
  const [earlyMinutes, radiusM] = await Promise.all([
    ctx.settings.get(tenantId, activitiesSettingKeys.earlyMinutes, defaultActivitiesSettings.earlyMinutes),
    ctx.settings.get(tenantId, activitiesSettingKeys.radiusM, defaultActivitiesSettings.radiusM),
  ]);
  return { earlyMinutes, radiusM };
}

export const activitiesSettings: SettingDecl<any>[] = [
  { key: activitiesSettingKeys.earlyMinutes, label: '履职活动提前签到时间（分钟）', schema: z.number().int().min(0).max(240).describe('提前签到时间（分钟）'), default: defaultActivitiesSettings.earlyMinutes },
  { key: activitiesSettingKeys.radiusM, label: '履职活动默认签到范围（米）', schema: z.number().int().min(50).max(10_000).describe('签到范围（米）'), default: defaultActivitiesSettings.radiusM },
];
