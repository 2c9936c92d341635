/**
 * Manifest of the 门户 module: the public portal every module fills with the sections it declares (`public`), served
 * without signing in, server-rendered and cached (server/site.ts); and 门户设置, where the office sets its CPPCC's
 * portal title, contact and the sections shown. Migrations 2400–2499.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { portalPermissions } from './domain/portal-permissions.ts';
import { portalMigrations } from './server/migrations.ts';
import { portalRoutes } from './server/routes.ts';
import { PortalSite, subscribePortalCache } from './server/site.ts';
import { seedPortal } from './server/seed.ts';

export const portalModule: ModuleManifest = {
  name: 'portal',
  label: '门户',
  permissions: [
    { code: portalPermissions.manage, name: '门户设置（名称、联系方式、栏目显示与顺序）', defaultRoles: ['office_staff'] },
  ],
  migrations: portalMigrations,
  /** the portal's pages, cached in memory on each instance */
  instance: (ctx) => new PortalSite(ctx),
  /** every section's events drop the cached pages they change, on every instance */
  subscribe: subscribePortalCache,
  routes: portalRoutes,
  seed: seedPortal,
};
