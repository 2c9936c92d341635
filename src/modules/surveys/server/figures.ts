/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures). A figure is true only if its list
 * agrees: `list.api` with `list.query` answers a `total` equal to `value`. So each figure is counted with the very
 * query its list runs, and returns nothing to an actor who may not read the surveys.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { readsAll } from '../domain/surveys-policy.ts';
import { listAnswers, listItems } from './repository.ts';
import { themeRowsOf } from './results.ts';

const org = (name: string, label: string, unit: string): FigureDecl => ({ key: `surveys.${name}`, label, unit, scope: 'organisation' });
const held = org('held', '开展网络征集', '次');
const answers = org('answers', '收到答卷', '份');
const publicAnswers = org('public_answers', '社会公众答卷', '份');
const themes = org('themes', '意见主题', '个');
const held_states = 'published,closed,archived';

export const surveysFigureSource: FigureSource = {
  figures: [held, answers, publicAnswers, themes],
  async compute(ctx, scope, actor) {
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    const surveys = await listItems(ctx.db, actor, { page: 1, pageSize: 200, ...period, state: held_states });
    const all = await listAnswers(ctx.db, actor.tenantId, { page: 1, pageSize: 1, ...period });
    const pub = await listAnswers(ctx.db, actor.tenantId, { page: 1, pageSize: 1, ...period, kind: 'public' });
    const themeRows = await themeRowsOf(ctx.db, surveys.rows);
    const fig = (d: FigureDecl, value: number, api: string, web: string, query: Record<string, string>, rows: string): Figure =>
      ({ key: d.key, label: d.label, unit: d.unit, value, list: { api, web, query, rows } });
    return [
      fig(held, surveys.total, '/api/surveys', '/surveys', { ...period, state: held_states }, 'survey'),
      fig(answers, all.total, '/api/surveys/answers', '/surveys/answers', period, 'survey_answer'),
      fig(publicAnswers, pub.total, '/api/surveys/answers', '/surveys/answers', { ...period, kind: 'public' }, 'survey_answer'),
      fig(themes, themeRows.length, '/api/surveys/themes', '/surveys/themes', period, 'survey_theme'),
    ];
  },
};
