/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures). A figure is true only if its list
 * agrees: `list.api` with `list.query` answers a `total` equal to `value`. So each figure is counted with the very
 * query its list runs (`listItems`), and returns nothing to an actor who may not read the records.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { readsAll } from '../domain/news-policy.ts';
import { listItems } from './repository.ts';

const org = (name: string, label: string): FigureDecl => ({ key: `news.${name}`, label, unit: '件', scope: 'organisation' });
const created = org('created', '新建新闻');
const done = org('done', '已办结新闻');

export const newsFigureSource: FigureSource = {
  figures: [created, done],
  async compute(ctx, scope, actor) {
    // organisation figures only, for staff who read every record of that CPPCC
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const figureOf = async (d: FigureDecl, query: Record<string, string>): Promise<Figure> => {
      const { total } = await listItems(ctx.db, actor, { page: 1, pageSize: 1, from: query.from, to: query.to, state: query.state });
      return { key: d.key, label: d.label, unit: d.unit, value: total, list: { api: '/api/news', web: '/news', query, rows: 'news_item' } };
    };
    const period = { from: scope.from, to: scope.to };
    return Promise.all([figureOf(created, period), figureOf(done, { ...period, state: 'done' })]);
  },
};
