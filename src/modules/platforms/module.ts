/**
 * Manifest of the 有事来商量 module (grassroots consultation platforms in towns and villages): everything the module
 * brings to the platform, declared rather than registered as a side effect. Permissions (with the roles granted them on
 * a new database), the 有事来商量工作人员 role, migrations (ordinals 1400–1499), the result lifecycle, the entities, the
 * figures, the deadline column, the routes and the demo seed.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { platformsPermissions, platformStaffRole, resultLifecycle } from './domain/result-lifecycle.ts';
import { platformsEntities } from './server/entities.ts';
import { platformsFigureSource } from './server/figures.ts';
import { platformsMigrations } from './server/migrations.ts';
import { platformsRoutes } from './server/routes.ts';
import { seedPlatforms } from './server/seed.ts';

export const platformsModule: ModuleManifest = {
  name: 'platforms',
  label: '有事来商量',
  roles: [{ code: platformStaffRole, name: '有事来商量工作人员', nameEn: 'Grassroots platform staff' }],
  permissions: [
    { code: platformsPermissions.read, name: '查看本级及下级有事来商量平台、活动、成果和统计', defaultRoles: ['office_staff', 'leader', platformStaffRole] },
    { code: platformsPermissions.manage, name: '登记、导入协商平台，记录本县区平台的议题、活动和成果', defaultRoles: ['office_staff', platformStaffRole] },
    { code: platformsPermissions.convene, name: '召集人记录本人召集平台的议题、活动和成果', defaultRoles: ['member'] },
  ],
  migrations: platformsMigrations,
  workflows: [resultLifecycle],
  entities: platformsEntities,
  figures: platformsFigureSource,
  routes: platformsRoutes,
  seed: seedPlatforms,
};
