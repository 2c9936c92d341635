/** 系统参数登记: the known per-tenant settings, each with a Chinese label, a zod schema and a default. Modules register theirs. */
import type { z } from 'zod';

export interface SettingDef<T = unknown> {
  /** stable key, '<module>.<name>', e.g. 'proposal.objectionDays' */
  key: string;
  /** the module that owns the setting */
  module: string;
  /** Chinese label shown on the settings page */
  label: string;
  schema: z.ZodType<T>;
  default: T;
}

export const settingsRegistry = new Map<string, SettingDef>();

/** Register a setting; registering the same key twice replaces the earlier definition (module reloads in tests). */
export function registerSetting<T>(def: SettingDef<T>): SettingDef<T> {
  if (!/^[a-z][A-Za-z0-9_.-]{1,80}$/.test(def.key)) throw new Error(`invalid setting key ${def.key}`);
  settingsRegistry.set(def.key, def as SettingDef);
  return def;
}
