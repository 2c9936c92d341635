/**
 * Manifest of the 工作回眸 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1600–1699, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { reviewLifecycle, reviewPermissions } from './domain/review-lifecycle.ts';
import { reviewEntities } from './server/entities.ts';
import { reviewFigureSource } from './server/figures.ts';
import { reviewMigrations } from './server/migrations.ts';
import { reviewRoutes } from './server/routes.ts';
import { reviewSettings } from './server/settings.ts';

export const reviewModule: ModuleManifest = {
  name: 'review',
  label: '工作回眸',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: reviewPermissions.create, name: '新建和提交工作回眸', defaultRoles: ['member', 'office_staff'] },
    { code: reviewPermissions.handle, name: '受理、退回和办结工作回眸', defaultRoles: ['office_staff'] },
    { code: reviewPermissions.readAll, name: '查看本级全部工作回眸与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: reviewMigrations,
  workflows: [reviewLifecycle],
  entities: reviewEntities,
  settings: reviewSettings,
  figures: reviewFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'review_items', column: 'due_date' }],
  routes: reviewRoutes,
};
