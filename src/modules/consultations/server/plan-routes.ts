/**
 * HTTP routes of 协商选题 (/api/consultations/topics…) and 年度协商计划 (/api/consultations/plans…, the figures' list
 * /api/consultations/plan-items). Thin: validate (zod, a bad field is a 400 naming it) → authorize (a record of another
 * CPPCC, or a draft plan for a reader, is a 404) → command → present with `actions`.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { currentWorkYear, orgNames } from '../../organizations/index.ts';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import {
  planChangeBody, planCreateBody, planDetail, planIdParams, planItemAttachBody, planItemBody, planItemDeleteQuery, planItemEditBody, planItemListQuery, planItemPage,
  planItemParams, planList, planListQuery, planOptions, topicCreateBody, topicDetail, topicIdParams, topicLinkedQuery, topicLinkedResponse, topicLinksBody, topicListQuery, topicPage,
} from '../domain/plan-contract.ts';
import { planChangeKindLabels, planChangeKinds, planLifecycle, planTransitionBody, topicLifecycle, topicTransitionBody } from '../domain/plan-lifecycle.ts';
import { addItem, attachToItem, changePlan, checkPlanReady, createPlan, createTopic, editItem, firePlan, fireTopic, PLAN_LABEL, removeItem, setItemLinks, setTopicLinks, TOPIC_LABEL } from './plan-commands.ts';
import { buildPlanDocx } from './plan-docx.ts';
import { buildPlanXlsx } from './plan-xlsx.ts';
import {
  canSeePlan, canSeeTopic, committeesOf, findPlan, findTopic, listPlanItems, listPlans, listTopics, mayManage, mayPropose, mayReadPlans,
  proposerOrgs, toPlanDetail, toTopicDetail, toTopicItem, topicsLinking, unitsOf, usesPlans,
} from './plan-repository.ts';

const tags = ['consultations'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="plan.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!usesPlans(actor)) throw forbidden('使用协商选题和协商计划');
  return actor;
}

export function planRoutes(app: App, ctx: ModuleContext) {
  async function topicOf(id: string, actor: Actor) {
    const r = await findTopic(ctx.db, id);
    if (!r || !canSeeTopic(r, actor)) throw notFound(TOPIC_LABEL);
    return toTopicDetail(ctx.db, r, actor, ctx.contributions);
  }
  async function planOf(id: string, actor: Actor) {
    const r = await findPlan(ctx.db, id);
    if (!r || !canSeePlan(r, actor)) throw notFound(PLAN_LABEL);
    return toPlanDetail(ctx.db, r, actor, ctx.contributions);
  }

  /* ------------------------------------------------------------ 协商选题 */

  app.get('/api/consultations/topics/options', {
    schema: { tags, summary: '协商选题与协商计划的选项（协商形式、状态、提出单位、专委会、协同部门、当前年度）', response: { 200: planOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const [proposers, committees, units, year] = await Promise.all([proposerOrgs(ctx.db, actor.tenantId), committeesOf(ctx.db, actor.tenantId), unitsOf(ctx.db, actor.tenantId), currentWorkYear(ctx.settings, actor.tenantId)]);
    const states = (wf: { states: Record<string, { label: string }> }) => Object.entries(wf.states).map(([code, s]) => ({ code, label: s.label }));
    return {
      year: year.year,
      forms: consultationForms.map((code) => ({ code, label: consultationFormLabels[code] })),
      topicStates: states(topicLifecycle), planStates: states(planLifecycle),
      changeKinds: planChangeKinds.map((code) => ({ code, label: planChangeKindLabels[code] })),
      proposers, committees, units,
      ownProposerOrgId: mayManage(actor) ? null : (proposers.some((p) => p.id === actor.orgId) ? actor.orgId : null),
      canPropose: mayPropose(actor), canManage: mayManage(actor),
    };
  });

  app.get('/api/consultations/topics', {
    schema: { tags, summary: '协商选题列表（办公室看本级全部，提出单位看本单位的；按年度、提出单位、协商形式、状态筛选）', querystring: topicListQuery, response: { 200: topicPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !topicLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listTopics(ctx.db, actor, q);
    return { items: rows.map(toTopicItem), total, page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/consultations/topics', {
    schema: { tags, summary: '提出协商选题', body: topicCreateBody, response: { 201: topicDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createTopic(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await topicOf(id, actor));
  });

  app.get('/api/consultations/topics/:id', {
    schema: { tags, summary: '协商选题详情（处理结果、可执行的操作）', params: topicIdParams, response: { 200: topicDetail, ...errors } },
  }, async (req) => topicOf(req.params.id, user(req)));

  app.post('/api/consultations/topics/:id/transitions', {
    schema: {
      tags, summary: '处理协商选题（列入计划、不予采纳、合并）', description: '列入计划即加入该年度起草中的协商计划。版本号过期返回 409 VERSION_CONFLICT。',
      params: topicIdParams, body: topicTransitionBody, response: { 200: topicDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireTopic(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input ?? {}, actor, ip: req.ip }));
    return topicOf(req.params.id, actor);
  });

  app.put('/api/consultations/topics/:id/links', {
    schema: {
      tags, summary: '协商选题的关联提案和社情民意（选题来源、协商成果）', description: '整组替换；只能关联调用者可查看的提案和社情民意。版本号过期返回 409 VERSION_CONFLICT。',
      params: topicIdParams, body: topicLinksBody, response: { 200: topicDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await setTopicLinks(ctx, actor, req.params.id, req.body, req.ip);
    return topicOf(req.params.id, actor);
  });

  app.get('/api/consultations/topic-links', {
    schema: { tags, summary: '列入协商选题：关联了某件提案或某篇社情民意信息的协商选题和计划项（只列出调用者可查看的）', querystring: topicLinkedQuery, response: { 200: topicLinkedResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    return { items: await topicsLinking(ctx.db, actor, req.query.entityType, req.query.id) };
  });

  /* ------------------------------------------------------------ 年度协商计划 */

  app.get('/api/consultations/plans', {
    schema: { tags, summary: '年度协商计划列表（本级；起草中的仅办公室和领导可见）', querystring: planListQuery, response: { 200: planList, ...errors } },
  }, async (req) => {
    const actor = user(req);
    return { items: await listPlans(ctx.db, actor, req.query.year), canCreate: mayManage(actor) };
  });

  app.post('/api/consultations/plans', {
    schema: { tags, summary: '新建年度协商计划（起草中；每年一份）', body: planCreateBody, response: { 201: planDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createPlan(ctx, actor, req.body.year, req.ip);
    return reply.status(201).send(await planOf(id, actor));
  });

  app.get('/api/consultations/plan-items', {
    schema: { tags, summary: '已审定年度协商计划的计划项（按协商形式、是否已开展筛选；统计数字的清单）', querystring: planItemListQuery, response: { 200: planItemPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!mayReadPlans(actor)) throw forbidden('查看年度协商计划');
    const { rows, total } = await listPlanItems(ctx.db, actor, req.query, ctx.contributions);
    return { items: rows, total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/consultations/plans/:id', {
    schema: { tags, summary: '年度协商计划详情（计划项、计划调整、审定过程、可执行的操作）', params: planIdParams, response: { 200: planDetail, ...errors } },
  }, async (req) => planOf(req.params.id, user(req)));

  app.post('/api/consultations/plans/:id/transitions', {
    schema: {
      tags, summary: '年度协商计划操作（报主席会议审定、退回修改、审定通过）', description: '版本号过期返回 409 VERSION_CONFLICT。',
      params: planIdParams, body: planTransitionBody, response: { 200: planDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await checkPlanReady(ctx, actor, req.params.id, req.body.action);
    await inInputField(() => firePlan(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input ?? {}, actor, ip: req.ip }));
    return planOf(req.params.id, actor);
  });

  app.post('/api/consultations/plans/:id/items', {
    schema: { tags, summary: '添加计划项（起草中的计划）', params: planIdParams, body: planItemBody, response: { 201: planDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await addItem(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await planOf(req.params.id, actor));
  });

  app.patch('/api/consultations/plans/:id/items/:itemId', {
    schema: { tags, summary: '修改计划项（起草中的计划；带版本号，并发修改返回 409）', params: planItemParams, body: planItemEditBody, response: { 200: planDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editItem(ctx, actor, req.params.id, req.params.itemId, req.body, req.ip);
    return planOf(req.params.id, actor);
  });

  app.post('/api/consultations/plans/:id/items/:itemId/attachments', {
    schema: { tags, summary: '补充计划项附件（先上传到 /api/attachments；任何状态的计划均可）', params: planItemParams, body: planItemAttachBody, response: { 200: planDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await attachToItem(ctx, actor, req.params.id, req.params.itemId, req.body, req.ip);
    return planOf(req.params.id, actor);
  });

  app.put('/api/consultations/plans/:id/items/:itemId/links', {
    schema: {
      tags, summary: '计划项的关联提案和社情民意（任何状态的计划均可；不属计划调整）', description: '带计划项的版本号，过期返回 409 VERSION_CONFLICT。',
      params: planItemParams, body: topicLinksBody, response: { 200: planDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await setItemLinks(ctx, actor, req.params.id, req.params.itemId, req.body, req.ip);
    return planOf(req.params.id, actor);
  });

  app.delete('/api/consultations/plans/:id/items/:itemId', {
    schema: { tags, summary: '删除计划项（起草中的计划；带版本号）', params: planItemParams, querystring: planItemDeleteQuery, response: { 200: planDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await removeItem(ctx, actor, req.params.id, req.params.itemId, req.query.version, req.ip);
    return planOf(req.params.id, actor);
  });

  app.post('/api/consultations/plans/:id/changes', {
    schema: {
      tags, summary: '计划调整（已审定的计划：调整月份、调整协商形式、增加或取消计划项，须填写理由）', description: '带计划的版本号，过期返回 409 VERSION_CONFLICT。',
      params: planIdParams, body: planChangeBody, response: { 200: planDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await changePlan(ctx, actor, req.params.id, req.body, req.ip);
    return planOf(req.params.id, actor);
  });

  app.get('/api/consultations/plans/:id/document.docx', {
    schema: { tags, summary: '年度协商计划（Word，正式版式）', params: planIdParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const plan = await planOf(req.params.id, actor);
    if (!plan.canDownload) throw forbidden('下载年度协商计划');
    const org = (await orgNames(ctx.db, [actor.tenantId])).get(actor.tenantId)?.name ?? '';
    const buf = await buildPlanDocx(plan, org);
    return reply.header('content-type', docxType).header('content-disposition', attachment(`${plan.title}.docx`)).send(buf);
  });

  app.get('/api/consultations/plans/:id/plan.xlsx', {
    schema: { tags, summary: '年度协商计划（Excel：计划项及开展情况、计划调整）', params: planIdParams, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const plan = await planOf(req.params.id, actor);
    if (!plan.canDownload) throw forbidden('下载年度协商计划');
    const buf = await buildPlanXlsx(plan);
    return reply.header('content-type', xlsxType).header('content-disposition', `attachment; filename="plan.xlsx"; filename*=UTF-8''${encodeURIComponent(`${plan.title}.xlsx`)}`).send(buf);
  });

}
