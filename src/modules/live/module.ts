/**
 * Manifest of the 网络议政 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1900–1999, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { liveLifecycle, livePermissions } from './domain/live-lifecycle.ts';
import { liveEntities } from './server/entities.ts';
import { liveFigureSource } from './server/figures.ts';
import { liveMigrations } from './server/migrations.ts';
import { liveRoutes } from './server/routes.ts';
import { liveSettings } from './server/settings.ts';

export const liveModule: ModuleManifest = {
  name: 'live',
  label: '网络议政',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: livePermissions.create, name: '新建和提交网络议政', defaultRoles: ['member', 'office_staff'] },
    { code: livePermissions.handle, name: '受理、退回和办结网络议政', defaultRoles: ['office_staff'] },
    { code: livePermissions.readAll, name: '查看本级全部网络议政与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: liveMigrations,
  workflows: [liveLifecycle],
  entities: liveEntities,
  settings: liveSettings,
  figures: liveFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'live_items', column: 'due_date' }],
  routes: liveRoutes,
};
