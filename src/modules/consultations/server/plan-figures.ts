/**
 * Figures of 协商选题 and 年度协商计划 (统计数字): topics proposed in the year, the approved plan's items (all, and by form),
 * and the items carried out (a consultation for the item held). Each is counted with the very query its list runs
 * (`listTopics`; `listPlanItems` selects from the plan's items with `selectPlanItems`), so the list's total equals the
 * figure.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource, FigureScope } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import { listTopics, mayApprove, mayManage, planItemViewsOf, selectPlanItems } from './plan-repository.ts';

const org = (name: string, label: string, unit = '项'): FigureDecl => ({ key: `consultations.${name}`, label, unit, scope: 'organisation' });
const topics = org('topics_proposed', '征集协商选题', '个');
const items = org('plan_items', '年度协商计划项');
const byForm = consultationForms.map((f) => org(`plan_items_${f}`, `计划项：${consultationFormLabels[f]}`));
const carried = org('plan_items_carried_out', '已开展的计划项');

export const planFigureDecls: FigureDecl[] = [topics, items, ...byForm, carried];

/** The year a scope counts: its 工作年度, or the year its period starts in. */
const yearOf = (scope: FigureScope) => scope.year ?? Number(scope.from.slice(0, 4));

export async function computePlanFigures(ctx: ModuleContext, scope: FigureScope, actor: Actor): Promise<Figure[]> {
  // the office and the leaders of that CPPCC read its figures
  if (scope.subject || actor.tenantId !== scope.tenantId || !(mayManage(actor) || mayApprove(actor))) return [];
  const year = yearOf(scope);
  const y = String(year);
  const page = { page: 1, pageSize: 1 };
  // the plan's items read once; each figure selects from them as its list does (`selectPlanItems`)
  const [topicTotal, views] = await Promise.all([listTopics(ctx.db, actor, { ...page, year }).then((r) => r.total), planItemViewsOf(ctx.db, actor, year)]);
  const itemCount = (q: { form?: (typeof consultationForms)[number]; carriedOut?: boolean }) => selectPlanItems(views, q).length;
  const planned = itemCount({});
  const forms = consultationForms.map((form) => itemCount({ form }));
  const done = itemCount({ carriedOut: true });
  const itemList = (query: Record<string, string>) => ({ api: '/api/consultations/plan-items', web: '/consultations/plans', query: { year: y, ...query }, rows: 'consultation_plan_item' });
  return [
    { key: topics.key, label: topics.label, unit: topics.unit, value: topicTotal, list: { api: '/api/consultations/topics', web: '/consultations/topics', query: { year: y }, rows: 'consultation_topic' } },
    { key: items.key, label: items.label, unit: items.unit, value: planned, list: itemList({}) },
    ...byForm.map((d, i) => ({ key: d.key, label: d.label, unit: d.unit, value: forms[i], share: shareOf(items.key, forms[i], planned), list: itemList({ form: consultationForms[i] }) })),
    { key: carried.key, label: carried.label, unit: carried.unit, value: done, share: shareOf(items.key, done, planned), list: itemList({ carriedOut: 'true' }) },
  ];
}

/** The module's figures with the plan's after them: one source, as the manifest declares one. */
export function withPlanFigures(source: FigureSource | undefined): FigureSource {
  return {
    figures: [...(source?.figures ?? []), ...planFigureDecls],
    async compute(ctx, scope, actor) {
      const [mine, plan] = await Promise.all([source ? source.compute(ctx, scope, actor) : [], computePlanFigures(ctx, scope, actor)]);
      return [...mine, ...plan];
    },
    async computePeriods(ctx, scopes, actor) {
      // the plan's figures are those of the year a scope counts, computed once per year
      const byYear = new Map<number, Promise<Figure[]>>();
      const planOf = (scope: FigureScope) => {
        const y = yearOf(scope);
        if (!byYear.has(y)) byYear.set(y, computePlanFigures(ctx, scope, actor));
        return byYear.get(y)!.then((figures) => structuredClone(figures));
      };
      const [mine, plan] = await Promise.all([
        !source ? scopes.map(() => []) : source.computePeriods ? source.computePeriods(ctx, scopes, actor) : Promise.all(scopes.map((sc) => source.compute(ctx, sc, actor))),
        Promise.all(scopes.map(planOf)),
      ]);
      return scopes.map((_, i) => [...mine[i], ...plan[i]]);
    },
  };
}
