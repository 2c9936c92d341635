/** Manifest of the 社情民意信息 module: permissions, tables (migrations 1100–1199), lifecycles, routes and demo data. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { issueLifecycle, reportLifecycle, submitterRoles } from './domain/opinion-lifecycle.ts';
import { opinionMigrations } from './server/migrations.ts';
import { opinionPerfMigrations } from './server/perf-migrations.ts';
import { opinionRoutes } from './server/routes.ts';
import { seedOpinions } from './server/seed.ts';
import { opinionSettings } from './server/settings.ts';
import { documentRoutes } from './server/document-routes.ts';
import { topicMigrations } from './server/topic-migrations.ts';
import { topicRoutes } from './server/topics.ts';
import { fromProposalMigrations, subscribeFromProposals } from './server/from-proposals.ts';
import { opinionEntities } from './server/entities.ts';
import { memberFigureRoutes, opinionFigureSource } from './server/figures.ts';

export const opinionsModule: ModuleManifest = {
  name: 'opinions',
  label: '社情民意',
  // the research centre's editors (研究中心) and the special informants who report alongside the members
  roles: [
    { code: 'informant', name: '特邀信息员', nameEn: 'Special informant' },
    { code: 'info_editor', name: '研究中心编辑', nameEn: 'Information editor' },
  ],
  permissions: [
    // 承办单位经办人 report in their unit's name (the unit is the 报送单位)
    { code: 'opinion.submit', name: '报送社情民意信息', defaultRoles: [...submitterRoles] },
    { code: 'opinion.edit', name: '编辑社情民意信息（录用、留存、退回、修改、核稿、编期、分发、向上报送、登记采用与批示）', defaultRoles: ['info_editor'] },
    { code: 'opinion.sign', name: '签发社情民意期刊', defaultRoles: ['leader'] },
    { code: 'opinion.read_all', name: '查看本级全部社情民意信息与统计', defaultRoles: ['info_editor', 'leader', 'office_staff'] },
  ],
  migrations: [...opinionMigrations, ...fromProposalMigrations, ...topicMigrations, ...opinionPerfMigrations],
  /** 提案转社情民意: reports created from proposals whose proposer consented */
  subscribe: subscribeFromProposals,
  settings: opinionSettings,
  // 社情民意 reports are found in the search by whoever may see them in the lists, with their current state
  entities: opinionEntities,
  workflows: [reportLifecycle, issueLifecycle],
  routes: (app, ctx) => {
    topicRoutes(app, ctx);
    documentRoutes(app, ctx);
    memberFigureRoutes(app, ctx);
    return opinionRoutes(app, ctx);
  },
  /** 统计数字: the statistics' totals and participation of a period, and a member's figures (履职) of a year */
  figures: opinionFigureSource,
  seed: seedOpinions,
};
