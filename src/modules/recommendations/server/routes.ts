/**
 * HTTP routes under /api/recommendations. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize (permission and policy; a record the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import { listUnits } from '../../organizations/index.ts';
import {
  extensionDecisionBody, extensionRequestBody, idParams, instructionBody, recommendationSourceTypes, recommendationsBoard, recommendationsCreateBody, recommendationsDetail,
  recommendationsListItem, recommendationsListQuery, recommendationsOptions, recommendationsPage, sourceTypeLabels, type RecommendationsBoard,
} from '../contract.ts';
import { ageBucketLabels, ageBuckets, recommendationsLifecycle, recommendationsTransitionBody } from '../domain/recommendations-lifecycle.ts';
import { canSeeItem, canUseRecommendations, readsAll } from '../domain/recommendations-policy.ts';
import { createItems, decideExtension, fireItem, ITEM_LABEL, recordInstruction, requestExtension } from './commands.ts';
import { toDetail, toListItem } from './presenter.ts';
import { countItems, findItem, listItems, openCountsBy } from './repository.ts';

const tags = ['recommendations'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The signed-in actor, if they may use the module at all (administrators and members may not). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseRecommendations(actor)) throw forbidden(`使用${ITEM_LABEL}落实`);
  return actor;
}

export function recommendationsRoutes(app: App, ctx: ModuleContext) {
  const today = () => ctx.calendar.today();
  async function detailOf(id: string, actor: Actor) {
    const r = await findItem(ctx.db, id);
    if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
    return toDetail(ctx.db, r, actor, today());
  }

  app.get('/api/recommendations', {
    schema: { tags, summary: '建议落实列表（办公室和领导看本级全部，责任单位看本单位的；按状态、来源、单位、时长、超期筛选，分页）', querystring: recommendationsListQuery, response: { 200: recommendationsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    // a filter value the lifecycle does not know is a 400 naming the field, never an empty list
    const bad = q.state?.split(',').find((s) => !recommendationsLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const t = today();
    const { rows, total } = await listItems(ctx.db, actor, q, t);
    return { items: rows.map((r) => toListItem(r, t)), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/recommendations/options', {
    schema: { tags, summary: '建议落实的状态、来源类型、责任单位和时长分段（筛选和录入用）', response: { 200: recommendationsOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const units = readsAll(actor) ? await listUnits(ctx.db, actor.tenantId) : [];
    return {
      states: Object.entries(recommendationsLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      sourceTypes: recommendationSourceTypes.map((code) => ({ code, label: sourceTypeLabels[code] })),
      units: units.map((u) => ({ code: u.id, label: u.short_name ?? u.name })),
      ages: ageBuckets.map((code) => ({ code, label: ageBucketLabels[code] })),
    };
  });

  app.get('/api/recommendations/board', {
    schema: { tags, summary: '建议落实督办看板：未办结建议按来源、责任单位、时长（每个数字打开其列表）', response: { 200: recommendationsBoard, ...errors } },
  }, async (req): Promise<RecommendationsBoard> => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看建议落实督办看板');
    const t = today();
    const [bySource, byUnit] = await Promise.all([openCountsBy(ctx.db, actor, 'source_type', t), openCountsBy(ctx.db, actor, 'unit_id', t)]);
    const byAge = [];
    for (const code of ageBuckets) {
      byAge.push({
        code, label: ageBucketLabels[code], query: { open: 'true', age: code },
        open: await countItems(ctx.db, actor, { open: true, age: code }, t), overdue: await countItems(ctx.db, actor, { open: true, age: code, overdue: true }, t),
      });
    }
    return {
      today: t,
      open: await countItems(ctx.db, actor, { open: true }, t),
      overdue: await countItems(ctx.db, actor, { overdue: true }, t),
      awaitingAssessment: await countItems(ctx.db, actor, { state: 'answered' }, t),
      extensionRequests: await countItems(ctx.db, actor, { extensionPending: true }, t),
      bySource: recommendationSourceTypes.filter((s) => bySource.has(s)).map((s) => ({ code: s, label: sourceTypeLabels[s], ...pick(bySource.get(s)!), query: { open: 'true', sourceType: s } })),
      byUnit: [...byUnit.entries()].sort((a, b) => b[1].overdue - a[1].overdue || b[1].open - a[1].open || a[1].name.localeCompare(b[1].name, 'zh'))
        .map(([code, u]) => ({ code, label: u.name, ...pick(u), query: { open: 'true', unitId: code } })),
      byAge,
    };
  });

  app.post('/api/recommendations', {
    schema: { tags, summary: '录入建议（来自报告或文件；每个责任单位一条，进入待反馈）', body: recommendationsCreateBody, response: { 201: z.object({ items: z.array(recommendationsListItem) }), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const ids = await createItems(ctx, actor, req.body, req.ip);
    const t = today();
    const items = [];
    for (const id of ids) items.push(toListItem((await findItem(ctx.db, id))!, t));
    return reply.status(201).send({ items });
  });

  app.get('/api/recommendations/:id', {
    schema: { tags, summary: '建议详情（来源、批示、反馈、评估、延期申请、办理过程、可执行的操作）', params: idParams, response: { 200: recommendationsDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.post('/api/recommendations/:id/transitions', {
    schema: {
      tags, summary: '建议落实操作（反馈；评估为落实中、已落实、未落实；退回）',
      description: '可执行的操作及其表单见详情的 actions。反馈时的佐证材料先上传到 /api/attachments，再以 attachmentIds 提交。版本号过期返回 409 VERSION_CONFLICT。',
      params: idParams, body: recommendationsTransitionBody, response: { 200: recommendationsDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    // a record the actor may not see is not found, before any rule is checked
    await detailOf(req.params.id, actor);
    await inInputField(() => fireItem(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.post('/api/recommendations/:id/extension', {
    schema: { tags, summary: '申请延期（责任单位，说明理由和申请延至的日期；带版本号）', params: idParams, body: extensionRequestBody, response: { 200: recommendationsDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await requestExtension(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/recommendations/:id/instructions', {
    schema: {
      tags, summary: '记录领导批示（建议报送后收到的：批示领导、日期、内容、批示件；可针对本条建议或整份报告；通知相关责任单位；带版本号）',
      description: '批示件先上传到 /api/attachments，再以 documentId 提交。scope 为 source 时批示记在来源报告的每条建议上。',
      params: idParams, body: instructionBody, response: { 200: recommendationsDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await recordInstruction(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/recommendations/:id/extension/decision', {
    schema: { tags, summary: '审核延期申请（办公室：同意则反馈期限顺延，不同意须写明意见；带版本号）', params: idParams, body: extensionDecisionBody, response: { 200: recommendationsDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await decideExtension(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });
}

const pick = (c: { open: number; overdue: number }) => ({ open: c.open, overdue: c.overdue });
