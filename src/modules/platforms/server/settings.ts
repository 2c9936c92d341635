/**
 * The module's per-tenant settings (系统参数), declared in the manifest: the 系统管理 settings page lists them with
 * their Chinese labels and validates new values against the schema. Code reads them with a default through
 * `ctx.settings.get`, so a CPPCC that never changed a setting gets the default.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

/** Keys are '<module>.<name>' and unique across modules (a duplicate fails the app's build). */
export const platformsSettingKeys = { dueWorkingDays: 'platforms.dueWorkingDays' } as const;

export interface PlatformsSettings {
  /** 办理期限: working days from 受理 when the handler gives no date */
  dueWorkingDays: number;
}
export const defaultPlatformsSettings: PlatformsSettings = { dueWorkingDays: 10 };

export async function readPlatformsSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<PlatformsSettings> {
  return { dueWorkingDays: await ctx.settings.get(tenantId, platformsSettingKeys.dueWorkingDays, defaultPlatformsSettings.dueWorkingDays) };
}

export const platformsSettings: SettingDecl<any>[] = [
  {
    key: platformsSettingKeys.dueWorkingDays, label: '有事来商量默认办理期限（工作日）',
    schema: z.number().int().min(1).max(120).describe('办理期限（工作日）'), default: defaultPlatformsSettings.dueWorkingDays,
  },
];
