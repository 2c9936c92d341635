/**
 * Manifest of the 文史资料 module (historical materials and 《长治文史》 issues): permissions with the roles granted them
 * on a new database, migrations (ordinals 3000–3099), the material's lifecycle, the entities (with the search source),
 * the figures, the routes and the demo data.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { wenshiLifecycle, wenshiPermissions } from './domain/wenshi-lifecycle.ts';
import { wenshiEntities } from './server/entities.ts';
import { wenshiFigureSource } from './server/figures.ts';
import { wenshiMigrations } from './server/migrations.ts';
import { wenshiRoutes } from './server/routes.ts';
import { seedWenshi } from './server/seed.ts';

export const wenshiModule: ModuleManifest = {
  name: 'wenshi',
  label: '文史资料',
  permissions: [
    { code: wenshiPermissions.create, name: '投稿文史资料', defaultRoles: ['member', 'committee_staff', 'office_staff'] },
    { code: wenshiPermissions.handle, name: '审核、编辑文史资料和编辑《长治文史》', defaultRoles: ['committee_staff', 'office_staff'] },
    { code: wenshiPermissions.readAll, name: '查看本级全部文史资料与统计', defaultRoles: ['committee_staff', 'office_staff', 'leader'] },
  ],
  migrations: wenshiMigrations,
  workflows: [wenshiLifecycle],
  entities: wenshiEntities,
  figures: wenshiFigureSource,
  routes: wenshiRoutes,
  seed: seedWenshi,
};
