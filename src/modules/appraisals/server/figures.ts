/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures). A figure is true only if its list agrees:
 * each is counted with the very query its list runs. A period counts the appraisals whose 评议会议日期 falls in it. The
 * rectification items are the recommendation tracker's parts from appraisals (their list is the tracker's, counted by
 * the tracker's own lookup), so "done" is what the tracker assessed as 已落实.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { shareOf } from '../../../kernel/universal/figures.ts';
import { countRecommendations } from '../../recommendations/index.ts';
import { readsAll } from '../domain/appraisals-policy.ts';
import { appraisalQuery, ballotQuery, departmentQuery } from './repository.ts';

const org = (name: string, label: string, unit: string): FigureDecl => ({ key: `appraisals.${name}`, label, unit, scope: 'organisation' });
const held = org('held', '开展民主评议', '次');
const departments = org('departments', '被评议单位', '个次');
const votes = org('votes', '测评票数', '票');
const rectifications = org('rectifications', '整改事项', '项');
const rectified = org('rectified', '整改已落实', '项');

const count = async (q: { select: (f: (eb: any) => any) => { executeTakeFirstOrThrow: () => Promise<{ n: unknown }> } }) => Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

export const appraisalsFigureSource: FigureSource = {
  figures: [held, departments, votes, rectifications, rectified],
  async compute(ctx, scope, actor) {
    // organisation figures only, for staff who read every appraisal of that CPPCC
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    const today = ctx.calendar.today();
    const fig = (d: FigureDecl, value: number, list: Figure['list']): Figure => ({ key: d.key, label: d.label, unit: d.unit, value, list });
    const [h, u, v, r, done] = await Promise.all([
      count(appraisalQuery(ctx.db, actor, { held: true, ...period }) as never),
      count(departmentQuery(ctx.db, actor, { held: true, ...period }) as never),
      count(ballotQuery(ctx.db, actor.tenantId, period) as never),
      countRecommendations(ctx.db, actor, { sourceType: 'appraisal', ...period }, today),
      countRecommendations(ctx.db, actor, { sourceType: 'appraisal', state: 'implemented', ...period }, today),
    ]);
    const all = [
      fig(held, h, { api: '/api/supervision/appraisals', web: '/appraisals', query: { held: 'true', ...period }, rows: 'appraisal' }),
      fig(departments, u, { api: '/api/supervision/appraisals/departments', query: { held: 'true', ...period }, rows: 'appraisal_unit' }),
      fig(votes, v, { api: '/api/supervision/appraisals/ballots', query: { ...period }, rows: 'appraisal_ballot' }),
      fig(rectifications, r, { api: '/api/recommendations', web: '/recommendations', query: { sourceType: 'appraisal', ...period }, rows: 'recommendation' }),
      fig(rectified, done, { api: '/api/recommendations', web: '/recommendations', query: { sourceType: 'appraisal', state: 'implemented', ...period }, rows: 'recommendation' }),
    ];
    all[4].share = shareOf(rectifications.key, done, r);
    return all;
  },
};
