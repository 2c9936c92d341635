/**
 * HTTP routes under /api/office (办公室: 接待, 会务, 用车). Each route is thin: validate (the contract's zod schemas; a
 * bad field is a 400 naming it in Chinese) → authorize (permission and policy; a record the actor may not see is a
 * 404) → command → present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import {
  boardQuery, boardView, checklistBody, checklistDetail, checklistEditBody, checklistListQuery, checklistPage, driverBody, driverView, idParams, officeOptions,
  receptionBody, receptionDetail, receptionEditBody, receptionListQuery, receptionPage, templateBody, templateView, tripBody, tripDetail, tripListQuery, tripPage,
  vehicleBody, vehicleView,
} from '../contract.ts';
import { receptionLifecycle, receptionTransitionBody, tripLifecycle, tripTransitionBody } from '../domain/lifecycles.ts';
import { canSeeOfficeRecord, canSeeTrip, canUseLogistics, readsOffice, seesAllTrips } from '../domain/policy.ts';
import {
  CHECKLIST_LABEL, RECEPTION_LABEL, checklistDetail as presentChecklist, createChecklist, createReception, createTemplate, editChecklist, editReception,
  findChecklist, findReception, fireReception, listChecklists, listReceptions, listTemplates, receptionDetail as presentReception,
} from './office.ts';
import { TRIP_LABEL, board, findTrip, fireTrip, listTrips, requestTrip, resources, saveDriver, saveVehicle, tripDetail as presentTrip } from './trips.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseLogistics(actor)) throw forbidden('使用接待、会务和用车');
  return actor;
}
function office(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = user(req);
  if (!readsOffice(actor)) throw forbidden('查看接待和会务');
  return actor;
}
const validState = (wf: typeof tripLifecycle, state?: string) => {
  const bad = state?.split(',').find((s) => !wf.states[s]);
  if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
};
const stateOptions = (wf: typeof tripLifecycle) => Object.entries(wf.states).map(([code, s]) => ({ code, label: s.label }));

export function logisticsRoutes(app: App, ctx: ModuleContext) {
  const reception = async (id: string, actor: Actor) => {
    const r = await findReception(ctx.db, id);
    if (!r || !canSeeOfficeRecord(r, actor)) throw notFound(RECEPTION_LABEL);
    return presentReception(ctx.db, r, actor);
  };
  const checklist = async (id: string, actor: Actor) => {
    const r = await findChecklist(ctx.db, id);
    if (!r || !canSeeOfficeRecord(r, actor)) throw notFound(CHECKLIST_LABEL);
    return presentChecklist(ctx, r, actor);
  };
  const trip = async (id: string, actor: Actor) => {
    const r = await findTrip(ctx.db, id);
    if (!r || !canSeeTrip(r, actor)) throw notFound(TRIP_LABEL);
    return presentTrip(ctx.db, r, actor);
  };

  app.get('/api/office/options', {
    schema: { tags: ['office'], summary: '接待、用车的状态，车辆、驾驶员和会务清单模板（表单和筛选用）', response: { 200: officeOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { vehicles, drivers } = await resources(ctx.db, actor.tenantId);
    const staff = seesAllTrips(actor);
    return {
      receptionStates: stateOptions(receptionLifecycle as unknown as typeof tripLifecycle), tripStates: stateOptions(tripLifecycle),
      // the fleet is the office's to show; a requester sees their car on the trip itself
      vehicles: staff ? vehicles.map((v) => ({ id: v.id, plate: v.plate, seats: Number(v.seats), kind: v.kind, active: !!v.active, version: Number(v.version) })) : [],
      drivers: staff ? drivers.map((d) => ({ id: d.id, name: d.name, phone: d.phone, active: !!d.active, version: Number(d.version) })) : [],
      templates: readsOffice(actor) ? await listTemplates(ctx.db, actor.tenantId) : [],
    };
  });

  // ---- 接待 ----
  app.get('/api/office/receptions', {
    schema: { tags: ['office'], summary: '接待方案列表（按首日、状态、关键词筛选；附预算和实际支出合计）', querystring: receptionListQuery, response: { 200: receptionPage, ...errors } },
  }, async (req) => {
    const actor = office(req);
    validState(receptionLifecycle as unknown as typeof tripLifecycle, req.query.state);
    return listReceptions(ctx.db, actor, req.query);
  });
  app.post('/api/office/receptions', {
    schema: { tags: ['office'], summary: '新建接待方案（来宾、日程、住宿、用餐、经费预算）', body: receptionBody, response: { 201: receptionDetail, ...errors } },
  }, async (req, reply) => {
    const actor = office(req);
    const id = await createReception(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await reception(id, actor));
  });
  app.get('/api/office/receptions/:id', {
    schema: { tags: ['office'], summary: '接待方案详情（可执行的操作见 actions）', params: idParams, response: { 200: receptionDetail, ...errors } },
  }, async (req) => reception(req.params.id, office(req)));
  app.patch('/api/office/receptions/:id', {
    schema: { tags: ['office'], summary: '修改接待方案（起草中可改全部；已审批只登记实际支出；带版本号，过期返回 409）', params: idParams, body: receptionEditBody, response: { 200: receptionDetail, ...errors } },
  }, async (req) => {
    const actor = office(req);
    await editReception(ctx, actor, req.params.id, req.body, req.ip);
    return reception(req.params.id, actor);
  });
  app.post('/api/office/receptions/:id/transitions', {
    schema: { tags: ['office'], summary: '接待方案操作（审批通过、接待完成）', params: idParams, body: receptionTransitionBody, response: { 200: receptionDetail, ...errors } },
  }, async (req) => {
    const actor = office(req);
    await inInputField(() => fireReception(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return reception(req.params.id, actor);
  });

  // ---- 会务 ----
  app.get('/api/office/checklists', {
    schema: { tags: ['office'], summary: '会务保障清单列表（按活动日期、关联记录筛选）', querystring: checklistListQuery, response: { 200: checklistPage, ...errors } },
  }, async (req) => listChecklists(ctx, office(req), req.query));
  app.post('/api/office/checklists', {
    schema: { tags: ['office'], summary: '新建会务保障清单（可从模板生成，可关联活动、会议等记录）', body: checklistBody, response: { 201: checklistDetail, ...errors } },
  }, async (req, reply) => {
    const actor = office(req);
    const id = await createChecklist(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await checklist(id, actor));
  });
  app.get('/api/office/checklists/:id', {
    schema: { tags: ['office'], summary: '会务保障清单详情', params: idParams, response: { 200: checklistDetail, ...errors } },
  }, async (req) => checklist(req.params.id, office(req)));
  app.patch('/api/office/checklists/:id', {
    schema: { tags: ['office'], summary: '修改会务保障清单或勾选落实情况（带版本号，过期返回 409）', params: idParams, body: checklistEditBody, response: { 200: checklistDetail, ...errors } },
  }, async (req) => {
    const actor = office(req);
    await editChecklist(ctx, actor, req.params.id, req.body, req.ip);
    return checklist(req.params.id, actor);
  });
  app.get('/api/office/checklist-templates', {
    schema: { tags: ['office'], summary: '会务清单模板', response: { 200: z.array(templateView), ...errors } },
  }, async (req) => listTemplates(ctx.db, office(req).tenantId));
  app.post('/api/office/checklist-templates', {
    schema: { tags: ['office'], summary: '新建会务清单模板', body: templateBody, response: { 201: templateView, ...errors } },
  }, async (req, reply) => {
    const actor = office(req);
    const id = await createTemplate(ctx, actor, req.body, req.ip);
    return reply.status(201).send((await listTemplates(ctx.db, actor.tenantId)).find((t) => t.id === id)!);
  });

  // ---- 用车 ----
  app.get('/api/office/trips', {
    schema: { tags: ['office'], summary: '用车申请和出车记录（本人的，或办公室本级的全部；按出车日期、状态、车辆筛选；附公里数合计）', querystring: tripListQuery, response: { 200: tripPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    validState(tripLifecycle, req.query.state);
    return listTrips(ctx.db, actor, req.query);
  });
  app.post('/api/office/trips', {
    schema: { tags: ['office'], summary: '申请用车（待审批）', body: tripBody, response: { 201: tripDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await requestTrip(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await trip(id, actor));
  });
  app.get('/api/office/trips/:id', {
    schema: { tags: ['office'], summary: '用车申请详情（车辆、驾驶员、里程；可执行的操作见 actions）', params: idParams, response: { 200: tripDetail, ...errors } },
  }, async (req) => trip(req.params.id, user(req)));
  app.post('/api/office/trips/:id/transitions', {
    schema: {
      tags: ['office'], summary: '用车操作（批准、不批准、派车、出车完成、取消）',
      description: '派车时车辆或驾驶员在重叠时段已有出车任务返回 409 CONFLICT（消息写明车辆/驾驶员和时段）；版本号过期返回 409 VERSION_CONFLICT。',
      params: idParams, body: tripTransitionBody, response: { 200: tripDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireTrip(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return trip(req.params.id, actor);
  });
  app.get('/api/office/board', {
    schema: { tags: ['office'], summary: '车辆和驾驶员安排（某日起若干天的出车任务）', querystring: boardQuery, response: { 200: boardView, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!seesAllTrips(actor)) throw forbidden('查看车辆安排');
    return board(ctx.db, actor.tenantId, req.query.date, req.query.days);
  });
  app.post('/api/office/vehicles', {
    schema: { tags: ['office'], summary: '登记车辆', body: vehicleBody, response: { 201: vehicleView, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await saveVehicle(ctx, actor, null, req.body, req.ip);
    return reply.status(201).send({ ...req.body, id, version: 1 });
  });
  app.put('/api/office/vehicles/:id', {
    schema: { tags: ['office'], summary: '修改车辆（带版本号）', params: idParams, body: vehicleBody.extend({ version: z.number().int().min(1).describe('版本号') }), response: { 200: vehicleView, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await saveVehicle(ctx, actor, req.params.id, req.body, req.ip);
    return { ...req.body, id: req.params.id, version: req.body.version + 1 };
  });
  app.post('/api/office/drivers', {
    schema: { tags: ['office'], summary: '登记驾驶员', body: driverBody, response: { 201: driverView, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await saveDriver(ctx, actor, null, req.body, req.ip);
    return reply.status(201).send({ ...req.body, id, version: 1 });
  });
  app.put('/api/office/drivers/:id', {
    schema: { tags: ['office'], summary: '修改驾驶员（带版本号）', params: idParams, body: driverBody.extend({ version: z.number().int().min(1).describe('版本号') }), response: { 200: driverView, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await saveDriver(ctx, actor, req.params.id, req.body, req.ip);
    return { ...req.body, id: req.params.id, version: req.body.version + 1 };
  });
}
