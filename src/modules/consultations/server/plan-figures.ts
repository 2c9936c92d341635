/**
 * Figures of 协商选题 and 年度协商计划 (统计数字): topics proposed in the year, the approved plan's items (all, and by form),
 * and the items carried out (a consultation for the item held). Each is counted with the very query its list runs
 * (`listTopics`, `listPlanItems`), so the list's total equals the figure.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource, FigureScope } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import { listPlanItems, listTopics, mayApprove, mayManage } from './plan-repository.ts';

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
  const topicTotal = (await listTopics(ctx.db, actor, { ...page, year })).total;
  const itemCount = async (q: { form?: (typeof consultationForms)[number]; carriedOut?: boolean }) => (await listPlanItems(ctx.db, actor, { ...page, year, ...q })).total;
  const planned = await itemCount({});
  const forms = await Promise.all(consultationForms.map((form) => itemCount({ form })));
  const done = await itemCount({ carriedOut: true });
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
  };
}
