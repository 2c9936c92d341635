/**
 * Manifest of the 工作回眸 module: the leaders' dashboard (领导驾驶舱) and the annual review (工作回眸), both read from the
 * figures catalogue. Permissions (with the roles granted them on a new database), migrations (1600–1699), the review
 * document's lifecycle, its entity, the section layout setting, the figure cache (the module's instance, kept true by
 * every delivered event) and the routes. The module declares no figures of its own.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { reviewLifecycle, reviewPermissions } from './domain/review-lifecycle.ts';
import { reviewEntities } from './server/entities.ts';
import { FigureCache, subscribeFigureCache } from './server/figure-cache.ts';
import { reviewMigrations } from './server/migrations.ts';
import { reviewRoutes } from './server/routes.ts';
import { reviewSettings } from './server/settings.ts';

export const reviewModule: ModuleManifest = {
  name: 'review',
  label: '工作回眸',
  permissions: [
    { code: reviewPermissions.read, name: '查看领导驾驶舱和工作回眸', defaultRoles: ['office_staff', 'leader'] },
    { code: reviewPermissions.edit, name: '撰写和发布工作回眸', defaultRoles: ['office_staff'] },
    { code: reviewPermissions.approve, name: '审定工作回眸', defaultRoles: ['leader'] },
  ],
  migrations: reviewMigrations,
  workflows: [reviewLifecycle],
  entities: reviewEntities,
  settings: reviewSettings,
  instance: (ctx) => new FigureCache(ctx),
  subscribe: subscribeFigureCache,
  routes: reviewRoutes,
};
