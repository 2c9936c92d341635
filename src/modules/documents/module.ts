/**
 * Manifest of the 公文 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2200–2299, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { documentsLifecycle, documentsPermissions } from './domain/documents-lifecycle.ts';
import { documentsEntities } from './server/entities.ts';
import { documentsFigureSource } from './server/figures.ts';
import { documentsMigrations } from './server/migrations.ts';
import { documentsRoutes } from './server/routes.ts';
import { documentsSettings } from './server/settings.ts';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  label: '公文',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: documentsPermissions.create, name: '新建和提交公文', defaultRoles: ['member', 'office_staff'] },
    { code: documentsPermissions.handle, name: '受理、退回和办结公文', defaultRoles: ['office_staff'] },
    { code: documentsPermissions.readAll, name: '查看本级全部公文与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: documentsMigrations,
  workflows: [documentsLifecycle],
  entities: documentsEntities,
  settings: documentsSettings,
  figures: documentsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'documents_items', column: 'due_date' }],
  routes: documentsRoutes,
};
