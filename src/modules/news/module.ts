/**
 * Manifest of the 新闻 module (通知公告、要闻动态、媒体报道): news items written in a rich-text editor, reviewed by
 * someone other than their author and published to the website (the public portal) and the WeChat account; media
 * coverage; notices to members, committees or units with attachments, read receipts and reminders. Ordinals 2300–2399.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { newsLifecycle, newsPermissions } from './domain/news-lifecycle.ts';
import { newsEntities } from './server/entities.ts';
import { newsFigureSource } from './server/figures.ts';
import { newsMigrations } from './server/migrations.ts';
import { newsPublic } from './server/public.ts';
import { newsRoutes } from './server/routes.ts';
import { seedNews } from './server/seed.ts';
import { newsSettings } from './server/settings.ts';

export const newsModule: ModuleManifest = {
  name: 'news',
  label: '新闻宣传',
  permissions: [
    { code: newsPermissions.write, name: '撰写新闻、登记媒体报道', defaultRoles: ['office_staff', 'committee_staff'] },
    { code: newsPermissions.review, name: '审核发布和撤回新闻（不能审核本人撰写的）', defaultRoles: ['office_staff', 'leader'] },
    { code: newsPermissions.notices, name: '起草和发送通知公告、查看阅读回执、催阅', defaultRoles: ['office_staff'] },
    { code: newsPermissions.receive, name: '接收通知公告（我的通知）', defaultRoles: ['member', 'informant', 'proposal_staff', 'info_editor', 'committee_staff', 'office_staff', 'unit_handler', 'unit_leader', 'leader'] },
    { code: newsPermissions.readAll, name: '查看本级全部新闻、媒体报道、通知与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: newsMigrations,
  workflows: [newsLifecycle],
  entities: newsEntities,
  settings: newsSettings,
  figures: newsFigureSource,
  public: newsPublic,
  routes: newsRoutes,
  seed: seedNews,
};
