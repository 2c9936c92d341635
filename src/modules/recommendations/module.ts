/**
 * Manifest of the 建议落实 module: everything the module brings to the platform, declared rather than registered as a side
 * effect. Permissions (with the roles granted them on a new database), migrations (ordinals 1500–1599, this module's
 * range), the lifecycle, the entities, settings, the figures, the deadline column, the reminder job, the subscription
 * to other modules' requests for tracking, the routes and the demo data.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { recommendationsInstructedEvent, recommendationsRequestedEvent } from './contract.ts';
import { recommendationsLifecycle, recommendationsPermissions } from './domain/recommendations-lifecycle.ts';
import { onRecommendationsInstructed, onRecommendationsRequested } from './server/commands.ts';
import { recommendationsEntities } from './server/entities.ts';
import { recommendationsFigureSource } from './server/figures.ts';
import { recommendationsMigrations } from './server/migrations.ts';
import { recommendationRemindersJob } from './server/reminders.ts';
import { recommendationsRoutes } from './server/routes.ts';
import { seedRecommendations } from './server/seed.ts';
import { recommendationsSettings } from './server/settings.ts';

export const recommendationsModule: ModuleManifest = {
  name: 'recommendations',
  label: '建议落实',
  // the roles come from organizations (办公室工作人员, 政协领导) and proposals (承办单位经办人, 分管领导)
  permissions: [
    { code: recommendationsPermissions.create, name: '录入建议（来自报告或文件）', defaultRoles: ['office_staff'] },
    { code: recommendationsPermissions.reply, name: '反馈建议落实情况、申请延期（责任单位）', defaultRoles: ['unit_handler', 'unit_leader'] },
    { code: recommendationsPermissions.assess, name: '评估建议落实情况、审核延期申请', defaultRoles: ['office_staff'] },
    { code: recommendationsPermissions.instruct, name: '记录领导批示（建议报送后收到的）', defaultRoles: ['office_staff', 'leader'] },
    { code: recommendationsPermissions.readAll, name: '查看本级全部建议落实、督办看板与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: recommendationsMigrations,
  workflows: [recommendationsLifecycle],
  entities: recommendationsEntities,
  settings: recommendationsSettings,
  figures: recommendationsFigureSource,
  // 反馈期限 is counted in working days: the kernel moves it when a year's holiday schedule is entered
  dueDates: [{ table: 'recommendations', column: 'due_date' }],
  jobs: [recommendationRemindersJob],
  subscribe: (ctx) => {
    // another module (协商成果, 调研/视察报告, 民主评议, 有事来商量) asks for its recommendations to be tracked
    ctx.events.on(recommendationsRequestedEvent, async (e) => { await onRecommendationsRequested(ctx, e); });
    // a leader's 批示 on a report whose recommendations it sent, received later
    ctx.events.on(recommendationsInstructedEvent, async (e) => { await onRecommendationsInstructed(ctx, e); });
  },
  routes: recommendationsRoutes,
  seed: (ctx, seed) => seedRecommendations(ctx, seed),
};
