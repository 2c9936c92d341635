/**
 * 委员管理 figures: the members serving at the end of a period (在任委员) and the 常委 among them, the members who
 * joined a term and who left one in the period, and each special committee's members (专委会委员) serving at its end (a
 * family, decision 0091); and the members serving on a day by 界别, 党派 and 届. Each figure counts the very rows of its
 * list (GET /api/members/registry with the figure's query).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { listCommittees, termLabel } from '../../organizations/index.ts';
import type { RegistryStats } from '../../organizations/contract.ts';
import { assembleRegistry, filterRegistry, readsRegistry, servingTerm, type Assembled } from './registry.ts';

const decls: FigureDecl[] = [
  { key: 'members.serving', label: '在任委员', unit: '人', scope: 'organisation' },
  { key: 'members.standing', label: '在任常委', unit: '人', scope: 'organisation' },
  { key: 'members.joined', label: '新任委员', unit: '人', scope: 'organisation' },
  { key: 'members.left', label: '离任委员', unit: '人', scope: 'organisation' },
  // 各专委会委员: each special committee's members serving at the period's end (the registry's committee filter)
  { key: 'members.committee.*', label: '各专委会委员', unit: '人', scope: 'organisation', per: 'committee' },
];
const labelOf = new Map(decls.map((d) => [d.key, d]));

type Period = { from: string; to: string; year?: number };

export async function registryFigures(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, period: Period): Promise<Figure[]> {
  return (await registryFiguresOfPeriods(ctx, tenantId, [period]))[0];
}

/**
 * The figures of several periods, one list per period, each what `registryFigures` answers for it alone: the members
 * and committees read once, each period's figures filtered from them (a trend's twelve months, decision 0091).
 */
export async function registryFiguresOfPeriods(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, periods: readonly Period[]): Promise<Figure[][]> {
  const [all, committees] = await Promise.all([assembleRegistry(ctx.db, tenantId), listCommittees(ctx.db, tenantId)]);
  return Promise.all(periods.map((period) => figuresOf(ctx, tenantId, all, committees, period)));
}

async function figuresOf(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, all: Assembled[], committees: Awaited<ReturnType<typeof listCommittees>>,
  period: Period): Promise<Figure[]> {
  const lists: Array<[string, Record<string, string>]> = [
    ['members.serving', { servingOn: period.to }],
    ['members.standing', { servingOn: period.to, standing: 'true' }],
    ['members.joined', { joinedFrom: period.from, joinedTo: period.to }],
    ['members.left', { leftFrom: period.from, leftTo: period.to }],
  ];
  const figures = await Promise.all(lists.map(async ([key, query]) => {
    const d = labelOf.get(key)!;
    const n = (await filterRegistry(ctx, tenantId, all, query as any)).length;
    return { key, label: d.label, unit: d.unit, value: n, list: { api: '/api/members/registry', web: '/members/registry', query, rows: 'member' } };
  }));
  // each committee in the registry's order, its members serving on the period's last day: the list with that committee;
  // counted for a year, not for each month of a trend (as the other committee families, decision 0087)
  if (period.year === undefined) return figures;
  const perCommittee = await Promise.all(committees.map(async (c): Promise<Figure> => {
    const query = { servingOn: period.to, committee: c.id };
    const name = c.short_name ?? c.name;
    const n = (await filterRegistry(ctx, tenantId, all, query)).length;
    return {
      key: `members.committee.${c.id}`, label: `${name}委员`, unit: '人', value: n, part: { kind: 'committee', id: c.id, name },
      list: { api: '/api/members/registry', web: '/members/registry', query, rows: 'member' },
    };
  }));
  return [...figures, ...perCommittee];
}

export const registryFigureSource: FigureSource = {
  figures: decls,
  async compute(ctx, scope, actor) {
    if (scope.subject || actor.tenantId !== scope.tenantId || !readsRegistry(actor)) return [];
    return registryFigures(ctx, scope.tenantId, { from: scope.from, to: scope.to, year: scope.year });
  },
  async computePeriods(ctx, scopes, actor) {
    const first = scopes[0];
    if (!first || first.subject || actor.tenantId !== first.tenantId || !readsRegistry(actor)) return scopes.map(() => []);
    return registryFiguresOfPeriods(ctx, first.tenantId, scopes.map((sc) => ({ from: sc.from, to: sc.to, year: sc.year })));
  },
};

/** The members serving on a day by 界别, 党派 and 届 (the term they serve in that day), largest first. */
export async function registryStatsOf(ctx: Pick<ModuleContext, 'db' | 'settings'>, actor: Actor, servingOn: string): Promise<RegistryStats> {
  const serving = (await assembleRegistry(ctx.db, actor.tenantId)).filter((a) => servingTerm(a.row, servingOn));
  const group = (keyOf: (a: (typeof serving)[number]) => [string, string], param: string) => {
    const m = new Map<string, { label: string; count: number }>();
    for (const a of serving) {
      const [k, label] = keyOf(a);
      const e = m.get(k) ?? { label, count: 0 };
      e.count++;
      m.set(k, e);
    }
    return [...m.entries()].sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label, 'zh-CN'))
      .map(([key, e]) => ({ key, label: e.label, count: e.count, query: { servingOn, [param]: key } }));
  };
  return {
    servingOn, total: serving.length,
    // a member without a recorded 界别 is counted under 未填写 and has no list of its own
    bySector: group((a) => [a.row.sectorId ?? '', a.sectorName ?? '未填写'], 'sector').filter((r) => r.key !== ''),
    byParty: group((a) => [a.row.party ?? '无党派', a.row.party ?? '无党派'], 'party'),
    byTerm: group((a) => { const t = servingTerm(a.row, servingOn)!; return [String(t.termNo), termLabel(t.termNo)]; }, 'term'),
  };
}
