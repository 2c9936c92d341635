/**
 * Manifest of the 门户 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2400–2499, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { portalLifecycle, portalPermissions } from './domain/portal-lifecycle.ts';
import { portalEntities } from './server/entities.ts';
import { portalFigureSource } from './server/figures.ts';
import { portalMigrations } from './server/migrations.ts';
import { portalRoutes } from './server/routes.ts';
import { portalSettings } from './server/settings.ts';

export const portalModule: ModuleManifest = {
  name: 'portal',
  label: '门户',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: portalPermissions.create, name: '新建和提交门户', defaultRoles: ['member', 'office_staff'] },
    { code: portalPermissions.handle, name: '受理、退回和办结门户', defaultRoles: ['office_staff'] },
    { code: portalPermissions.readAll, name: '查看本级全部门户与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: portalMigrations,
  workflows: [portalLifecycle],
  entities: portalEntities,
  settings: portalSettings,
  figures: portalFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'portal_items', column: 'due_date' }],
  routes: portalRoutes,
};
