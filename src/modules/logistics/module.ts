/**
 * Manifest of the 接待、会务、用车 module (办公室 logistics): reception plans, activity logistics checklists, vehicle
 * requests with approval and dispatch without double booking. Permissions (with the roles granted them on a new
 * database), migrations (ordinals 2500–2599), the two lifecycles, the entities, the figures, the routes and the seed.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { logisticsPermissions as P, receptionLifecycle, staffRoles, tripLifecycle } from './domain/lifecycles.ts';
import { logisticsEntities } from './server/entities.ts';
import { logisticsFigureSource } from './server/figures.ts';
import { logisticsMigrations } from './server/migrations.ts';
import { logisticsRoutes } from './server/routes.ts';
import { seedLogistics } from './server/seed.ts';

export const logisticsModule: ModuleManifest = {
  name: 'logistics',
  label: '接待会务用车',
  permissions: [
    { code: P.manage, name: '编制接待方案、会务保障清单及模板', defaultRoles: ['office_staff'] },
    { code: P.approveReception, name: '审批接待方案', defaultRoles: ['office_staff', 'leader'] },
    { code: P.requestTrip, name: '申请用车', defaultRoles: [...staffRoles] },
    { code: P.approveTrip, name: '审批用车（办公室主任）', defaultRoles: ['office_staff', 'leader'] },
    { code: P.dispatch, name: '派车、登记出车里程，管理车辆和驾驶员', defaultRoles: ['office_staff'] },
    { code: P.readAll, name: '查看本级全部接待、会务、用车记录与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: logisticsMigrations,
  workflows: [receptionLifecycle, tripLifecycle],
  entities: logisticsEntities,
  figures: logisticsFigureSource,
  routes: logisticsRoutes,
  seed: seedLogistics,
};
