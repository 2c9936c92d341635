/**
 * The module's figures (统计数字): 接待 (receptions by their first day), 接待经费预算 (the sum of their budgets), 会务保障
 * (activities with a logistics checklist, by the activity's day), 出车 (trips done, by the day the car left) and 行驶里程
 * (their kilometres). Each is counted with the very query its list runs, so the list behind it agrees: the counts are
 * the list's `total`, the sums add up the list's rows (`list.sum`). Staff who read all see them; members see none.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { readsAll } from '../domain/policy.ts';
import { listChecklists, listReceptions } from './office.ts';
import { listTrips } from './trips.ts';

const org = (name: string, label: string, unit: string): FigureDecl => ({ key: `logistics.${name}`, label, unit, scope: 'organisation' });
export const logisticsFigures = {
  receptions: org('receptions', '接待', '次'),
  receptionBudget: org('reception_budget', '接待经费预算', '元'),
  checklists: org('checklists', '会务保障活动', '场'),
  trips: org('trips', '出车', '车次'),
  kilometres: org('kilometres', '行驶里程', '公里'),
};
const F = logisticsFigures;

export const logisticsFigureSource: FigureSource = {
  figures: [F.receptions, F.receptionBudget, F.checklists, F.trips, F.kilometres],
  async compute(ctx, scope, actor) {
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    const one = { page: 1, pageSize: 1, ...period };
    const tripQuery = { ...period, state: 'done' };
    const [rec, chk, trips] = await Promise.all([
      listReceptions(ctx.db, actor, one),
      listChecklists(ctx, actor, one),
      listTrips(ctx.db, actor, { ...one, state: 'done' }),
    ]);
    const fig = (d: FigureDecl, value: number, api: string, web: string, query: Record<string, string>, rows: string, sum?: string): Figure =>
      ({ key: d.key, label: d.label, unit: d.unit, value, list: { api, web, query, rows, ...(sum ? { sum } : {}) } });
    return [
      fig(F.receptions, rec.total, '/api/office/receptions', '/office/receptions', period, 'logistics_reception'),
      fig(F.receptionBudget, rec.budgetTotal, '/api/office/receptions', '/office/receptions', period, 'logistics_reception', 'budgetTotal'),
      fig(F.checklists, chk.total, '/api/office/checklists', '/office/checklists', period, 'logistics_checklist'),
      fig(F.trips, trips.total, '/api/office/trips', '/office/trips', tripQuery, 'logistics_trip'),
      fig(F.kilometres, trips.km, '/api/office/trips', '/office/trips', tripQuery, 'logistics_trip', 'km'),
    ];
  },
};
