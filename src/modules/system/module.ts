/** Manifest of the 系统管理 module: working-day calendar, settings and the audit log. Migrations use ordinals from 0200. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { CALENDAR_CHANGED } from './server/calendar-commands.ts';
import { PERM, systemRoutes } from './server/routes.ts';

export const systemModule: ModuleManifest = {
  name: 'system',
  label: '系统管理',
  permissions: [
    { code: PERM.calendar, name: '管理工作日历', defaultRoles: ['sys_admin'] },
    { code: PERM.settings, name: '管理系统参数', defaultRoles: ['sys_admin'] },
    { code: PERM.audit, name: '查看审计日志', defaultRoles: ['audit_admin'] },
  ],
  migrations: [],
  routes: (app, ctx) => systemRoutes(app, ctx),
  subscribe(ctx) {
    // an override changed on some instance: every instance reloads its calendar so deadlines agree
    ctx.events.onBroadcast(CALENDAR_CHANGED, () => ctx.calendar.load());
  },
};
