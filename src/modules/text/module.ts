/** Manifest of the 文本智能 module: segmentation, similar items (查重/并案), unit suggestion (智能交办) and hot topics (热点); migrations 0400–0449. */
import type { ModuleContext, ModuleManifest } from '../../kernel/server/module.ts';
import type { App } from '../../kernel/server/http/server.ts';
import { textMigrations } from './server/migrations.ts';
import { textRoutes } from './server/routes.ts';
import { TextService } from './server/text-service.ts';
import { subscribeText } from './server/subscriptions.ts';

const services = new WeakMap<object, TextService>();

/** The text service of an app (one per database handle). */
export function textServiceOf(ctx: ModuleContext): TextService {
  let s = services.get(ctx.db);
  if (!s) services.set(ctx.db, (s = new TextService(ctx.db, ctx.dialect)));
  return s;
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
  subscribe: (ctx) => subscribeText(ctx, textServiceOf(ctx)),
  routes: (app: App, ctx: ModuleContext) => textRoutes(textServiceOf(ctx))(app, ctx),
};
