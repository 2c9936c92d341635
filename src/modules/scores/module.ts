/**
 * Manifest of the 履职积分 module (the duty score and the annual duty report): permissions (with the roles granted them
 * on a new database), migrations (ordinals 2900–2999), the job that recomputes the year and warns members below the
 * minimum, the demo seed and the routes. It owns no figures of its own: it reads every module's member figures.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { scoresPermissions } from './domain/scores-permissions.ts';
import { scoreJob } from './server/jobs.ts';
import { scoresMigrations } from './server/migrations.ts';
import { scoresRoutes } from './server/routes.ts';
import { seedScores } from './server/seed.ts';

export const scoresModule: ModuleManifest = {
  name: 'scores',
  label: '履职积分',
  permissions: [
    { code: scoresPermissions.readOwn, name: '查看本人履职积分与年度履职报告（我的积分）', defaultRoles: ['member'] },
    { code: scoresPermissions.readAll, name: '查看本级全体委员的履职积分、排名与等次分布', defaultRoles: ['office_staff', 'committee_staff', 'leader'] },
    { code: scoresPermissions.manage, name: '设置年度积分规则并重新计算', defaultRoles: ['office_staff'] },
  ],
  migrations: scoresMigrations,
  jobs: [scoreJob],
  seed: seedScores,
  routes: scoresRoutes,
};
