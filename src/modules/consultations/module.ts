/**
 * Manifest of the 协商议政 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. The consultation meetings (协商活动): permissions (with the roles granted them on a new database), migrations
 * (1300–1349), the lifecycle, the entities and work items, the deadline settings, the figures, the deadline columns and
 * the routes.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { consultationLifecycle, consultationPermissions } from './domain/consultation-lifecycle.ts';
import { consultationsEntities } from './server/entities.ts';
import { consultationFigureSource } from './server/figures.ts';
import { consultationsMigrations } from './server/migrations.ts';
import { consultationsRoutes } from './server/routes.ts';
import { seedConsultations } from './server/seed.ts';
import { consultationSettings } from './server/settings.ts';
// 协商选题 and 年度协商计划 (server/plan-*.ts) add their permissions, tables, lifecycles, routes, figures and demo plan
import { withPlan } from './server/plan-module.ts';
import { publicConsultationSection } from './server/public-section.ts';

export const consultationsModule: ModuleManifest = withPlan({
  name: 'consultations',
  label: '协商议政',
  permissions: [
    { code: consultationPermissions.manage, name: '组织协商活动（通知、材料、签到、发言、成果、报送）', defaultRoles: ['committee_staff', 'office_staff'] },
    { code: consultationPermissions.signOff, name: '签发协商成果', defaultRoles: ['leader'] },
    { code: consultationPermissions.readAll, name: '查看本级全部协商活动与统计', defaultRoles: ['office_staff', 'leader'] },
    { code: consultationPermissions.attend, name: '参加协商活动（确认参会、请假、书面发言、签到）', defaultRoles: ['member'] },
  ],
  migrations: consultationsMigrations,
  workflows: [consultationLifecycle],
  entities: consultationsEntities,
  settings: consultationSettings,
  figures: consultationFigureSource,
  // the outcome's deadline counts working days forward from the meeting: the kernel moves it when a year's holiday
  // schedule is entered (the notice and materials deadlines count back from the fixed meeting date and are worked
  // out again whenever the date changes)
  dueDates: [{ table: 'consultations', column: 'outcome_due' }],
  routes: consultationsRoutes,
  /** 门户: the consultation meetings announced and held */
  public: { sections: [publicConsultationSection] },
  seed: seedConsultations,
});
