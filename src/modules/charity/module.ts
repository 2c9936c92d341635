/**
 * Manifest of the 公益 module: drives (金秋助学 …), donations by members and units, the students helped (their names
 * and schools for the office only) and each drive's totals. Permissions, migrations (ordinals 2800–2899), entities,
 * figures (a member's donations reach their 履职档案), routes and the demo (金秋助学 2025: 84.3 万元 for 220 students).
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { charityPermissions } from './domain/charity-rules.ts';
import { charityEntities } from './server/entities.ts';
import { charityFigureSource } from './server/figures.ts';
import { charityMigrations } from './server/migrations.ts';
import { charityRoutes } from './server/routes.ts';
import { seedCharity } from './server/seed.ts';

export const charityModule: ModuleManifest = {
  name: 'charity',
  label: '公益',
  permissions: [
    { code: charityPermissions.manage, name: '管理公益活动（新建活动，登记捐赠和受助学生）', defaultRoles: ['office_staff'] },
    { code: charityPermissions.read, name: '查看公益活动、合计和捐赠', defaultRoles: ['member', 'office_staff', 'leader'] },
    { code: charityPermissions.readAll, name: '查看本级公益统计', defaultRoles: ['office_staff', 'committee_staff', 'leader'] },
    { code: charityPermissions.readPrivate, name: '查看受助学生个人信息（姓名、学校）', defaultRoles: ['office_staff'] },
  ],
  migrations: charityMigrations,
  entities: charityEntities,
  figures: charityFigureSource,
  routes: charityRoutes,
  seed: seedCharity,
};
