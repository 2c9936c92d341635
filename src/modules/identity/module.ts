/** Manifest of the 用户与权限 module. Migrations use ordinals from 0100. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { identityMigrations } from './server/migrations.ts';
import { PermissionCache } from './server/permissions.ts';
import { installAuthHook, SessionCache, SESSIONS_CHANGED } from './server/sessions.ts';
import { authRoutes } from './server/auth-routes.ts';
import { adminRoutes, GRANTS_CHANGED } from './server/admin-routes.ts';
import { identityDb } from './server/tables.ts';

export const identityModule: ModuleManifest = {
  name: 'identity',
  label: '用户与权限',
  permissions: [
    { code: 'user.manage', name: '管理用户账号', defaultRoles: ['sys_admin'] },
    { code: 'role.manage', name: '管理角色与授权', defaultRoles: ['sec_admin'] },
    { code: 'login.unlock', name: '查看和解除登录锁定', defaultRoles: ['sec_admin'] },
  ],
  migrations: identityMigrations,
  // accounts are named by their display name and username in lists that show ids (the audit log)
  entities: [{
    type: 'user', label: '用户', labelEn: 'User', link: () => '/admin/users',
    async titles(ctx, ids) {
      const rows = await identityDb(ctx.db).selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.username}）`]));
    },
  }],
  routes(app, ctx) {
    const permissions = new PermissionCache(ctx.db);
    // grants changed on any instance: drop this instance's cached permission sets
    ctx.events.onBroadcast(GRANTS_CHANGED, () => permissions.clear());
    // sessions or users changed on any instance: every instance reads them again
    const sessions = new SessionCache();
    ctx.events.onBroadcast(SESSIONS_CHANGED, () => sessions.clear());
    installAuthHook(app, { db: ctx.db, config: ctx.config, permissions, cache: sessions });
    authRoutes(app, ctx, { permissions, loginRateLimit: ctx.config.loginRateLimitPerMinute });
    adminRoutes(app, ctx, { permissions });
  },
};
