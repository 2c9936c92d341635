/**
 * Manifest of the 调研视察 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1700–1799, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { inspectionsLifecycle, inspectionsPermissions } from './domain/inspections-lifecycle.ts';
import { inspectionsEntities } from './server/entities.ts';
import { inspectionsFigureSource } from './server/figures.ts';
import { inspectionsMigrations } from './server/migrations.ts';
import { inspectionsRoutes } from './server/routes.ts';
import { inspectionsSettings } from './server/settings.ts';

export const inspectionsModule: ModuleManifest = {
  name: 'inspections',
  label: '调研视察',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: inspectionsPermissions.create, name: '新建和提交调研视察', defaultRoles: ['member', 'office_staff'] },
    { code: inspectionsPermissions.handle, name: '受理、退回和办结调研视察', defaultRoles: ['office_staff'] },
    { code: inspectionsPermissions.readAll, name: '查看本级全部调研视察与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: inspectionsMigrations,
  workflows: [inspectionsLifecycle],
  entities: inspectionsEntities,
  settings: inspectionsSettings,
  figures: inspectionsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'inspections_items', column: 'due_date' }],
  routes: inspectionsRoutes,
};
