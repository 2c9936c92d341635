/** Manifest of the 文本智能 module: segmentation, similar items (查重/并案), unit suggestion (智能交办) and hot topics (热点); migrations 0400–0449. */
import type { ModuleContext, ModuleManifest } from '../../kernel/server/module.ts';
import type { App } from '../../kernel/server/http/server.ts';
import { textMigrations } from './server/migrations.ts';
import { textRoutes } from './server/routes.ts';
import { TextService } from './server/text-service.ts';
import { subscribeText } from './server/subscriptions.ts';
import { warmUnitModelsJob } from './server/warm-models.ts';

/**
 * The text service of an app: the module's per-app instance, made by the composition root when the app is built (its
 * indexes live as long as the app); the search asks the entities the modules declare who may see which items.
 */
export function textServiceOf(ctx: Pick<ModuleContext, 'contributions'>): TextService {
  return ctx.contributions.instance<TextService>('text');
}

const staff = ['proposal_staff', 'info_editor', 'committee_staff', 'office_staff', 'leader'];

export const textModule: ModuleManifest = {
  name: 'text',
  label: '文本智能',
  permissions: [
    { code: 'text.use', name: '使用文本分析（相似件、智能交办、热点）', defaultRoles: staff },
    { code: 'text.dictionary', name: '维护词库与交办关键词规则', defaultRoles: ['proposal_staff', 'info_editor'] },
  ],
  migrations: textMigrations,
  instance: (ctx) => new TextService(ctx.db, ctx.dialect, (actor, source, ids) => ctx.contributions.searchVisibleIds(source, actor, ids), {
    // the modules' own records: their 交办 history, their 并案 groups, the entity of each search source
    assignmentHistory: (tenantId) => ctx.contributions.assignmentHistory(tenantId),
    hasAssignmentHistory: (type) => ctx.contributions.hasAssignmentHistory(type),
    sameRecords: (type, id) => ctx.contributions.sameRecords(type, id),
    typeOfSource: (source) => ctx.contributions.entityOfSource(source)?.type,
  }, (...a) => ctx.log.error(...a)),
  subscribe: (ctx) => subscribeText(ctx, textServiceOf(ctx)),
  jobs: [warmUnitModelsJob],
  routes: (app: App, ctx: ModuleContext) => textRoutes(textServiceOf(ctx))(app, ctx),
};
