/** 提案统计 under /api/proposals/stats: the figures of a year or a session, the members behind participation, the workbook. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import { forbidden, invalid } from '../../../kernel/universal/errors.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { memberProposalsList, memberProposalsParams, memberProposalsQuery, proposalStats, statsMembers, statsMembersQuery, statsQuery, statsScopes } from '../contract.ts';
import { mayReadMemberFigures } from './figures.ts';
import { memberProposalFigures, memberProposalsOf } from './member-record.ts';
import { sessionLabelFor } from '../domain/proposal-session.ts';
import { findOrg } from './directory.ts';
import { proposalStatsWorkbook } from './exports.ts';
import { participationList, proposalStatsOf, type StatsScope } from './proposal-stats.ts';
import { readProposalSettings } from './settings.ts';
import { proposalDb } from './tables.ts';

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Statistics are for the office and the leaders: whoever reads every proposal of the tenant. */
function statsReader(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!can(actor, 'proposal.read_all')) throw forbidden('查看提案统计');
  return actor;
}

/** A year or a session, exactly one of them. */
function scopeOf(q: { year?: number; session?: string }): StatsScope {
  if (q.year !== undefined && q.session !== undefined) throw invalid('session', '「会议」', '与「年度」只能指定一个');
  if (q.session !== undefined) return { session: q.session };
  if (q.year !== undefined) return { year: q.year };
  throw invalid('year', '「年度」', '请指定年度或会议');
}

export function proposalStatsRoutes(app: App, ctx: ModuleContext) {
  app.get('/api/proposals/stats', {
    schema: {
      tags, summary: '提案统计（年度或会议）：收到（大会、平时）、立案、不予立案、并案、转办、撤回，按类型、界别、专委会，委员参与率，承办单位按期答复，答复类别，满意度，重点和优秀提案，当前超期；每个数字附带查看明细的列表条件',
      querystring: statsQuery, response: { 200: proposalStats, ...errors },
    },
  }, async (req) => {
    const actor = statsReader(req);
    const scope = scopeOf(req.query);
    const s = await readProposalSettings(ctx, actor.tenantId);
    return proposalStatsOf(ctx.db, actor.tenantId, scope, s.replyClasses, chinaToday());
  });

  app.get('/api/proposals/stats/scopes', {
    schema: { tags, summary: '可统计的年度和会议（有提案的，新的在前）', response: { 200: statsScopes, ...errors } },
  }, async (req) => {
    const actor = statsReader(req);
    const rows = await proposalDb(ctx.db).selectFrom('proposals').select(['proposals.year', 'proposals.session_label'])
      .where('proposals.tenant_id', '=', actor.tenantId).groupBy(['proposals.session_label', 'proposals.year']).execute();
    const items = rows.map((r: any) => ({ year: Number(r.year), session: String(r.session_label) }))
      .sort((x, y) => y.year - x.year || y.session.localeCompare(x.session, 'zh'));
    return { items };
  });

  app.get('/api/proposals/stats/members', {
    schema: {
      tags, summary: '委员参与情况：本级政协委员及其在该年度（会议）提交或联名的提案件数（可只看提交过或未提交的委员）',
      querystring: statsMembersQuery, response: { 200: statsMembers, ...errors },
    },
  }, async (req) => {
    const actor = statsReader(req);
    return participationList(ctx.db, actor.tenantId, scopeOf(req.query), req.query.submitted);
  });

  app.get('/api/proposals/members/:userId', {
    schema: {
      tags, summary: '委员履职数字背后的提案：某位委员某一年度的领衔、附议、并案、领衔立案、重点、优秀提案（本人、提案委或可查看全部履职档案的工作人员）',
      params: memberProposalsParams, querystring: memberProposalsQuery, response: { 200: memberProposalsList, ...errors },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!mayReadMemberFigures(actor, req.params.userId)) throw forbidden('查看其他委员的提案');
    const def = memberProposalFigures.find((f) => f.name === req.query.figure)!;
    const items = def.rows(await memberProposalsOf(ctx, actor.tenantId, req.params.userId, req.query.year));
    return { items, total: items.length };
  });

  app.get('/api/proposals/stats.xlsx', {
    schema: { tags, summary: '导出提案统计（Excel：总体、类别类型、界别专委会、委员参与、承办单位、答复与满意度）', querystring: statsQuery, produces: [xlsx], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = statsReader(req);
    const scope = scopeOf(req.query);
    const s = await readProposalSettings(ctx, actor.tenantId);
    const stats = await proposalStatsOf(ctx.db, actor.tenantId, scope, s.replyClasses, chinaToday());
    const tenant = await findOrg(ctx.db, actor.tenantId);
    const scopeText = scope.session !== undefined ? scope.session : `${scope.year}年度（${sessionLabelFor(scope.year, s.sessionCalendar)}）`;
    const buf = await proposalStatsWorkbook(stats, `${tenant?.name ?? ''}${scopeText}提案统计（统计日期 ${chinaToday()}）`);
    const name = `提案统计-${scope.session ?? scope.year}.xlsx`;
    return reply.header('content-type', xlsx)
      .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
  });
}
