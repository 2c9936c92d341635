/** HTTP routes of the 社情民意 module under /api/opinions: validate → authorize → command → present. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import {
  eventBody, exchangeFile, exportBody, idParams, importResult, issueCreateBody, issueDetail, issueListQuery, issuePage, levelLabels, levels,
  opinionOptions, opinionStats, pieceParams, reportCreateBody, reportFacets as reportFacetsSchema, reportDetail, reportEditBody, reportListQuery, reportPage, scoreList, statsMembers, statsMembersQuery, statsQuery,
} from '../contract.ts';
import { issueTransitionBody, reportLifecycle, transitionBody } from '../domain/opinion-lifecycle.ts';
import { canSeeReport, canUseOpinions } from '../domain/opinion-policy.ts';
import { exportExchange, importExchange } from './exchange.ts';
import { compileIssue, fireIssue, recordPieceEvent } from './issue-commands.ts';
import { toDetail, toIssueDetail, toIssueItem, toListItem, unitNamesOf } from './presenter.ts';
import { createReport, editReport, fireReport, recordEvent, sendUp } from './report-commands.ts';
import { findIssue, findReport, listReports, periodBounds, reportFacets, tenantInfo } from './report-repository.ts';
import { readOpinionSettings } from './settings.ts';
import { currentWorkYear } from '../../organizations/index.ts';
import { answerableTopic } from './topics.ts';
import { opinionStatsOf, participationList, scoresOf } from './stats.ts';
import { opinionStatsWorkbook } from './stats-workbook.ts';
import { changesOpinionLists } from './list-events.ts';
import { ReadCache } from '../../../kernel/server/read-cache.ts';
import { sendSerialised, serialiseWith, type JsonBytes } from '../../../kernel/server/http/serialised-json.ts';
import { opinionDb } from './tables.ts';

const tags = ['opinions'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseOpinions(actor)) throw forbidden('使用社情民意信息');
  return actor;
}
function staff(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = user(req);
  if (!can(actor, 'opinion.read_all') && !can(actor, 'opinion.edit')) throw forbidden('查看本级社情民意期刊与统计');
  return actor;
}

export function opinionRoutes(app: App, ctx: ModuleContext) {
  /** a period not given is the CPPCC's working year (工作年度, decision 0037), as every page opens on */
  const withWorkYear = async <Q extends { year?: number; from?: string; to?: string }>(tenantId: string, q: Q): Promise<Q> =>
    (q.year !== undefined || q.from || q.to ? q : { ...q, year: (await currentWorkYear(ctx.settings, tenantId)).year });

  async function detailOf(id: string, actor: Actor) {
    const r = await findReport(ctx.db, id);
    if (!r || !canSeeReport(r, actor)) throw notFound('社情民意信息');
    const s = await readOpinionSettings(ctx, r.tenant_id);
    return toDetail(ctx.db, r, actor, s.lengthGuide);
  }
  async function issueOf(id: string, actor: Actor) {
    const i = await findIssue(ctx.db, id);
    if (!i || i.tenant_id !== actor.tenantId) throw notFound('社情民意期刊');
    const s = await readOpinionSettings(ctx, i.tenant_id);
    return toIssueDetail(ctx.db, i, actor, s.recipients);
  }

  // pages of the list as their JSON bytes, per reader and query; any event of a CPPCC's reports or issues drops its pages
  // on every instance (see list-events.ts); the time limit bounds what a bulk load or a restore leaves unseen
  const listPages = new ReadCache<JsonBytes>({ ttlMs: 15_000, maxEntries: 20_000 });
  ctx.events.onBroadcast('*', (e) => { if (changesOpinionLists(e)) listPages.invalidate(e.tenantId); });

  app.get('/api/opinions', {
    schema: { tags, summary: '社情民意信息列表（我的信息、编辑待处理队列；按状态、急报、下级报送、时间、采用层级等筛选）', querystring: reportListQuery, response: { 200: reportPage, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !reportLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    // what one sees depends on who one is (person, organisation, roles, whether one reads all) and on the query
    const key = `${actor.userId}|${actor.orgId}|${actor.roles.join(',')}|${can(actor, 'opinion.read_all')}|${can(actor, 'opinion.edit')}|${JSON.stringify(q)}`;
    const body = await listPages.get(actor.tenantId, key, async () => {
      const { rows, total } = await listReports(ctx.db, ctx.dialect, actor, q);
      const units = await unitNamesOf(ctx.db, rows);
      return serialiseWith(reportPage, { items: rows.map((r) => toListItem(r, units)), total, page: q.page, pageSize: q.pageSize });
    });
    return sendSerialised(reply, body);
  });

  app.get('/api/opinions/facets', {
    schema: { tags, summary: '信息列表的筛选项（报送单位、下级政协、选题各有多少条，及本级专委会），供编期等页面筛选', querystring: reportListQuery, response: { 200: reportFacetsSchema, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    const bad = req.query.state?.split(',').find((s) => !reportLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    return reportFacets(ctx.db, ctx.dialect, actor, req.query);
  });

  app.get('/api/opinions/options', {
    schema: { tags, summary: '社情民意表单选项（状态、层级、分发对象、建议字数）', response: { 200: opinionOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const s = await readOpinionSettings(ctx, actor.tenantId);
    return {
      states: Object.entries(reportLifecycle.states).map(([code, d]) => ({ code, label: d.label })),
      levels: levels.map((code) => ({ code, label: levelLabels[code] })),
      recipients: s.recipients, lengthGuide: s.lengthGuide,
    };
  });

  app.get('/api/opinions/stats', {
    schema: { tags, summary: '社情民意统计（收到、录用、留存、退回、期数与篇目、向上报送、各级采用与批示、委员参与面），每项链接到对应信息', querystring: statsQuery, response: { 200: opinionStats, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    if (!can(actor, 'opinion.read_all')) throw forbidden('查看社情民意统计');
    return opinionStatsOf(ctx.db, ctx.dialect, actor, await withWorkYear(actor.tenantId, req.query));
  });

  app.get('/api/opinions/stats/members', {
    schema: { tags, summary: '社情民意统计的委员参与面：委员总数、报送信息的委员、有信息被录用或采用的委员（与统计数字一致的委员名单）', querystring: statsMembersQuery, response: { 200: statsMembers, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    if (!can(actor, 'opinion.read_all')) throw forbidden('查看社情民意统计');
    return participationList(ctx.db, actor.tenantId, req.query);
  });

  app.get('/api/opinions/stats.xlsx', {
    schema: {
      tags, summary: '导出社情民意统计（Excel：总体，及按专委会、界别、报送单位、县区政协分类各一张表）', querystring: statsQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: z.any().describe('Excel 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = staff(req);
    if (!can(actor, 'opinion.read_all')) throw forbidden('查看社情民意统计');
    const stats = await opinionStatsOf(ctx.db, ctx.dialect, actor, await withWorkYear(actor.tenantId, req.query));
    const here = await tenantInfo(ctx.db, actor.tenantId);
    const buf = await opinionStatsWorkbook(stats, `${here?.name ?? ''}社情民意信息统计`);
    const name = `社情民意统计-${stats.from}-${stats.to}.xlsx`;
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="opinion-stats.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
  });

  app.get('/api/opinions/scores', {
    schema: { tags, summary: '社情民意积分（按报送人合计，按积分标准计算）', querystring: statsQuery, response: { 200: scoreList, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    if (!can(actor, 'opinion.read_all')) throw forbidden('查看社情民意积分');
    return scoresOf(ctx.db, actor, await withWorkYear(actor.tenantId, req.query));
  });

  app.post('/api/opinions', {
    schema: { tags, summary: '报送社情民意信息（一事一报；急事急报；超过建议字数时返回提醒）', body: reportCreateBody, response: { 201: reportDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    // 选题研判: a cited topic must be open; its title goes with the report
    if (req.body.topicId) req.body.topic = await answerableTopic(ctx.db, actor, req.body.topicId);
    const id = await createReport(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/opinions/issues', {
    schema: { tags, summary: '社情民意期刊列表', querystring: issueListQuery, response: { 200: issuePage, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    const q = req.query;
    const where = (eb: any) => {
      const and = [eb('tenant_id', '=', actor.tenantId)];
      if (q.year) and.push(eb('year', '=', q.year));
      if (q.state) and.push(eb('state', '=', q.state));
      if (q.from || q.to) { const p = periodBounds(q); and.push(eb('created_at', '>=', p.lo), eb('created_at', '<', p.hi)); }
      return eb.and(and);
    };
    const [rows, total] = await Promise.all([
      opinionDb(ctx.db).selectFrom('opinion_issues').selectAll().where(where).orderBy('year', 'desc').orderBy('number_seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      opinionDb(ctx.db).selectFrom('opinion_issues').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirst(),
    ]);
    return { items: rows.map(toIssueItem), total: Number((total as any)?.n ?? 0), page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/opinions/issues', {
    schema: { tags, summary: '编期：把已核稿的信息编成第X期（单篇或多篇综合），保留每条来源信息和报送人', body: issueCreateBody, response: { 201: issueDetail, ...errors } },
  }, async (req, reply) => {
    const actor = staff(req);
    const id = await compileIssue(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await issueOf(id, actor));
  });

  app.get('/api/opinions/issues/:id', {
    schema: { tags, summary: '期刊详情（篇目、来源信息、分发对象、过程和可执行的操作）', params: idParams, response: { 200: issueDetail, ...errors } },
  }, async (req) => issueOf(req.params.id, staff(req)));

  app.post('/api/opinions/issues/:id/transitions', {
    schema: { tags, summary: '期刊操作（送签、签发、退回、分发）', params: idParams, body: issueTransitionBody, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    await inInputField(() => fireIssue(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return issueOf(req.params.id, actor);
  });

  app.post('/api/opinions/issues/:id/pieces/:pieceId/events', {
    schema: { tags, summary: '登记篇目的采用或批示（记到每条来源信息和报送人）', params: pieceParams, body: eventBody, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    await recordPieceEvent(ctx, actor, req.params.id, req.params.pieceId, req.body, req.ip);
    return issueOf(req.params.id, actor);
  });

  app.post('/api/opinions/exchange/export', {
    schema: { tags, summary: '导出报送文件（向上报送的信息，或向下反馈的采用、批示与反馈）', body: exportBody, response: { 200: exchangeFile, ...errors } },
  }, async (req) => exportExchange(ctx, staff(req), req.body));

  app.post('/api/opinions/exchange/import', {
    schema: { tags, summary: '导入报送文件（下级报送的信息进入待处理队列；上级的反馈记到原信息上）', body: exchangeFile, response: { 200: importResult, ...errors } },
  }, async (req) => importExchange(ctx, staff(req), req.body));

  app.get('/api/opinions/:id', {
    schema: { tags, summary: '信息详情（原稿与现稿对照、修改记录、办理过程、各级采用与批示、可执行的操作）', params: idParams, response: { 200: reportDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/opinions/:id', {
    schema: { tags, summary: '修改信息正文（每次修改都保留修改记录；带版本号，并发修改返回 409）', params: idParams, body: reportEditBody, response: { 200: reportDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editReport(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/opinions/:id/transitions', {
    schema: {
      tags, summary: '信息操作（录用、留存、退回、核稿、重新报送、撤回）',
      description: '可执行的操作及其必填项见信息详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: transitionBody, response: { 200: reportDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireReport(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.post('/api/opinions/:id/send-up', {
    schema: { tags, summary: '向上级政协报送（本系统内的上级收到关联副本；否则用报送文件）', params: idParams, body: z.object({ version: z.number().int().min(1).describe('版本号') }), response: { 200: reportDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await sendUp(ctx, actor, req.params.id, req.body.version, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/opinions/:id/events', {
    schema: { tags, summary: '登记采用（单篇/综合）、领导批示、转送部门或部门反馈（记在本级，沿报送链反馈到原信息和报送人）', params: idParams, body: eventBody, response: { 201: reportDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const r = await findReport(ctx.db, req.params.id);
    if (!r || !canSeeReport(r, actor)) throw notFound('社情民意信息');
    await recordEvent(ctx, actor, r, req.body, { ip: req.ip });
    return reply.status(201).send(await detailOf(r.id, actor));
  });
}
