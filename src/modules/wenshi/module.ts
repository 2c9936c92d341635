/**
 * Manifest of the 文史资料 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 3000–3099, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { wenshiLifecycle, wenshiPermissions } from './domain/wenshi-lifecycle.ts';
import { wenshiEntities } from './server/entities.ts';
import { wenshiFigureSource } from './server/figures.ts';
import { wenshiMigrations } from './server/migrations.ts';
import { wenshiRoutes } from './server/routes.ts';
import { wenshiSettings } from './server/settings.ts';

export const wenshiModule: ModuleManifest = {
  name: 'wenshi',
  label: '文史资料',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: wenshiPermissions.create, name: '新建和提交文史资料', defaultRoles: ['member', 'office_staff'] },
    { code: wenshiPermissions.handle, name: '受理、退回和办结文史资料', defaultRoles: ['office_staff'] },
    { code: wenshiPermissions.readAll, name: '查看本级全部文史资料与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: wenshiMigrations,
  workflows: [wenshiLifecycle],
  entities: wenshiEntities,
  settings: wenshiSettings,
  figures: wenshiFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'wenshi_items', column: 'due_date' }],
  routes: wenshiRoutes,
};
