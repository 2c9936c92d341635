/**
 * Manifest of the 民主评议 module (democratic appraisal of government departments): permissions (with the roles granted
 * them on a new database), migrations (ordinals 1800–1899, this module's range), the lifecycle, the entities, the
 * figures, the routes and the demo data (the 2025 appraisals of 市商务局 and 市科技局).
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { appraisalsLifecycle, appraisalsPermissions } from './domain/appraisals-lifecycle.ts';
import { appraisalsEntities } from './server/entities.ts';
import { appraisalsFigureSource } from './server/figures.ts';
import { appraisalsMigrations } from './server/migrations.ts';
import { appraisalsRoutes } from './server/routes.ts';
import { seedAppraisals } from './server/seed.ts';

export const appraisalsModule: ModuleManifest = {
  name: 'appraisals',
  label: '民主评议',
  permissions: [
    { code: appraisalsPermissions.manage, name: '组织民主评议（评议方案、测评、结果公布、整改交办）', defaultRoles: ['office_staff'] },
    { code: appraisalsPermissions.vote, name: '参加民主评议满意度测评', defaultRoles: ['member'] },
    { code: appraisalsPermissions.selfReport, name: '提交民主评议自查报告、查看本单位评议结果（被评议单位）', defaultRoles: ['unit_handler', 'unit_leader'] },
    { code: appraisalsPermissions.readAll, name: '查看本级全部民主评议、参评情况与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: appraisalsMigrations,
  workflows: [appraisalsLifecycle],
  entities: appraisalsEntities,
  figures: appraisalsFigureSource,
  routes: appraisalsRoutes,
  seed: seedAppraisals,
};
