/**
 * The 社情民意 module's figures in the catalogue (统计数字目录): the organisation's figures of a period are the
 * statistics' own (`headlineFiguresOfPeriods`: totals and 委员参与面, the same keys, values and lists as 社情民意统计,
 * which builds them with the same function; several periods are counted together); a member's are
 * their duty-record figures of a year (`memberReportFigures`), each opening GET /api/opinions/members/:userId.
 */
import { z } from 'zod';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureScope, FigureSource } from '../../../kernel/server/contributions.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden } from '../../../kernel/universal/errors.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { levelLabels, memberReportsList, memberReportsParams, memberReportsQuery, type Level } from '../contract.ts';
import { formatDate } from '../../../kernel/universal/china-time.ts';
import { settingsIn, workYearCalendarOf } from '../../organizations/index.ts';
import { periodBounds } from './report-repository.ts';
import { opinionDb } from './tables.ts';
import { memberReportFigureValue, memberReportFigures, memberReportFiguresMany, memberReportsOf } from './member-record.ts';
import { headlineFiguresOfPeriods, opinionStatsOf } from './stats.ts';

/** Staff who read every member's duty record (委员履职 grants it); members read their own. */
const DUTY_RECORD_READ_ALL = 'member.read_all';

/** May the actor read this member's figures and the reports behind them: the member, the information office, or duty-record staff. */
export function mayReadMemberFigures(actor: Actor, userId: string): boolean {
  return actor.userId === userId || can(actor, 'opinion.read_all') || can(actor, DUTY_RECORD_READ_ALL);
}

/** the columns of the statistics' committee breakdown that the catalogue carries per committee */
const committeeColumns = ['submitted', 'accepted', 'sent_up', 'adopted'] as const;
const committeeLabels: Record<(typeof committeeColumns)[number], string> = { submitted: '委员报送信息', accepted: '录用', sent_up: '向上级报送', adopted: '被采用' };

/**
 * Each committee's figures of a year: the statistics page's committee rows (the same keys, values and lists), named
 * with the committee. Counted for a year only (the review's and the dashboard's year), not for each month of a trend.
 */
async function committeeFiguresOf(ctx: Pick<ModuleContext, 'db' | 'dialect'>, actor: Actor, year: number): Promise<Figure[]> {
  const stats = await opinionStatsOf(ctx.db, ctx.dialect, actor, { year });
  const rows = stats.breakdowns.find((b) => b.kind === 'committee')?.rows ?? [];
  return committeeColumns.flatMap((col) => rows.map((r) => {
    const f = r.figures.find((x) => x.key === `opinions.committee.${r.id}.${col}`)!;
    return { ...f, label: `${r.name}${committeeLabels[col]}`, part: { kind: 'committee' as const, id: r.id, name: r.name } };
  }));
}

const org = (name: string, label: string, unit: string): FigureDecl => ({ key: `opinions.${name}`, label, unit, scope: 'organisation' });
const organisationFigures: FigureDecl[] = [
  org('submitted', '收到信息', '篇'), org('accepted', '录用', '篇'), org('retained', '留存', '篇'), org('returned', '退回', '篇'),
  org('issues', '编发期数', '期'), org('pieces', '刊发篇目', '篇'), org('sent_up', '向上级报送', '篇'), org('adopted', '被采用', '篇'),
  org('instructed', '获领导批示', '篇'),
  org('members', '委员总数', '人'), org('members_submitted', '报送信息的委员', '人'), org('members_adopted', '有信息被录用或采用的委员', '人'),
  // 各专委会: each special committee's members' reports of a year, as the statistics' breakdown counts them (decision 0087)
  ...committeeColumns.map((c) => ({ ...org(`committee.*.${c}`, `各专委会${committeeLabels[c]}`, '篇'), per: 'committee' as const })),
];
const memberFigures: FigureDecl[] = memberReportFigures.map((f) => ({ key: `opinions.member.${f.name}`, label: f.label, unit: f.unit, scope: 'member' }));

/** A member's 社情民意 figures of a year, each opening GET /api/opinions/members/:userId with its name. */
export async function memberOpinionFiguresOf(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, year: number): Promise<Figure[]> {
  const { reports } = await memberReportsOf(ctx.db, tenantId, userId, year);
  return memberReportFigures.map((f) => ({
    key: `opinions.member.${f.name}`, label: f.label, value: memberReportFigureValue(f.name, reports).value, unit: f.unit,
    list: { api: `/api/opinions/members/${encodeURIComponent(userId)}`, query: { year: String(year), figure: f.name }, rows: 'report', ...(f.sum ? { sum: f.sum } : {}) },
  }));
}

/**
 * The organisation's figures of each scope: the statistics' totals and 委员参与面 (the same values as 社情民意统计),
 * the periods counted together in grouped queries.
 */
async function organisationFiguresOf(ctx: Pick<ModuleContext, 'db'>, actor: Actor, scopes: readonly FigureScope[]): Promise<Figure[][]> {
  const lists = await headlineFiguresOfPeriods(ctx.db, actor, scopes.map((sc) => (sc.year !== undefined ? { year: sc.year } : { from: sc.from, to: sc.to })));
  return lists.map((figures) => {
    const byKey = new Map(figures.map((f) => [f.key, f]));
    return organisationFigures.map((d) => byKey.get(d.key)).filter((f): f is Figure => !!f);
  });
}

export const opinionFigureSource: FigureSource = {
  figures: [...organisationFigures, ...memberFigures],
  async compute(ctx, scope, actor) {
    if (scope.subject) {
      // a member's figures are counted by the year, each by its own date (decision 0016)
      if (scope.year === undefined || !mayReadMemberFigures(actor, scope.subject.userId)) return [];
      return memberOpinionFiguresOf(ctx, scope.tenantId, scope.subject.userId, scope.year);
    }
    if (!can(actor, 'opinion.read_all') || actor.tenantId !== scope.tenantId) return [];
    const [figures, committees] = await Promise.all([
      organisationFiguresOf(ctx, actor, [scope]).then((x) => x[0]),
      scope.year !== undefined ? committeeFiguresOf(ctx, actor, scope.year) : [],
    ]);
    return [...figures, ...committees];
  },
  // many members' figures of a year at once (the duty score, decision 0062): the reports read once, not once per member
  async computeMembers(ctx, scope, userIds) {
    if (scope.year === undefined) return new Map();
    return memberReportFiguresMany(ctx.db, scope.tenantId, userIds, scope.year);
  },
  async computePeriods(ctx, scopes, actor) {
    if (scopes[0].subject) return Promise.all(scopes.map((sc) => opinionFigureSource.compute(ctx, sc, actor)));
    if (!can(actor, 'opinion.read_all') || actor.tenantId !== scopes[0].tenantId) return scopes.map(() => []);
    const lists = await organisationFiguresOf(ctx, actor, scopes);
    // a year among the periods has its committees' figures too, as `compute` answers it
    return Promise.all(lists.map(async (l, i) => (scopes[i].year !== undefined ? [...l, ...await committeeFiguresOf(ctx, actor, scopes[i].year!)] : l)));
  },
};

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });

export function memberFigureRoutes(app: App, ctx: ModuleContext) {
  app.get('/api/opinions/members/:userId', {
    schema: {
      tags: ['opinions'],
      summary: '委员履职数字背后的社情民意信息：某位委员某一年度的报送、联名报送、录用、各级采用、批示和有积分的信息（本人、信息工作人员或可查看全部履职档案的工作人员）',
      params: memberReportsParams, querystring: memberReportsQuery,
      response: { 200: memberReportsList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!mayReadMemberFigures(actor, req.params.userId)) throw forbidden('查看其他委员的社情民意信息');
    const { reports } = await memberReportsOf(ctx.db, actor.tenantId, req.params.userId, req.query.year);
    const items = memberReportFigureValue(req.query.figure, reports).rows;
    return { items, total: items.length };
  });
}

/**
 * 重点记录 for the annual review: the leaders' instructions (批示) recorded on reports in the period (its days, decision
 * 0041), highest level first, each naming the report and what was instructed; for those who read every report.
 */
opinionFigureSource.highlights = async (ctx, scope, actor, limit) => {
  if (scope.subject || !can(actor, 'opinion.read_all') || actor.tenantId !== scope.tenantId) return [];
  const period = scope.year !== undefined ? periodBounds({ year: scope.year }, await workYearCalendarOf(settingsIn(ctx.db), scope.tenantId)) : periodBounds({ from: scope.from, to: scope.to });
  const rows = await opinionDb(ctx.db).selectFrom('opinion_events')
    .innerJoin('opinion_reports', 'opinion_reports.id', 'opinion_events.report_id')
    .select(['opinion_reports.id as reportId', 'opinion_reports.title as title', 'opinion_events.leader_level as leaderLevel', 'opinion_events.text as text', 'opinion_events.at as at'])
    .where('opinion_events.tenant_id', '=', scope.tenantId).where('opinion_events.kind', '=', 'instruction')
    .where('opinion_events.at', '>=', period.lo).where('opinion_events.at', '<', period.hi)
    .orderBy('opinion_events.at', 'desc').orderBy('opinion_events.id').execute();
  const rank: Record<string, number> = { national: 0, province: 1, city: 2, county: 3 };
  rows.sort((a, b) => (rank[a.leaderLevel ?? ''] ?? 9) - (rank[b.leaderLevel ?? ''] ?? 9));
  return rows.slice(0, limit).map((r) => {
    const what = r.text ? `：${r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text}` : '';
    return {
      key: 'opinions.instructions', kind: '领导批示', title: r.title,
      outcome: `${levelLabels[r.leaderLevel as Level] ?? ''}领导批示${what}`, date: formatDate(r.at) || null, link: `/opinions/${r.reportId}`,
    };
  });
};
