/**
 * Manifest of the 网络征集 (问卷) module: everything the module brings to the platform, declared rather than registered
 * as a side effect. Permissions (with the roles granted them on a new database), migrations (ordinals 2000–2099, this
 * module's range), the lifecycle, the entity, the figures, the routes and the demo data.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { surveysLifecycle, surveysPermissions } from './domain/surveys-lifecycle.ts';
import { surveysEntities } from './server/entities.ts';
import { surveysFigureSource } from './server/figures.ts';
import { surveysMigrations } from './server/migrations.ts';
import { surveysRoutes } from './server/routes.ts';
import { seedSurveys } from './server/seed.ts';
import { subscribeSurveyNotices } from './server/notices.ts';
import { closeExpiredJob } from './server/jobs.ts';
import { publicSurveySection } from './server/public-section.ts';

export const surveysModule: ModuleManifest = {
  name: 'surveys',
  label: '网络征集',
  permissions: [
    { code: surveysPermissions.create, name: '新建、发布和管理网络征集问卷，查看征集结果', defaultRoles: ['office_staff'] },
    { code: surveysPermissions.readAll, name: '查看本级全部网络征集与征集结果', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: surveysMigrations,
  workflows: [surveysLifecycle],
  entities: surveysEntities,
  figures: surveysFigureSource,
  routes: surveysRoutes,
  /** members-only and list surveys tell their audience when published */
  subscribe: subscribeSurveyNotices,
  /** a survey past its close date is closed by the system */
  jobs: [closeExpiredJob],
  /** 门户: public questionnaires collecting now or to come */
  public: { sections: [publicSurveySection] },
  seed: seedSurveys,
};
