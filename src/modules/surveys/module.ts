/**
 * Manifest of the 网络征集 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2000–2099, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { surveysLifecycle, surveysPermissions } from './domain/surveys-lifecycle.ts';
import { surveysEntities } from './server/entities.ts';
import { surveysFigureSource } from './server/figures.ts';
import { surveysMigrations } from './server/migrations.ts';
import { surveysRoutes } from './server/routes.ts';
import { surveysSettings } from './server/settings.ts';

export const surveysModule: ModuleManifest = {
  name: 'surveys',
  label: '网络征集',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: surveysPermissions.create, name: '新建和提交网络征集', defaultRoles: ['member', 'office_staff'] },
    { code: surveysPermissions.handle, name: '受理、退回和办结网络征集', defaultRoles: ['office_staff'] },
    { code: surveysPermissions.readAll, name: '查看本级全部网络征集与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: surveysMigrations,
  workflows: [surveysLifecycle],
  entities: surveysEntities,
  settings: surveysSettings,
  figures: surveysFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'surveys_items', column: 'due_date' }],
  routes: surveysRoutes,
};
