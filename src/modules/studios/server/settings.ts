/**
 * The module's per-tenant settings (系统参数), declared in the manifest: the 系统管理 settings page lists them with
 * their Chinese labels and validates new values against the schema. Code reads them with a default through
 * `ctx.settings.get`, so a CPPCC that never changed a setting gets the default.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

/** Keys are '<module>.<name>' and unique across modules (a duplicate fails the app's build). */
export const studiosSettingKeys = { dueWorkingDays: 'studios.dueWorkingDays' } as const;

export interface StudiosSettings {
  /** 办理期限: working days from 受理 when the handler gives no date */
  dueWorkingDays: number;
}
export const defaultStudiosSettings: StudiosSettings = { dueWorkingDays: 10 };

export async function readStudiosSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<StudiosSettings> {
  return { dueWorkingDays: await ctx.settings.get(tenantId, studiosSettingKeys.dueWorkingDays, defaultStudiosSettings.dueWorkingDays) };
}

export const studiosSettings: SettingDecl<any>[] = [
  {
    key: studiosSettingKeys.dueWorkingDays, label: '工作室默认办理期限（工作日）',
    schema: z.number().int().min(1).max(120).describe('办理期限（工作日）'), default: defaultStudiosSettings.dueWorkingDays,
  },
];
