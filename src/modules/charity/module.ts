/**
 * Manifest of the 公益 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2800–2899, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { charityLifecycle, charityPermissions } from './domain/charity-lifecycle.ts';
import { charityEntities } from './server/entities.ts';
import { charityFigureSource } from './server/figures.ts';
import { charityMigrations } from './server/migrations.ts';
import { charityRoutes } from './server/routes.ts';
import { charitySettings } from './server/settings.ts';

export const charityModule: ModuleManifest = {
  name: 'charity',
  label: '公益',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: charityPermissions.create, name: '新建和提交公益', defaultRoles: ['member', 'office_staff'] },
    { code: charityPermissions.handle, name: '受理、退回和办结公益', defaultRoles: ['office_staff'] },
    { code: charityPermissions.readAll, name: '查看本级全部公益与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: charityMigrations,
  workflows: [charityLifecycle],
  entities: charityEntities,
  settings: charitySettings,
  figures: charityFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'charity_items', column: 'due_date' }],
  routes: charityRoutes,
};
