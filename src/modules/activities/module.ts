/**
 * Manifest of the 履职活动 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2100–2199, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { activitiesLifecycle, activitiesPermissions } from './domain/activities-lifecycle.ts';
import { activitiesEntities } from './server/entities.ts';
import { activitiesFigureSource } from './server/figures.ts';
import { activitiesMigrations } from './server/migrations.ts';
import { activitiesRoutes } from './server/routes.ts';
import { activitiesSettings } from './server/settings.ts';

export const activitiesModule: ModuleManifest = {
  name: 'activities',
  label: '履职活动',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: activitiesPermissions.create, name: '新建和提交履职活动', defaultRoles: ['member', 'office_staff'] },
    { code: activitiesPermissions.handle, name: '受理、退回和办结履职活动', defaultRoles: ['office_staff'] },
    { code: activitiesPermissions.readAll, name: '查看本级全部履职活动与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: activitiesMigrations,
  workflows: [activitiesLifecycle],
  entities: activitiesEntities,
  settings: activitiesSettings,
  figures: activitiesFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'activities_items', column: 'due_date' }],
  routes: activitiesRoutes,
};
