/**
 * HTTP routes under /api/scores: 我的积分 (a member's own score, its items opening their records, the Word report),
 * 积分排名 (the year's ranking with filters, the grade distribution, Excel), 积分规则 (a year's rules, their versions,
 * the presets) and 重新计算. Thin: validate (zod; a bad field is a 400 naming it in Chinese) → authorize → compute.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { getOrg, isMemberOf } from '../../organizations/index.ts';
import {
  memberScoreSchema, optionsResponse, presetsResponse, rankingQuery, rankingResponse, recomputeBody, recomputeResponse, ruleSaveBody, ruleSetResponse,
  userParams, yearParams, yearQuery, type MemberScore,
} from '../contract.ts';
import { presets } from '../domain/presets.ts';
import { canUseScores, managesRules, maySeeScoreOf, readsAll } from '../domain/scores-policy.ts';
import { buildRankingXlsx } from './ranking-xlsx.ts';
import { buildScoreReportDocx, rowTitle, type RecordTitles } from './report-docx.ts';
import { rulesOf, saveRules, versionsOf } from './rules-repo.ts';
import { figureOptions, groupOptions, memberScoreOf, rankingOf, recomputeYear, yearOf } from './scoring.ts';
import { scoresDb } from './tables.ts';

const tags = ['scores'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseScores(actor)) throw forbidden('查看履职积分');
  return actor;
}
function staff(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = user(req);
  if (!readsAll(actor)) throw forbidden('查看全体委员的履职积分');
  return actor;
}
function manager(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = user(req);
  if (!managesRules(actor)) throw forbidden('修改履职积分规则');
  return actor;
}

export function scoresRoutes(app: App, ctx: ModuleContext) {
  async function scoreFor(actor: Actor, userId: string, year?: number): Promise<MemberScore> {
    if (!maySeeScoreOf(actor, userId)) throw forbidden('查看其他委员的履职积分');
    if (!(await isMemberOf(ctx.db, actor.tenantId, userId))) throw notFound('委员');
    return memberScoreOf(ctx, actor.tenantId, userId, await yearOf(ctx, actor.tenantId, year));
  }

  app.get('/api/scores/options', {
    schema: { tags, summary: '履职积分的年度、界别和专门委员会（筛选用）及当前用户的权限', response: { 200: optionsResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const current = await yearOf(ctx, actor.tenantId);
    const stored = await scoresDb(ctx.db).selectFrom('scores_rule_sets').select('year').distinct().where('tenant_id', '=', actor.tenantId).execute();
    const years = [...new Set([current, current - 1, ...stored.map((r) => Number(r.year))])].sort((a, b) => b - a);
    const groups = readsAll(actor) ? await groupOptions(ctx, actor.tenantId) : { sectors: [], committees: [] };
    return { currentYear: current, years, ...groups, canManage: managesRules(actor), readsAll: readsAll(actor) };
  });

  app.get('/api/scores', {
    schema: { tags, summary: '积分排名：本级全体委员某年度的履职积分（按界别、专门委员会、等次、姓名筛选，分页）与等次分布', querystring: rankingQuery, response: { 200: rankingResponse, ...errors } },
  }, async (req) => {
    const actor = staff(req);
    const q = req.query;
    const year = await yearOf(ctx, actor.tenantId, q.year);
    const r = await rankingOf(ctx, actor.tenantId, { ...q, year });
    return { year, ...r, items: r.items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: r.items.length, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/scores/export.xlsx', {
    schema: { tags, summary: '积分排名导出（Excel，按当前筛选）', querystring: rankingQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = staff(req);
    const year = await yearOf(ctx, actor.tenantId, req.query.year);
    const r = await rankingOf(ctx, actor.tenantId, { ...req.query, year });
    const buf = await buildRankingXlsx(year, r.items, r.distribution, r.ruleVersion);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('scores.xlsx', `${year}年度履职积分排名.xlsx`)).send(buf);
  });

  app.get('/api/scores/mine', {
    schema: { tags, summary: '我的积分：本人某年度的履职积分（各积分项的次数、得分及其明细列表，总分、等次、排名）', querystring: yearQuery, response: { 200: memberScoreSchema, ...errors } },
  }, async (req) => {
    const actor = user(req);
    return scoreFor(actor, actor.userId, req.query.year);
  });

  app.get('/api/scores/members/:userId', {
    schema: { tags, summary: '某位委员某年度的履职积分（本人，或可查看全部者）', params: userParams, querystring: yearQuery, response: { 200: memberScoreSchema, ...errors } },
  }, async (req) => scoreFor(user(req), req.params.userId, req.query.year));

  app.get('/api/scores/members/:userId/report.docx', {
    schema: { tags, summary: '年度履职报告（Word）：基本情况、各积分项及其履职记录、总分与等次', params: userParams, querystring: yearQuery, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const s = await scoreFor(actor, req.params.userId, req.query.year);
    // each item's records, read through the very list its figure opens, as the reader may see it
    const titles: RecordTitles = {};
    await Promise.all(s.items.filter((it) => it.list && it.count > 0).map(async (it) => {
      const qs = new URLSearchParams({ ...it.list!.query, page: '1', pageSize: '100' });
      const res = await app.inject({ method: 'GET', url: `${it.list!.api}?${qs}`, headers: { cookie: req.headers.cookie ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) } });
      if (res.statusCode !== 200) return;
      const body = res.json() as { items?: Array<Record<string, unknown>> };
      titles[it.figure] = (body.items ?? []).map(rowTitle);
    }));
    const org = await getOrg(ctx.db, actor.tenantId);
    const buf = await buildScoreReportDocx(s, titles, String(org?.name ?? ''), ctx.calendar.today());
    return reply.header('content-type', docxType).header('content-disposition', attachment('duty-report.docx', `${s.name}${s.year}年度履职报告.docx`)).send(buf);
  });

  app.get('/api/scores/rules/:year', {
    schema: { tags, summary: '某年度的积分规则（现行版本、历史版本、可计分的统计数字）', params: yearParams, response: { 200: ruleSetResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const year = req.params.year;
    const [inForce, versions] = await Promise.all([rulesOf(ctx.db, actor.tenantId, year), versionsOf(ctx.db, actor.tenantId, year)]);
    return { ...inForce, versions, figures: figureOptions(ctx) };
  });

  app.put('/api/scores/rules/:year', {
    schema: {
      tags, summary: '保存某年度积分规则的新版本（带读取时的版本号，过期返回 409），并按新规则重新计算该年度积分',
      params: yearParams, body: ruleSaveBody, response: { 200: ruleSetResponse, ...errors },
    },
  }, async (req) => {
    const actor = manager(req);
    const year = req.params.year;
    await saveRules(ctx, actor, year, req.body, req.ip);
    await recomputeYear(ctx, actor.tenantId, year, actor);
    const [inForce, versions] = await Promise.all([rulesOf(ctx.db, actor.tenantId, year), versionsOf(ctx.db, actor.tenantId, year)]);
    return { ...inForce, versions, figures: figureOptions(ctx) };
  });

  app.get('/api/scores/presets', {
    schema: { tags, summary: '积分规则预设（各地规则，可复制到某一年度）', response: { 200: presetsResponse, ...errors } },
  }, async (req) => {
    user(req);
    return { presets };
  });

  app.post('/api/scores/recompute', {
    schema: { tags, summary: '重新计算某年度全体委员的履职积分', body: recomputeBody, response: { 200: recomputeResponse, ...errors } },
  }, async (req) => {
    const actor = manager(req);
    if (req.body.year > (await yearOf(ctx, actor.tenantId)) + 1) throw new AppError('VALIDATION_FAILED', '「年度」不能晚于下一年度', { field: 'year' });
    return recomputeYear(ctx, actor.tenantId, req.body.year, actor);
  });
}
