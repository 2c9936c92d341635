/**
 * Manifest of the 委员工作室 module: studios (法律, 金融, 高校, 开发区, 商会 …) with their members and convener, their
 * activities, and each kind's own records: the legal studio's mediation cases, the finance studio's bank–enterprise
 * matching (needs, offers, loans) and the projects introduced. Permissions, migrations (ordinals 2700–2799), entities,
 * figures (the member's 履职档案 counts too), routes and the demo year (the article's 2,065 loans of 26.02 亿元 and 77
 * projects of 213 亿元).
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { studiosPermissions } from './domain/studio-rules.ts';
import { studiosEntities } from './server/entities.ts';
import { studiosFigureSource } from './server/figures.ts';
import { studiosMigrations } from './server/migrations.ts';
import { studiosRoutes } from './server/routes.ts';
import { seedStudios } from './server/seed.ts';

export const studiosModule: ModuleManifest = {
  name: 'studios',
  label: '委员工作室',
  permissions: [
    { code: studiosPermissions.manage, name: '管理委员工作室（新建、指定召集人，在任一工作室记录）', defaultRoles: ['office_staff'] },
    { code: studiosPermissions.record, name: '使用委员工作室（查看；在所属工作室记录活动、案件、对接和项目）', defaultRoles: ['member'] },
    { code: studiosPermissions.readAll, name: '查看本级全部工作室记录与统计', defaultRoles: ['office_staff', 'committee_staff', 'leader'] },
  ],
  migrations: studiosMigrations,
  entities: studiosEntities,
  figures: studiosFigureSource,
  routes: studiosRoutes,
  seed: seedStudios,
};
