/**
 * Manifest of the 履职活动 module: members' activities (学习, 委员讲坛, 委员之家, 服务为民, 书香政协) with sign-up and QR
 * sign-in, the 委员之家 registry, the 服务为民 needs list and service records. Permissions (with the roles granted them
 * on a new database), migrations (ordinals 2100–2199), the lifecycle, the entities, settings, figures (the member's
 * reach 我的履职), routes and the demo year.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { activitiesLifecycle, activitiesPermissions } from './domain/activities-lifecycle.ts';
import { subscribeActivityNotices } from './server/edit-commands.ts';
import { activitiesEntities } from './server/entities.ts';
import { activitiesFigureSource } from './server/figures.ts';
import { activitiesMigrations } from './server/migrations.ts';
import { activitiesRoutes } from './server/routes.ts';
import { seedActivities } from './server/seed.ts';
import { activitiesSettings } from './server/settings.ts';

export const activitiesModule: ModuleManifest = {
  name: 'activities',
  label: '履职活动',
  permissions: [
    { code: activitiesPermissions.manage, name: '组织履职活动（新建活动、委员之家、服务需求，代为签到）', defaultRoles: ['office_staff', 'committee_staff'] },
    { code: activitiesPermissions.takePart, name: '参加履职活动（报名、扫码签到、记录服务；召集人组织本委员之家的活动）', defaultRoles: ['member'] },
    { code: activitiesPermissions.readAll, name: '查看本级全部履职活动与统计', defaultRoles: ['office_staff', 'committee_staff', 'leader'] },
  ],
  migrations: activitiesMigrations,
  workflows: [activitiesLifecycle],
  entities: activitiesEntities,
  settings: activitiesSettings,
  figures: activitiesFigureSource,
  routes: activitiesRoutes,
  subscribe: subscribeActivityNotices,
  seed: seedActivities,
};
