/**
 * Manifest of the 接待 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2500–2599, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { logisticsLifecycle, logisticsPermissions } from './domain/logistics-lifecycle.ts';
import { logisticsEntities } from './server/entities.ts';
import { logisticsFigureSource } from './server/figures.ts';
import { logisticsMigrations } from './server/migrations.ts';
import { logisticsRoutes } from './server/routes.ts';
import { logisticsSettings } from './server/settings.ts';

export const logisticsModule: ModuleManifest = {
  name: 'logistics',
  label: '接待',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: logisticsPermissions.create, name: '新建和提交接待', defaultRoles: ['member', 'office_staff'] },
    { code: logisticsPermissions.handle, name: '受理、退回和办结接待', defaultRoles: ['office_staff'] },
    { code: logisticsPermissions.readAll, name: '查看本级全部接待与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: logisticsMigrations,
  workflows: [logisticsLifecycle],
  entities: logisticsEntities,
  settings: logisticsSettings,
  figures: logisticsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'logistics_items', column: 'due_date' }],
  routes: logisticsRoutes,
};
