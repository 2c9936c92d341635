/** What other modules and the command line may use from the 系统管理 module. */
export { CALENDAR_CHANGED } from './server/calendar-commands.ts';
