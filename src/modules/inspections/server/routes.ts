/**
 * HTTP routes under /api/supervision/inspections. Each route is thin: validate (the contract's zod schemas; a bad field
 * is a 400 naming it in Chinese) → authorize (permission and policy; a trip the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField } from '../../../kernel/universal/errors.ts';
import { pageQuery } from '../../../kernel/universal/pagination.ts';
import { findPeople } from '../../identity/index.ts';
import { listCommittees, listUnits, memberIdsOf, orgFullNames, orgNames } from '../../organizations/index.ts';
import {
  API, findingsPage, findingsQuery as findingsQuerySchema, idParams, inspectionCreateBody, inspectionDetail, inspectionEditBody, inspectionListQuery, inspectionOptions,
  inspectionPage, instructionBody, instructionsPage, instructionsQuery as instructionsQuerySchema, itineraryBody, noteBody, participantsBody, participationsPage,
  participationsQuery, planDocxQuery, reportBody, reportVersion, signInBody,
} from '../contract.ts';
import { inspectionKindLabels, inspectionKinds, inspectionLifecycle, inspectionTransitionBody, reportLabel, type InspectionKind } from '../domain/inspection-lifecycle.ts';
import { canUseInspections, readsAll } from '../domain/inspection-rules.ts';
import {
  addNote, createInspection, editInspection, fireInspection, LABEL, loadVisible, markVisited, recordInstruction, saveReport, setItinerary, setParticipants,
  signInByCode, signInCodeOf, signInFor,
} from './commands.ts';
import { toDetail, toListItems } from './presenter.ts';
import { findingsQuery, instructionsQuery, listInspections, participationQuery } from './repository.ts';
import { DUTY_RECORD_READ_ALL } from './figures.ts';
import { buildPlanDocx } from './plan-docx.ts';
import { buildReportDocx } from './report-docx.ts';
import { inspectionsDb } from './tables.ts';

const tags = ['inspections'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const kindLabel = (k: string) => inspectionKindLabels[k as InspectionKind] ?? k;

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseInspections(actor)) throw forbidden(`使用${LABEL}`);
  return actor;
}
/** The organisation lists (figures' lists) are for those who read all; a member reads only their own participations. */
function staff(actor: Actor, what: string) { if (!readsAll(actor)) throw forbidden(what); }

export function inspectionsRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const { row, me } = await loadVisible(ctx, actor, id);
    return toDetail(ctx, row, actor, me);
  }
  const page = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({ items, total, page: q.page, pageSize: q.pageSize });

  app.get(API, {
    schema: { tags, summary: '调研视察列表（年度计划；按年度、类型、状态、阶段、牵头专委会、日期筛选，分页）', querystring: inspectionListQuery, response: { 200: inspectionPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    // a filter value the lifecycle does not know is a 400 naming the field, never an empty list
    const bad = q.state?.split(',').find((s) => !inspectionLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listInspections(ctx.db, actor, q);
    return page(await toListItems(ctx, rows), total, q);
  });

  app.get(`${API}/plan.docx`, {
    schema: { tags, summary: '年度调研视察工作计划（Word，公文版式：课题、提出单位、审定、牵头专委会、时间、地点、参加委员）', querystring: planDocxQuery, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const { year } = req.query;
    const { rows } = await listInspections(ctx.db, actor, { year, page: 1, pageSize: 1000 } as never);
    const org = (await orgFullNames(ctx.db, [actor.tenantId])).get(actor.tenantId) ?? '';
    const buf = await buildPlanDocx(await toListItems(ctx, rows), year, org, ctx.calendar.today());
    const name = `${org}${year}年度调研视察工作计划.docx`;
    return reply.header('content-type', docxType).header('content-disposition', `attachment; filename="plan-${year}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
  });

  app.get(`${API}/options`, {
    schema: { tags, summary: '调研视察的类型、状态、专委会、承办单位和委员（筛选与表单用）', response: { 200: inspectionOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const [committees, units, memberRows] = await Promise.all([listCommittees(ctx.db, actor.tenantId), listUnits(ctx.db, actor.tenantId), memberIdsOf(ctx.db, actor.tenantId).execute()]);
    const people = await findPeople(ctx.db, memberRows.map((m) => m.user_id));
    return {
      year: Number(ctx.calendar.today().slice(0, 4)),
      kinds: inspectionKinds.map((k) => ({ code: k, label: kindLabel(k) })),
      states: Object.entries(inspectionLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      committees: committees.map((c) => ({ code: c.id, label: c.short_name ?? c.name })),
      units: units.map((u) => ({ code: u.id, label: u.short_name ?? u.name })),
      members: [...people.values()].map((p) => ({ code: p.id, label: p.name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    };
  });

  app.get(`${API}/participations`, {
    schema: { tags, summary: '委员参加调研视察（签到）名单：本人的，或可查看全部者本级的', querystring: participationsQuery, response: { 200: participationsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    // one member's: themselves, or staff who read duty records (委员履职); everyone's: those who read all
    const mayRead = readsAll(actor) || (!!q.userId && (q.userId === actor.userId || can(actor, DUTY_RECORD_READ_ALL)));
    if (!mayRead) throw forbidden('查看他人的调研视察参加情况');
    const base = participationQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.select(['inspection_participants.id', 'inspection_participants.inspection_id', 'inspections.title', 'inspections.kind', 'inspection_participants.user_id', 'inspection_participants.name', 'inspections.planned_from', 'inspection_participants.signed_in_at'])
        .orderBy('inspections.planned_from', 'desc').orderBy('inspection_participants.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return page(rows.map((r) => ({ id: r.id, inspectionId: r.inspection_id, title: r.title, kindLabel: kindLabel(r.kind), userId: r.user_id, name: r.name, plannedFrom: r.planned_from, signedInAt: r.signed_in_at! })), Number(total.n), q);
  });

  app.get(`${API}/findings`, {
    schema: { tags, summary: '已报送报告反映的问题或提出的建议（统计口径）', querystring: findingsQuerySchema, response: { 200: findingsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    staff(actor, '查看调研视察统计');
    const q = req.query;
    const base = findingsQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.select(['inspection_findings.id', 'inspection_findings.inspection_id', 'inspections.title', 'inspections.kind', 'inspection_findings.seq', 'inspection_findings.text', 'inspections.planned_from'])
        .orderBy('inspections.planned_from', 'desc').orderBy('inspection_findings.inspection_id').orderBy('inspection_findings.seq').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return page(rows.map((r) => ({ id: r.id, inspectionId: r.inspection_id, title: r.title, kindLabel: kindLabel(r.kind), seq: Number(r.seq), text: r.text, plannedFrom: r.planned_from })), Number(total.n), q);
  });

  app.get(`${API}/instructions`, {
    schema: { tags, summary: '调研视察报告获得的领导批示（按批示日期）', querystring: instructionsQuerySchema, response: { 200: instructionsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    staff(actor, '查看调研视察统计');
    const q = req.query;
    const base = instructionsQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.select(['inspection_instructions.id', 'inspection_instructions.inspection_id', 'inspections.title', 'inspection_instructions.by_name', 'inspection_instructions.text', 'inspection_instructions.on_date'])
        .orderBy('inspection_instructions.on_date', 'desc').orderBy('inspection_instructions.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return page(rows.map((r) => ({ id: r.id, inspectionId: r.inspection_id, inspectionTitle: r.title, by: r.by_name, text: r.text, onDate: r.on_date })), Number(total.n), q);
  });

  app.post(API, {
    schema: { tags, summary: '列入调研视察计划（提出单位、牵头专委会、参加委员、考察地点、日期）', body: inspectionCreateBody, response: { 201: inspectionDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createInspection(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get(`${API}/:id`, {
    schema: { tags, summary: '调研视察详情（参加人员、行程、现场记录、报告、批示、办理过程、可执行的操作）', params: idParams, response: { 200: inspectionDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch(`${API}/:id`, {
    schema: { tags, summary: '修改调研视察计划（组织者，实地结束前；带版本号）', params: idParams, body: inspectionEditBody, response: { 200: inspectionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editInspection(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${API}/:id/transitions`, {
    schema: {
      tags, summary: '调研视察操作（审定、开始、结束实地、提交签发、签发、退回、报送、办结、取消）',
      description: '可执行的操作及其表单见详情的 actions。报送时报告中的建议转入建议落实。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: inspectionTransitionBody, response: { 200: inspectionDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireInspection(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.put(`${API}/:id/participants`, {
    schema: { tags, summary: '调整参加委员（已签到者不能移出）', params: idParams, body: participantsBody, response: { 200: inspectionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setParticipants(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.put(`${API}/:id/itinerary`, {
    schema: { tags, summary: '调整行程（考察日期、地点、内容）', params: idParams, body: itineraryBody, response: { 200: inspectionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setItinerary(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${API}/:id/stops/:stopId/visited`, {
    schema: { tags, summary: '标记考察点已考察（调研视察进行中）', params: idParams.extend({ stopId: z.string().min(1).max(40).describe('考察点编号') }), response: { 200: inspectionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await markVisited(ctx, actor, req.params.id, req.params.stopId, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${API}/:id/notes`, {
    schema: { tags, summary: '添加现场记录：笔记和照片，或收到的材料（参加人员和组织者，调研视察进行中及报告起草中）', params: idParams, body: noteBody, response: { 201: inspectionDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await addNote(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await detailOf(req.params.id, actor));
  });

  app.get(`${API}/:id/signin-code`, {
    schema: { tags, summary: '当日签到码（组织者展示，委员手机扫码）', params: idParams, response: { 200: z.object({ token: z.string(), validOn: z.string(), url: z.string() }), ...errors } },
  }, async (req) => signInCodeOf(ctx, user(req), req.params.id));

  app.post(`${API}/:id/signin`, {
    schema: { tags, summary: '扫码签到（委员本人，调研视察期间，一次）', params: idParams, body: signInBody, response: { 200: z.object({ inspectionId: z.string(), title: z.string(), name: z.string(), signedInAt: z.string() }), ...errors } },
  }, async (req) => signInByCode(ctx, user(req), req.params.id, req.body.token, req.ip));

  app.post(`${API}/:id/participants/:participantId/signin`, {
    schema: { tags, summary: '代为签到（组织者）', params: idParams.extend({ participantId: z.string().min(1).max(40).describe('参加人员编号') }), response: { 200: z.object({ inspectionId: z.string(), title: z.string(), name: z.string(), signedInAt: z.string() }), ...errors } },
  }, async (req) => signInFor(ctx, user(req), req.params.id, req.params.participantId, req.ip));

  app.put(`${API}/:id/report`, {
    schema: { tags, summary: '保存调研视察报告的新一稿（正文、问题、建议及责任单位；历次修订保留）', params: idParams, body: reportBody, response: { 200: inspectionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await saveReport(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.get(`${API}/:id/report/versions`, {
    schema: { tags, summary: '报告的历次修订稿（最新在前）', params: idParams, querystring: pageQuery, response: { 200: z.object({ items: z.array(reportVersion), total: z.number().int() }), ...errors } },
  }, async (req) => {
    const actor = user(req);
    await loadVisible(ctx, actor, req.params.id);
    const rows = await inspectionsDb(ctx.db).selectFrom('inspection_report_versions').selectAll().where('inspection_id', '=', req.params.id).orderBy('no', 'desc')
      .limit(req.query.pageSize).offset((req.query.page - 1) * req.query.pageSize).execute();
    const { n } = await inspectionsDb(ctx.db).selectFrom('inspection_report_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('inspection_id', '=', req.params.id).executeTakeFirstOrThrow();
    return {
      total: Number(n),
      items: rows.map((v) => ({ no: Number(v.no), title: v.title, body: v.body, problems: JSON.parse(v.problems), recommendations: JSON.parse(v.recommendations), note: v.note ?? null, authorName: v.author_name, createdAt: v.created_at })),
    };
  });

  app.get(`${API}/:id/report.docx`, {
    schema: { tags, summary: '调研视察报告（Word，公文版式）', params: idParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const d = await detailOf(req.params.id, actor);
    if (!d.report) throw new AppError('INVALID_TRANSITION', `${reportLabel(d.kind)}尚未起草`);
    const org = (await orgFullNames(ctx.db, [actor.tenantId])).get(actor.tenantId) ?? '';
    const committee = (await orgNames(ctx.db, [d.leadCommitteeId])).get(d.leadCommitteeId)?.name ?? '';
    const buf = await buildReportDocx(d, org, committee);
    const name = `${d.report.title}.docx`;
    return reply.header('content-type', docxType).header('content-disposition', `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
  });

  app.post(`${API}/:id/instructions`, {
    schema: { tags, summary: '记录领导批示（报告报送后）', params: idParams, body: instructionBody, response: { 201: inspectionDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await recordInstruction(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await detailOf(req.params.id, actor));
  });
}
