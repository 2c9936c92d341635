/**
 * The 委员工作室 figures (统计数字): activities, mediation cases and those mediated successfully, loans granted and their
 * amount, projects introduced and their amount; for a member (履职档案, 履职积分) the studio activities they took part in
 * and the cases they handled. Each counts the very query its list runs (`repository.ts`), so the list agrees; amounts
 * are in 万元, the sum of the list rows' `amountWan`. A studio's page shows the same figures filtered to the studio.
 */
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { readsAll, wanOf } from '../domain/studio-rules.ts';
import { activityQuery, caseQuery, countAndSum, loanQuery, projectQuery, type Period } from './repository.ts';

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `studios.${name}`, label, unit, scope });
const orgDecls = [
  decl('activities', '工作室活动', '次', 'organisation'),
  decl('cases', '受理调解案件', '件', 'organisation'),
  decl('cases_success', '成功调解', '件', 'organisation'),
  decl('loans', '助力贷款', '笔', 'organisation'),
  decl('loan_amount', '放贷金额', '万元', 'organisation'),
  decl('projects', '引进项目', '个', 'organisation'),
  decl('project_amount', '项目投资额', '万元', 'organisation'),
];
const memberDecls = [
  decl('member.activities', '参加工作室活动', '次', 'member'),
  decl('member.cases', '承办调解案件', '件', 'member'),
];
const labelOf = (key: string) => [...orgDecls, ...memberDecls].find((d) => d.key === key)!;
const fig = (key: string, value: number, list: Figure['list'], share?: Figure['share']): Figure => ({ key, label: labelOf(key).label, unit: labelOf(key).unit, value, list, ...(share ? { share } : {}) });
const q = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

/** The organisation's figures of a period, or one studio's (its page). */
export async function orgFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, period: Period, studioId?: string): Promise<Figure[]> {
  const base = { from: period.from, to: period.to, studioId };
  const [acts, cases, success, loans, projects] = await Promise.all([
    countAndSum(activityQuery(ctx.db, tenantId, base)),
    countAndSum(caseQuery(ctx.db, tenantId, base)),
    countAndSum(caseQuery(ctx.db, tenantId, { ...base, outcome: 'success' })),
    countAndSum(loanQuery(ctx.db, tenantId, base), 'l.amount_yuan'),
    countAndSum(projectQuery(ctx.db, tenantId, base), 'p.amount_yuan'),
  ]);
  const web = studioId ? `/studios/${studioId}` : undefined;
  const list = (api: string, rows: string, query: Record<string, string>, sum?: string): Figure['list'] => ({ api, ...(web ? { web } : {}), query, rows, ...(sum ? { sum } : {}) });
  const bq = q(base);
  return [
    fig('studios.activities', acts.n, list('/api/studios/activities', 'studio_activity', bq)),
    fig('studios.cases', cases.n, list('/api/studios/cases', 'studio_case', bq)),
    fig('studios.cases_success', success.n, list('/api/studios/cases', 'studio_case', { ...bq, outcome: 'success' }), shareOf('studios.cases', success.n, cases.n)),
    fig('studios.loans', loans.n, list('/api/studios/loans', 'studio_loan', bq)),
    fig('studios.loan_amount', wanOf(loans.sum), list('/api/studios/loans', 'studio_loan', bq, 'amountWan')),
    fig('studios.projects', projects.n, list('/api/studios/projects', 'studio_project', bq)),
    fig('studios.project_amount', wanOf(projects.sum), list('/api/studios/projects', 'studio_project', bq, 'amountWan')),
  ];
}

/** A member's figures of a period: studio activities taken part in, mediation cases handled. */
export async function memberFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: Period): Promise<Figure[]> {
  const f = { from: period.from, to: period.to, userId };
  const [acts, cases] = await Promise.all([countAndSum(activityQuery(ctx.db, tenantId, f)), countAndSum(caseQuery(ctx.db, tenantId, f))]);
  const query = q(f);
  return [
    fig('studios.member.activities', acts.n, { api: '/api/studios/activities', query, rows: 'studio_activity' }),
    fig('studios.member.cases', cases.n, { api: '/api/studios/cases', query, rows: 'studio_case' }),
  ];
}

/** Who may read another member's figures: those who read every studio record, or every member's record. */
export const mayReadMemberFigures = (actor: Actor, userId: string) => actor.userId === userId || readsAll(actor) || can(actor, 'member.read_all');

export const studiosFigureSource: FigureSource = {
  figures: [...orgDecls, ...memberDecls],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) {
      if (!mayReadMemberFigures(actor, scope.subject.userId)) return [];
      return memberFigures(ctx, scope.tenantId, scope.subject.userId, period);
    }
    if (!readsAll(actor)) return [];
    return orgFigures(ctx, scope.tenantId, period);
  },
};
