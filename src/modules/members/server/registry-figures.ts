/**
 * 委员管理 figures: the members serving at the end of a period (在任委员) and the 常委 among them, the members who
 * joined a term and who left one in the period; and the members serving on a day by 界别, 党派 and 届. Each figure
 * counts the very rows of its list (GET /api/members/registry with the figure's query).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { termLabel } from '../../organizations/index.ts';
import type { RegistryStats } from '../../organizations/contract.ts';
import { assembleRegistry, filterRegistry, readsRegistry, servingTerm } from './registry.ts';

const decls: FigureDecl[] = [
  { key: 'members.serving', label: '在任委员', unit: '人', scope: 'organisation' },
  { key: 'members.standing', label: '在任常委', unit: '人', scope: 'organisation' },
  { key: 'members.joined', label: '新任委员', unit: '人', scope: 'organisation' },
  { key: 'members.left', label: '离任委员', unit: '人', scope: 'organisation' },
];
const labelOf = new Map(decls.map((d) => [d.key, d]));

export async function registryFigures(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, period: { from: string; to: string }): Promise<Figure[]> {
  const all = await assembleRegistry(ctx.db, tenantId);
  const lists: Array<[string, Record<string, string>]> = [
    ['members.serving', { servingOn: period.to }],
    ['members.standing', { servingOn: period.to, standing: 'true' }],
    ['members.joined', { joinedFrom: period.from, joinedTo: period.to }],
    ['members.left', { leftFrom: period.from, leftTo: period.to }],
  ];
  return Promise.all(lists.map(async ([key, query]) => {
    const d = labelOf.get(key)!;
    const n = (await filterRegistry(ctx, tenantId, all, query as any)).length;
    return { key, label: d.label, unit: d.unit, value: n, list: { api: '/api/members/registry', web: '/members/registry', query, rows: 'member' } };
  }));
}

export const registryFigureSource: FigureSource = {
  figures: decls,
  async compute(ctx, scope, actor) {
    if (scope.subject || actor.tenantId !== scope.tenantId || !readsRegistry(actor)) return [];
    return registryFigures(ctx, scope.tenantId, { from: scope.from, to: scope.to });
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
