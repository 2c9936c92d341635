/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures): the recommendations handed over in the
 * period (收到), those the departments have replied to (已反馈), those assessed 已落实, those overdue now (超期), and
 * those received by source type. Each is counted with the very filter its list runs (`countItems`), so the list it
 * links to has exactly as many rows. By department, the board (GET /api/recommendations/board) counts the same way.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { shareOf } from '../../../kernel/universal/figures.ts';
import { recommendationSourceTypes, sourceTypeLabels } from '../contract.ts';
import { readsAll } from '../domain/recommendations-policy.ts';
import { countItemsByPeriod, type RecommendationFilter } from './repository.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { spanOf, type Period } from '../../../kernel/server/db/periods.ts';

const org = (name: string, label: string): FigureDecl => ({ key: `recommendations.${name}`, label, unit: '条', scope: 'organisation' });
const received = org('received', '收到建议');
const answered = org('answered', '已反馈建议');
const implemented = org('implemented', '已落实建议');
const overdue = org('overdue', '超期未反馈建议');
const bySource = recommendationSourceTypes.map((t) => ({ type: t, decl: org(`source.${t}`, `来自${sourceTypeLabels[t]}的建议`) }));

const filterOf = (query: Record<string, string>, period: Period): RecommendationFilter => ({
  ...period, state: query.state, sourceType: query.sourceType as RecommendationFilter['sourceType'],
  answered: query.answered ? query.answered === 'true' : undefined, overdue: query.overdue ? query.overdue === 'true' : undefined,
});

/**
 * The figures of each period, in declared order: each figure one query over the periods' span, with its list's own
 * filter, grouped by the period of the time the recommendation was handed over (so each period's count is its list's).
 */
async function figuresOfPeriods(ctx: Pick<ModuleContext, 'db' | 'calendar'>, actor: Actor, periods: readonly Period[]): Promise<Figure[][]> {
  const today = ctx.calendar.today();
  const span = spanOf(periods);
  const figureOf = async (d: FigureDecl, extra: Record<string, string>): Promise<Figure[]> => {
    const counts = await countItemsByPeriod(ctx.db, actor, filterOf(extra, span), periods, today);
    return periods.map((p, i) => ({
      key: d.key, label: d.label, unit: d.unit, value: counts[i],
      list: { api: '/api/recommendations', web: '/recommendations', query: { from: p.from, to: p.to, ...extra }, rows: 'recommendation' },
    }));
  };
  const figures = await Promise.all([
    figureOf(received, {}), figureOf(answered, { answered: 'true' }), figureOf(implemented, { state: 'implemented' }), figureOf(overdue, { overdue: 'true' }),
    ...bySource.map((s) => figureOf(s.decl, { sourceType: s.type })),
  ]);
  return periods.map((_, i) => {
    const all = figures.map((f) => f[i]);
    for (const f of all.slice(1, 4)) f.share = shareOf(received.key, f.value, all[0].value);
    return all;
  });
}

export const recommendationsFigureSource: FigureSource = {
  figures: [received, answered, implemented, overdue, ...bySource.map((s) => s.decl)],
  async compute(ctx, scope, actor) {
    return (await recommendationsFigureSource.computePeriods!(ctx, [scope], actor))[0];
  },
  async computePeriods(ctx, scopes, actor) {
    // organisation figures only, for the office and leaders who read every record of that CPPCC
    if (scopes[0].subject || !readsAll(actor) || actor.tenantId !== scopes[0].tenantId) return scopes.map(() => []);
    return figuresOfPeriods(ctx, actor, scopes.map((sc) => ({ from: sc.from, to: sc.to })));
  },
};
