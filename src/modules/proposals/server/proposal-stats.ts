/** A year's proposal statistics for one CPPCC; every figure carries the list query that shows the records behind it. */
import type { Kysely } from 'kysely';
import { proposalCategoryLabels, proposalTypeLabels, proposalTypes, proposalCategories, satisfactionLabels, satisfactionValues, type ProposalStats, type StatFigure } from '../contract.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { countBy } from './proposal-repository.ts';

export async function proposalStatsOf(db: Kysely<any>, tenantId: string, year: number, replyClasses: CodeLabel[]): Promise<ProposalStats> {
  const y = String(year);
  const received = (eb: any) => eb('submitted_at', 'is not', null);
  const [byStateRows, byCategoryRows, byTypeRows, filed, key, byReplyRows, bySatRows] = await Promise.all([
    countBy(db, tenantId, year, 'state', received),
    countBy(db, tenantId, year, 'category', received),
    countBy(db, tenantId, year, 'type', received),
    countBy(db, tenantId, year, null, (eb: any) => eb('filed_at', 'is not', null)),
    countBy(db, tenantId, year, null, (eb: any) => eb.and([eb('filed_at', 'is not', null), eb('is_key', '=', 1)])),
    countBy(db, tenantId, year, 'reply_class', (eb: any) => eb('replied_at', 'is not', null)),
    countBy(db, tenantId, year, 'satisfaction', (eb: any) => eb('satisfaction', 'is not', null)),
  ]);
  const n = (rows: Array<{ value: string | null; n: number }>, v: string) => rows.find((r) => r.value === v)?.n ?? 0;
  const total = byStateRows.reduce((s, r) => s + r.n, 0);
  const fig = (key: string, label: string, count: number, query: Record<string, string>): StatFigure => ({ key, label, count, query: { year: y, ...query } });
  const totals: StatFigure[] = [
    fig('received', '收到提案', total, { stage: 'received' }),
    fig('filed', '立案', filed[0].n, { stage: 'filed' }),
    fig('not_filed', '不予立案', n(byStateRows, 'not_filed'), { state: 'not_filed' }),
    fig('merged', '并案', n(byStateRows, 'merged'), { state: 'merged' }),
    fig('withdrawn', '撤回', n(byStateRows, 'withdrawn'), { state: 'withdrawn', stage: 'received' }),
    fig('pending', '审查中', n(byStateRows, 'submitted') + n(byStateRows, 'returned'), { state: 'submitted,returned' }),
    fig('key', '重点提案', key[0].n, { stage: 'filed', isKey: 'true' }),
  ];
  return {
    year,
    totals,
    byCategory: proposalCategories.map((c) => fig(c, proposalCategoryLabels[c], n(byCategoryRows, c), { stage: 'received', category: c })),
    byType: proposalTypes.map((t) => fig(t, proposalTypeLabels[t], n(byTypeRows, t), { stage: 'received', type: t })),
    byState: Object.entries(proposalLifecycle.states).filter(([s]) => s !== 'draft')
      .map(([s, def]) => fig(s, def.label, n(byStateRows, s), { state: s, stage: 'received' })),
    byReplyClass: replyClasses.map((c) => fig(c.code, c.label, n(byReplyRows, c.code), { stage: 'replied', replyClass: c.code })),
    bySatisfaction: satisfactionValues.map((s) => fig(s, satisfactionLabels[s], n(bySatRows, s), { satisfaction: s })),
  };
}
