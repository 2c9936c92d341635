/**
 * HTTP routes under /api/meetings. Each route is thin: validate (the contract's zod schemas; a bad field is a 400
 * naming it in Chinese) → authorize → command → present. Every route declares tags, a Chinese summary and its
 * schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden, inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import { memberIdsOf } from '../../organizations/index.ts';
import {
  addParticipantsBody, attendancePage, attendanceQuery, idParams, leaveDecisionBody, leaveRequestBody, meetingCreateBody, meetingDetail, meetingEditBody,
  meetingListQuery, meetingOptions, meetingPage, participantParams, sessionParams, signInBody, signInCode, signInForBody, signInResult, speechBody,
  speechDecisionBody, speechListQuery, speechPage, speechParams,
} from '../contract.ts';
import { attendanceLabels, canSeeMeeting, canUseMeetings, manages, meetingKindLabels, meetingKinds, readsAll, type AttendanceCode, type MeetingKind } from '../domain/meeting-rules.ts';
import { meetingsLifecycle, meetingsTransitionBody } from '../domain/meetings-lifecycle.ts';
import {
  addParticipants, createMeeting, decideLeave, decideSpeech, editMeeting, fireMeeting, LABEL, mayReadDutyRecords, removeParticipant, requestLeave,
  signInByLink, signInCodeOf, signInFor, submitSpeech,
} from './commands.ts';
import { toDetail, toListItem, toSpeech } from './presenter.ts';
import { attendanceRows, findMeeting, listMeetings, participantOf, speechRows } from './repository.ts';

const tags = ['meetings'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ok = z.object({ ok: z.literal(true) });

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseMeetings(actor)) throw forbidden(`使用${LABEL}`);
  return actor;
}

export function meetingsRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const r = await findMeeting(ctx.db, id);
    const me = r && !readsAll(actor) ? await participantOf(ctx.db, id, actor.userId) : undefined;
    if (!r || !canSeeMeeting(r, actor, !!me)) throw notFound(LABEL);
    return toDetail(ctx, r, actor);
  }
  /** A member reads their own duty lists; the staff (or member.read_all) anyone's; the organisation's lists are the staff's. */
  function listScope(actor: Actor, userId?: string) {
    if (userId ? userId !== actor.userId && !mayReadDutyRecords(actor) : !readsAll(actor)) throw forbidden('查看他人的出勤与发言');
  }

  app.get('/api/meetings', {
    schema: { tags, summary: '会议列表（工作人员看本级全部；委员看通知自己参加的；按类别、状态、日期筛选）', querystring: meetingListQuery, response: { 200: meetingPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows, total } = await listMeetings(ctx.db, actor, req.query);
    return { items: rows.map(toListItem), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/meetings/options', {
    schema: { tags, summary: '会议类别、状态，及可增加的参会人员（工作人员）', response: { 200: meetingOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    let people: Array<{ userId: string; name: string }> = [];
    if (manages(actor)) {
      const ids = [...(await memberIdsOf(ctx.db, actor.tenantId).execute()).map((r) => r.user_id), ...(await tenantUsersHoldingRoles(ctx.db, actor.tenantId, ['leader']))];
      const names = await findPeople(ctx.db, ids);
      people = [...names.values()].map((p) => ({ userId: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    }
    return {
      kinds: meetingKinds.map((k) => ({ code: k, label: meetingKindLabels[k] })),
      states: Object.entries(meetingsLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      people,
    };
  });

  app.get('/api/meetings/attendance', {
    schema: { tags, summary: '出勤记录（已结束会议的参会人员：出席、请假、缺席；委员看本人的）', querystring: attendanceQuery, response: { 200: attendancePage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    // a member's own, unless they read others' duty records
    const q = { ...req.query, userId: req.query.userId ?? (readsAll(actor) ? undefined : actor.userId) };
    listScope(actor, q.userId);
    const base = attendanceRows(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.select(['p.id', 'p.meeting_id', 'm.title', 'p.kind', 'p.held_on', 'p.user_id', 'p.name', 'p.attendance', 'p.leave_reason', 'p.leave_state'])
        .orderBy('p.held_on', 'desc').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id, meetingId: r.meeting_id, meetingTitle: r.title, kind: r.kind, kindLabel: meetingKindLabels[r.kind as MeetingKind] ?? r.kind, heldOn: r.held_on,
        userId: r.user_id, name: r.name, attendance: r.attendance ?? 'absent', attendanceLabel: attendanceLabels[(r.attendance ?? 'absent') as AttendanceCode],
        leaveReason: r.leave_state ? r.leave_reason : null,
      })),
      total: Number(total.n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.get('/api/meetings/speeches', {
    schema: { tags, summary: '大会发言（按委员、会议、状态、日期；委员看本人的）', querystring: speechListQuery, response: { 200: speechPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = { ...req.query, userId: req.query.userId ?? (readsAll(actor) ? undefined : actor.userId) };
    listScope(actor, q.userId);
    const base = speechRows(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.selectAll('sp').select('m.title as meeting_title').orderBy('sp.held_on', 'desc').orderBy('sp.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toSpeech(r, r.meeting_title)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/meetings', {
    schema: { tags, summary: '新建会议（会次；参会人员按类别生成：全体委员、常委或主席会议成员）', body: meetingCreateBody, response: { 201: meetingDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createMeeting(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/meetings/:id', {
    schema: { tags, summary: '会议详情（议程、会次、参会人员与出勤、发言；actions 为可执行的操作）', params: idParams, response: { 200: meetingDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/meetings/:id', {
    schema: { tags, summary: '修改会议（名称、地点、说明、议程、会议材料；带版本号，并发修改返回 409）', params: idParams, body: meetingEditBody, response: { 200: meetingDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editMeeting(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/meetings/:id/transitions', {
    schema: { tags, summary: '会议操作（发出通知、结束会议）', description: '结束会议时按出席比例确定每人的出勤。版本号过期返回 409。', params: idParams, body: meetingsTransitionBody, response: { 200: meetingDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireMeeting(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.post('/api/meetings/:id/participants', {
    schema: { tags, summary: '增加参会人员（已通知的会议即时通知本人）', params: idParams, body: addParticipantsBody, response: { 200: meetingDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await addParticipants(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.delete('/api/meetings/:id/participants/:participantId', {
    schema: { tags, summary: '移出参会人员（未签到者）', params: participantParams, response: { 200: ok, ...errors } },
  }, async (req) => {
    await removeParticipant(ctx, user(req), req.params.id, req.params.participantId, req.ip);
    return { ok: true as const };
  });

  app.post('/api/meetings/:id/leave', {
    schema: { tags, summary: '请假（本人，会前，写明事由）', params: idParams, body: leaveRequestBody, response: { 200: meetingDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await requestLeave(ctx, actor, req.params.id, req.body.reason, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/meetings/:id/participants/:participantId/leave', {
    schema: { tags, summary: '审批请假（准假或不准假；带版本号）', params: participantParams, body: leaveDecisionBody, response: { 200: ok, ...errors } },
  }, async (req) => {
    await decideLeave(ctx, user(req), req.params.id, req.params.participantId, req.body, req.ip);
    return { ok: true as const };
  });

  app.get('/api/meetings/:id/sessions/:sessionId/signin-code', {
    schema: { tags, summary: '会次签到码（会场大屏展示的二维码链接；工作人员）', params: sessionParams, response: { 200: signInCode, ...errors } },
  }, async (req) => signInCodeOf(ctx, user(req), req.params.id, req.params.sessionId));

  app.post('/api/meetings/:id/sessions/:sessionId/signin', {
    schema: { tags, summary: '扫码签到（本人，签到时间内，每会次一次）', params: sessionParams, body: signInBody, response: { 200: signInResult, ...errors } },
  }, async (req) => signInByLink(ctx, user(req), req.params.id, req.params.sessionId, req.body, req.ip));

  app.post('/api/meetings/:id/sessions/:sessionId/signin-for', {
    schema: { tags, summary: '代为签到（工作人员标记到会，记入审计）', params: sessionParams, body: signInForBody, response: { 200: signInResult, ...errors } },
  }, async (req) => signInFor(ctx, user(req), req.params.id, req.params.sessionId, req.body.userId, req.ip));

  app.post('/api/meetings/:id/speeches', {
    schema: { tags, summary: '提交大会发言（书面或口头；参会委员）', params: idParams, body: speechBody, response: { 201: meetingDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    await submitSpeech(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await detailOf(req.params.id, actor));
  });

  app.post('/api/meetings/:id/speeches/:speechId/decision', {
    schema: { tags, summary: '遴选发言（采用或不采用；带版本号）', params: speechParams, body: speechDecisionBody, response: { 200: ok, ...errors } },
  }, async (req) => {
    await decideSpeech(ctx, user(req), req.params.id, req.params.speechId, req.body, req.ip);
    return { ok: true as const };
  });
}
