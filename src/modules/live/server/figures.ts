/**
 * The module's figures (统计数字): 举办网络议政 (sessions held: closed or archived, by their opening date), and over
 * the same sessions the sums of 参与人数, 发言, 答复提问, 观点 and 表态. Each opens the list of the sessions it counts
 * (`/api/live/sessions` with the same query); the sum figures add up a field of those rows.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { readsAll } from '../domain/live-rules.ts';
import { countsOf, listSessions } from './repository.ts';

const org = (name: string, label: string, unit: string): FigureDecl => ({ key: `live.${name}`, label, unit, scope: 'organisation' });
const held = org('held', '举办网络议政', '场');
const sums: Array<[FigureDecl, 'participants' | 'contributions' | 'questionsAnswered' | 'statements' | 'votes']> = [
  [org('participants', '网络议政参与人次', '人次'), 'participants'],
  [org('contributions', '网络议政发言', '条'), 'contributions'],
  [org('answered', '部门答复提问', '个'), 'questionsAnswered'],
  [org('statements', '网络议政观点', '条'), 'statements'],
  [org('votes', '网络议政表态', '次'), 'votes'],
];

export const liveFigureSource: FigureSource = {
  figures: [held, ...sums.map(([d]) => d)],
  async compute(ctx, scope, actor) {
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const query: Record<string, string> = { from: scope.from, to: scope.to, state: 'closed,archived' };
    const rows = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const r = await listSessions(ctx.db, actor, { page, pageSize: 200, from: scope.from, to: scope.to, state: query.state });
      total = r.total;
      rows.push(...r.rows);
      if (rows.length >= r.total || !r.rows.length) break;
    }
    const counts = await countsOf(ctx.db, rows.map((r) => r.id));
    const list = (sum?: string) => ({ api: '/api/live/sessions', web: '/live', query, rows: 'live_session', ...(sum ? { sum } : {}) });
    const out: Figure[] = [{ key: held.key, label: held.label, unit: held.unit, value: total, list: list() }];
    for (const [d, field] of sums) {
      let v = 0;
      for (const c of counts.values()) v += c[field];
      out.push({ key: d.key, label: d.label, unit: d.unit, value: v, list: list(field) });
    }
    return out;
  },
};
