/**
 * HTTP routes under /api/studios. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize (a studio of another CPPCC is a 404; recording needs membership) → command →
 * present. Every route has tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden } from '../../../kernel/universal/errors.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import {
  activitiesPage, activitiesQuery, activityCreateBody, caseCreateBody, caseEditBody, caseItem, casesPage, casesQuery, idParams, loanCreateBody, loansPage,
  memberOptions, memberOptionsQuery, needCreateBody, needsPage, needsQuery, offerCreateBody, offersPage, projectCreateBody, projectEditBody, projectItem,
  projectsPage, projectsQuery, recordParams, studioCreateBody, studioDetail, studioEditBody, studioMembersBody, studiosListQuery, studiosOptions, studiosPage,
} from '../contract.ts';
import { canUseStudios, managesStudios, partyRoleLabels, projectStatusLabels, readsAll, recordKindsOf, studioKindLabels } from '../domain/studio-rules.ts';
import { addActivity, addCase, addLoan, addNeed, addOffer, addProject, createStudio, editCase, editProject, editStudio, setMembers, STUDIO_LABEL, visibleStudio } from './commands.ts';
import { orgFigures } from './figures.ts';
import { money, needLabel, outcomeOptions, statusLabel, studioActions, toCaseItem, toStudioItem } from './presenter.ts';
import { activityMembers, activityQuery, caseHandlers, caseQuery, listStudios, loanQuery, membersOf, needQuery, offerQuery, projectQuery, studioNames, studiosOfUser } from './repository.ts';

const tags = ['studios'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const created = z.object({ id: z.string() });

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseStudios(actor)) throw forbidden(`使用${STUDIO_LABEL}`);
  return actor;
}

/** A member's own records by `userId`: themselves, or those who read every record or every member's duty record. */
function checkUserFilter(actor: Actor, userId: string | undefined) {
  if (userId && userId !== actor.userId && !readsAll(actor) && !can(actor, 'member.read_all')) throw forbidden('查看其他委员的记录');
}

/**
 * A list that a member's figure opens: those who read members' duty records (委员履职, e.g. committee staff) follow it
 * for one member even without using the module.
 */
function listUser(req: Parameters<typeof actorOf>[0], userId: string | undefined): Actor {
  const actor = actorOf(req);
  if (userId && !canUseStudios(actor) && can(actor, 'member.read_all')) return actor;
  const a = user(req);
  checkUserFilter(a, userId);
  return a;
}

const page = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

export function studiosRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const s = await visibleStudio(ctx, actor, id);
    const [members, figures] = await Promise.all([membersOf(ctx.db, id), orgFigures(ctx, actor.tenantId, {}, id)]);
    const kinds = recordKindsOf(s.kind);
    const shown = figures.filter((f) => f.key === 'studios.activities'
      || (kinds.includes('cases') && f.key.startsWith('studios.cases'))
      || (kinds.includes('finance') && f.key.startsWith('studios.loan'))
      || (kinds.includes('projects') && f.key.startsWith('studios.project')));
    return studioDetail.parse({
      ...toStudioItem({ ...s, memberCount: members.length, mine: s.memberIds.includes(actor.userId) || s.convener_user_id === actor.userId }),
      intro: s.intro, members: members.map((m) => ({ userId: m.user_id, name: m.name, convener: m.user_id === s.convener_user_id })),
      recordKinds: kinds, figures: shown, actions: studioActions(s, actor),
    });
  }

  app.get('/api/studios', {
    schema: { tags, summary: '委员工作室列表（本级全部；按类别、名称筛选，分页）', querystring: studiosListQuery, response: { 200: studiosPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows, total } = await listStudios(ctx.db, actor.tenantId, actor.userId, req.query);
    return { items: rows.map(toStudioItem), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/studios/options', {
    schema: { tags, summary: '工作室类别、调解结果、当事人身份、项目状态的代码及名称', response: { 200: studiosOptions, ...errors } },
  }, async (req) => {
    user(req);
    const opts = (m: Record<string, string>) => Object.entries(m).map(([code, label]) => ({ code, label }));
    return { kinds: opts(studioKindLabels), outcomes: outcomeOptions, partyRoles: opts(partyRoleLabels), projectStatuses: opts(projectStatusLabels) };
  });

  app.get('/api/studios/member-options', {
    schema: { tags, summary: '选择委员（成员、参加委员、承办委员）：本级委员，按姓名查找（前 20 位）', querystring: memberOptionsQuery, response: { 200: memberOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const people = await findPeople(ctx.db, await tenantUsersHoldingRoles(ctx.db, actor.tenantId, ['member']));
    const q = req.query.q ?? '';
    const items = [...people.values()].filter((p) => p.name.includes(q)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).slice(0, 20);
    return { items: items.map((p) => ({ id: p.id, name: p.name })) };
  });

  app.post('/api/studios', {
    schema: { tags, summary: '新建委员工作室（办公室）', body: studioCreateBody, response: { 201: studioDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createStudio(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  // ---------- lists (each a figure's list) ----------

  app.get('/api/studios/activities', {
    schema: { tags, summary: '工作室活动（按工作室、日期、参加委员筛选）', querystring: activitiesQuery, response: { 200: activitiesPage, ...errors } },
  }, async (req) => {
    const actor = listUser(req, req.query.userId);
    const base = activityQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total] = await Promise.all([
      base.selectAll('a').orderBy('a.held_on', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const [names, studioName] = await Promise.all([activityMembers(ctx.db, rows.map((r) => r.id)), studioNames(ctx.db, rows.map((r) => r.studio_id))]);
    return {
      items: rows.map((r) => ({
        id: r.id, studioId: r.studio_id, studioName: studioName.get(r.studio_id) ?? '', heldOn: r.held_on, title: r.title, place: r.place, members: names.get(r.id) ?? [],
        others: r.others, peopleServed: Number(r.people_served), summary: r.summary, recordedByName: r.recorded_by_name,
      })),
      total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  app.get('/api/studios/cases', {
    schema: { tags, summary: '调解案件（按工作室、结果、受理日期、承办委员筛选；当事人信息仅工作室成员和办公室可见）', querystring: casesQuery, response: { 200: casesPage, ...errors } },
  }, async (req) => {
    const actor = listUser(req, req.query.userId);
    const base = caseQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total, mine] = await Promise.all([
      base.selectAll('c').orderBy('c.received_on', 'desc').orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      studiosOfUser(ctx.db, actor.tenantId, actor.userId),
    ]);
    const [handlers, studioName] = await Promise.all([caseHandlers(ctx.db, rows.map((r) => r.id)), studioNames(ctx.db, rows.map((r) => r.studio_id))]);
    // the parties are seen by the studio's members and the office (the same rule as recording in the studio)
    const sees = (studioId: string) => managesStudios(actor) || mine.has(studioId);
    return { items: rows.map((r) => toCaseItem({ ...r, studio_name: studioName.get(r.studio_id) ?? '' }, handlers.get(r.id) ?? [], sees(r.studio_id), sees(r.studio_id))), total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/studios/needs', {
    schema: { tags, summary: '企业融资需求（按工作室、状态、登记日期筛选）', querystring: needsQuery, response: { 200: needsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const base = needQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total] = await Promise.all([
      base.selectAll('n').orderBy('n.recorded_on', 'desc').orderBy('n.id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, studioId: r.studio_id, enterprise: r.enterprise, purpose: r.purpose, recordedOn: r.recorded_on, state: r.state, stateLabel: needLabel(r.state), version: Number(r.version), ...money(r.amount_yuan) })),
      total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  app.get('/api/studios/offers', {
    schema: { tags, summary: '银行金融产品（按工作室、登记日期筛选）', querystring: activitiesQuery, response: { 200: offersPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const base = offerQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total] = await Promise.all([
      base.selectAll('o').orderBy('o.recorded_on', 'desc').orderBy('o.id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => ({ id: r.id, studioId: r.studio_id, bank: r.bank, product: r.product, recordedOn: r.recorded_on, ...money(r.amount_yuan) })), total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/studios/loans', {
    schema: { tags, summary: '助力贷款（放贷记录；按工作室、放贷日期筛选）', querystring: activitiesQuery, response: { 200: loansPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const base = loanQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total] = await Promise.all([
      base.selectAll('l').orderBy('l.granted_on', 'desc').orderBy('l.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const studioName = await studioNames(ctx.db, rows.map((r) => r.studio_id));
    return {
      items: rows.map((r) => ({ id: r.id, studioId: r.studio_id, studioName: studioName.get(r.studio_id) ?? '', needId: r.need_id, offerId: r.offer_id, enterprise: r.enterprise, bank: r.bank, grantedOn: r.granted_on, recordedByName: r.recorded_by_name, ...money(r.amount_yuan) })),
      total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  app.get('/api/studios/projects', {
    schema: { tags, summary: '引进项目（按工作室、状态、引进日期筛选）', querystring: projectsQuery, response: { 200: projectsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const base = projectQuery(ctx.db, actor.tenantId, req.query);
    const { limit, offset } = page(req.query);
    const [rows, total, mine] = await Promise.all([
      base.selectAll('p').orderBy('p.introduced_on', 'desc').orderBy('p.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      studiosOfUser(ctx.db, actor.tenantId, actor.userId),
    ]);
    const studioName = await studioNames(ctx.db, rows.map((r) => r.studio_id));
    return {
      items: rows.map((r) => projectItem.parse({
        id: r.id, studioId: r.studio_id, studioName: studioName.get(r.studio_id) ?? '', name: r.name, investor: r.investor, status: r.status, statusLabel: statusLabel(r.status),
        introducedOn: r.introduced_on, version: Number(r.version), canEdit: managesStudios(actor) || mine.has(r.studio_id), ...money(r.amount_yuan),
      })),
      total: Number(total.n), page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  // ---------- edits of records ----------

  app.patch('/api/studios/cases/:rid', {
    schema: { tags, summary: '记录调解结果（带版本号，并发修改返回 409）', params: recordParams, body: caseEditBody, response: { 200: caseItem, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editCase(ctx, actor, req.params.rid, req.body, req.ip);
    const r = await caseQuery(ctx.db, actor.tenantId, {}).where('c.id', '=', req.params.rid).selectAll('c').executeTakeFirstOrThrow();
    return toCaseItem({ ...r, studio_name: (await studioNames(ctx.db, [r.studio_id])).get(r.studio_id) ?? '' }, (await caseHandlers(ctx.db, [r.id])).get(r.id) ?? [], true, true);
  });

  app.patch('/api/studios/projects/:rid', {
    schema: { tags, summary: '更新项目进展（洽谈、签约、落地；带版本号，并发修改返回 409）', params: recordParams, body: projectEditBody, response: { 200: created, ...errors } },
  }, async (req) => {
    await editProject(ctx, user(req), req.params.rid, req.body, req.ip);
    return { id: req.params.rid };
  });

  // ---------- one studio ----------

  app.get('/api/studios/:id', {
    schema: { tags, summary: '工作室详情（成员、统计数字、可执行的操作）', params: idParams, response: { 200: studioDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/studios/:id', {
    schema: { tags, summary: '修改工作室（召集人或办公室；带版本号，并发修改返回 409）', params: idParams, body: studioEditBody, response: { 200: studioDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editStudio(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.put('/api/studios/:id/members', {
    schema: { tags, summary: '设置工作室成员（召集人或办公室；带版本号）', params: idParams, body: studioMembersBody, response: { 200: studioDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setMembers(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  const record = <B extends z.ZodTypeAny>(path: string, summary: string, body: B, run: (actor: Actor, id: string, b: z.infer<B>, ip: string) => Promise<string>) =>
    app.post(`/api/studios/:id/${path}`, {
      schema: { tags, summary, params: idParams, body, response: { 201: created, ...errors } },
    }, async (req, reply) => {
      const id = await run(user(req), (req.params as { id: string }).id, req.body as z.infer<B>, req.ip);
      return reply.status(201).send({ id });
    });
  record('activities', '记录工作室活动（工作室成员或办公室）', activityCreateBody, (a, id, b, ip) => addActivity(ctx, a, id, b, ip));
  record('cases', '登记调解案件（法律工作室成员或办公室）', caseCreateBody, (a, id, b, ip) => addCase(ctx, a, id, b, ip));
  record('needs', '登记企业融资需求（金融工作室）', needCreateBody, (a, id, b, ip) => addNeed(ctx, a, id, b, ip));
  record('offers', '登记银行金融产品（金融工作室）', offerCreateBody, (a, id, b, ip) => addOffer(ctx, a, id, b, ip));
  record('loans', '记录放贷（对接需求与产品；金融工作室）', loanCreateBody, (a, id, b, ip) => addLoan(ctx, a, id, b, ip));
  record('projects', '登记引进项目', projectCreateBody, (a, id, b, ip) => addProject(ctx, a, id, b, ip));
}
