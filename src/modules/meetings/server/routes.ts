/**
 * HTTP routes under /api/meetings. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize (permission and policy; a record the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import { idParams, meetingsCreateBody, meetingsDetail, meetingsEditBody, meetingsListQuery, meetingsOptions, meetingsPage } from '../contract.ts';
import { meetingsLifecycle, meetingsTransitionBody } from '../domain/meetings-lifecycle.ts';
import { canSeeItem, canUseMeetings } from '../domain/meetings-policy.ts';
import { createItem, editItem, fireItem, ITEM_LABEL } from './commands.ts';
import { toDetail, toListItem } from './presenter.ts';
import { findItem, listItems } from './repository.ts';

const tags = ['meetings'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseMeetings(actor)) throw forbidden(`使用${ITEM_LABEL}`);
  return actor;
}

export function meetingsRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const r = await findItem(ctx.db, id);
    if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
    return toDetail(ctx.db, r, actor);
  }

  app.get('/api/meetings', {
    schema: { tags, summary: `${ITEM_LABEL}列表（本人的，或可查看全部者本级的全部；按状态、关键词、创建日期筛选，分页）`, querystring: meetingsListQuery, response: { 200: meetingsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    // a filter value the lifecycle does not know is a 400 naming the field, never an empty list
    const bad = q.state?.split(',').find((s) => !meetingsLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listItems(ctx.db, actor, q);
    return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/meetings/options', {
    schema: { tags, summary: `${ITEM_LABEL}的状态及名称（列表筛选用）`, response: { 200: meetingsOptions, ...errors } },
  }, async (req) => {
    user(req);
    return { states: Object.entries(meetingsLifecycle.states).map(([code, s]) => ({ code, label: s.label })) };
  });

  app.post('/api/meetings', {
    schema: { tags, summary: `新建${ITEM_LABEL}（起草中）`, body: meetingsCreateBody, response: { 201: meetingsDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createItem(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/meetings/:id', {
    schema: { tags, summary: `${ITEM_LABEL}详情（办理过程、可执行的操作）`, params: idParams, response: { 200: meetingsDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/meetings/:id', {
    schema: { tags, summary: `修改${ITEM_LABEL}（提交人，起草中或已退回时；带版本号，并发修改返回 409）`, params: idParams, body: meetingsEditBody, response: { 200: meetingsDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editItem(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/meetings/:id/transitions', {
    schema: {
      tags, summary: `${ITEM_LABEL}操作（提交、受理、退回、办结）`,
      description: '可执行的操作及其表单见详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: meetingsTransitionBody, response: { 200: meetingsDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireItem(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });
}
