/**
 * Manifest of the 会议 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2600–2699, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { meetingsLifecycle, meetingsPermissions } from './domain/meetings-lifecycle.ts';
import { meetingsEntities } from './server/entities.ts';
import { meetingsFigureSource } from './server/figures.ts';
import { meetingsMigrations } from './server/migrations.ts';
import { meetingsRoutes } from './server/routes.ts';
import { meetingsSettings } from './server/settings.ts';

export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  label: '会议',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: meetingsPermissions.create, name: '新建和提交会议', defaultRoles: ['member', 'office_staff'] },
    { code: meetingsPermissions.handle, name: '受理、退回和办结会议', defaultRoles: ['office_staff'] },
    { code: meetingsPermissions.readAll, name: '查看本级全部会议与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: meetingsMigrations,
  workflows: [meetingsLifecycle],
  entities: meetingsEntities,
  settings: meetingsSettings,
  figures: meetingsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'meetings_items', column: 'due_date' }],
  routes: meetingsRoutes,
};
