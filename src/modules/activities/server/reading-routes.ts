/**
 * HTTP routes of 书香政协 under /api/activities/reading (decision 0083): reading groups, joining and leaving, book lists,
 * check-ins with notes, replies, the readers and the reading figures. Registered by the module's routes.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden } from '../../../kernel/universal/errors.ts';
import {
  readingBookBody, readingGroupCreateBody, readingGroupDetail, readingGroupEditBody, readingGroupPage, readingGroupParams, readingNoteBody, readingNoteItem,
  readingNoteParams, readingNotePage, readingNoteQuery, readingReaderPage, readingReaderQuery, readingReplyBody, readingStats, readingStatsQuery,
} from '../contract.ts';
import { canUseActivities, readsAll } from '../domain/activity-rules.ts';
import { mayReadDutyRecords } from './commands.ts';
import {
  addBook, createGroup, groupDetail, joinGroup, leaveGroup, listGroups, listNotes, listReaders, postNote, readingFigures, replyToNote, updateGroup, yearPeriod,
} from './reading.ts';

const tags = ['activities'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseActivities(actor)) throw forbidden('使用书香政协');
  return actor;
}

export function readingRoutes(app: App, ctx: ModuleContext) {
  app.get('/api/activities/reading/groups', {
    schema: { tags, summary: '书香政协读书群（领读人、成员数、书目数、读书心得数、正在读的书，本人是否已加入）', response: { 200: readingGroupPage, ...errors } },
  }, async (req) => {
    const items = await listGroups(ctx.db, user(req));
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  });

  app.post('/api/activities/reading/groups', {
    schema: { tags, summary: '新建读书群（工作人员；领读人自动加入）', body: readingGroupCreateBody, response: { 201: readingGroupDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createGroup(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await groupDetail(ctx, actor, id));
  });

  app.get('/api/activities/reading/groups/:id', {
    schema: { tags, summary: '读书群详情（成员、书目与阅读计划、本年度读书统计，本人能否打卡）', params: readingGroupParams, response: { 200: readingGroupDetail, ...errors } },
  }, async (req) => groupDetail(ctx, user(req), req.params.id));

  app.put('/api/activities/reading/groups/:id', {
    schema: {
      tags, summary: '修改读书群（名称、简介；工作人员可更换领读人）', description: '带版本号；版本号过期返回 409 VERSION_CONFLICT。',
      params: readingGroupParams, body: readingGroupEditBody, response: { 200: readingGroupDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await updateGroup(ctx, actor, req.params.id, req.body, req.ip);
    return groupDetail(ctx, actor, req.params.id);
  });

  app.post('/api/activities/reading/groups/:id/join', {
    schema: { tags, summary: '加入读书群（委员本人）', params: readingGroupParams, response: { 200: readingGroupDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await joinGroup(ctx, actor, req.params.id, req.ip);
    return groupDetail(ctx, actor, req.params.id);
  });

  app.delete('/api/activities/reading/groups/:id/join', {
    schema: { tags, summary: '退出读书群（已写的读书心得保留）', params: readingGroupParams, response: { 200: readingGroupDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await leaveGroup(ctx, actor, req.params.id, req.ip);
    return groupDetail(ctx, actor, req.params.id);
  });

  app.post('/api/activities/reading/groups/:id/books', {
    schema: { tags, summary: '添加书目与阅读计划（工作人员或领读人）', params: readingGroupParams, body: readingBookBody, response: { 201: readingGroupDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await addBook(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await groupDetail(ctx, actor, req.params.id));
  });

  app.get('/api/activities/reading/notes', {
    schema: { tags, summary: '读书心得（读书打卡）：按读书群、委员、打卡日期；其他委员的个人记录仅履职记录的查看者可按委员查询', querystring: readingNoteQuery, response: { 200: readingNotePage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    if (q.userId && q.userId !== actor.userId && !mayReadDutyRecords(actor)) throw forbidden('查看其他委员的读书记录');
    if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', '「开始日期」不能晚于「结束日期」', { field: 'from' });
    const { items, total } = await listNotes(ctx.db, actor.tenantId, q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/activities/reading/notes', {
    schema: { tags, summary: '读书打卡：写读书心得（读书群成员，每群每天一次；可补 30 天内的）', body: readingNoteBody, response: { 201: readingNoteItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await postNote(ctx, actor, req.body, req.ip);
    const { items } = await listNotes(ctx.db, actor.tenantId, { groupId: req.body.groupId, userId: actor.userId, page: 1, pageSize: 200 });
    return reply.status(201).send(items.find((n) => n.id === id)!);
  });

  app.post('/api/activities/reading/notes/:id/replies', {
    schema: { tags, summary: '交流讨论：回复读书心得（读书群成员或工作人员）', params: readingNoteParams, body: readingReplyBody, response: { 201: z.object({ ok: z.literal(true) }), ...errors } },
  }, async (req, reply) => {
    await replyToNote(ctx, user(req), req.params.id, req.body.content, req.ip);
    return reply.status(201).send({ ok: true as const });
  });

  app.get('/api/activities/reading/readers', {
    schema: { tags, summary: '参与读书的委员（去重）及各自读书心得篇数', querystring: readingReaderQuery, response: { 200: readingReaderPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看参与读书的委员');
    const { items, total } = await listReaders(ctx.db, actor.tenantId, req.query);
    return { items, total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/activities/reading/stats', {
    schema: { tags, summary: '书香政协统计：年度读书心得、参与读书的委员，按读书群，每个数字链接其记录', querystring: readingStatsQuery, response: { 200: readingStats, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看书香政协统计');
    const period = await yearPeriod(ctx.db, actor.tenantId, req.query.year);
    const groups = await listGroups(ctx.db, actor);
    const [totals, byGroup] = await Promise.all([
      readingFigures(ctx.db, actor.tenantId, period),
      Promise.all(groups.map(async (g) => ({ key: g.id, label: g.name, figures: await readingFigures(ctx.db, actor.tenantId, period, g.id) }))),
    ]);
    return { ...period, totals, byGroup };
  });
}
