/**
 * HTTP routes under /api/supervision/appraisals (and the representatives' vote under /api/public/appraisals, without an
 * account). Each route is thin: validate (the contract's zod schemas; a bad field is a 400 naming it in Chinese) →
 * authorize (permission and policy; an appraisal the actor may not see is a 404) → command → present. Every route
 * declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { getOrg, listCommittees, listUnits } from '../../organizations/index.ts';
import {
  appraisalCreateBody, appraisalDetail, appraisalEditBody, appraisalListQuery, appraisalOptions, appraisalPage, appraisalScopes, ballotPage, ballotResult, ballotsQuery,
  departmentPage, departmentsQuery, idParams, memberBallotBody, rectificationsBody, scopeLabels, selfReportBody, tokenBallotBody, tokenQuery, tokensBody, tokensResult,
  visitBody, voteForm, voteFormQuery,
} from '../contract.ts';
import { appraisalsLifecycle, appraisalsStateLabel, appraisalsTransitionBody, heldStates, publishedStates } from '../domain/appraisals-lifecycle.ts';
import { canUseAppraisals, readsAll, viewerOf } from '../domain/appraisals-policy.ts';
import { defaultChoiceScores, defaultItems } from '../domain/appraisals-scoring.ts';
import {
  addVisit, castMemberBallot, castTokenBallot, createAppraisal, editAppraisal, fireAppraisal, issueTokens, LABEL, saveRectifications, submitSelfReport, voteFormOf,
} from './commands.ts';
import { resultsReport, resultsWorkbook } from './exports.ts';
import { resultsOf, toDetail, toListItem } from './presenter.ts';
import { ballotQuery, departmentQuery, findAppraisal, listAppraisals, turnoutOf, unitsOf, unitsOfMany } from './repository.ts';

const tags = ['supervision'];
const base = '/api/supervision/appraisals';
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const periodQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').optional().describe('开始日期'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').optional().describe('结束日期'),
});
const statsResponse = z.object({
  departments: z.array(z.object({
    unitId: z.string(), unitName: z.string(), appraisals: z.number().int(), averageScore: z.number().nullable(), bestRank: z.number().int().nullable(),
    list: z.object({ api: z.string(), query: z.record(z.string(), z.string()) }),
  })),
});

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseAppraisals(actor)) throw forbidden(`使用${LABEL}`);
  return actor;
}
function staffOnly(req: Parameters<typeof actorOf>[0], what: string): Actor {
  const actor = user(req);
  if (!readsAll(actor)) throw forbidden(what);
  return actor;
}
const checkState = (state?: string) => {
  const bad = state?.split(',').find((s) => !appraisalsLifecycle.states[s]);
  if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
};
const round2 = (x: number) => Math.round(x * 100) / 100;

export function appraisalsRoutes(app: App, ctx: ModuleContext) {
  /** The appraisal as the actor sees it (404 when they may not). */
  async function visible(id: string, actor: Actor) {
    const r = await findAppraisal(ctx.db, id);
    const units = r ? await unitsOf(ctx.db, id) : [];
    const viewer = r ? viewerOf(r, actor, units.map((u) => u.unit_id)) : null;
    if (!r || !viewer) throw notFound(LABEL);
    return { r, viewer };
  }
  async function detailOf(id: string, actor: Actor) {
    const { r, viewer } = await visible(id, actor);
    return toDetail(ctx, r, actor, viewer);
  }

  app.get(base, {
    schema: { tags, summary: '民主评议列表（办公室和领导：本级全部；被评议单位：本单位参加的；委员：已开始测评的）', querystring: appraisalListQuery, response: { 200: appraisalPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    checkState(req.query.state);
    const { rows, total } = await listAppraisals(ctx.db, actor, req.query);
    const units = await unitsOfMany(ctx.db, rows.map((r) => r.id));
    return { items: rows.map((r) => toListItem(r, units.get(r.id) ?? [])), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get(`${base}/options`, {
    schema: { tags, summary: '民主评议表单和筛选的选项：状态、评议范围、承办单位、专委会、默认测评项目和分值', response: { 200: appraisalOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const [units, committees] = await Promise.all([listUnits(ctx.db, actor.tenantId), listCommittees(ctx.db, actor.tenantId)]);
    return {
      states: Object.entries(appraisalsLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      scopes: appraisalScopes.map((code) => ({ code, label: scopeLabels[code] })),
      units: units.map((u) => ({ code: u.id, label: u.short_name ?? u.name })),
      committees: committees.map((c) => ({ code: c.id, label: c.short_name ?? c.name })),
      defaultItems: defaultItems.map((i) => ({ ...i })), defaultChoiceScores,
    };
  });

  app.get(`${base}/ballots`, {
    schema: { tags, summary: '参评名单（办公室和领导）：谁在何时参加了测评，不含测评意见', querystring: ballotsQuery, response: { 200: ballotPage, ...errors } },
  }, async (req) => {
    const actor = staffOnly(req, '查看参评名单');
    const q = req.query;
    const b = ballotQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      b.select(['appraisal_ballots.id', 'appraisal_ballots.appraisal_id', 'appraisals.title', 'appraisal_ballots.voter_kind', 'appraisal_ballots.voter_name', 'appraisal_ballots.cast_at'])
        .orderBy('appraisal_ballots.cast_at', 'desc').orderBy('appraisal_ballots.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, appraisalId: r.appraisal_id, appraisalTitle: r.title, voterKind: r.voter_kind, voterKindLabel: r.voter_kind === 'member' ? '委员' : '特邀代表', voterName: r.voter_name, castAt: r.cast_at })),
      total: Number(total.n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.get(`${base}/departments`, {
    schema: { tags, summary: '被评议单位（每次评议的每个单位一行，结果公布后带得分和排名）', querystring: departmentsQuery, response: { 200: departmentPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const b = departmentQuery(ctx.db, actor, q);
    const [rows, total] = await Promise.all([
      b.selectAll('appraisal_units').select(['appraisals.title', 'appraisals.planned_on', 'appraisals.state'])
        .orderBy('appraisals.planned_on', 'desc').orderBy('appraisal_units.appraisal_id').orderBy('appraisal_units.seq').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const results = new Map<string, Awaited<ReturnType<typeof resultsOf>>>();
    for (const id of new Set(rows.map((r) => r.appraisal_id))) {
      const r = await findAppraisal(ctx.db, id);
      const seen = r && (readsAll(actor) ? (heldStates as readonly string[]).includes(r.state) : (publishedStates as readonly string[]).includes(r.state));
      if (r && seen) results.set(id, await resultsOf(ctx, r));
    }
    return {
      items: rows.map((r) => {
        const res = results.get(r.appraisal_id)?.find((x) => x.unitId === r.unit_id);
        return { appraisalId: r.appraisal_id, appraisalTitle: r.title, plannedOn: r.planned_on, state: r.state, stateLabel: appraisalsStateLabel(r.state), unitId: r.unit_id, unitName: r.unit_name, score: res?.score ?? null, rank: res?.rank ?? null };
      }),
      total: Number(total.n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.get(`${base}/stats`, {
    schema: { tags, summary: '民主评议统计：各被评议单位的评议次数和平均得分（办公室和领导）', querystring: periodQuery, response: { 200: statsResponse, ...errors } },
  }, async (req) => {
    const actor = staffOnly(req, '查看民主评议统计');
    const q = { held: true, from: req.query.from, to: req.query.to };
    const rows = await departmentQuery(ctx.db, actor, q).select(['appraisal_units.appraisal_id', 'appraisal_units.unit_id', 'appraisal_units.unit_name']).execute();
    const by = new Map<string, { unitName: string; scores: number[]; ranks: number[]; n: number }>();
    const results = new Map<string, Awaited<ReturnType<typeof resultsOf>>>();
    for (const row of rows) {
      if (!results.has(row.appraisal_id)) {
        const r = await findAppraisal(ctx.db, row.appraisal_id);
        results.set(row.appraisal_id, r ? await resultsOf(ctx, r) : []);
      }
      const res = results.get(row.appraisal_id)!.find((x) => x.unitId === row.unit_id);
      const e = by.get(row.unit_id) ?? { unitName: row.unit_name, scores: [], ranks: [], n: 0 };
      e.n += 1;
      if (res?.score !== null && res?.score !== undefined) e.scores.push(res.score);
      if (res?.rank) e.ranks.push(res.rank);
      by.set(row.unit_id, e);
    }
    const departments = [...by.entries()].map(([unitId, e]) => ({
      unitId, unitName: e.unitName, appraisals: e.n,
      averageScore: e.scores.length ? round2(e.scores.reduce((s, x) => s + x, 0) / e.scores.length) : null,
      bestRank: e.ranks.length ? Math.min(...e.ranks) : null,
      list: { api: `${base}/departments`, query: { unitId, held: 'true', ...(req.query.from ? { from: req.query.from } : {}), ...(req.query.to ? { to: req.query.to } : {}) } },
    })).sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1) || a.unitName.localeCompare(b.unitName, 'zh'));
    return { departments };
  });

  app.post(base, {
    schema: { tags, summary: '新建民主评议（筹备）：被评议单位、评议范围、测评项目和权重、选项分值、评议组', body: appraisalCreateBody, response: { 201: appraisalDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createAppraisal(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: '民主评议详情（按查看人：办公室全部；被评议单位本单位部分；委员本人测评情况；任何人都看不到个人测评意见）', params: idParams, response: { 200: appraisalDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch(`${base}/:id`, {
    schema: { tags, summary: '修改评议方案（筹备阶段；会议日期和地点在测评开始前；带版本号，并发修改返回 409）', params: idParams, body: appraisalEditBody, response: { 200: appraisalDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editAppraisal(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${base}/:id/transitions`, {
    schema: {
      tags, summary: '民主评议操作（启动自查、开始测评、结束测评并公布结果、交办整改、办结）',
      description: '可执行的操作及其表单见详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: appraisalsTransitionBody, response: { 200: appraisalDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireAppraisal(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.put(`${base}/:id/self-report`, {
    schema: { tags, summary: '提交自查报告（被评议单位，自查阶段；带本单位的版本号）', params: idParams, body: selfReportBody, response: { 200: appraisalDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await submitSelfReport(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${base}/:id/visits`, {
    schema: { tags, summary: '记录走访调研（办公室）', params: idParams, body: visitBody, response: { 200: appraisalDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await addVisit(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${base}/:id/tokens`, {
    schema: { tags, summary: '生成特邀代表一次性测评码（办公室；测评码只在此时显示一次，用于打印或二维码）', params: idParams, body: tokensBody, response: { 200: tokensResult, ...errors } },
  }, async (req) => issueTokens(ctx, user(req), req.params.id, req.body, req.ip));

  app.get(`${base}/:id/vote-form`, {
    schema: { tags, summary: '委员手机测评票（扫描会场二维码进入）', params: idParams, querystring: voteFormQuery, response: { 200: voteForm, ...errors } },
  }, async (req) => voteFormOf(ctx, req.params.id, { actor: user(req), code: req.query.code }));

  app.post(`${base}/:id/ballots`, {
    schema: { tags, summary: '委员现场测评（凭会场二维码；每人一票，重复投票返回 409）', params: idParams, body: memberBallotBody, response: { 200: ballotResult, ...errors } },
  }, async (req) => castMemberBallot(ctx, user(req), req.params.id, req.body, req.ip));

  app.put(`${base}/:id/rectifications`, {
    schema: { tags, summary: '填写整改事项（办公室，结果公布后；交办整改时转入建议落实跟踪）', params: idParams, body: rectificationsBody, response: { 200: appraisalDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await saveRectifications(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  /** The detail and results for a document: staff, once the vote has opened. */
  async function forExport(id: string, actor: Actor) {
    const { r, viewer } = await visible(id, actor);
    if (viewer !== 'staff') throw forbidden('导出测评结果');
    if (!(heldStates as readonly string[]).includes(r.state)) throw new AppError('INVALID_TRANSITION', '测评开始后才能导出结果');
    const detail = await toDetail(ctx, r, actor, viewer);
    return { detail, results: detail.results ?? [] };
  }

  app.get(`${base}/:id/results.xlsx`, {
    schema: { tags, summary: '测评结果 Excel（排名、各项目得分、选项统计）', params: idParams, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const { detail, results } = await forExport(req.params.id, user(req));
    const buf = await resultsWorkbook(detail, results);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('appraisal-results.xlsx', `${detail.title}测评结果.xlsx`)).send(buf);
  });

  app.get(`${base}/:id/report.docx`, {
    schema: { tags, summary: '民主评议结果报告 Word（公文格式）', params: idParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const { detail, results } = await forExport(req.params.id, actor);
    const [org, turnout] = await Promise.all([getOrg(ctx.db, actor.tenantId), turnoutOf(ctx.db, req.params.id)]);
    const buf = await resultsReport(detail, results, org?.name ?? '', turnout);
    return reply.header('content-type', docxType).header('content-disposition', attachment('appraisal-report.docx', `${detail.title}结果报告.docx`)).send(buf);
  });

  // ---- invited representatives, without an account: their one-time code is the only key
  app.get('/api/public/appraisals/:id/vote-form', {
    schema: { tags: ['public'], summary: '特邀代表手机测评票（凭一次性测评码，无需登录）', params: idParams, querystring: tokenQuery, response: { 200: voteForm, 400: errorBody, 404: errorBody } },
  }, async (req) => voteFormOf(ctx, req.params.id, { token: req.query.token }));

  app.post('/api/public/appraisals/:id/ballots', {
    schema: { tags: ['public'], summary: '特邀代表现场测评（凭一次性测评码，无需登录；每码一票）', params: idParams, body: tokenBallotBody, response: { 200: ballotResult, ...errors } },
  }, async (req) => castTokenBallot(ctx, req.params.id, req.body, req.ip));
}
