/**
 * Manifest of the 有事来商量 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1400–1499, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { platformsLifecycle, platformsPermissions } from './domain/platforms-lifecycle.ts';
import { platformsEntities } from './server/entities.ts';
import { platformsFigureSource } from './server/figures.ts';
import { platformsMigrations } from './server/migrations.ts';
import { platformsRoutes } from './server/routes.ts';
import { platformsSettings } from './server/settings.ts';

export const platformsModule: ModuleManifest = {
  name: 'platforms',
  label: '有事来商量',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: platformsPermissions.create, name: '新建和提交有事来商量', defaultRoles: ['member', 'office_staff'] },
    { code: platformsPermissions.handle, name: '受理、退回和办结有事来商量', defaultRoles: ['office_staff'] },
    { code: platformsPermissions.readAll, name: '查看本级全部有事来商量与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: platformsMigrations,
  workflows: [platformsLifecycle],
  entities: platformsEntities,
  settings: platformsSettings,
  figures: platformsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'platforms_items', column: 'due_date' }],
  routes: platformsRoutes,
};
