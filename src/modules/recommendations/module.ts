/**
 * Manifest of the 建议落实 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1500–1599, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { recommendationsLifecycle, recommendationsPermissions } from './domain/recommendations-lifecycle.ts';
import { recommendationsEntities } from './server/entities.ts';
import { recommendationsFigureSource } from './server/figures.ts';
import { recommendationsMigrations } from './server/migrations.ts';
import { recommendationsRoutes } from './server/routes.ts';
import { recommendationsSettings } from './server/settings.ts';

export const recommendationsModule: ModuleManifest = {
  name: 'recommendations',
  label: '建议落实',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: recommendationsPermissions.create, name: '新建和提交建议落实', defaultRoles: ['member', 'office_staff'] },
    { code: recommendationsPermissions.handle, name: '受理、退回和办结建议落实', defaultRoles: ['office_staff'] },
    { code: recommendationsPermissions.readAll, name: '查看本级全部建议落实与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: recommendationsMigrations,
  workflows: [recommendationsLifecycle],
  entities: recommendationsEntities,
  settings: recommendationsSettings,
  figures: recommendationsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'recommendations_items', column: 'due_date' }],
  routes: recommendationsRoutes,
};
