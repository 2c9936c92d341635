/**
 * Manifest of the 工作室 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2700–2799, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { studiosLifecycle, studiosPermissions } from './domain/studios-lifecycle.ts';
import { studiosEntities } from './server/entities.ts';
import { studiosFigureSource } from './server/figures.ts';
import { studiosMigrations } from './server/migrations.ts';
import { studiosRoutes } from './server/routes.ts';
import { studiosSettings } from './server/settings.ts';

export const studiosModule: ModuleManifest = {
  name: 'studios',
  label: '工作室',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: studiosPermissions.create, name: '新建和提交工作室', defaultRoles: ['member', 'office_staff'] },
    { code: studiosPermissions.handle, name: '受理、退回和办结工作室', defaultRoles: ['office_staff'] },
    { code: studiosPermissions.readAll, name: '查看本级全部工作室与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: studiosMigrations,
  workflows: [studiosLifecycle],
  entities: studiosEntities,
  settings: studiosSettings,
  figures: studiosFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'studios_items', column: 'due_date' }],
  routes: studiosRoutes,
};
