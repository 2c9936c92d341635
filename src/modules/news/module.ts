/**
 * Manifest of the 新闻 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2300–2399, this module's
 * range), the lifecycle, the entity, a setting, the figures, the deadline column and the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { newsLifecycle, newsPermissions } from './domain/news-lifecycle.ts';
import { newsEntities } from './server/entities.ts';
import { newsFigureSource } from './server/figures.ts';
import { newsMigrations } from './server/migrations.ts';
import { newsRoutes } from './server/routes.ts';
import { newsSettings } from './server/settings.ts';

export const newsModule: ModuleManifest = {
  name: 'news',
  label: '新闻',
  // default grants name roles some module declares (委员, 办公室工作人员 and 政协领导 come from organizations); a module
  // that needs a role of its own declares it in `roles`
  permissions: [
    { code: newsPermissions.create, name: '新建和提交新闻', defaultRoles: ['member', 'office_staff'] },
    { code: newsPermissions.handle, name: '受理、退回和办结新闻', defaultRoles: ['office_staff'] },
    { code: newsPermissions.readAll, name: '查看本级全部新闻与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: newsMigrations,
  workflows: [newsLifecycle],
  entities: newsEntities,
  settings: newsSettings,
  figures: newsFigureSource,
  // 办理期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'news_items', column: 'due_date' }],
  routes: newsRoutes,
};
