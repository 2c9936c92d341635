/**
 * Manifest of the 事项 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 9000–9099, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 *
 * @template-only This module is the starting point for new modules (`node --import tsx scripts/new-module.ts <name> <中文名>`); the
 * @template-only product does not ship it, so it is not listed in `src/server/modules.ts`. Its tests add it to the app with
 * @template-only `startApp(kind, { extraModules: [templateModule] })`.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { templateLifecycle, templatePermissions } from './domain/template-lifecycle.ts';
import { templateEntities } from './server/entities.ts';
import { templateFigureSource } from './server/figures.ts';
import { templateMigrations } from './server/migrations.ts';
import { templateRoutes } from './server/routes.ts';
import { templateSettings } from './server/settings.ts';

export const templateModule: ModuleManifest = {
  name: 'template',
  label: '事项',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: templatePermissions.create, name: '新建和提交事项', defaultRoles: ['member', 'office_staff'] },
    { code: templatePermissions.handle, name: '受理、退回和办结事项', defaultRoles: ['office_staff'] },
    { code: templatePermissions.readAll, name: '查看本级全部事项与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: templateMigrations,
  workflows: [templateLifecycle],
  entities: templateEntities,
  settings: templateSettings,
  figures: templateFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'template_items', column: 'due_date' }],
  routes: templateRoutes,
};
