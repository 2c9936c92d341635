/**
 * Manifest of the 民主评议 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1800–1899, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { appraisalsLifecycle, appraisalsPermissions } from './domain/appraisals-lifecycle.ts';
import { appraisalsEntities } from './server/entities.ts';
import { appraisalsFigureSource } from './server/figures.ts';
import { appraisalsMigrations } from './server/migrations.ts';
import { appraisalsRoutes } from './server/routes.ts';
import { appraisalsSettings } from './server/settings.ts';

export const appraisalsModule: ModuleManifest = {
  name: 'appraisals',
  label: '民主评议',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: appraisalsPermissions.create, name: '新建和提交民主评议', defaultRoles: ['member', 'office_staff'] },
    { code: appraisalsPermissions.handle, name: '受理、退回和办结民主评议', defaultRoles: ['office_staff'] },
    { code: appraisalsPermissions.readAll, name: '查看本级全部民主评议与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: appraisalsMigrations,
  workflows: [appraisalsLifecycle],
  entities: appraisalsEntities,
  settings: appraisalsSettings,
  figures: appraisalsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'appraisals_items', column: 'due_date' }],
  routes: appraisalsRoutes,
};
