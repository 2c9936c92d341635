/**
 * Manifest of the 调研视察 module (民主监督: investigations and inspections): permissions (with the roles granted them on a
 * new database), migrations (1700–1799), the lifecycle, the entity, the settings, the figures, the deadline column,
 * the routes and the demo data (the city's 2025 trips the work report names).
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { inspectionLifecycle, inspectionPermissions as P } from './domain/inspection-lifecycle.ts';
import { inspectionsEntities } from './server/entities.ts';
import { inspectionFigureSource } from './server/figures.ts';
import { inspectionsMigrations } from './server/migrations.ts';
import { inspectionsRoutes } from './server/routes.ts';
import { seedInspections } from './server/seed.ts';
import { inspectionSettings } from './server/settings.ts';

export const inspectionsModule: ModuleManifest = {
  name: 'inspections',
  label: '调研视察',
  permissions: [
    { code: P.manage, name: '组织调研视察（计划、行程、参加人员、签到、报告起草、报送）', defaultRoles: ['committee_staff', 'office_staff'] },
    { code: P.approve, name: '登记主席会议审定调研视察计划', defaultRoles: ['office_staff'] },
    { code: P.signOff, name: '签发调研视察报告', defaultRoles: ['leader'] },
    { code: P.readAll, name: '查看本级全部调研视察与统计', defaultRoles: ['office_staff', 'leader'] },
    { code: P.takePart, name: '参加调研视察（签到、现场笔记和照片）', defaultRoles: ['member'] },
  ],
  migrations: inspectionsMigrations,
  workflows: [inspectionLifecycle],
  entities: inspectionsEntities,
  settings: inspectionSettings,
  figures: inspectionFigureSource,
  // the report's deadline counts working days after the trip: the kernel moves it when a year's holidays are entered
  dueDates: [{ table: 'inspections', column: 'report_due' }],
  routes: inspectionsRoutes,
  seed: seedInspections,
};
