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
import { filtered } from './repository.ts';
import { formatDate } from '../../../kernel/universal/china-time.ts';

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

const brief = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * 重点记录 for the annual review: recommendations handed over in the period and assessed 已落实, those backed by a
 * leader's instruction (批示) first, then the most recently closed; the same rows as the 已落实建议 figure's list.
 */
recommendationsFigureSource.highlights = async (ctx, scope, actor, limit) => {
  if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
  const rows = await filtered(ctx.db, actor, { from: scope.from, to: scope.to, state: 'implemented' }, ctx.calendar.today())
    .select(['id', 'text', 'unit_name', 'source_title', 'instruction_by', 'closed_at'])
    .orderBy((eb) => eb.case().when('instruction_by', 'is not', null).then(0).else(1).end())
    .orderBy('closed_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    key: 'recommendations.implemented', kind: '已落实建议', title: brief(r.text),
    outcome: `${r.unit_name}已落实（来自「${r.source_title}」${r.instruction_by ? `，${r.instruction_by}批示` : ''}）`,
    date: formatDate(r.closed_at) || null, link: `/recommendations/${r.id}`,
  }));
};
