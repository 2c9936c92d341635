/**
 * HTTP routes under /api/platforms. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize (permission and policy; a platform the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { currentWorkYear, workYearFor } from '../../organizations/index.ts';
import {
  activityCreateBody, activityListQuery, activityPage, idParams, importResult, memberOptions, memberOptionsQuery, overview, overviewQuery, platformCreateBody, platformDetail,
  platformEditBody, platformListQuery, platformPage, resultCreateBody, resultItem, resultListQuery, resultPage, staffTownBody, staffTowns, topicCreateBody, topicEditBody, topicItem, userParams,
} from '../contract.ts';
import { assignsTowns, canUsePlatforms, managesPlatforms, readsPlatforms } from '../domain/platform-policy.ts';
import { platformStaffRole } from '../domain/result-lifecycle.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import { resultTransitionBody } from '../domain/result-lifecycle.ts';
import { addResult, addTopic, createPlatform, editPlatform, editTopic, fireResult, PLATFORM_LABEL, recordActivity, setStaffTown, visiblePlatform } from './commands.ts';
import { activitiesWorkbook, attachmentHeader, EXPORT_MAX, importRegistry, registryWorkbook, resultsWorkbook, xlsxType } from './excel.ts';
import { overviewOf } from './figures.ts';
import { toActivityItems, toPlatformDetail, toPlatformItems, toResultItems, toTopicItem } from './presenter.ts';
import { allPlatforms, checkStates, findResult, findTopic, listActivities, listPlatforms, listResults, scopeOf, staffTownOf } from './repository.ts';
import { platformsDb } from './tables.ts';

const tags = ['platforms'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUsePlatforms(actor)) throw forbidden('使用有事来商量');
  return actor;
}

export function platformsRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const { p, scope } = await visiblePlatform(ctx, actor, id);
    return toPlatformDetail(ctx.db, p, actor, scope.town);
  }

  app.get('/api/platforms', {
    schema: { tags, summary: '协商平台台账（本县区的，市级可看全部县区；召集人看本人召集的；按县区、乡镇、关键词筛选，分页）', querystring: platformListQuery, response: { 200: platformPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows, total } = await listPlatforms(ctx.db, await scopeOf(ctx.db, actor), req.query);
    return { items: await toPlatformItems(ctx.db, rows), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/platforms/export.xlsx', {
    schema: { tags, summary: '导出协商平台台账 Excel（与台账相同的筛选）', querystring: platformListQuery.omit({ page: true, pageSize: true }), produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const rows = await allPlatforms(ctx.db, await scopeOf(ctx.db, actor), req.query);
    const buf = await registryWorkbook(await toPlatformItems(ctx.db, rows), new Map(rows.map((r) => [r.id, r.convener_phone])));
    return reply.header('content-type', xlsxType).header('content-disposition', attachmentHeader('platforms.xlsx', '有事来商量协商平台台账.xlsx')).send(buf);
  });

  app.post('/api/platforms/import', {
    schema: { tags, summary: '导入协商平台台账 Excel（multipart/form-data，字段 file；列同导出；有一行不合格则全部不导入）', consumes: ['multipart/form-data'], response: { 200: importResult, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件');
    const part = await req.file();
    if (!part) throw invalid('file', '「文件」', '不能为空');
    const content = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '上传内容超过大小限制');
    return { added: await importRegistry(ctx, actor, content, req.ip), errors: [] };
  });

  app.get('/api/platforms/overview', {
    schema: { tags, summary: '按县区概览：各县区的平台数、协商活动、协商成果和落实成果（工作年度），每个数字链接到其清单', querystring: overviewQuery, response: { 200: overview, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsPlatforms(actor)) throw forbidden('查看有事来商量概览');
    const wy = req.query.year ? await workYearFor(ctx.settings, actor.tenantId, req.query.year) : await currentWorkYear(ctx.settings, actor.tenantId, ctx.calendar.today());
    return overviewOf(ctx.db, actor, { year: wy.year, from: wy.startsOn, to: wy.endsOn });
  });

  app.get('/api/platforms/activities', {
    schema: { tags, summary: '协商活动清单（按县区、平台、协商日期筛选，分页）', querystring: activityListQuery, response: { 200: activityPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows, total } = await listActivities(ctx.db, await scopeOf(ctx.db, actor), req.query);
    return { items: await toActivityItems(ctx.db, rows), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/platforms/activities/export.xlsx', {
    schema: { tags, summary: `协商活动清单 Excel（与清单相同的筛选，至多 ${EXPORT_MAX} 条）`, querystring: activityListQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const { rows } = await listActivities(ctx.db, await scopeOf(ctx.db, actor), { ...req.query, page: 1, pageSize: EXPORT_MAX });
    const buf = await activitiesWorkbook(await toActivityItems(ctx.db, rows));
    return reply.header('content-type', xlsxType).header('content-disposition', attachmentHeader('activities.xlsx', '协商活动清单.xlsx')).send(buf);
  });

  app.get('/api/platforms/results/export.xlsx', {
    schema: { tags, summary: `协商成果清单 Excel（与清单相同的筛选，至多 ${EXPORT_MAX} 条）`, querystring: resultListQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    checkStates(req.query.state);
    const { rows } = await listResults(ctx.db, await scopeOf(ctx.db, actor), { ...req.query, page: 1, pageSize: EXPORT_MAX });
    const buf = await resultsWorkbook(await toResultItems(ctx.db, rows, actor));
    return reply.header('content-type', xlsxType).header('content-disposition', attachmentHeader('results.xlsx', '协商成果清单.xlsx')).send(buf);
  });

  app.get('/api/platforms/results', {
    schema: { tags, summary: '协商成果清单（按县区、平台、状态、交办日期、落实日期筛选，分页；每项带可执行的操作）', querystring: resultListQuery, response: { 200: resultPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    checkStates(req.query.state);
    const { rows, total } = await listResults(ctx.db, await scopeOf(ctx.db, actor), req.query);
    return { items: await toResultItems(ctx.db, rows, actor), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/platforms/results/:id/transitions', {
    schema: {
      tags, summary: '协商成果操作（落实、评价）', description: '可执行的操作及其表单见成果的 actions。版本号过期返回 409 VERSION_CONFLICT。',
      params: idParams, body: resultTransitionBody, response: { 200: resultItem, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    const r = await inInputField(() => fireResult(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return (await toResultItems(ctx.db, [r], actor))[0];
  });

  app.post('/api/platforms/activities/:id/results', {
    schema: { tags, summary: '为已记录的协商活动补充一项协商成果（交办）', params: idParams, body: resultCreateBody, response: { 201: resultItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await addResult(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send((await toResultItems(ctx.db, [(await findResult(ctx.db, id))!], actor))[0]);
  });

  app.patch('/api/platforms/topics/:id', {
    schema: { tags, summary: '修改议题状态（待协商、已协商、不予协商；带版本号，并发修改返回 409）', params: idParams, body: topicEditBody, response: { 200: topicItem, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editTopic(ctx, actor, req.params.id, req.body, req.ip);
    return toTopicItem((await findTopic(ctx.db, req.params.id))!);
  });

  app.get('/api/platforms/staff', {
    schema: { tags, summary: '本县（区）有事来商量工作人员及其负责的乡镇（街道）', response: { 200: staffTowns, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!managesPlatforms(actor)) throw forbidden('查看有事来商量工作人员');
    const ids = await tenantUsersHoldingRoles(ctx.db, actor.tenantId, [platformStaffRole]);
    const [people, rows, towns, mine] = await Promise.all([
      findPeople(ctx.db, ids),
      ids.length ? platformsDb(ctx.db).selectFrom('platforms_staff_towns').select(['user_id', 'town']).where('user_id', 'in', ids).execute() : [],
      platformsDb(ctx.db).selectFrom('platforms_registry').select('town').distinct().where('tenant_id', '=', actor.tenantId).where('active', '=', 1).orderBy('town').execute(),
      staffTownOf(ctx.db, actor.userId),
    ]);
    const townOf = new Map(rows.map((r) => [r.user_id, r.town]));
    return {
      items: ids.map((id) => ({ userId: id, name: people.get(id)?.name ?? '', town: townOf.get(id) ?? null })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      towns: towns.map((t) => t.town), canAssign: assignsTowns(actor, mine),
    };
  });

  app.put('/api/platforms/staff/:userId', {
    schema: { tags, summary: '设置乡镇工作人员：限定其只能查看和记录一个乡镇（街道）的平台（null 为全县区）', params: userParams, body: staffTownBody, response: { 200: staffTowns.shape.items.element, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setStaffTown(ctx, actor, req.params.userId, req.body.town, req.ip);
    const people = await findPeople(ctx.db, [req.params.userId]);
    return { userId: req.params.userId, name: people.get(req.params.userId)?.name ?? '', town: req.body.town };
  });

  app.get('/api/platforms/member-options', {
    schema: { tags, summary: '选择召集人或联系委员：本级委员，按姓名查找（前 20 位）', querystring: memberOptionsQuery, response: { 200: memberOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!managesPlatforms(actor)) throw forbidden('选择委员');
    const people = await findPeople(ctx.db, await tenantUsersHoldingRoles(ctx.db, actor.tenantId, ['member']));
    const q = req.query.q ?? '';
    const items = [...people.values()].filter((p) => p.name.includes(q)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).slice(0, 20);
    return { items: items.map((p) => ({ id: p.id, name: p.name })) };
  });

  app.post('/api/platforms', {
    schema: { tags, summary: `登记${PLATFORM_LABEL}（本县区有事来商量工作人员）`, body: platformCreateBody, response: { 201: platformDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createPlatform(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/platforms/:id', {
    schema: { tags, summary: `${PLATFORM_LABEL}详情（议题清单、协商活动、成果清单及可执行的操作）`, params: idParams, response: { 200: platformDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/platforms/:id', {
    schema: { tags, summary: `修改${PLATFORM_LABEL}（带版本号，并发修改返回 409）`, params: idParams, body: platformEditBody, response: { 200: platformDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editPlatform(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/platforms/:id/topics', {
    schema: { tags, summary: '添加议题（议题清单）', params: idParams, body: topicCreateBody, response: { 201: topicItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await addTopic(ctx, actor, req.params.id, req.body, req.ip);
    const t = await findTopic(ctx.db, id);
    if (!t) throw notFound('议题');
    return reply.status(201).send(toTopicItem(t));
  });

  app.post('/api/platforms/:id/activities', {
    schema: { tags, summary: '记录协商活动及其成果清单（召集人或本县区工作人员；照片先上传到 /api/attachments）', params: idParams, body: activityCreateBody, response: { 201: platformDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await recordActivity(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await detailOf(req.params.id, actor));
  });
}
