/**
 * Manifest of the 履职积分 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2900–2999, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { scoresLifecycle, scoresPermissions } from './domain/scores-lifecycle.ts';
import { scoresEntities } from './server/entities.ts';
import { scoresFigureSource } from './server/figures.ts';
import { scoresMigrations } from './server/migrations.ts';
import { scoresRoutes } from './server/routes.ts';
import { scoresSettings } from './server/settings.ts';

export const scoresModule: ModuleManifest = {
  name: 'scores',
  label: '履职积分',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: scoresPermissions.create, name: '新建和提交履职积分', defaultRoles: ['member', 'office_staff'] },
    { code: scoresPermissions.handle, name: '受理、退回和办结履职积分', defaultRoles: ['office_staff'] },
    { code: scoresPermissions.readAll, name: '查看本级全部履职积分与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: scoresMigrations,
  workflows: [scoresLifecycle],
  entities: scoresEntities,
  settings: scoresSettings,
  figures: scoresFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'scores_items', column: 'due_date' }],
  routes: scoresRoutes,
};
