/**
 * HTTP routes under /api/activities. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize → command → present. Every route declares tags, a Chinese summary and its
 * schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { currentWorkYear, settingsIn, workYearFor } from '../../organizations/index.ts';
import {
  activityCreateBody, activityDetail, activityListQuery, activityOptions, activityPage, homeCreateBody, homeItem, homesQuery, idParams, memberTakingPartPage,
  needCreateBody, needItem, needMatchBody, needPage, needQuery, participantPage, participationQuery, serviceCompleteBody, serviceCreateBody, serviceItem, servicePage,
  serviceQuery, signInBody, signInCode, signInResult, skillsBody, staffSignInBody, statsQuery, statsResponse, suggestion,
  activityEditBody, homeDetail, homeEditBody, walkInBody, walkInCandidates, walkInCandidatesQuery, walkInResult,
} from '../contract.ts';
import { activitiesLifecycle, activitiesTransitionBody } from '../domain/activities-lifecycle.ts';
import { activityKindLabels, activityKinds, canUseActivities, manages, readsAll, serviceKindLabels, serviceKinds } from '../domain/activity-rules.ts';
import {
  addPhotos, cancelSignUp, completeService, createActivity, createHome, createNeed, fireActivity, homesForCreating, LABEL, matchNeed, mayReadDutyRecords, recordService,
  saveSkills, signInByLink, signInCodeOf, signInFor, signUp, suggestionsFor,
} from './commands.ts';
import { addWalkIns, homeDetailOf, mayEdit, updateActivity, updateHome, walkInCandidatesFor } from './edit-commands.ts';
import { activityStats } from './figures.ts';
import { toDetail, toListItems, toParticipant, toService } from './presenter.ts';
import { findActivity, listActivities, listHomes, listMembersTakingPart, listParticipations, serviceQuery as services } from './repository.ts';
import { readingRoutes } from './reading-routes.ts';
import { readActivitiesSettings } from './settings.ts';
import { activitiesDb, type NeedRow } from './tables.ts';

const tags = ['activities'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseActivities(actor)) throw forbidden(`使用${LABEL}`);
  return actor;
}
const badCodes = (field: string, label: string, value: string | undefined, known: (s: string) => boolean) => {
  const bad = value?.split(',').find((s) => !known(s));
  if (bad) throw new AppError('VALIDATION_FAILED', `「${label}」没有「${bad}」这个值`, { field });
};
const needState: Record<string, string> = { open: '待匹配', matched: '已匹配', done: '已完成' };
const toNeed = (n: NeedRow) => ({
  id: n.id, title: n.title, detail: n.detail, source: n.source, county: n.county, skills: n.skills, serviceKind: n.service_kind,
  serviceKindLabel: serviceKindLabels[n.service_kind as keyof typeof serviceKindLabels] ?? n.service_kind, state: n.state as 'open' | 'matched' | 'done', stateLabel: needState[n.state] ?? n.state,
  matchedUserId: n.matched_user_id, matchedName: n.matched_name, serviceId: n.service_id, version: Number(n.version), createdAt: n.created_at,
});

export function activitiesRoutes(app: App, ctx: ModuleContext) {
  readingRoutes(app, ctx);
  async function detailOf(id: string, actor: Actor) {
    const r = await findActivity(ctx.db, id);
    if (!r || r.tenant_id !== actor.tenantId) throw notFound(LABEL);
    const settings = await readActivitiesSettings(ctx, r.tenant_id);
    const [detail, canEdit] = await Promise.all([toDetail(ctx.db, r, actor, settings.earlyMinutes), mayEdit(ctx, r, actor)]);
    return { ...detail, canEdit: canEdit && r.state !== 'archived' };
  }
  /** Whose records a query reads: one's own, any member's for the duty record's readers, everyone's for those who read all. */
  function whose(actor: Actor, userId: string | undefined, what: string): string | undefined {
    if (userId && userId !== actor.userId && !mayReadDutyRecords(actor)) throw forbidden(what);
    if (!userId && !readsAll(actor)) return actor.userId;
    return userId;
  }

  app.get('/api/activities', {
    schema: { tags, summary: '履职活动列表（本级全部或我的；按类型、状态、委员之家、县区、关键词、活动日期筛选，分页）', querystring: activityListQuery, response: { 200: activityPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    badCodes('state', '状态', q.state, (s) => !!activitiesLifecycle.states[s]);
    badCodes('kind', '活动类型', q.kind, (s) => (activityKinds as readonly string[]).includes(s));
    const { rows, total } = await listActivities(ctx.db, actor, q);
    return { items: await toListItems(ctx.db, rows, actor), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/activities/options', {
    schema: { tags, summary: '履职活动的类型、服务类别、状态、县区和可组织活动的委员之家（表单和筛选用）', response: { 200: activityOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const [homes, all] = await Promise.all([homesForCreating(ctx, actor), listHomes(ctx.db, actor.tenantId)]);
    return {
      kinds: activityKinds.map((code) => ({ code, label: activityKindLabels[code] })),
      serviceKinds: serviceKinds.map((code) => ({ code, label: serviceKindLabels[code] })),
      states: Object.entries(activitiesLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      counties: [...new Set(all.map((h) => h.county))],
      homes, canCreate: manages(actor) || homes.length > 0, canManage: manages(actor),
    };
  });

  app.post('/api/activities', {
    schema: { tags, summary: '新建履职活动（工作人员任意类型；委员之家召集人组织本家的活动）', body: activityCreateBody, response: { 201: activityDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createActivity(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/activities/stats', {
    schema: { tags, summary: '履职活动统计：年度活动（按类型）、委员参加人次、参加委员、办好事、服务群众，按县区和委员之家，每个数字链接其记录', querystring: statsQuery, response: { 200: statsResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看履职活动统计');
    let { from, to } = req.query;
    if (!from || !to) {
      const year = req.query.year ?? (await currentWorkYear(settingsIn(ctx.db), actor.tenantId)).year;
      const days = await workYearFor(settingsIn(ctx.db), actor.tenantId, year);
      from = days.startsOn; to = days.endsOn;
    }
    if (from > to) throw new AppError('VALIDATION_FAILED', '「开始日期」不能晚于「结束日期」', { field: 'from' });
    return activityStats(ctx, actor, { from, to });
  });

  app.get('/api/activities/participations', {
    schema: { tags, summary: '委员参加活动（签到）记录：本人的，或可查看全部者本级的', querystring: participationQuery, response: { 200: participantPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = { ...req.query, userId: whose(actor, req.query.userId, '查看其他委员的参加记录') };
    const { rows, total } = await listParticipations(ctx.db, actor.tenantId, q);
    return { items: rows.map((r) => toParticipant(r)), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/activities/members', {
    schema: { tags, summary: '参加活动的委员（去重）及各自参加次数', querystring: participationQuery, response: { 200: memberTakingPartPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看参加活动的委员');
    const { rows, total } = await listMembersTakingPart(ctx.db, actor.tenantId, req.query);
    return { items: rows, total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/activities/services', {
    schema: { tags, summary: '服务记录（服务为民办好事）：本人的，或可查看全部者本级的', querystring: serviceQuery, response: { 200: servicePage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = { ...req.query, userId: req.query.mine ? actor.userId : whose(actor, req.query.userId, '查看其他委员的服务记录') };
    const base = services(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.selectAll('s').orderBy('s.on_date', 'desc').orderBy('s.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((s) => toService(s, actor)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/activities/services', {
    schema: { tags, summary: '记录服务（委员本人：所签到活动中的服务，或匹配给本人的需求）', body: serviceCreateBody, response: { 201: serviceItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await recordService(ctx, actor, req.body, req.ip);
    const s = await activitiesDb(ctx.db).selectFrom('activity_services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send(toService(s, actor));
  });

  app.post('/api/activities/services/:id/complete', {
    schema: { tags, summary: '完成服务记录（带版本号；可更新服务群众人次）', params: z.object({ id: z.string().min(1).max(40).describe('服务记录编号') }), body: serviceCompleteBody, response: { 200: serviceItem, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await completeService(ctx, actor, req.params.id, req.body, req.ip);
    const s = await activitiesDb(ctx.db).selectFrom('activity_services').selectAll().where('id', '=', req.params.id).executeTakeFirstOrThrow();
    return toService(s, actor);
  });

  app.get('/api/activities/needs', {
    schema: { tags, summary: '服务为民需求清单（工作人员全部；委员看匹配给本人的）', querystring: needQuery, response: { 200: needPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    let base = activitiesDb(ctx.db).selectFrom('activity_needs').where('tenant_id', '=', actor.tenantId);
    if (q.mine || !readsAll(actor)) base = base.where('matched_user_id', '=', actor.userId);
    if (q.state) base = base.where('state', '=', q.state);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toNeed), total: Number(total.n), page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/activities/needs', {
    schema: { tags, summary: '登记服务需求（社区、村、学校、单位提出）', body: needCreateBody, response: { 201: needItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createNeed(ctx, actor, req.body, req.ip);
    return reply.status(201).send(toNeed(await activitiesDb(ctx.db).selectFrom('activity_needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });

  app.get('/api/activities/needs/:id/suggestions', {
    schema: { tags, summary: '为需求推荐委员（按服务特长和县区）', params: idParams, response: { 200: z.array(suggestion), ...errors } },
  }, async (req) => suggestionsFor(ctx, user(req), req.params.id));

  app.post('/api/activities/needs/:id/match', {
    schema: { tags, summary: '确认需求匹配给一位委员（带版本号）', params: idParams, body: needMatchBody, response: { 200: needItem, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await matchNeed(ctx, actor, req.params.id, req.body, req.ip);
    return toNeed(await activitiesDb(ctx.db).selectFrom('activity_needs').selectAll().where('id', '=', req.params.id).executeTakeFirstOrThrow());
  });

  app.put('/api/activities/skills/me', {
    schema: { tags, summary: '登记本人的服务特长和所在县区（用于需求匹配）', body: skillsBody, response: { 200: ok, ...errors } },
  }, async (req) => {
    await saveSkills(ctx, user(req), req.body);
    return { ok: true as const };
  });

  app.get('/api/activities/homes', {
    schema: { tags, summary: '委员之家名录（召集人、成员数、年度活动数）', querystring: homesQuery, response: { 200: z.object({ items: z.array(homeItem), total: z.number().int() }), ...errors } },
  }, async (req) => {
    const actor = user(req);
    const period = req.query.year ? await workYearFor(settingsIn(ctx.db), actor.tenantId, req.query.year) : undefined;
    const homes = await listHomes(ctx.db, actor.tenantId, period && { from: period.startsOn, to: period.endsOn });
    const items = homes.map((h) => ({
      id: h.id, name: h.name, county: h.county, town: h.town, place: h.place, lat: h.lat === null ? null : Number(h.lat), lng: h.lng === null ? null : Number(h.lng),
      convenerUserId: h.convener_user_id, convenerName: h.convener_name, members: h.members, activities: h.activities,
    }));
    return { items, total: items.length };
  });

  app.post('/api/activities/homes', {
    schema: { tags, summary: '登记委员之家（名称、县区、召集人、成员）', body: homeCreateBody, response: { 201: created, ...errors } },
  }, async (req, reply) => reply.status(201).send({ id: await createHome(ctx, user(req), req.body, req.ip) }));

  const homeParams = z.object({ id: z.string().min(1).max(40).describe('委员之家编号') });
  app.get('/api/activities/homes/:id', {
    schema: { tags, summary: '委员之家详情（成员名单、版本号，本人能否修改）', params: homeParams, response: { 200: homeDetail, ...errors } },
  }, async (req) => homeDetailOf(ctx, user(req), req.params.id));

  app.put('/api/activities/homes/:id', {
    schema: {
      tags, summary: '修改委员之家（名称、县区、地址、召集人、成员；工作人员或召集人，召集人不能更换召集人）',
      description: '带版本号；版本号过期返回 409 VERSION_CONFLICT。', params: homeParams, body: homeEditBody, response: { 200: homeDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await updateHome(ctx, actor, req.params.id, req.body, req.ip);
    return homeDetailOf(ctx, actor, req.params.id);
  });

  app.get('/api/activities/:id', {
    schema: { tags, summary: '履职活动详情（参加人员、服务记录、可执行的操作）', params: idParams, response: { 200: activityDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.put('/api/activities/:id', {
    schema: {
      tags, summary: '修改履职活动（名称、类型、内容、时间、地点、签到范围、名额、成效；组织者或所属委员之家的召集人）',
      description: '只改所传字段；带版本号，版本号过期返回 409 VERSION_CONFLICT。改了时间或地点，已报名、已签到的委员收到通知。已归档的活动不能修改。',
      params: idParams, body: activityEditBody, response: { 200: activityDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await updateActivity(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.get('/api/activities/:id/walk-in-candidates', {
    schema: { tags, summary: '可补录的委员（按姓名、界别、专门委员会查找，最多 50 人；标明已签到者）', params: idParams, querystring: walkInCandidatesQuery, response: { 200: walkInCandidates, ...errors } },
  }, async (req) => walkInCandidatesFor(ctx, user(req), req.params.id, req.query));

  app.post('/api/activities/:id/walk-ins', {
    schema: {
      tags, summary: '现场补录：组织者记录未报名而到场的委员（每人一次计入参加活动；已签到的不重复记录）',
      params: idParams, body: walkInBody, response: { 200: walkInResult, ...errors },
    },
  }, async (req) => addWalkIns(ctx, user(req), req.params.id, req.body.userIds, req.ip));

  app.post('/api/activities/:id/transitions', {
    schema: {
      tags, summary: '履职活动操作（发布报名、开始、结束、归档）',
      description: '可执行的操作及其表单见详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: activitiesTransitionBody, response: { 200: activityDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireActivity(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.post('/api/activities/:id/signup', {
    schema: { tags, summary: '报名参加活动（委员本人，报名中且有名额时）', params: idParams, response: { 200: activityDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await signUp(ctx, actor, req.params.id, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.delete('/api/activities/:id/signup', {
    schema: { tags, summary: '取消报名（报名中、尚未签到时）', params: idParams, response: { 200: activityDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await cancelSignUp(ctx, actor, req.params.id, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/activities/:id/signin', {
    schema: { tags, summary: '扫码签到（委员本人；在签到时间内；有活动地点时须在签到范围内；每人一次）', params: idParams, body: signInBody, response: { 200: signInResult, ...errors } },
  }, async (req) => signInByLink(ctx, user(req), req.params.id, req.body, req.ip));

  app.post('/api/activities/:id/signin-for', {
    schema: { tags, summary: '代为签到（组织者在现场为委员签到，记录代签人）', params: idParams, body: staffSignInBody, response: { 200: signInResult, ...errors } },
  }, async (req) => signInFor(ctx, user(req), req.params.id, req.body.userId, req.ip));

  app.post('/api/activities/:id/photos', {
    schema: { tags, summary: '上传活动照片（组织者或签到的委员；先上传附件，再关联到活动）', params: idParams, body: z.object({ attachmentIds: z.array(z.string().min(1).max(64)).min(1).max(20).describe('附件') }), response: { 200: ok, ...errors } },
  }, async (req) => {
    await addPhotos(ctx, user(req), req.params.id, req.body.attachmentIds, req.ip);
    return { ok: true as const };
  });

  app.get('/api/activities/:id/signin-code', {
    schema: { tags, summary: '活动签到码（组织者在现场展示的二维码链接）', params: idParams, response: { 200: signInCode, ...errors } },
  }, async (req) => signInCodeOf(ctx, user(req), req.params.id));
}
