/**
 * The module's figures (统计数字): materials received (征集文史资料), accepted (采用), and issues of 《长治文史》
 * published in the period. Each is counted with the very query its list runs, so the count equals the list's rows.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { acceptedStates } from '../domain/wenshi-lifecycle.ts';
import { readsAll } from '../domain/wenshi-policy.ts';
import { listIssues, listMaterials } from './repository.ts';

const received: FigureDecl = { key: 'wenshi.received', label: '征集文史资料', unit: '篇', scope: 'organisation' };
const accepted: FigureDecl = { key: 'wenshi.accepted', label: '采用文史资料', unit: '篇', scope: 'organisation' };
const issues: FigureDecl = { key: 'wenshi.issues', label: '出版《长治文史》', unit: '辑', scope: 'organisation' };

export const wenshiFigureSource: FigureSource = {
  figures: [received, accepted, issues],
  async compute(ctx, scope, actor) {
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    const material = async (d: FigureDecl, query: Record<string, string>): Promise<Figure> => {
      const { total } = await listMaterials(ctx.db, ctx.dialect, actor, { page: 1, pageSize: 1, from: query.from, to: query.to, state: query.state });
      return { key: d.key, label: d.label, unit: d.unit, value: total, list: { api: '/api/wenshi', web: '/wenshi', query, rows: 'wenshi_material' } };
    };
    const issueQuery = { ...period, published: 'true' };
    const [a, b, c] = await Promise.all([
      material(received, period),
      material(accepted, { ...period, state: acceptedStates.join(',') }),
      listIssues(ctx.db, actor, { page: 1, pageSize: 1, published: true, from: period.from, to: period.to }),
    ]);
    return [a, b, { key: issues.key, label: issues.label, unit: issues.unit, value: c.total, list: { api: '/api/wenshi/issues', web: '/wenshi/issues', query: issueQuery, rows: 'wenshi_issue' } }];
  },
};
