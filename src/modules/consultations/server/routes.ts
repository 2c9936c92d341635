/**
 * HTTP routes under /api/consultations. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize (permission and policy; a record the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField } from '../../../kernel/universal/errors.ts';
import { listCommittees, listSectors, listUnits } from '../../organizations/index.ts';
import {
  answerBody, consultationCreateBody, consultationDetail, consultationEditBody, consultationListQuery, consultationOptions, consultationPage, idParams, instructionBody,
  inviteBody, leaveDecisionBody, linkedQuery, linkedResponse, linksBody, outcomeBody, participantParams, participationListQuery, participationPage, signInBody, signInCode, signInResult, speechBody,
  speechesBody, statsQuery, statsResponse, versionQuery,
} from '../contract.ts';
import { consultationFormLabel, consultationForms, consultationFormLabels } from '../domain/consultation-forms.ts';
import { consultationLifecycle, consultationStateLabel, consultationTransitionBody, outcomeKindLabels, outcomeKinds } from '../domain/consultation-lifecycle.ts';
import { attendanceLabels, canUseConsultations, readsAll, type AttendanceStatus } from '../domain/consultation-rules.ts';
import {
  answer, arrangeSpeeches, createConsultation, decideLeave, editConsultation, fireConsultation, handInSpeech, invite, LABEL, loadVisible, recordInstruction, saveOutcome,
  setLinks, signInByLink, signInCodeOf, signInFor, uninvite,
} from './commands.ts';
import { consultationStats, mayReadMemberFigures } from './figures.ts';
import { toDetail, toListItems } from './presenter.ts';
import { allConsultations, consultationsLinkedTo, listConsultations, listParticipations } from './repository.ts';

const tags = ['consultations'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseConsultations(actor)) throw forbidden(`使用${LABEL}`);
  return actor;
}

export function consultationsRoutes(app: App, ctx: ModuleContext) {
  const detailOf = async (id: string, actor: Actor) => toDetail(ctx, (await loadVisible(ctx, actor, id)).row, actor);
  const checkState = (state: string | undefined) => {
    const bad = state?.split(',').find((s) => !consultationLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
  };

  app.get('/api/consultations', {
    schema: { tags, summary: `${LABEL}列表（办公室和领导：本级全部；专委会：本委牵头的；委员：受邀参加的；按状态、形式、专委会、逾期、日期筛选，分页）`, querystring: consultationListQuery, response: { 200: consultationPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    checkState(req.query.state);
    const today = ctx.calendar.today();
    const { rows, total } = await listConsultations(ctx.db, actor, req.query, today);
    return { items: await toListItems(ctx, rows, today), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/consultations/export.xlsx', {
    schema: { tags, summary: `${LABEL}列表 Excel（与列表相同的筛选）`, querystring: consultationListQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    checkState(req.query.state);
    const today = ctx.calendar.today();
    const items = await toListItems(ctx, await allConsultations(ctx.db, actor, req.query, today), today);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('协商活动');
    ws.columns = [
      { header: '协商议题', key: 'title', width: 40 }, { header: '协商形式', key: 'form', width: 18 }, { header: '牵头专委会', key: 'committee', width: 18 },
      { header: '会议日期', key: 'plannedOn', width: 12 }, { header: '地点', key: 'place', width: 18 }, { header: '状态', key: 'state', width: 10 },
      { header: '通知期限', key: 'noticeDue', width: 12 }, { header: '材料期限', key: 'materialsDue', width: 12 }, { header: '逾期', key: 'late', width: 14 },
    ];
    for (const i of items) {
      ws.addRow({
        title: i.title, form: i.formLabel, committee: i.leadCommitteeName, plannedOn: i.plannedOn, place: i.place ?? '', state: i.stateLabel, noticeDue: i.noticeDue, materialsDue: i.materialsDue,
        late: [i.noticeLate ? '通知逾期' : '', i.materialsLate ? '材料逾期' : ''].filter(Boolean).join('、'),
      });
    }
    ws.getRow(1).font = { bold: true };
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply.header('content-type', xlsxType).header('content-disposition', `attachment; filename="consultations.xlsx"; filename*=UTF-8''${encodeURIComponent('协商活动.xlsx')}`).send(buf);
  });

  app.get('/api/consultations/options', {
    schema: { tags, summary: `${LABEL}表单和筛选的选项：状态、协商形式、专委会、承办单位、界别、成果形式`, response: { 200: consultationOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const [committees, units, sectors] = await Promise.all([listCommittees(ctx.db, actor.tenantId), listUnits(ctx.db, actor.tenantId), listSectors(ctx.db, actor.tenantId)]);
    return {
      states: Object.entries(consultationLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      forms: consultationForms.map((code) => ({ code, label: consultationFormLabels[code] })),
      committees: committees.map((c) => ({ id: c.id, name: c.short_name ?? c.name })),
      units: units.map((u) => ({ id: u.id, name: u.short_name ?? u.name })),
      sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
      outcomeKinds: outcomeKinds.map((code) => ({ code, label: outcomeKindLabels[code] })),
    };
  });

  app.get('/api/consultations/stats', {
    schema: { tags, summary: `${LABEL}统计：一段时间的协商活动、召开、委员参加和发言、报送成果、逾期，按形式和牵头专委会，每个数字链接其记录`, querystring: statsQuery, response: { 200: statsResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!readsAll(actor)) throw forbidden('查看协商统计');
    if (req.query.from > req.query.to) throw new AppError('VALIDATION_FAILED', '「开始日期」不能晚于「结束日期」', { field: 'from' });
    return consultationStats(ctx, actor, req.query, ctx.calendar.today());
  });

  app.get('/api/consultations/links', {
    schema: { tags, summary: `关联协商：关联了某件提案或某篇社情民意信息的${LABEL}（只列出调用者可查看的）`, querystring: linkedQuery, response: { 200: linkedResponse, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const today = ctx.calendar.today();
    return { items: await toListItems(ctx, await consultationsLinkedTo(ctx.db, actor, req.query.entityType, req.query.id, today), today) };
  });

  app.get('/api/consultations/participations', {
    schema: { tags, summary: '委员参加协商：受邀、参会（已签到）、发言的记录（本人的，或可查看全部者本级的）', querystring: participationListQuery, response: { 200: participationPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    if (q.userId ? !mayReadMemberFigures(actor, q.userId) : !readsAll(actor)) throw forbidden('查看委员参加协商的记录');
    const { rows, total } = await listParticipations(ctx.db, actor.tenantId, q);
    return {
      items: rows.map((r) => ({
        id: r.id, consultationId: r.consultation_id, userId: r.user_id ?? null, name: r.name, status: r.status, statusLabel: attendanceLabels[r.status as AttendanceStatus] ?? r.status,
        signedInAt: r.signed_in_at ?? null, speechKind: r.speech_kind ?? null, title: r.title, form: r.form, formLabel: consultationFormLabel(r.form), plannedOn: r.planned_on, state: consultationStateLabel(r.state),
      })),
      total, page: q.page, pageSize: q.pageSize,
    };
  });

  app.post('/api/consultations', {
    schema: { tags, summary: `新建${LABEL}（筹备中；通知和材料期限按会议日期往前数工作日）`, body: consultationCreateBody, response: { 201: consultationDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createConsultation(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/consultations/:id', {
    schema: { tags, summary: `${LABEL}详情（参会人员、发言、成果、批示、办理过程、可执行的操作）`, params: idParams, response: { 200: consultationDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/consultations/:id', {
    schema: { tags, summary: `修改${LABEL}（会议召开前的安排，或会议纪要；带版本号，并发修改返回 409）`, params: idParams, body: consultationEditBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editConsultation(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/consultations/:id/transitions', {
    schema: {
      tags, summary: `${LABEL}操作（发出通知、发送材料、会议召开、起草成果、提交签发、签发、报送、办结）`,
      description: '可执行的操作及其表单见详情的 actions。报送时成果中的建议转入建议落实跟踪。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: consultationTransitionBody, response: { 200: consultationDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireConsultation(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input ?? {}, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.post('/api/consultations/:id/participants', {
    schema: { tags, summary: '邀请参会人员：委员（按专委会、按界别或逐个选择）、部门负责人、专家、特邀群众；通知发出后邀请的委员即收到邀请', params: idParams, body: inviteBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await invite(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.delete('/api/consultations/:id/participants/:participantId', {
    schema: { tags, summary: '取消邀请（会议召开前）', params: participantParams, querystring: versionQuery, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await uninvite(ctx, actor, req.params.id, req.params.participantId, req.query.version, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/consultations/:id/participants/:participantId/leave', {
    schema: { tags, summary: '审批请假（准假，或不准假并请委员重新答复；带参会人员的版本号）', params: participantParams, body: leaveDecisionBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await decideLeave(ctx, actor, req.params.id, req.params.participantId, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/consultations/:id/participants/:participantId/signin', {
    schema: { tags, summary: '代为签到（工作人员，会议当天；同一人不能重复签到，返回 409）', params: participantParams, response: { 200: signInResult, ...errors } },
  }, async (req) => signInFor(ctx, user(req), req.params.id, req.params.participantId, req.ip));

  app.post('/api/consultations/:id/answer', {
    schema: { tags, summary: '受邀委员确认参会或请假（请假须写明事由）', params: idParams, body: answerBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await answer(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.put('/api/consultations/:id/speech', {
    schema: { tags, summary: '受邀委员提交书面发言（会议召开前，可修改）', params: idParams, body: speechBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await handInSpeech(ctx, actor, req.params.id, req.body.text, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.put('/api/consultations/:id/speeches', {
    schema: { tags, summary: '安排发言顺序（口头、书面）及发言内容', params: idParams, body: speechesBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await arrangeSpeeches(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.get('/api/consultations/:id/signin-code', {
    schema: { tags, summary: '当天的签到码（会场大屏展示的二维码链接，仅会议当天有效）', params: idParams, response: { 200: signInCode, ...errors } },
  }, async (req) => signInCodeOf(ctx, user(req), req.params.id));

  app.post('/api/consultations/:id/signin', {
    schema: { tags, summary: '扫码签到（委员本人登录后打开会场签到码链接；不能替他人签到，不能重复签到）', params: idParams, body: signInBody, response: { 200: signInResult, ...errors } },
  }, async (req) => signInByLink(ctx, user(req), req.params.id, req.body, req.ip));

  app.put('/api/consultations/:id/outcome', {
    schema: { tags, summary: '协商成果：纪要、建议案或协商专报的正文及其建议（责任单位、办理时限）', params: idParams, body: outcomeBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await saveOutcome(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/consultations/:id/instructions', {
    schema: { tags, summary: '记录领导批示（成果报送后）', params: idParams, body: instructionBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await recordInstruction(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.put('/api/consultations/:id/links', {
    schema: { tags, summary: '关联协商形成的提案和社情民意信息', params: idParams, body: linksBody, response: { 200: consultationDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setLinks(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });
}

