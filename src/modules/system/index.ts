/** What other modules and the command line may use from the 系统管理 module. */
export { registerSetting, settingsRegistry, type SettingDef } from './domain/settings-registry.ts';
export { CALENDAR_CHANGED } from './server/calendar-commands.ts';
