/**
 * Manifest of the 协商议政 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1300–1399, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { consultationsLifecycle, consultationsPermissions } from './domain/consultations-lifecycle.ts';
import { consultationsEntities } from './server/entities.ts';
import { consultationsFigureSource } from './server/figures.ts';
import { consultationsMigrations } from './server/migrations.ts';
import { consultationsRoutes } from './server/routes.ts';
import { consultationsSettings } from './server/settings.ts';
// 协商选题 and 年度协商计划 (server/plan-*.ts) add their permissions, tables, lifecycles, routes, figures and demo plan
import { withPlan } from './server/plan-module.ts';

export const consultationsModule: ModuleManifest = withPlan({
  name: 'consultations',
  label: '协商议政',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: consultationsPermissions.create, name: '新建和提交协商议政', defaultRoles: ['member', 'office_staff'] },
    { code: consultationsPermissions.handle, name: '受理、退回和办结协商议政', defaultRoles: ['office_staff'] },
    { code: consultationsPermissions.readAll, name: '查看本级全部协商议政与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: consultationsMigrations,
  workflows: [consultationsLifecycle],
  entities: consultationsEntities,
  settings: consultationsSettings,
  figures: consultationsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'consultations_items', column: 'due_date' }],
  routes: consultationsRoutes,
});
